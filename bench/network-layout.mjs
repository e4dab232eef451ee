// Layout time of the supplier network's force layout for generated networks (200 / 1,000 / 3,000 nodes).
//   node bench/network-layout.mjs            -> the pure layout, in Node
//   node bench/network-layout.mjs --browser  -> the same code in headless Chromium (playwright-core)
// `measureNetworkLayout()` is exported for `npm run bench`. Figures are wall-clock: never assert them in tests.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findChrome, chromeArgs } from '../test/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the layout and a network generator into one self-contained ES module (source text). */
async function bundle() {
  const entry = `
    import { createForceLayout } from './src/charts/force-layout.ts';
    export { createForceLayout };
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
    export function measure(count, sliceMs = 12) {
      const { nodes, links } = generateNetwork(count);
      const t0 = performance.now();
      const layout = createForceLayout(nodes, links, { aspect: 1.5 });
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
  const code = await bundle();
  if (!browser) {
    const module = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
    return sizes.map((size) => module.measure(size));
  }
  const { chromium } = await import('playwright-core');
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome or Chromium found (set CHROME_PATH).');
  const instance = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
  try {
    const page = await instance.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ type: 'module', content: code.replace(/export\s*\{[^}]*\};?\s*$/, '') + '\nwindow.measure = measure;' });
    await page.waitForFunction(() => typeof window.measure === 'function');
    const results = [];
    for (const size of sizes) results.push(await page.evaluate((n) => window.measure(n), size));
    return results;
  } finally {
    await instance.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
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
