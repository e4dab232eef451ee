// Loads an element's code the first time the page uses its tag. The CDN entry stays a few kilobytes: each element
// (with Lit and its chart code) arrives in its own chunks, the data core in one more once there is data to read, and
// Vega later still, once a chart nears the viewport (components/base).

/** Every ocds-widgets tag and the module that defines it. */
export const ELEMENT_MODULES: Readonly<Record<string, () => Promise<unknown>>> = {
  'ocds-spending-by-stage': () => import('./spending-by-stage/define.js'),
  'ocds-contract-timeline': () => import('./contract-timeline/define.js'),
  'ocds-supplier-network': () => import('./supplier-network/define.js'),
  'ocds-breakdown': () => import('./breakdown/define.js'),
  'ocds-process-table': () => import('./process-table/define.js'),
  'ocds-dataset': () => import('./dataset/define.js'),
  'ocds-data-quality': () => import('./data-quality/define.js'),
  'ocds-red-flags': () => import('./red-flags/define.js'),
};

const requested = new Map<string, Promise<void>>();

/** Defines `tag` (an ocds-widgets tag) and resolves once it is defined. */
export function loadElement(tag: string): Promise<void> {
  const load = ELEMENT_MODULES[tag];
  if (!load) return Promise.reject(new Error(`ocds-widgets: unknown element <${tag}>.`));
  let loading = requested.get(tag);
  if (!loading) {
    loading = load().then(
      () => undefined,
      (error: unknown) => {
        // A failed chunk (offline, a proxy) may load on the next attempt.
        requested.delete(tag);
        throw error;
      },
    );
    requested.set(tag, loading);
  }
  return loading;
}

/** Defines every ocds-widgets element. */
export async function loadAllElements(): Promise<void> {
  await Promise.all(Object.keys(ELEMENT_MODULES).map(loadElement));
}

let dataCoreRequested = false;

/**
 * Starts loading the data core beside the element chunks, rather than after them, for a page with a tag that has
 * `src`: the data request then starts no later than when the core was part of every element's chunks.
 */
export function preloadDataCore(): void {
  if (dataCoreRequested) return;
  dataCoreRequested = true;
  // A failure here is reported by the element, which asks for the data core again.
  import('./base/data-core.js').then((module) => module.dataCore.load()).catch(() => undefined);
}

/** Defines each ocds-widgets element as soon as `document` contains it, now or later. */
export function autoloadElements(document: Document): void {
  const tags = Object.keys(ELEMENT_MODULES);
  const withSource = tags.map((tag) => `${tag}[src]`).join();
  const scan = () => {
    if (!dataCoreRequested && document.querySelector(withSource)) preloadDataCore();
    for (const tag of tags) {
      if (!requested.has(tag) && document.querySelector(tag)) {
        loadElement(tag).catch((error: unknown) => console.error(`ocds-widgets: could not load <${tag}>.`, error));
      }
    }
    // Every element requested: nothing left to watch for.
    if (tags.every((tag) => requested.has(tag))) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
}
