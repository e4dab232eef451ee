// Measurements of the data core, run inside the bench page (Chromium started with --expose-gc and precise memory).
// Each function returns plain numbers; the harness (bench/run.mjs) takes medians and ratios.
import * as core from '/run/bundle/core.js';
import { readPages } from './read-pages.js';

/** Names the built core exports, so the harness can say which figures are not available yet. */
export const exported = Object.keys(core);

// Large enough for the 50,000-release walk (500 pages) and whole file; the defaults protect readers, not benchmarks.
const LOAD_OPTIONS = { maxPages: 10_000, maxBytes: 1_000_000_000, timeout: 120_000 };

function collectGarbage() {
  // Twice: the first pass can leave objects kept alive only by weak/finalisation bookkeeping.
  globalThis.gc();
  globalThis.gc();
}

/** The floor: read `url` once (fetch + JSON.parse of every page), keep nothing. */
async function timeFloor(url) {
  collectGarbage();
  const start = performance.now();
  const { packages, bytes, parseMs } = await readPages(url);
  const floorMs = performance.now() - start;
  return { floorMs, parseMs, bytes, releases: packages.reduce((sum, pkg) => sum + pkg.releases.length, 0) };
}

/** The core's full load of `url`; the last progress report comes after the last page is read, then it builds. */
async function timeLoad(url) {
  collectGarbage();
  const start = performance.now();
  let readAt = start;
  const dataset = await core.loadOcds(url, { ...LOAD_OPTIONS, onProgress: () => { readAt = performance.now(); } });
  return { dataset, loadMs: performance.now() - start, readMs: readAt - start };
}

/**
 * One repetition: the floor and the core's load of the same URL (in the order given, so repetitions can alternate
 * which one runs on a warmer page), then each analysis function on the loaded dataset.
 */
export async function throughput(url, loadFirst = false) {
  let floor;
  let load;
  if (loadFirst) {
    load = await timeLoad(url);
    floor = await timeFloor(url);
  } else {
    floor = await timeFloor(url);
    load = await timeLoad(url);
  }
  const { dataset, loadMs, readMs } = load;
  const analysis = {};
  for (const name of ['spendingByStage', 'timelineRows', 'supplierNetwork']) {
    if (typeof core[name] !== 'function') continue;
    const start = performance.now();
    core[name](dataset);
    analysis[name] = performance.now() - start;
  }
  return {
    ...floor, loadMs, readMs, analysis,
    loaded: { releases: dataset.meta.releases, processes: dataset.processes.length, issues: dataset.issues.length, complete: dataset.meta.complete, bytes: dataset.meta.bytes },
  };
}

/** Pure CPU, no network: `fromOcds(text)` of the whole file against `JSON.parse(text)` of the same text. */
export async function fromTextVsParse(url, repetitions) {
  const text = await (await fetch(url)).text();
  const parse = [];
  const fromOcds = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    let start = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - start);
    collectGarbage();
    start = performance.now();
    core.fromOcds(text);
    fromOcds.push(performance.now() - start);
  }
  return { parse, fromOcds };
}

/**
 * Pure CPU, no network, step by step: the bytes of `urls` (one whole file, or every page of a walk) are fetched first;
 * then, per repetition, the floor — decode + `JSON.parse` of each — and the core's own steps on the same bytes, as
 * `fromOcds(bytes)` and `loadOcds` take them: decode, parse (`parseOcdsText`), shapes (`readOcdsContent`), then one
 * `buildDataset` over everything read, which times its own steps (repair, order, upgrade, merge, model).
 */
