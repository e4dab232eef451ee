// What every hostile case is checked with: a fresh run context, the requests the page made, errors thrown to the
// page, and the element outcomes.
import { expect } from '@open-wc/testing';
import type { CaseRun, Expected, HostileCase } from './cases.js';
import type { AnyChartElement } from './elements.js';

let runs = 0;

export function newRun(): CaseRun {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return { key: `hostile-${Date.now()}-${++runs}`, otherOrigin: `${location.protocol}//${other}:${location.port}` };
}

/** Errors and rejections that reached the page (nothing may). */
const pageErrors: string[] = [];
window.addEventListener('error', (event) => pageErrors.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => pageErrors.push(`unhandledrejection: ${String(event.reason)}`));

export function expectPageSilent(): void {
  const errors = pageErrors.splice(0);
  expect(errors, errors.join('\n')).to.deep.equal([]);
  expect((window as { __ocdsHostile?: unknown }).__ocdsHostile, 'hostile text ran as code').to.equal(undefined);
}

/** Records the URL of every request the page makes from now on (Resource Timing). */
export function watchRequests(): { stop: () => Promise<string[]> } {
  const urls: string[] = [];
  performance.setResourceTimingBufferSize(100_000);
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => urls.push(entry.name)));
  observer.observe({ type: 'resource', buffered: false });
  return {
    stop: async () => {
      // Entries are delivered asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 30));
      observer.takeRecords().forEach((entry) => urls.push(entry.name));
      observer.disconnect();
      return urls;
    },
  };
}

/** Requests only went to the page's origin (scripts, the API) or the case's data origin. */
export function expectRequestsOnlyTo(urls: string[], origins: (string | undefined)[]): void {
  const allowed = new Set(origins.filter(Boolean));
  const elsewhere = urls.filter((url) => !allowed.has(new URL(url).origin));
  expect(elsewhere, `requests went elsewhere: ${elsewhere.join(', ')}`).to.deep.equal([]);
}

export async function requestCount(key: string): Promise<number> {
  return ((await (await fetch(`/api/_stats?key=${encodeURIComponent(key)}`)).json()) as { requests: number }).requests;
}

/** The ocids a ready case must yield, read straight from a response with JSON.parse when not listed. */
export async function expectedOcids(expected: Extract<Expected, { outcome: 'ready' }>, run: CaseRun): Promise<string[]> {
  if (Array.isArray(expected.ocids)) return [...expected.ocids].sort();
  const text = await (await fetch(expected.ocids.from(run))).text();
  const ocids = new Set<string>();
  if (expected.ocids.read === 'package') {
    for (const release of (JSON.parse(text) as { releases: { ocid: string }[] }).releases) ocids.add(release.ocid);
  } else {
    for (const line of text.split('\n')) {
      try {
        ocids.add((JSON.parse(line) as { ocid: string }).ocid);
      } catch {
        // The cut-off last line.
      }
    }
  }
  return [...ocids].sort();
}

export function describeExpected(expected: Expected): string {
  return expected.outcome === 'ready' ? 'ready' : `error ${expected.code} (${expected.phase})`;
}

/** Waits until `element` has settled on ready or error (and drawn), failing after `ms`. */
export async function settled(element: AnyChartElement, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (element.status === 'idle' || element.status === 'loading') {
    if (performance.now() > deadline) throw new Error(`<${element.localName}> still ${element.status} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  let timer = 0;
  await Promise.race([
    element.rendered,
    new Promise((_, reject) => {
      timer = window.setTimeout(() => reject(new Error(`<${element.localName}> did not finish drawing within ${ms} ms`)), Math.max(0, deadline - performance.now()) + 2000);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function attributesOf(hostileCase: HostileCase, run: CaseRun): Record<string, string> {
  const attributes: Record<string, string> = { src: hostileCase.url(run) };
  if (hostileCase.options?.timeout) attributes.timeout = String(hostileCase.options.timeout);
  if (hostileCase.options?.maxPages) attributes['max-pages'] = String(hostileCase.options.maxPages);
  return attributes;
}

/** Every numeric field of every row is a finite number. */
export function expectFiniteRows(rows: object[], where: string): void {
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === 'number') expect(Number.isFinite(value), `${where}: ${field} = ${value}`).to.equal(true);
    }
  }
}
