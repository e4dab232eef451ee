// `npm run bench`, national scale (issue 17): an element given a summary document to its first chart, against the same
// element given a 100-release dataset, in the same page and the same run (target: ≤ 1.3×). Both are `src` URLs on
// this script's server, read with no cache; the page has loaded the CDN build (dist/cdn/, `npm run build`) and each
// element once untimed, so both sides are warm: what is timed is fetching, reading, analysing and drawing.
// Floors in the same run, each URL new: fetching and parsing the summary (`fetch().json()`), and vegaEmbed of the spec
// the element drew (vega-embed bundled here with esbuild, same options): what an element cannot go below.
//   node bench/summary-chart.mjs [summary.json] [--profile]
//                                                 default: bench/tmp/national-200000-summary.json (bench/summarize.mjs),
//                                                 else the --quick run's national-20000-summary.json; --profile prints
//                                                 where a summary render spends its time (a CPU profile, by function)
// Writes bench/tmp/summary-chart-results.json.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { chromeArgs, findChrome } from '../test/find-chrome.mjs';
import { generateReleases, packageEnvelope } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const ELEMENTS = ['ocds-spending-by-stage', 'ocds-breakdown'];
const REPETITIONS = 15;
const TARGET = 1.3;
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const profile = process.argv.includes('--profile');
const summaryPath =
  args[0] ?? [join(tmp, 'national-200000-summary.json'), join(tmp, 'national-20000-summary.json')].find((path) => existsSync(path));
if (!summaryPath || !existsSync(summaryPath)) {
  console.error('summary-chart bench: no summary: run `node bench/summarize.mjs` (or --quick) first, or name one');
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'cdn', 'ocds-widgets.js'))) {
  console.error('summary-chart bench: dist/cdn/ is missing: run `npm run build` first');
  process.exit(1);
}

