import { OcdsError } from '../../src/data/types.js';

/** A module loaded on first need: `value` once loaded (so later uses stay synchronous), `load()` to get it. */
export interface Lazy<T> {
  readonly value: T | undefined;
  load(): Promise<T>;
}

/**
 * Wraps `importer` (an `import()` of a chunk): it runs once, and again after a failure, which rejects with an
 * OcdsError `network` — shown like any unreachable server, since the reader's remedy (connection, retry) is the same.
 */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      pending ??= importer().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          pending = undefined;
          throw new OcdsError('network', 'Could not load a part of ocds-widgets.', { cause: error });
        },
      );
      return pending;
    },
  };
}
