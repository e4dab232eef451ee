// Supplier network performance for generated networks (200 / 1,000 / 3,000 nodes).
//   node bench/network-layout.mjs            -> the pure force layout, in Node
//   node bench/network-layout.mjs --browser  -> the same layout code in headless Chromium (playwright-core)
//   node bench/network-layout.mjs --element  -> <ocds-supplier-network> in headless Chromium: data in -> first frame
//                                               of positioned nodes -> layout settled and drawn; long tasks meanwhile
//   node bench/network-layout.mjs --d3 [--browser] -> the layout against the same one with d3-force doing the physics
//                                               (bench/force-layout-d3.ts), interleaved on the same graphs, medians
// `measureNetworkLayout()` and `measureNetworkElement()` are exported for `npm run bench`. Figures are wall-clock:
// never assert them in tests.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findChrome, chromeArgs } from '../test/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the layout and a network generator into one self-contained ES module (source text). */
async function bundle() {
  const entry = `
    import { createForceLayout } from './src/charts/force-layout.ts';
    import { createD3ForceLayout } from './bench/force-layout-d3.ts';
    export { createForceLayout };
    const layouts = { ours: createForceLayout, d3: createD3ForceLayout };
    /** A buyer/supplier graph like procurement data: ~1 buyer per 12 suppliers, a few suppliers selling to 2-3 buyers,
        skewed values. Seeded, so every run measures the same graph. */
    export function generateNetwork(count, seed = 7) {
      let a = seed >>> 0;
      const random = () => { a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
      const buyers = Math.max(1, Math.round(count / 13));
      const nodes = [];
      const links = [];
      for (let i = 0; i < buyers; i++) nodes.push({ id: 'buyer-' + i, hub: true, radius: 4 + 14 * random() ** 2 });
      for (let i = buyers; i < count; i++) {
        nodes.push({ id: 'supplier-' + i, radius: 3 + 12 * random() ** 4 });
        const links_ = 1 + (random() < 0.25 ? 1 : 0) + (random() < 0.08 ? 1 : 0);
        const seen = new Set();
        for (let k = 0; k < links_; k++) {
          const buyer = Math.floor(buyers * random() ** 2);
          if (seen.has(buyer)) continue;
          seen.add(buyer);
          links.push({ source: buyer, target: i });
        }
      }
      return { nodes, links };
    }
    /** Runs the layout in slices of at most sliceMs, as the element does between frames. */
    export function measure(count, sliceMs = 12, which = 'ours') {
      const { nodes, links } = generateNetwork(count);
      const t0 = performance.now();
      const layout = layouts[which](nodes, links, { aspect: 1.5 });
      const firstPlacementMs = performance.now() - t0;
      let longestSliceMs = 0;
      let slices = 0;
      while (!layout.done) {
        const s = performance.now();
        do layout.tick(1); while (!layout.done && performance.now() - s < sliceMs);
        longestSliceMs = Math.max(longestSliceMs, performance.now() - s);
        slices++;
      }
      const settledMs = performance.now() - t0;
      let finite = true;
      for (let i = 0; i < count; i++) finite &&= Number.isFinite(layout.x[i]) && Number.isFinite(layout.y[i]);
      return { nodes: count, links: links.length, ticks: layout.ticks, slices, firstPlacementMs, settledMs,
        msPerTick: (settledMs - firstPlacementMs) / layout.ticks, longestSliceMs, finite };
    }`;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  return result.outputFiles[0].text;
}

/**
 * @param {{ sizes?: number[], browser?: boolean }} [options]
 * @returns {Promise<Array<{ nodes: number, links: number, ticks: number, slices: number, firstPlacementMs: number,
 *   settledMs: number, msPerTick: number, longestSliceMs: number, finite: boolean }>>}
 */
export async function measureNetworkLayout({ sizes = [200, 1000, 3000], browser = false } = {}) {
  return withMeasure(browser, async (measure) => {
    const results = [];
    for (const size of sizes) results.push(await measure(size));
    return results;
  });
}

/**
 * The kit's layout and the d3-force one (bench/force-layout-d3.ts) on the same graphs, taking turns at going first,
 * `repetitions` times each after one untimed run of each: per size, the median settled time and longest slice of each.
 */
export async function compareWithD3Force({ sizes = [1000, 3000], browser = false, repetitions = 5 } = {}) {
  return withMeasure(browser, async (measure) => {
    await measure(300, 12, 'ours');
    await measure(300, 12, 'd3');
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const results = [];
    for (const size of sizes) {
      const runs = { ours: [], d3: [] };
      for (let i = 0; i < repetitions; i++) for (const which of i % 2 ? ['ours', 'd3'] : ['d3', 'ours']) runs[which].push(await measure(size, 12, which));
      const summary = (list) => ({ settledMs: median(list.map((r) => r.settledMs)), longestSliceMs: median(list.map((r) => r.longestSliceMs)) });
      results.push({ nodes: size, links: runs.ours[0].links, ours: summary(runs.ours), d3: summary(runs.d3), ratio: median(runs.d3.map((r, k) => r.settledMs / runs.ours[k].settledMs)) });
    }
    return results;
  });
}

