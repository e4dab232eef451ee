// `npm run bench`, national scale (issue 17): an element given a summary document to its first chart, against the same
// element given a 100-release dataset, in the same page and the same run (target: ≤ 1.3×). Both are `src` URLs on
// this script's server, read with no cache; the page has loaded the CDN build (dist/cdn/, `npm run build`) and each
// element once untimed, so both sides are warm: what is timed is fetching, reading, analysing and drawing.
//   node bench/summary-chart.mjs [summary.json]   default: bench/tmp/national-200000-summary.json (bench/summarize.mjs),
//                                                 else the --quick run's national-20000-summary.json
// Writes bench/tmp/summary-chart-results.json.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../test/find-chrome.mjs';
import { generateReleases, packageEnvelope } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const ELEMENTS = ['ocds-spending-by-stage', 'ocds-breakdown'];
const REPETITIONS = 15;
const TARGET = 1.3;
const summaryPath =
  process.argv[2] ?? [join(tmp, 'national-200000-summary.json'), join(tmp, 'national-20000-summary.json')].find((path) => existsSync(path));
if (!summaryPath || !existsSync(summaryPath)) {
  console.error('summary-chart bench: no summary: run `node bench/summarize.mjs` (or --quick) first, or name one');
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'cdn', 'ocds-widgets.js'))) {
  console.error('summary-chart bench: dist/cdn/ is missing: run `npm run build` first');
  process.exit(1);
}

const summaryText = readFileSync(summaryPath);
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const results = { summary: { file: summaryPath, bytes: summaryText.length, processes: summary.meta.processes }, elements: [] };
try {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(origin);
  await page.evaluate((entry) => import(entry), `${origin}/cdn/ocds-widgets.js`);
  for (const tag of ELEMENTS) {
    // Untimed: the element's chunks, the data core, the summary reader and Vega load once.
    await timeToFirstChart(page, tag, `${origin}/summary.json`);
    await timeToFirstChart(page, tag, `${origin}/hundred.json`);
    const runs = [];
    for (let i = 0; i < REPETITIONS; i++) {
      // Interleaved, and each URL new (no shared load): the machine's load falls on both sides alike.
      const fromSummary = await timeToFirstChart(page, tag, `${origin}/summary.json?run=${i}`);
      const fromReleases = await timeToFirstChart(page, tag, `${origin}/hundred.json?run=${i}`);
      runs.push({ fromSummary, fromReleases });
    }
    const entry = { tag, summaryMs: median(runs.map((r) => r.fromSummary)), releasesMs: median(runs.map((r) => r.fromReleases)), ratio: median(runs.map((r) => r.fromSummary / r.fromReleases)), runs };
    results.elements.push(entry);
    console.log(
      `| <${tag}> given a summary of ${summary.meta.processes.toLocaleString('en')} processes (${(summaryText.length / 1024).toFixed(0)} KB) | ${entry.summaryMs.toFixed(0)} ms | 100 releases: ${entry.releasesMs.toFixed(0)} ms | ${entry.ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${entry.ratio <= TARGET ? 'met' : 'MISSED'}) |`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(tmp, { recursive: true });
writeFileSync(join(tmp, 'summary-chart-results.json'), `${JSON.stringify(results, null, 2)}\n`);
