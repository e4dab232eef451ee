import { VERSION } from './version.js';

/** A constructor that says which ocds-widgets version it came from. */
export type VersionedElement = CustomElementConstructor & { version?: string };

/** Whether this copy of ocds-widgets has warned already: a copy finding its tags taken says so once, not per tag. */
let warned = false;

/**
 * Registers `tag` once. Newsroom pages often load two copies of the script: a second define of the same class is a
 * no-op, and a different copy finding the tag taken keeps the first one and warns (once) when the versions differ.
 */
export function defineElement(tag: string, constructor: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing === constructor) return;
  const version = constructor.version ?? VERSION;
  if (existing.version !== version && !warned) {
    warned = true;
    console.warn(
      `ocds-widgets: <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `this copy (version ${version}) is not used, for it or any other tag defined first. Load ocds-widgets once per page.`,
    );
  }
}