/** Runs `use(measure)` with the bundled `measure` in Node or in headless Chromium. */
async function withMeasure(browser, use) {
  const code = await bundle();
  if (!browser) {
    const module = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
    return use(async (...args) => module.measure(...args));
  }
  const instance = await launch();
  try {
    const page = await instance.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ type: 'module', content: code.replace(/export\s*\{[^}]*\};?\s*$/, '') + '\nwindow.measure = measure;' });
    await page.waitForFunction(() => typeof window.measure === 'function');
    return await use((...args) => page.evaluate((args) => window.measure(...args), args));
  } finally {
    await instance.close();
  }
}

async function launch() {
  const { chromium } = await import('playwright-core');
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome or Chromium found (set CHROME_PATH).');
  return chromium.launch({ executablePath, headless: true, args: chromeArgs });
}

/**
 * The element, bundled (production Lit, Vega inlined), fed generated OCDS data with `limit` = the node count.
 * Vega is loaded and warmed up on a small network first, and the Dataset is built (`fromOcds`, timed apart as
 * `datasetMs`) before the clock starts: what is measured is Dataset in -> drawn, not the download or the parse.
 * @param {{ sizes?: number[] }} [options]
 * @returns {Promise<Array<{ nodes: number, releases: number, datasetMs: number, firstFrameMs: number, settledMs: number,
 *   longestTaskMs: number, tasksOver200ms: number, draws: number }>>}
 */
export async function measureNetworkElement({ sizes = [200, 1000, 3000] } = {}) {
  const entry = `
    import './components/supplier-network/define.ts';
    import { generateNetworkReleases } from './bench/network-data.ts';
    import { fromOcds } from './src/data/from-ocds.ts';
    window.measure = async (nodes) => {
      const host = document.getElementById('host');
      host.replaceChildren();
      const data = generateNetworkReleases(nodes);
      const element = document.createElement('ocds-supplier-network');
      element.limit = nodes;
      host.append(element);
      let longest = 0;
      let over = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          longest = Math.max(longest, entry.duration);
          if (entry.duration > 200) over++;
        }
      });
      observer.observe({ type: 'longtask' });
      let draws = 0;
      element.addEventListener('ocds-render', () => draws++);
      const read = performance.now();
      const dataset = fromOcds(data);
      const datasetMs = performance.now() - read;
      const start = performance.now();
      const first = new Promise((resolve) => element.addEventListener('ocds-render', resolve, { once: true }));
      element.sharedDataset = dataset;
      await first;
      const firstFrameMs = performance.now() - start;
      await element.layoutSettled;
      const settledMs = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return { nodes, releases: data.releases.length, datasetMs, firstFrameMs, settledMs, longestTaskMs: longest, tasksOver200ms: over, draws };
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-element.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    tsconfig: `${root}/tsconfig.json`,
  });
  const instance = await launch();
  try {
    const page = await instance.newPage({ viewport: { width: 1000, height: 800 } });
    await page.setContent('<!doctype html><title>bench</title><div id="host"></div>');
    await page.addScriptTag({ type: 'module', content: result.outputFiles[0].text });
    await page.waitForFunction(() => typeof window.measure === 'function');
    await page.evaluate(() => window.measure(30));
    const results = [];
    for (const size of sizes) results.push(await page.evaluate((n) => window.measure(n), size));
    return results;
  } finally {
    await instance.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--element')) {
  const results = await measureNetworkElement();
  console.log('<ocds-supplier-network> in headless Chromium (Dataset in -> drawn; fromOcds timed apart):');
  for (const r of results) {
    console.log(
      `  ${String(r.nodes).padStart(5)} nodes (${r.releases} releases, fromOcds ${r.datasetMs.toFixed(0)} ms): first frame ${r.firstFrameMs.toFixed(0)} ms, ` +
        `settled and drawn ${r.settledMs.toFixed(0)} ms, ${r.draws} draws, longest task ${r.longestTaskMs.toFixed(0)} ms, ` +
        `tasks over 200 ms: ${r.tasksOver200ms}`,
    );
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--d3')) {
  const browser = process.argv.includes('--browser');
  const results = await compareWithD3Force({ browser });
  console.log(`supplier-network layout, ours against d3-force (${browser ? 'headless Chromium' : `Node ${process.version}`}; medians of 5, interleaved):`);
  for (const r of results) {
    console.log(
      `  ${String(r.nodes).padStart(5)} nodes ${String(r.links).padStart(5)} links: ours settled ${r.ours.settledMs.toFixed(0)} ms (longest slice ` +
        `${r.ours.longestSliceMs.toFixed(1)} ms), d3-force ${r.d3.settledMs.toFixed(0)} ms (longest slice ${r.d3.longestSliceMs.toFixed(1)} ms): ` +
        `d3-force / ours ${r.ratio.toFixed(2)}x`,
    );
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = process.argv.includes('--browser');
  const results = await measureNetworkLayout({ browser });
  console.log(`supplier-network layout (${browser ? 'headless Chromium' : `Node ${process.version}`}):`);
  for (const r of results) {
    console.log(
      `  ${String(r.nodes).padStart(5)} nodes ${String(r.links).padStart(5)} links: first placement ${r.firstPlacementMs.toFixed(1)} ms, ` +
        `settled ${r.settledMs.toFixed(0)} ms (${r.ticks} ticks, ${r.msPerTick.toFixed(2)} ms/tick), ` +
        `longest slice ${r.longestSliceMs.toFixed(1)} ms${r.finite ? '' : ', NON-FINITE POSITIONS'}`,
    );
  }
}
