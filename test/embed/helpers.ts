// Helpers for the end-to-end tests: they open pages that load the BUILT CDN bundle (/dist/cdn/, from `npm run
// build`) in iframes, as a reader's browser would, against the local OCDS API the test runner serves.

export interface OpenedPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  document: Document;
}

/** Opens `url` in an iframe of the test page and resolves once it has loaded. */
export async function openPage(url: string, size: { width?: number; height?: number } = {}): Promise<OpenedPage> {
  const frame = document.createElement('iframe');
  frame.width = String(size.width ?? 800);
  frame.height = String(size.height ?? 600);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { frame, window: frame.contentWindow as Window & typeof globalThis, document: frame.contentDocument! };
}

/** Polls `check` until it returns a truthy value (resolved with it), or fails with `what` after `timeout` ms. */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 15_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A chart element as the tests see it (the built classes are not imported here). */
export type ChartLike = HTMLElement & {
  status: string;
  rows: Record<string, unknown>[];
  select(id: string): void;
};

/** Resolves once the chart has data, has drawn its SVG and shown what follows it (summary, list, source line). */
export async function drawn(element: Element): Promise<ChartLike> {
  const chart = element as ChartLike & { rendered?: Promise<void> };
  await until(() => chart.status === 'ready' && chart.shadowRoot?.querySelector('[part~="chart"] svg') && chart, `<${element.localName}> to draw`);
  await chart.rendered;
  return chart;
}

/** Script URLs the page has requested so far. */
export function requestedScripts(window: Window): string[] {
  return window.performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js'));
}

export async function json(url: string): Promise<any> {
  return (await fetch(url)).json();
}

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Paraguay DNCP record package in the demo data: one process, one award shared by four suppliers, four contracts. */
export const PARAGUAY_RECORD = '/api/files/paraguay-dncp/sample-data/records/277004.json';
