// Where `loadOcds` spends its time: a CPU profile of one load of generated releases in headless Chromium, printed
// as the functions with the most self time. For the "why" behind the data-core figures of `npm run bench`.
//   node bench/profile.mjs [releases=10000] [--one-file]
// Profiles the work tree's src/ (bundled unminified, so function names are readable), after one warm-up load.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../test/find-chrome.mjs';
import { generateNetworkReleases } from './generate.mjs';
import { startServer, writeDataset } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const size = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const oneFile = process.argv.includes('--one-file');
const TOP = 25;

await mkdir(join(benchDir, 'tmp'), { recursive: true });
const runDir = await mkdtemp(join(benchDir, 'tmp', 'profile-'));
await build({
  root,
  configFile: false,
  logLevel: 'error',
  build: { outDir: join(runDir, 'bundle'), emptyOutDir: true, target: 'es2022', minify: false, lib: { entry: { core: join(root, 'src', 'index.ts') }, formats: ['es'] } },
});
const dir = join(runDir, 'data', String(size));
const datasets = new Map([[size, { dir, ...(await writeDataset(dir, size)) }]]);
const server = await startServer({ benchDir, runDir, datasets, networkReleases: generateNetworkReleases });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/bench/pages/bench.html`);
  const url = (run) => `${server.origin}${oneFile ? `/api/releases.json?size=${size}` : `/api/releases?size=${size}&page=1`}&run=${run}`;
  const load = (href) =>
    page.evaluate(async (href) => {
      const { loadOcds } = await import('/run/bundle/core.js');
      const start = performance.now();
      await loadOcds(href, { maxPages: 10_000, maxBytes: 1_000_000_000 });
      return performance.now() - start;
    }, href);
  await load(url('warm-up'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const loadMs = await load(url('profiled'));
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url: script, lineNumber } = nodes.get(id).callFrame;
    const where = script ? ` (${script.split('/').pop()}:${lineNumber + 1})` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`loadOcds of ${size.toLocaleString('en')} releases (${oneFile ? 'one file' : 'paginated'}): ${Math.round(loadMs)} ms; self time by function:`);
  for (const [name, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(runDir, { recursive: true, force: true });
}
