// One load per URL on the page: elements pointing at the same `src` share one request. Each caller's signal
// only detaches that caller; the request is cancelled when nobody waits any more. Finished loads are kept in
// a small LRU cache (the Dataset is shared: treat it as read-only); failed loads are not kept.
import { loadOcds } from './load.js';
import { OcdsError, type Dataset, type LoadOptions, type LoadProgress } from './types.js';

const CACHE_SIZE = 8;

interface InFlight {
  promise: Promise<Dataset>;
  controller: AbortController;
  waiters: number;
  listeners: Set<(progress: LoadProgress) => void>;
  /** The latest progress, replayed to callers who join late. */
  progress: { latest?: LoadProgress };
}

const inFlight = new Map<string, InFlight>();
const finished = new Map<string, Dataset>();

/** Options that change the result make a different load; signal and onProgress do not. */
function loadKey(url: string, options: LoadOptions): string {
  let resolved = url;
  try {
    resolved = new URL(url, (globalThis as { location?: { href?: string } }).location?.href).href;
  } catch {
    // loadOcds reports the bad URL.
  }
  return JSON.stringify([
    resolved,
    options.maxPages ?? null,
    options.root ?? null,
    [...(options.followOrigins ?? [])].sort(),
    options.timeout ?? null,
    options.maxBytes ?? null,
    options.retries ?? null,
  ]);
}

export function sharedLoad(url: string, options: LoadOptions & { signal?: AbortSignal }): Promise<Dataset> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new OcdsError('aborted', 'Loading was cancelled.', { url, cause: signal.reason }));
  const key = loadKey(url, options);
  const cached = finished.get(key);
  if (cached) {
    finished.delete(key); // re-insert: most recently used last
    finished.set(key, cached);
    return Promise.resolve(cached);
  }

  let entry = inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const listeners = new Set<(progress: LoadProgress) => void>();
    const progress: InFlight['progress'] = {};
    const promise = loadOcds(url, {
      ...options,
      signal: controller.signal,
      onProgress: (latest) => {
        progress.latest = latest;
        listeners.forEach((listener) => listener(latest));
      },
    });
    const created: InFlight = { promise, controller, waiters: 0, listeners, progress };
    entry = created;
    inFlight.set(key, created);
    promise.then(
      (dataset) => {
        if (inFlight.get(key) === created) inFlight.delete(key);
        finished.set(key, dataset);
        while (finished.size > CACHE_SIZE) finished.delete(finished.keys().next().value!);
      },
      () => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      },
    );
  }
  return join(entry, key, url, signal, onProgress);
}

function join(
  entry: InFlight,
  key: string,
  url: string,
  signal: AbortSignal | undefined,
  onProgress: ((progress: LoadProgress) => void) | undefined,
): Promise<Dataset> {
  entry.waiters++;
  if (onProgress) {
    entry.listeners.add(onProgress);
    if (entry.progress.latest) onProgress(entry.progress.latest);
  }
  return new Promise<Dataset>((resolve, reject) => {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      signal?.removeEventListener('abort', onAbort);
      if (onProgress) entry.listeners.delete(onProgress);
      entry.waiters--;
    };
    const onAbort = () => {
      leave();
      reject(new OcdsError('aborted', 'Loading was cancelled.', { url, cause: signal?.reason }));
      if (entry.waiters === 0) {
        // Nobody waits any more: cancel the request and let the next caller start afresh.
        if (inFlight.get(key) === entry) inFlight.delete(key);
        entry.controller.abort();
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (dataset) => {
        leave();
        resolve(dataset);
      },
      (error) => {
        leave();
        reject(error);
      },
    );
  });
}