const summaryText = readFileSync(summaryPath);
// vega-embed on its own, for the floor (the kit's copy is inside its chunks).
const vegaEmbed = (await build({ stdin: { contents: "export { default } from 'vega-embed';", resolveDir: root }, bundle: true, format: 'esm', write: false, minify: true, logLevel: 'silent' })).outputFiles[0].contents;
const summary = JSON.parse(summaryText);
const hundred = Buffer.from(JSON.stringify({ ...packageEnvelope(), releases: generateReleases(100) }));
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };
const PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><div id="stage" style="width:800px"></div></body></html>';

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (body, type) => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(body);
  };
  if (url.pathname === '/') return send(Buffer.from(PAGE), 'text/html; charset=utf-8');
  if (url.pathname === '/summary.json') return send(summaryText, 'application/json');
  if (url.pathname === '/hundred.json') return send(hundred, 'application/json');
  if (url.pathname === '/vega-embed.js') return send(Buffer.from(vegaEmbed), TYPES['.js']);
  const file = normalize(join(root, 'dist', 'cdn', url.pathname.replace(/^\/cdn\//, '')));
  if (url.pathname.startsWith('/cdn/') && file.startsWith(join(root, 'dist', 'cdn')) && existsSync(file)) return send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** In the page: milliseconds from connecting `<tag src=…>` to its first `ocds-render`. */
async function timeToFirstChart(page, tag, src) {
  return page.evaluate(
    ([tag, src]) =>
      new Promise((resolve, reject) => {
        const stage = document.getElementById('stage');
        stage.replaceChildren();
        const element = document.createElement(tag);
        element.setAttribute('src', src);
        element.addEventListener('ocds-render', () => resolve(performance.now() - start), { once: true });
        element.addEventListener('ocds-error', (event) => reject(new Error(event.detail?.message)), { once: true });
        const start = performance.now();
        stage.append(element);
      }),
    [tag, src],
  );
}

/** In the page, after an element has drawn: fetch + parse of `src` (ms), and vegaEmbed of the spec it drew (ms). */
async function floors(page, src) {
  return page.evaluate(async (src) => {
    const element = document.querySelector('#stage > *');
    // The spec the element drew, as its draw() sizes it (protected in TypeScript, reachable at run time).
    const ctx = element.context();
    const spec = { width: ctx.width, autosize: { type: 'fit-x', contains: 'padding' }, ...element.chartSpec(element.rows, ctx) };
    const embed = (await import('/vega-embed.js')).default;
    let start = performance.now();
    await (await fetch(src)).json();
    const load = performance.now() - start;
    const target = document.createElement('div');
    document.getElementById('stage').append(target);
    start = performance.now();
    const result = await embed(target, spec, { renderer: 'svg', actions: false, ast: true, defaultStyle: false, logLevel: 0 });
    const draw = performance.now() - start;
    result.finalize();
    target.remove();
    return { load, draw };
  }, src);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const results = { load: (await import('node:os')).loadavg(), summary: { file: summaryPath, bytes: summaryText.length, processes: summary.meta.processes }, elements: [] };
try {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(origin);
  await page.evaluate((entry) => import(entry), `${origin}/cdn/ocds-widgets.js`);
  for (const tag of ELEMENTS) {
    // Untimed: the element's chunks, the data core, the summary reader and Vega load once.
    await timeToFirstChart(page, tag, `${origin}/summary.json`);
    await timeToFirstChart(page, tag, `${origin}/hundred.json`);
    await floors(page, `${origin}/summary.json?warm`);
    if (profile) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      for (let i = 0; i < 5; i++) await timeToFirstChart(page, tag, `${origin}/summary.json?profile=${i}`);
      const { profile: cpu } = await cdp.send('Profiler.stop');
      const self = new Map();
      const deltas = cpu.timeDeltas;
      const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
      cpu.samples.forEach((id, i) => {
        const { functionName, url, lineNumber } = byId.get(id).callFrame;
        const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000 / 5);
      });
      console.log(`<${tag}>: self time per summary render (ms), top 15`);
      for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${key}`);
      await cdp.detach();
    }
    const runs = [];
    for (let i = 0; i < REPETITIONS; i++) {
      // Interleaved, and each URL new (no shared load): the machine's load falls on both sides alike.
      const fromSummary = await timeToFirstChart(page, tag, `${origin}/summary.json?run=${i}`);
      const floor = await floors(page, `${origin}/summary.json?floor=${i}`);
      const fromReleases = await timeToFirstChart(page, tag, `${origin}/hundred.json?run=${i}`);
      runs.push({ fromSummary, fromReleases, loadMs: floor.load, embedMs: floor.draw });
    }
    const entry = {
      tag,
      summaryMs: median(runs.map((r) => r.fromSummary)),
      releasesMs: median(runs.map((r) => r.fromReleases)),
      loadMs: median(runs.map((r) => r.loadMs)),
      embedMs: median(runs.map((r) => r.embedMs)),
      ratio: median(runs.map((r) => r.fromSummary / r.fromReleases)),
      floorRatio: median(runs.map((r) => r.fromSummary / (r.loadMs + r.embedMs))),
      embedRatio: median(runs.map((r) => r.fromSummary / r.embedMs)),
      runs,
    };
    results.elements.push(entry);
    console.log(
      `| <${tag}> given a summary of ${summary.meta.processes.toLocaleString('en')} processes (${(summaryText.length / 1024).toFixed(0)} KB) | ${entry.summaryMs.toFixed(0)} ms | 100 releases: ${entry.releasesMs.toFixed(0)} ms | ${entry.ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${entry.ratio <= TARGET ? 'met' : 'MISSED'}) | floors: fetch+parse ${entry.loadMs.toFixed(0)} ms, vegaEmbed ${entry.embedMs.toFixed(0)} ms; ${entry.floorRatio.toFixed(2)}× their sum, ${entry.embedRatio.toFixed(2)}× vegaEmbed |`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(tmp, { recursive: true });
writeFileSync(join(tmp, 'summary-chart-results.json'), `${JSON.stringify(results, null, 2)}\n`);