export async function coreByPhase(urls, repetitions, warmUrls = []) {
  const read = async (list) => Promise.all(list.map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
  // A first pass over a few pages compiles the code, so no repetition pays for that.
  for (const buffer of await read(warmUrls)) core.fromOcds(buffer);
  const buffers = await read(urls);
  const decoder = new TextDecoder();
  const runs = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    let start = performance.now();
    for (const buffer of buffers) JSON.parse(decoder.decode(buffer));
    const floorMs = performance.now() - start;
    // The same, keeping every parsed page until the last is read, as one JSON.parse of a whole file keeps its
    // value and as the core keeps what it reads: the garbage collector then works on a heap of the data's size.
    collectGarbage();
    start = performance.now();
    let keptPages = buffers.map((buffer) => JSON.parse(decoder.decode(buffer)));
    const floorKeptMs = performance.now() - start;
    keptPages = undefined;
    collectGarbage();
    const phases = { decode: 0, parse: 0, shapes: 0 };
    const contents = [];
    const ignore = () => {};
    const begin = performance.now();
    for (const buffer of buffers) {
      start = performance.now();
      const text = core.decodeOcdsBytes(buffer, ignore);
      phases.decode += performance.now() - start;
      start = performance.now();
      const documents = core.parseOcdsText(text, ignore);
      phases.parse += performance.now() - start;
      start = performance.now();
      for (const document of documents) contents.push(core.readOcdsContent(document, {}, ignore));
      phases.shapes += performance.now() - start;
    }
    const dataset = core.buildDataset(contents, { phases, pages: buffers.length, bytes: buffers.reduce((sum, b) => sum + b.byteLength, 0) });
    const coreMs = performance.now() - begin;
    runs.push({ floorMs, floorKeptMs, coreMs, phases, releases: dataset.meta.releases, processes: dataset.processes.length, bytes: dataset.meta.bytes });
  }
  return runs;
}

/**
 * Pure CPU, no network: `fromOcds(text)` of the whole file, then `breakdown` of the model by each dimension (measure
 * `awarded`), so each breakdown is read against the model's build time in the same page.
 */
export async function breakdownVsFromOcds(url, repetitions) {
  const text = await (await fetch(url)).text();
  const fromOcds = [];
  const breakdown = {};
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    let start = performance.now();
    const dataset = core.fromOcds(text);
    fromOcds.push(performance.now() - start);
    for (const by of core.BREAKDOWN_BY) {
      // `time` is `year` (its default interval): measured once, as year.
      if (by === 'time') continue;
      start = performance.now();
      core.breakdown(dataset, { by, measure: 'awarded' });
      (breakdown[by] ??= []).push(performance.now() - start);
    }
  }
  return { fromOcds, breakdown };
}

let kept; // what a page keeps after loading; held here so the heap measurement sees it

/** JS heap kept by one load of `url` (garbage collected before and after); `what` as in `heapAfterLoads`. */
async function heapAfterLoad(url, what) {
  kept = undefined;
  collectGarbage();
  const before = performance.memory.usedJSHeapSize;
  let bytes;
  if (what === 'dataset') {
    kept = await core.loadOcds(url, LOAD_OPTIONS);
    bytes = kept.meta.bytes;
  } else {
    const floor = await readPages(url);
    kept = floor.packages;
    bytes = floor.bytes;
  }
  collectGarbage();
  const heapBytes = performance.memory.usedJSHeapSize - before;
  return { heapBytes, bytes };
}

/**
 * JS heap kept after loading, for `what` = 'dataset' (loadOcds) or 'parsed' (the floor: the parsed packages alone),
 * twice in the same fresh page: the first load also leaves the page's one-time costs (compiled code, type feedback)
 * on the heap; the second, of `secondUrl` after the first is dropped, holds the data alone.
 */
export async function heapAfterLoads(firstUrl, secondUrl, what) {
  const first = await heapAfterLoad(firstUrl, what);
  const second = await heapAfterLoad(secondUrl, what);
  kept = undefined;
  return { first: first.heapBytes, second: second.heapBytes, bytes: second.bytes };
}

/** The longest main-thread task (Long Tasks API: tasks over 50 ms) while `loadOcds(url)` runs. */
export async function longestTaskDuringLoad(url) {
  const durations = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  collectGarbage();
  const start = performance.now();
  await core.loadOcds(url, LOAD_OPTIONS);
  const loadMs = performance.now() - start;
  // Long-task entries are delivered after the task ends: give the observer one more turn, then drain it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) durations.push(entry.duration);
  observer.disconnect();
  return { loadMs, longest: Math.max(0, ...durations), longTasks: durations.length, over200: durations.filter((d) => d > 200).length };
}

/** `redFlags(dataset)` (every indicator, default settings) against `fromOcds(text)` of the same text, in one run. */
export async function redFlagsVsFromOcds(url, repetitions) {
  const text = await (await fetch(url)).text();
  const fromOcds = [];
  const redFlags = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    let start = performance.now();
    const dataset = core.fromOcds(text);
    fromOcds.push(performance.now() - start);
    collectGarbage();
    start = performance.now();
    core.redFlags(dataset);
    redFlags.push(performance.now() - start);
  }
  return { fromOcds, redFlags };
}
