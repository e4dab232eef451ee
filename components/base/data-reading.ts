// How an element (a chart, or <ocds-dataset>) gets its Dataset: loading `src`, reading `data`, or given one loaded
// elsewhere — one at a time (a new reading cancels the last), and only once the code it needs has loaded: the data
// core (components/base/data-core.ts) and the element's own data code. When that code has loaded already, reading
// `data` or taking a Dataset stays within the current update, as it was when the code came with the element.
import type { Dataset, LoadOptions, LoadProgress } from '../../src/data/types.js';
import { dataCore } from './data-core.js';
import { lazy, type Lazy } from './lazy.js';

/** The reader of summary documents (`ocds-widgets summarize`): a chunk loaded only when `data` is one. */
const summaryCode = lazy(() => import('../../src/summary/dataset.js'));

export type ReadingPhase = 'fetch' | 'parse';

/**
 * Can "Try again" help with this failure? `phase` is where it happened (`fetch`: loading `src` or code). It can when
 * the network or the server failed (the code chunks are fetched too, so reading `data` can fail so), or a fetched
 * answer was cut off or a web page (a maintenance or login page); data that is not JSON or not OCDS, a bad URL, a
 * refused redirect, too much data or a drawing error fail again the same way.
 */
export function retryMayHelp(code: string | undefined, phase: string): boolean {
  return code ? /^(network|timeout|http-status|aborted)$/.test(code) || (phase === 'fetch' && /^(truncated|html)$/.test(code)) : phase === 'fetch';
}

export interface ReadingHost {
  /** The reading waits for the network or for code: show the loading state. */
  loading(): void;
  /** `shared`: a Dataset loaded elsewhere (take), not by this element's own `src` or `data`. */
  accept(dataset: Dataset, shared: boolean): void;
  fail(error: unknown, phase: ReadingPhase): void;
}

export class DataReading {
  private controller?: AbortController;
  /** Code still loading before a reading can go on (the element's updateComplete waits for it). */
  private waiting?: Promise<void>;

  constructor(private readonly host: ReadingHost) {}

  /** Cancels the reading under way (the element was removed, or its source changed). */
  cancel(): void {
    this.controller?.abort();
  }

  /** Loads `src` through the page's shared load, once the data core and `code` have loaded. */
  load(src: string, options: Omit<LoadOptions, 'signal'>, code?: Lazy<unknown>): void {
    const signal = this.start();
    this.host.loading();
    const onProgress = (progress: LoadProgress) => {
      if (!signal.aborted) options.onProgress?.(progress);
    };
    Promise.all([dataCore.load(), code?.load()])
      .then(([core]) => {
        signal.throwIfAborted();
        return core.sharedLoad(src, { ...options, signal, onProgress });
      })
      .then(
        (dataset) => {
          if (!signal.aborted) this.host.accept(dataset, false);
        },
        (error: unknown) => {
          if (!signal.aborted) this.host.fail(error, 'fetch');
        },
      );
  }

  /** Reads `data` (any OCDS value `fromOcds` takes) once the data core and `code` have loaded. */
  read(data: unknown, root: string | undefined, code?: Lazy<unknown>): void {
    const summary = (data as { type?: unknown } | null)?.type === 'ocds-widgets-summary';
    this.afterCode([dataCore, code, summary ? summaryCode : undefined], () => {
      try {
        this.host.accept(summary ? summaryCode.value!.summaryDataset(data) : dataCore.value!.fromOcds(data, { root }), false);
      } catch (error) {
        this.host.fail(error, 'parse');
      }
    });
  }

  /** Takes a Dataset loaded elsewhere (by <ocds-dataset>) once `code` has loaded. */
  take(dataset: Dataset, code?: Lazy<unknown>): void {
    this.afterCode([code], () => this.host.accept(dataset, true));
  }

  /** Resolves as `update` (the element's own updateComplete) does, after any code a reading waits for. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let complete = await update();
    while (this.waiting) {
      const waiting = this.waiting;
      await waiting;
      if (this.waiting === waiting) this.waiting = undefined;
      complete = await update();
    }
    return complete;
  }

  private start(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  /** Runs `then` at once when `needs` have loaded, else when their chunks arrive (showing the loading state). */
  private afterCode(needs: (Lazy<unknown> | undefined)[], then: () => void): void {
    const missing = needs.filter((code): code is Lazy<unknown> => code !== undefined && !code.value);
    const signal = this.start();
    if (!missing.length) return then();
    this.host.loading();
    this.waiting = Promise.all(missing.map((code) => code.load())).then(
      () => {
        if (!signal.aborted) then();
      },
      (error: unknown) => {
        if (!signal.aborted) this.host.fail(error, 'fetch');
      },
    );
  }
}
