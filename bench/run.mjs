// `npm run bench`: how fast and how light ocds-widgets is, measured in headless Chromium against a floor
// measured in the same page in the same run (issue #8). Prints a table and writes bench/results.json.
//   node bench/run.mjs            the full run (all sizes, medians of 5 repetitions; 3 at 50,000 releases)
//   node bench/run.mjs --quick    1 repetition, 1,000 and 10,000 releases only: to try the harness, not to quote
//   --work-tree                   measure the files as they are in the work tree instead of the last commit
//   --only=core,phases,breakdown,memory,tasks,bundle,charts,warm,network,table   only these sections (phases: the data
//                                 core step by step, generated and real-shaped data; core includes it; with --quick or --only, the results
//                                 go to bench/tmp/, never over the committed bench/results.json)
//   --merge                       with --only: the sections' rows and figures replace theirs in bench/results.json
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { findChrome, chromeArgs } from '../test/find-chrome.mjs';
import { DEFAULT_SEED, PAGE_SIZE, generateNetworkReleases } from './generate.mjs';
import { startServer, writeDataset } from './server.mjs';
import { realShapedReleases } from './real-shaped.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const tmp = join(benchDir, 'tmp');
let runDir; // bench/tmp/run-XXXXXX: this run's builds and datasets, so runs started side by side never mix files
const quick = process.argv.includes('--quick');
const workTree = process.argv.includes('--work-tree');
const merge = process.argv.includes('--merge');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wants = (section) => !only || only.includes(section);
const LARGEST = 50_000;
// The table alone reads the 1,000 and 10,000 releases only: the 50,000 are not generated for it.
const SIZES = quick || only?.every((section) => section === 'table') ? [1000, 10_000] : [1000, 10_000, LARGEST];
// Real-shaped releases (copies of the real fixtures' releases, bench/real-shaped.mjs): about 10 KB each, so 50,000
// are about 500 MB and are read as pages only (one string that long is near V8's limit).
const REAL_SIZES = quick ? [10_000] : [10_000, LARGEST];
// Fewer repetitions at 50,000 releases (and only the paginated walk there) keep the whole run under ten minutes on a
// shared 2-core machine.
const repetitionsFor = (size) => (quick ? 1 : size >= LARGEST ? 3 : 5);
const CHART_REPETITIONS = quick ? 1 : 5;
// The process table's figures move most with the load: more repetitions, each beside its own floor.
const TABLE_REPETITIONS = 7;
const NETWORK_NODES = [200, 1000, 3000];
const NETWORK_REPETITIONS = quick ? 1 : 3;
const ELEMENTS = ['ocds-spending-by-stage', 'ocds-contract-timeline', 'ocds-supplier-network'];
const TARGETS = { breakdownRatio: 0.1, coreRatio: 2.5, heapRatio: 2.0, chartRatio: 1.3, longestTaskMs: 200, entryGzipKB: 30 };

const started = Date.now();
const rows = []; // the printed table, also in results.json
const figures = {}; // raw numbers for results.json
const log = (message) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const times = (ratio) => `${ratio.toFixed(2)}x`;
const count = (n) => n.toLocaleString('en');
const firstLine = (error) => String(error?.message ?? error).split('\n')[0].slice(0, 160);
/** The first diagnostic of a failed Vite build (e.g. "[UNRESOLVED_IMPORT] Could not resolve … in …"), without colours. */
const buildError = (error) => {
  const lines = String(error?.message ?? error).replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  return (lines.find((line) => /^\s*\[[A-Z_]+\]/.test(line)) ?? lines[0]).trim().slice(0, 200);
};

function row(figure, value, extra = {}) {
  rows.push({ figure, value, ...extra });
}
function unavailable(figure, reason) {
  rows.push({ figure, value: `not available: ${reason}` });
}
/** A row judged against a target: `ratio` (or `value` when no ratio) compared with `limit`. */
function judged(figure, value, { floor, ratio, measure = ratio, limit, target }) {
  rows.push({ figure, value, floor, ratio: ratio === undefined ? undefined : times(ratio), target, met: measure <= limit ? 'yes' : 'NO' });
}

// ---------------------------------------------------------------------------------------------- builds

/**
 * The committed code (git HEAD, exported into the run's folder), so figures describe a commit even while files in the
 * work tree are half-edited; the work tree itself when this is not a git checkout.
 */
async function sourceTree() {
  if (workTree) return { dir: root, commit: 'work tree' };
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dir = join(runDir, 'head');
    await mkdir(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: root });
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
    return { dir, commit };
  } catch {
    return { dir: root, commit: 'work tree' };
  }
}

/** The product, built with the project's own vite.config.ts (exactly what `npm run build` makes) into the run's dist/. */
async function buildProduct(sourceDir) {
  const outDir = join(runDir, 'dist');
  const configFile = join(sourceDir, 'vite.config.ts');
  const result = { core: false, cdn: false, errors: [] };
  try {
    await build({ root: sourceDir, configFile, mode: 'production', logLevel: 'silent', build: { outDir } });
    result.core = true;
  } catch (error) {
    result.errors.push(`core build failed: ${buildError(error)}`);
  }
  try {
    const output = await build({ root: sourceDir, configFile, mode: 'cdn', logLevel: 'silent', build: { outDir: join(outDir, 'cdn') } });
    // The bundler's own account of which source modules each chunk holds, for the bundle breakdown.
    result.cdnModules = new Map();
    for (const chunk of [output].flat().flatMap((o) => o.output)) {
      if (chunk.type === 'chunk') result.cdnModules.set(chunk.fileName, Object.entries(chunk.modules).map(([id, m]) => [relative(sourceDir, id), m.renderedLength]));
    }
    result.cdn = true;
  } catch (error) {
    result.errors.push(`CDN build failed: ${buildError(error)}`);
  }
  return result;
}

/** Browser modules for the bench pages: the built core with zod bundled in (the core leaves it external), and vega-embed. */
async function buildBenchBundle(coreBuilt) {
  const entry = { vega: join(benchDir, 'pages', 'vega-entry.js') };
  if (coreBuilt) entry.core = join(runDir, 'dist', 'index.js');
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: { outDir: join(runDir, 'bundle'), emptyOutDir: true, target: 'es2022', minify: true, lib: { entry, formats: ['es'] } },
  });
}

// ---------------------------------------------------------------------------------------------- bundle size

/** Which package or source folder a bundled module comes from: `lit`, `zod`, `src/data`, `components/base`, … */
function moduleGroup(id) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
  if (dependency) return /^(@lit\/|lit$|lit-html|lit-element)/.test(dependency) ? 'lit' : dependency;
  return id.split('/').slice(0, 2).join('/');
}

/**
 * What a page downloads from the CDN build (dist/cdn): the entry (the script tag's module) and its static imports;
 * each element's chunks, which the entry may load on first use; the Vega chunk, loaded when a chart first draws.
 * Static imports are followed in the built files themselves (es-module-lexer); each file is gzipped on its own, as
 * a server sends it. `cdnModules` (the bundler's list of source modules per chunk) says which chunk is which.
 */
async function measureBundle(cdnModules) {
  const dir = join(runDir, 'dist', 'cdn');
  const entry = 'ocds-widgets.js';
  if (!existsSync(join(dir, entry))) return unavailable('Bundle: CDN entry + static imports (gzip)', 'the CDN build failed');
  await initLexer;
  const files = new Map();
  const read = async (name) => {
    if (!files.has(name)) {
      const code = await readFile(join(dir, name), 'utf8');
      const [imports] = parseImports(code);
      // Minified output writes some dynamic imports with a template literal (import(`./embed-x.js`)): the lexer
      // leaves their `n` empty, so read a literal without substitutions from the source.
      const specifier = (i) => i.n ?? /^[`'"]([^`'"$]*)[`'"]$/.exec(code.slice(i.s, i.e))?.[1];
      const chunkFile = (i) => {
        const target = specifier(i);
        return target && (target.startsWith('./') || target.startsWith('../')) ? join(name, '..', target) : undefined;
      };
      files.set(name, {
        gzip: gzipSync(code).length, // zlib's default level 6, what web servers typically use
        raw: Buffer.byteLength(code),
        // d === -1: a static import/export-from; d > -1: a dynamic import().
        staticImports: imports.filter((i) => i.d === -1).map(chunkFile).filter(Boolean),
        dynamicImports: imports.filter((i) => i.d > -1).map(chunkFile).filter(Boolean),
      });
    }
    return files.get(name);
  };
  const closure = async (start) => {
    const seen = new Set();
    const visit = async (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const next of (await read(name)).staticImports) await visit(next);
    };
    await visit(start);
    return seen;
  };
  const gzip = (names) => [...names].reduce((sum, name) => sum + files.get(name).gzip, 0);
  const raw = (names) => [...names].reduce((sum, name) => sum + files.get(name).raw, 0);
  const chunkHolding = (test) => [...cdnModules].find(([, modules]) => modules.some(([id]) => test(id)))?.[0];

  // Vega and d3 locale data load once a chart nears the viewport; every other chunk an element imports, statically
  // or dynamically (the data core, its data code), it needs before it shows data (the same rules as
  // test/bundle-budget.mjs); its static imports alone, before it renders.
  const lazyOnly = (name) => (cdnModules.get(name) ?? []).some(([id]) => /node_modules\/vega|src\/i18n\/d3-locales\//.test(id));
  const defineChunk = (tag) => chunkHolding((id) => id === `components/${tag.slice('ocds-'.length)}/define.ts`);
  const entryFiles = await closure(entry);
  const elementFiles = new Map();
  const renderFiles = new Map();
  for (const tag of ELEMENTS) {
    const chunk = defineChunk(tag);
    if (!chunk) continue;
    // The loader imports every other element's chunk only for that element's own tag (<ocds-dataset> included).
    const others = new Set([...cdnModules].filter(([name, modules]) => name !== chunk && modules.some(([id]) => /^components\/[^/]+\/define\.ts$/.test(id))).map(([name]) => name));
    const needed = new Set([...entryFiles, ...(await closure(chunk))]);
    renderFiles.set(tag, new Set(needed));
    for (let grew = true; grew; ) {
      grew = false;
      for (const name of [...needed]) {
        for (const next of (await read(name)).dynamicImports) {
          if (needed.has(next) || others.has(next) || lazyOnly(next)) continue;
          for (const file of await closure(next)) needed.add(file);
          grew = true;
        }
      }
    }
    elementFiles.set(tag, needed);
  }
  const beforeVega = new Set([...entryFiles, ...[...elementFiles.values()].flatMap((names) => [...names])]);
  const vegaChunk = chunkHolding((id) => id.includes('node_modules/vega-embed/'));
  const vegaFiles = vegaChunk ? [...(await closure(vegaChunk))].filter((name) => !beforeVega.has(name)) : [];

  const shares = new Map();
  for (const name of beforeVega) {
    for (const [id, length] of cdnModules.get(name) ?? []) shares.set(moduleGroup(id), (shares.get(moduleGroup(id)) ?? 0) + length);
  }
  const rendered = [...shares.values()].reduce((sum, length) => sum + length, 0);
  const breakdown = [...shares].sort((a, b) => b[1] - a[1]).map(([group, length]) => ({ group, share: length / rendered }));
  figures.bundle = {
    entry: { files: [...entryFiles], gzip: gzip(entryFiles), raw: raw(entryFiles) },
    rendering: Object.fromEntries([...renderFiles].map(([tag, names]) => [tag, { files: [...names], gzip: gzip(names) }])),
    elements: Object.fromEntries([...elementFiles].map(([tag, names]) => [tag, { files: [...names], gzip: gzip(names) }])),
    beforeVega: { files: [...beforeVega], gzip: gzip(beforeVega), raw: raw(beforeVega), breakdown },
    vega: { chunk: vegaChunk, files: vegaFiles, gzip: gzip(vegaFiles) },
  };

  const fileCount = (names) => `${names.size} file${names.size === 1 ? '' : 's'}`;
  judged('Bundle: CDN entry (the script tag\'s module) + static imports (gzip)', `${kb(gzip(entryFiles))} (${fileCount(entryFiles)}, ${kb(raw(entryFiles))} minified)`, {
    measure: gzip(entryFiles) / 1024, limit: TARGETS.entryGzipKB, target: `< ${TARGETS.entryGzipKB} KB`,
  });
  // Issue 6's budget as the build check reads it: the entry, the element and their static imports (Lit, zod/mini,
  // the chart base, the element) — what loads before the element renders; the data core loads once it has data.
  for (const [tag, names] of renderFiles) {
    judged(`Bundle: a page with <${tag}>: entry + its static imports, before it renders (gzip)`, `${kb(gzip(names))} (${fileCount(names)})`, {
      measure: gzip(names) / 1024, limit: TARGETS.entryGzipKB, target: `< ${TARGETS.entryGzipKB} KB`,
    });
  }
  for (const [tag, names] of elementFiles) row(`Bundle: a page with <${tag}>: + data core and data code, before it shows data (gzip)`, `${kb(gzip(names))} (${fileCount(names)})`);
  row('Bundle: entry + every element\'s chunks, no Vega (gzip)', `${kb(gzip(beforeVega))} (${fileCount(beforeVega)}, ${kb(raw(beforeVega))} minified)`);
  if (breakdown.length) row('Bundle: what that holds (share of its code before minification)', breakdown.slice(0, 8).map(({ group, share }) => `${group} ${Math.round(share * 100)}%`).join(', '));
  if (vegaFiles.length) row('Bundle: lazy Vega chunk + its own imports (gzip)', `${kb(gzip(vegaFiles))} (${vegaFiles.join(', ')})`);
  else unavailable('Bundle: lazy Vega chunk', 'no chunk of the CDN build holds vega-embed');
}

// ---------------------------------------------------------------------------------------------- browser sections

async function newPage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/bench/pages/bench.html`);
  return { page, close: () => context.close() };
}

const inPage = (page, module, fn, ...args) =>
  page.evaluate(async ([module, fn, args]) => (await import(module))[fn](...args), [module, fn, args]);
const CORE = '/bench/pages/core-bench.js';
const ELEMENT = '/bench/pages/element-bench.js';

const pagedUrl = (origin, size, run = '') => `${origin}/api/releases?size=${size}&page=1${run && `&run=${run}`}`;
const wholeUrl = (origin, size, run = '') => `${origin}/api/releases.json?size=${size}${run && `&run=${run}`}`;

async function definedElements(browser, origin) {
  const { page, close } = await newPage(browser, origin);
  try {
    return await inPage(page, ELEMENT, 'definedTags', ELEMENTS);
  } finally {
    await close();
  }
}

async function coreExports(browser, origin) {
  const { page, close } = await newPage(browser, origin);
  try {
    return await page.evaluate(async (module) => (await import(module)).exported, CORE);
  } finally {
    await close();
  }
}

async function measureThroughput(browser, origin, exported) {
  const label = (size, mode) => `Data core: fetch+parse+validate+merge+model, ${count(size)} releases, ${mode}`;
  figures.core = [];
  figures.analysis = [];
  if (!exported.includes('loadOcds')) {
    for (const size of SIZES) unavailable(label(size, 'paginated'), 'loadOcds is not exported by the core yet');
    return;
  }
  for (const size of SIZES) {
    const modes = [['paginated', (run) => pagedUrl(origin, size, run)], ['one file', (run) => wholeUrl(origin, size, run)]];
    for (const [mode, url] of size === LARGEST ? modes.slice(0, 1) : modes) {
      const { page, close } = await newPage(browser, origin);
      try {
        const runs = [];
        // A new URL each time, so no cache (HTTP or a shared load) can serve a repetition; the floor and the load take
        // turns at going first.
        for (let i = 0; i < repetitionsFor(size); i++) runs.push(await inPage(page, CORE, 'throughput', url(`r${i}`), i % 2 === 1));
        const last = runs.at(-1);
        const loadMs = median(runs.map((r) => r.loadMs));
        const floorMs = median(runs.map((r) => r.floorMs));
        const ratio = median(runs.map((r) => r.loadMs / r.floorMs));
        const readMs = median(runs.map((r) => r.readMs));
        const result = { size, mode, repetitions: runs.length, loadMs, readMs, floorMs, parseMs: median(runs.map((r) => r.parseMs)), ratio, bytes: last.bytes, loaded: last.loaded };
        figures.core.push(result);
        const note = last.loaded.releases === size ? '' : ` (read ${count(last.loaded.releases)} of ${count(size)} releases!)`;
        const value = `${ms(loadMs)} (bytes read by ${ms(readMs)}, then building), ${count(Math.round(size / (loadMs / 1000)))} releases/s, ${mb(last.bytes)}${note}`;
        const floor = `fetch+JSON.parse ${ms(floorMs)} (JSON.parse alone ${ms(result.parseMs)})`;
        if (size === 10_000) judged(label(size, mode), value, { floor, ratio, limit: TARGETS.coreRatio, target: `<= ${TARGETS.coreRatio}x floor` });
        else row(label(size, mode), value, { floor, ratio: times(ratio) });
        if (mode === 'paginated') {
          for (const name of ['spendingByStage', 'timelineRows', 'supplierNetwork']) {
            const label = `Analysis: ${name}(dataset), ${count(size)} releases`;
            if (!(name in last.analysis)) {
              unavailable(label, `${name} is not exported by the core yet`);
              continue;
            }
            const value = median(runs.map((r) => r.analysis[name]));
            figures.analysis.push({ size, name, ms: value });
            row(label, ms(value), { floor: `fetch+JSON.parse ${ms(floorMs)}`, ratio: times(value / floorMs) });
          }
        }
      } catch (error) {
        unavailable(label(size, mode), firstLine(error));
      } finally {
        await close();
      }
      log(`data core ${count(size)} ${mode} done`);
    }
  }
  if (!exported.includes('fromOcds')) return unavailable('Data core: fromOcds(text) vs JSON.parse(text)', 'fromOcds is not exported by the core yet');
  figures.fromText = [];
  for (const size of SIZES.filter((size) => size < LARGEST)) {
    const { page, close } = await newPage(browser, origin);
    try {
      const { parse, fromOcds } = await inPage(page, CORE, 'fromTextVsParse', wholeUrl(origin, size), Math.min(3, repetitionsFor(size)));
      const ratio = median(fromOcds.map((value, i) => value / parse[i]));
      figures.fromText.push({ size, parseMs: median(parse), fromOcdsMs: median(fromOcds), ratio });
      row(`Data core: fromOcds(text), no network, ${count(size)} releases`, ms(median(fromOcds)), { floor: `JSON.parse ${ms(median(parse))}`, ratio: times(ratio) });
    } catch (error) {
      unavailable(`Data core: fromOcds(text), ${count(size)} releases`, firstLine(error));
    } finally {
      await close();
    }
  }
  log('fromOcds vs JSON.parse done');
  if (!exported.includes('redFlags')) return unavailable('Red flags: redFlags(dataset) vs fromOcds(text)', 'redFlags is not exported by the core yet');
  figures.redFlags = [];
  for (const size of SIZES.filter((size) => size >= 10_000)) {
    const { page, close } = await newPage(browser, origin);
    try {
      const { fromOcds, redFlags } = await inPage(page, CORE, 'redFlagsVsFromOcds', wholeUrl(origin, size), Math.min(3, repetitionsFor(size)));
      const ratio = median(redFlags.map((value, i) => value / fromOcds[i]));
      figures.redFlags.push({ size, fromOcdsMs: median(fromOcds), redFlagsMs: median(redFlags), ratio });
      // Target: under 20 % of fromOcds on the same data in the same run.
      judged(`Red flags: redFlags(dataset), ${count(size)} releases`, ms(median(redFlags)), { floor: `fromOcds ${ms(median(fromOcds))}`, ratio, limit: 0.2, target: '≤ 0.2x fromOcds' });
    } catch (error) {
      unavailable(`Red flags: redFlags(dataset), ${count(size)} releases`, firstLine(error));
    } finally {
      await close();
    }
  }
  log('redFlags vs fromOcds done');
}

/**
 * The data core step by step against decode + JSON.parse of the same bytes (no network), on the generated and the
 * real-shaped datasets: one file, and every page of the walk (as loadOcds reads them); then, on the real-shaped
 * datasets, the loader's longest task and the heap it keeps, as for the generated ones.
 */
async function measureCoreByPhase(browser, origin, exported, datasets) {
  const label = (name, size, mode) => `Data core by step: parse + fromOcds vs JSON.parse of the same bytes, ${count(size)} ${name} releases, ${mode}`;
  if (!['decodeOcdsBytes', 'parseOcdsText', 'readOcdsContent', 'buildDataset'].every((name) => exported.includes(name))) {
    return unavailable(label('generated', 10_000, 'one file'), 'the core does not export its steps');
  }
  figures.coreByPhase = [];
  const cases = [
    ...SIZES.filter((size) => size >= 10_000).map((size) => ['generated', size, String(size)]),
    ...REAL_SIZES.map((size) => ['real-shaped', size, `real-${size}`]),
  ];
  for (const [name, size, key] of cases) {
    const pages = datasets.get(name === 'generated' ? size : key).pages;
    const pageUrls = Array.from({ length: pages }, (_, i) => `${origin}/api/releases?size=${key}&page=${i + 1}`);
    const modes = [['pages', pageUrls]];
    if (size < LARGEST) modes.unshift(['one file', [wholeUrl(origin, key)]]);
    for (const [mode, urls] of modes) {
      const { page, close } = await newPage(browser, origin);
      try {
        const runs = await inPage(page, CORE, 'coreByPhase', urls, Math.min(3, repetitionsFor(size)), pageUrls.slice(0, 10));
        const ratio = median(runs.map((r) => r.coreMs / r.floorMs));
        const keptRatio = median(runs.map((r) => r.coreMs / r.floorKeptMs));
        const phaseNames = ['decode', 'parse', 'shapes', 'repair', 'order', 'upgrade', 'merge', 'model'];
        const phases = Object.fromEntries(phaseNames.map((phase) => [phase, median(runs.map((r) => r.phases[phase] ?? 0))]));
        const last = runs.at(-1);
        figures.coreByPhase.push({ data: name, size, mode, bytes: last.bytes, ratio, keptRatio, coreMs: median(runs.map((r) => r.coreMs)), floorMs: median(runs.map((r) => r.floorMs)), floorKeptMs: median(runs.map((r) => r.floorKeptMs)), phases, runs });
        const steps = phaseNames.map((phase) => `${phase} ${ms(phases[phase])}`).join(', ');
        judged(label(name, size, mode), `${ms(median(runs.map((r) => r.coreMs)))} (${steps}; ${mb(last.bytes)}, ${count(last.processes)} processes)`, {
          floor: `decode+JSON.parse ${ms(median(runs.map((r) => r.floorMs)))}; keeping what it parsed ${ms(median(runs.map((r) => r.floorKeptMs)))} (${times(keptRatio)})`,
          ratio,
          limit: TARGETS.coreRatio,
          target: `<= ${TARGETS.coreRatio}x floor`,
        });
      } catch (error) {
        unavailable(label(name, size, mode), firstLine(error));
      } finally {
        await close();
      }
      log(`data core by step, ${name} ${count(size)} ${mode} done`);
    }
  }
  if (!exported.includes('loadOcds')) return;
  for (const size of REAL_SIZES) {
    const key = `real-${size}`;
    const modes = [['paginated', (run) => pagedUrl(origin, key, run)]];
    if (size < LARGEST) modes.push(['one file', (run) => wholeUrl(origin, key, run)]);
    for (const [mode, url] of modes) {
      const taskLabel = `Main thread: longest task during a ${count(size)}-release real-shaped load, ${mode}`;
      const { page, close } = await newPage(browser, origin);
      try {
        const runs = [];
        for (let i = 0; i < (quick || size >= LARGEST ? 1 : 3); i++) runs.push(await inPage(page, CORE, 'longestTaskDuringLoad', url(`rt${i}`)));
        const longest = median(runs.map((r) => r.longest));
        (figures.longestTaskRealShaped ??= []).push({ size, mode, runs });
        const value = `${longest === 0 ? 'no task over 50 ms' : `${ms(longest)} (${median(runs.map((r) => r.longTasks))} tasks over 50 ms, ${median(runs.map((r) => r.over200))} over 200 ms)`}; load ${ms(median(runs.map((r) => r.loadMs)))}`;
        judged(taskLabel, value, { measure: longest, limit: TARGETS.longestTaskMs, target: `no task > ${TARGETS.longestTaskMs} ms` });
      } catch (error) {
        unavailable(taskLabel, firstLine(error));
      } finally {
        await close();
      }
    }
    const heapLabel = `Memory: JS heap after load / bytes received, ${count(size)} real-shaped releases, paginated`;
    try {
      const result = {};
      for (const what of ['parsed', 'dataset']) {
        const { page, close } = await newPage(browser, origin);
        try {
          result[what] = await inPage(page, CORE, 'heapAfterLoads', pagedUrl(origin, key, 'rma'), pagedUrl(origin, key, 'rmb'), what);
        } finally {
          await close();
        }
      }
      const { bytes } = result.dataset;
      const ratio = result.dataset.second / bytes;
      (figures.memoryRealShaped ??= []).push({ size, bytes, heapPerByte: ratio, firstLoadHeapPerByte: result.dataset.first / bytes, parsedHeapPerByte: result.parsed.second / result.parsed.bytes });
      judged(heapLabel, `${times(ratio)} (${mb(ratio * bytes)} for ${mb(bytes)}; first load in a fresh page ${times(result.dataset.first / bytes)})`, {
        floor: `parsed JSON alone ${times(result.parsed.second / result.parsed.bytes)}`,
        measure: ratio,
        limit: TARGETS.heapRatio,
        target: `< ${TARGETS.heapRatio}x bytes`,
      });
    } catch (error) {
      unavailable(heapLabel, firstLine(error));
    }
    log(`real-shaped ${count(size)}: longest task and heap done`);
  }
}

/** `breakdown` by each dimension on the 10,000 and 50,000 datasets, each against that dataset's fromOcds in the same page. */
async function measureBreakdown(browser, origin, exported) {
  figures.breakdown = [];
  const sizes = SIZES.filter((size) => size >= 10_000);
  if (!exported.includes('breakdown')) {
    for (const size of sizes) unavailable(`Analysis: breakdown(dataset), ${count(size)} releases`, 'breakdown is not exported by the core yet');
    return;
  }
  for (const size of sizes) {
    const { page, close } = await newPage(browser, origin);
    try {
      const results = await inPage(page, CORE, 'breakdownVsFromOcds', wholeUrl(origin, size), Math.min(3, repetitionsFor(size)));
      const fromOcdsMs = median(results.fromOcds);
      for (const [by, runs] of Object.entries(results.breakdown)) {
        const value = median(runs);
        const ratio = median(runs.map((run, i) => run / results.fromOcds[i]));
        figures.breakdown.push({ size, by, ms: value, fromOcdsMs, ratio });
        judged(`Analysis: breakdown(dataset, { by: '${by}', measure: 'awarded' }), ${count(size)} releases`, ms(value), {
          floor: `fromOcds ${ms(fromOcdsMs)}`,
          ratio,
          limit: TARGETS.breakdownRatio,
          target: `< ${TARGETS.breakdownRatio * 100} % of fromOcds`,
        });
      }
    } catch (error) {
      unavailable(`Analysis: breakdown(dataset), ${count(size)} releases`, firstLine(error));
    } finally {
      await close();
    }
    log(`breakdown ${count(size)} done`);
  }
}

async function measureMemory(browser, origin, exported) {
  const label = (size) => `Memory: JS heap after load / bytes received, ${count(size)} releases`;
  if (!exported.includes('loadOcds')) {
    for (const size of SIZES) unavailable(label(size), 'loadOcds is not exported by the core yet');
    return;
  }
  figures.memory = [];
  for (const size of SIZES) {
    try {
      const samples = { first: [], dataset: [], parsed: [] };
      let bytes = 0;
      // Heap figures barely move between repetitions: three at the smallest size, one above.
      for (let i = 0; i < (size > 1000 || quick ? 1 : 3); i++) {
        for (const what of ['parsed', 'dataset']) {
          // A fresh page for each measurement: nothing else on the heap moves between the readings.
          const { page, close } = await newPage(browser, origin);
          try {
            const result = await inPage(page, CORE, 'heapAfterLoads', pagedUrl(origin, size, `m${i}a`), pagedUrl(origin, size, `m${i}b`), what);
            bytes = result.bytes;
            if (what === 'dataset') samples.first.push(result.first / bytes);
            samples[what].push(result.second / bytes);
          } finally {
            await close();
          }
        }
      }
      const ratio = median(samples.dataset);
      const firstRatio = median(samples.first);
      const floorRatio = median(samples.parsed);
      figures.memory.push({ size, bytes, heapPerByte: ratio, firstLoadHeapPerByte: firstRatio, parsedHeapPerByte: floorRatio });
      const value = `${times(ratio)} (${mb(ratio * bytes)} for ${mb(bytes)}; first load in a fresh page ${times(firstRatio)})`;
      judged(label(size), value, { floor: `parsed JSON alone ${times(floorRatio)}`, measure: ratio, limit: TARGETS.heapRatio, target: `< ${TARGETS.heapRatio}x bytes` });
    } catch (error) {
      unavailable(label(size), firstLine(error));
    }
    log(`memory ${count(size)} done`);
  }
}

async function measureLongestTask(browser, origin, exported) {
  const size = 10_000;
  const label = (mode) => `Main thread: longest task during a ${count(size)}-release load, ${mode}`;
  if (!exported.includes('loadOcds')) return unavailable(label('paginated'), 'loadOcds is not exported by the core yet');
  figures.longestTask = [];
  for (const [mode, url] of [['paginated', (run) => pagedUrl(origin, size, run)], ['one file', (run) => wholeUrl(origin, size, run)]]) {
    const { page, close } = await newPage(browser, origin);
    try {
      const runs = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(await inPage(page, CORE, 'longestTaskDuringLoad', url(`t${i}`)));
      const longest = median(runs.map((r) => r.longest));
      figures.longestTask.push({ size, mode, runs });
      const value = longest === 0 ? 'no task over 50 ms' : `${ms(longest)} (${median(runs.map((r) => r.longTasks))} tasks over 50 ms, ${median(runs.map((r) => r.over200))} over 200 ms)`;
      judged(label(mode), value, { measure: longest, limit: TARGETS.longestTaskMs, target: `no task > ${TARGETS.longestTaskMs} ms` });
    } catch (error) {
      unavailable(label(mode), firstLine(error));
    } finally {
      await close();
    }
  }
  log('longest task done');
}

async function measureFirstChart(browser, origin, cdnBuilt, definedTags) {
  const size = 1000;
  const label = (tag) => `First chart: <${tag}>, ${count(size)} releases (${size / PAGE_SIZE} pages)`;
  if (!cdnBuilt) {
    for (const tag of ELEMENTS) unavailable(label(tag), 'the CDN build failed');
    return;
  }
  figures.firstChart = [];
  for (const tag of ELEMENTS) {
    if (!definedTags.includes(tag)) {
      unavailable(label(tag), 'the CDN build does not define it yet');
      continue;
    }
    try {
      const cold = [];
      const warm = [];
      const floor = [];
      const reading = [];
      let floorUnavailable;
      for (let i = 0; i < CHART_REPETITIONS; i++) {
        const { page, close } = await newPage(browser, origin);
        try {
          await inPage(page, ELEMENT, 'loadCdnEntry');
          // Cold: a fresh page with the entry only: the element's chunks (if the entry loads them on first use) and
          // the Vega chunk not loaded yet. Warm: the same page again, a new URL (no shared load).
          cold.push(await inPage(page, ELEMENT, 'timeToFirstChart', tag, { src: pagedUrl(origin, size, `cold${i}`) }, 60_000));
          warm.push(await inPage(page, ELEMENT, 'timeToFirstChart', tag, { src: pagedUrl(origin, size, `warm${i}`) }, 60_000));
          const result = await inPage(page, ELEMENT, 'embedFloor', 1);
          if (result.unavailable) floorUnavailable = result.unavailable;
          else floor.push(...result.times);
          reading.push(await inPage(page, ELEMENT, 'timeReadPages', pagedUrl(origin, size, `read${i}`)));
        } finally {
          await close();
        }
      }
      const total = (runs) => median(runs.map((r) => r.total));
      // The part after `ocds-load`: analysis, spec and drawing — what the rendering floor can be compared with.
      const afterLoad = (runs) => (runs.every((r) => r.loaded !== undefined) ? median(runs.map((r) => r.total - r.loaded)) : undefined);
      const entry = {
        tag, size, cold: total(cold), warm: total(warm), coldAfterLoad: afterLoad(cold), warmAfterLoad: afterLoad(warm),
        floor: floor.length ? median(floor) : undefined, readPages: median(reading), runs: { cold, warm, floor, reading },
      };
      figures.firstChart.push(entry);
      const breakdown = (all, after) => (after === undefined ? ms(all) : `${ms(all)} (data ${ms(all - after)}, then ${ms(after)} to draw)`);
      row(`${label(tag)}, cold`, breakdown(entry.cold, entry.coldAfterLoad));
      if (entry.floor === undefined) {
        row(`${label(tag)}, warm`, breakdown(entry.warm, entry.warmAfterLoad), { floor: `not available: ${floorUnavailable}` });
        continue;
      }
      const floorText = `vega-embed alone ${ms(entry.floor)}`;
      // Not the target's measure (that is data in hand, measureWarmChart): this one also fetches and reads 10 pages.
      row(`${label(tag)}, warm`, breakdown(entry.warm, entry.warmAfterLoad), { floor: floorText, ratio: times(entry.warm / entry.floor) });
      // Two diagnostics for the README's "why": the same warm time against a floor that also reads the pages, and the
      // drawing part alone against vega-embed alone.
      const pipelineFloor = entry.readPages + entry.floor;
      row(`${label(tag)}, warm vs reading the pages + vega-embed`, ms(entry.warm), { floor: `fetch+JSON.parse ${ms(entry.readPages)} + vega-embed ${ms(entry.floor)}`, ratio: times(entry.warm / pipelineFloor) });
      if (entry.warmAfterLoad !== undefined) row(`${label(tag)}, warm, drawing only (ocds-load to ocds-render)`, ms(entry.warmAfterLoad), { floor: floorText, ratio: times(entry.warmAfterLoad / entry.floor) });
    } catch (error) {
      unavailable(label(tag), firstLine(error));
    }
    log(`first chart <${tag}> done`);
  }
}

/**
 * Warm first chart with the data in hand (issue 19's measure of the 1.3x target): the Dataset loaded, the element
 * defined and Vega loaded; setting `sharedDataset` on a new element and connecting it, to `ocds-render`, against
 * vegaEmbed of the spec that element drew, interleaved in the same page; the median of the per-repetition ratios.
 */
async function measureWarmChart(browser, origin, cdnBuilt, definedTags) {
  const size = 1000;
  const repetitions = quick ? 3 : 15;
  const label = (tag) => `Warm first chart: <${tag}>, ${count(size)} releases, Dataset in hand to chart drawn`;
  figures.warmChart = [];
  for (const tag of ELEMENTS) {
    if (!cdnBuilt || !definedTags.includes(tag)) {
      unavailable(label(tag), cdnBuilt ? 'the CDN build does not define it yet' : 'the CDN build failed');
      continue;
    }
    const { page, close } = await newPage(browser, origin);
    try {
      await inPage(page, ELEMENT, 'loadCdnEntry');
      const result = await inPage(page, ELEMENT, 'warmChartFromDataset', tag, pagedUrl(origin, size, 'in-hand'), repetitions, 60_000);
      if (result.unavailable) throw new Error(result.unavailable);
      const { runs } = result;
      const elementMs = median(runs.map((r) => r.elementMs));
      const floorMs = median(runs.map((r) => r.floorMs));
      const ratio = median(runs.map((r) => r.elementMs / r.floorMs));
      figures.warmChart.push({ tag, size, elementMs, floorMs, ratio, runs });
      judged(label(tag), ms(elementMs), { floor: `vegaEmbed of its spec ${ms(floorMs)}`, ratio, limit: TARGETS.chartRatio, target: `<= ${TARGETS.chartRatio}x floor` });
      // On a loaded machine the medians carry other processes' time; the fastest run of each carries the least.
      const fastest = (key) => Math.min(...runs.map((r) => r[key]));
      row(`${label(tag)}, fastest runs`, ms(fastest('elementMs')), { floor: `vegaEmbed of its spec ${ms(fastest('floorMs'))}`, ratio: times(fastest('elementMs') / fastest('floorMs')) });
      // Not the target's measure: to everything the element shows, its list and summary one painted frame later.
      const allMs = median(runs.map((r) => r.allMs));
      row(`<${tag}>: Dataset in hand to everything shown (list, summary, source line), a painted frame after the chart`, ms(allMs), { floor: `vegaEmbed of its spec ${ms(floorMs)}`, ratio: times(median(runs.map((r) => r.allMs / r.floorMs))) });
    } catch (error) {
      unavailable(label(tag), firstLine(error));
    } finally {
      await close();
    }
    log(`warm chart <${tag}> done`);
  }
}

/** The force layout alone (bench/network-layout.mjs: its own generated graphs, sliced as the element runs it). */
async function measureNetworkLayoutAlone() {
  const label = (nodes) => `Supplier network: force layout alone, ${count(nodes)} nodes`;
  try {
    const { measureNetworkLayout } = await import('./network-layout.mjs');
    const runs = [];
    for (let i = 0; i < NETWORK_REPETITIONS; i++) runs.push(await measureNetworkLayout({ sizes: NETWORK_NODES, browser: true }));
    figures.networkLayout = NETWORK_NODES.map((nodes, i) => {
      const sizeRuns = runs.map((run) => run[i]);
      return { nodes, settledMs: median(sizeRuns.map((r) => r.settledMs)), longestSliceMs: median(sizeRuns.map((r) => r.longestSliceMs)), ticks: sizeRuns[0].ticks, links: sizeRuns[0].links };
    });
    for (const r of figures.networkLayout) row(label(r.nodes), `${ms(r.settledMs)} (${r.ticks} ticks, ${count(r.links)} links; longest slice ${ms(r.longestSliceMs)})`);
  } catch (error) {
    for (const nodes of NETWORK_NODES) unavailable(label(nodes), firstLine(error));
  }
  log('network layout alone done');
}

async function measureNetwork(browser, origin, cdnBuilt, definedTags) {
  const tag = 'ocds-supplier-network';
  const label = (nodes) => `Supplier network element: ${count(nodes)}-node network, limit=${nodes}, connected to layout at rest and drawn`;
  if (!cdnBuilt) {
    for (const nodes of NETWORK_NODES) unavailable(label(nodes), 'the CDN build failed');
    return;
  }
  if (!definedTags.includes(tag)) {
    for (const nodes of NETWORK_NODES) unavailable(label(nodes), `the CDN build does not define <${tag}> yet`);
    return;
  }
  figures.network = [];
  for (const nodes of NETWORK_NODES) {
    const { page, close } = await newPage(browser, origin);
    try {
      await inPage(page, ELEMENT, 'loadCdnEntry');
      // `limit` = every supplier, so the element lays out the whole generated network, not the top 50.
      const attributes = (run) => ({ src: `${origin}/api/network.json?nodes=${nodes}&run=${run}`, limit: String(nodes) });
      await inPage(page, ELEMENT, 'timeToSettledNetwork', attributes('warm-up'), 120_000); // loads the Vega chunk
      const runs = [];
      for (let i = 0; i < NETWORK_REPETITIONS; i++) runs.push(await inPage(page, ELEMENT, 'timeToSettledNetwork', attributes(i), 120_000));
      // The floor: the final picture (laid-out positions inline in the spec) drawn by vega-embed alone.
      const floor = await inPage(page, ELEMENT, 'embedFloor', NETWORK_REPETITIONS);
      const entry = {
        nodes, shownNodes: runs[0].nodes, edges: runs[0].edges, firstRender: median(runs.map((r) => r.total)), settled: median(runs.map((r) => r.settled)),
        floor: floor.times ? median(floor.times) : undefined, runs,
      };
      figures.network.push(entry);
      // Fewer nodes drawn than generated means the element refused the limit (its options cap it) and grouped the rest.
      const capped = (entry.shownNodes ?? 0) < nodes ? ', fewer than generated: the element caps `limit`' : '';
      const value = `${ms(entry.settled)} (first picture at ${ms(entry.firstRender)}; ${count(entry.shownNodes ?? 0)} nodes, ${count(entry.edges ?? 0)} edges drawn${capped})`;
      if (entry.floor === undefined) row(label(nodes), value, { floor: `not available: ${floor.unavailable}` });
      else row(label(nodes), value, { floor: `vega-embed of the final spec ${ms(entry.floor)}`, ratio: times(entry.settled / entry.floor) });
    } catch (error) {
      unavailable(label(nodes), firstLine(error));
    } finally {
      await close();
    }
    log(`network ${count(nodes)} nodes done`);
  }
}

/**
 * `<ocds-process-table>` on the 10,000-release dataset, handed a Dataset already loaded in the page: to the first
 * rows drawn, a search keystroke, long tasks while typing, DOM size (bench/pages/element-bench.js timeProcessTable),
 * each repetition beside its floor measured just before it in the same page (tableFloor): medians of both, and of
 * the per-repetition ratios, with the load average before and after.
 */
async function measureProcessTable(browser, origin, cdnBuilt) {
  const tag = 'ocds-process-table';
  const size = 10_000;
  const labels = {
    first: `Process table: ${count(size)} releases, Dataset given (sharedDataset) to first rows drawn`,
    key: `Process table: ${count(size)} releases, search keystroke to results drawn`,
    task: `Process table: ${count(size)} releases, longest task while typing`,
    dom: `Process table: ${count(size)} releases, DOM nodes under the element`,
  };
  if (!cdnBuilt) {
    for (const label of Object.values(labels)) unavailable(label, 'the CDN build failed');
    return;
  }
  const loadBefore = os.loadavg()[0];
  const { page, close } = await newPage(browser, origin);
  try {
    // Not in ELEMENTS: it draws no Vega chart, so the first-chart figures (against a vega-embed floor) do not apply.
    if (!(await inPage(page, ELEMENT, 'definedTags', [tag, 'ocds-dataset'])).length) throw new Error(`the CDN build does not define <${tag}> yet`);
    const repetitions = quick ? 1 : TABLE_REPETITIONS;
    const runs = await inPage(page, ELEMENT, 'timeProcessTable', wholeUrl(origin, size, 'table'), wholeUrl(origin, 1000, 'table-warm-up'), 'servicio', { repetitions });
    const loadAfter = os.loadavg()[0];
    const keyMedian = (run) => median(run.keystrokes);
    const firstRows = median(runs.map((r) => r.firstRows));
    const keystroke = median(runs.flatMap((r) => r.keystrokes));
    // Judged on the longest of all repetitions (no task over 100 ms), with the median of each run's longest beside it.
    const longestTask = Math.max(...runs.map((r) => r.longestTask));
    const longestTaskMedian = median(runs.map((r) => r.longestTask));
    const domNodes = Math.max(...runs.map((r) => r.domNodes));
    const floor = {
      firstRows: median(runs.map((r) => r.floor.firstRows)),
      keystroke: median(runs.flatMap((r) => r.floor.keystrokes)),
      longestTask: median(runs.map((r) => r.floor.longestTask)),
    };
    const ratios = {
      firstRows: median(runs.map((r) => r.firstRows / r.floor.firstRows)),
      keystroke: median(runs.map((r) => keyMedian(r) / keyMedian(r.floor))),
    };
    const load = [Number(loadBefore.toFixed(2)), Number(loadAfter.toFixed(2))];
    figures.processTable = { size, repetitions, loadAverage: load, firstRows, keystroke, longestTask, longestTaskMedian, domNodes, floor, ratios, runs };
    const last = runs.at(-1);
    const spread = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
    const at = `median of ${repetitions}; load ${load[0]}–${load[1]}`;
    judged(labels.first, `${ms(firstRows)} (${at}; runs ${spread(runs.map((r) => r.firstRows))}; ${last.rowsDrawn} rows drawn)`, {
      floor: `plain table of the same 50 rows + JSON.parse of every title: ${ms(floor.firstRows)}`, ratio: ratios.firstRows, measure: firstRows, limit: 100, target: '≤ 100 ms',
    });
    judged(labels.key, `${ms(keystroke)} (${at}; slowest ${ms(Math.max(...runs.flatMap((r) => r.keystrokes)))}; "servicio": ${count(last.rows)} rows)`, {
      floor: `includes over every title + plain table of 50: ${ms(floor.keystroke)}`, ratio: ratios.keystroke, measure: keystroke, limit: 50, target: '≤ 50 ms (median)',
    });
    judged(labels.task, `${ms(longestTask)} (the longest of ${repetitions} runs; load ${load[0]}–${load[1]}; median of the runs' longest ${ms(longestTaskMedian)}; up to ${Math.max(...runs.map((r) => r.longTasks))} tasks over 50 ms)`, {
      floor: `the floor's typing: ${ms(floor.longestTask)} (median)`, measure: longestTask, limit: 100, target: '≤ 100 ms',
    });
    judged(labels.dom, count(domNodes), { measure: domNodes, limit: 2999, target: '< 3,000' });
  } catch (error) {
    for (const label of Object.values(labels)) unavailable(label, firstLine(error));
  } finally {
    await close();
  }
  log('process table done');
}

// ---------------------------------------------------------------------------------------------- report

function printTable() {
  const columns = [
    ['figure', 'Figure'],
    ['value', 'Median'],
    ['floor', 'Floor (same run)'],
    ['ratio', 'Ratio'],
    ['target', 'Target'],
    ['met', 'Met'],
  ];
  const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => String(r[key] ?? '').length)));
  const line = (cells) => cells.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join(' | ');
  console.log(`\n${line(columns.map(([, title]) => title))}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const r of rows) console.log(line(columns.map(([key]) => r[key])));
}

async function run() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome or Chromium found: apt-get install -y chromium, or set CHROME_PATH');
  const loadBefore = os.loadavg();

  const source = await sourceTree();
  log(`building the core and the CDN bundle (vite.config.ts) of ${source.commit} into ${relative(root, runDir)}`);
  const built = await buildProduct(source.dir);
  for (const error of built.errors) log(error);
  log('building the bench page modules');
  await buildBenchBundle(built.core);

  log(`generating ${SIZES.map(count).join(' / ')} releases (seed ${DEFAULT_SEED})`);
  const datasets = new Map();
  for (const size of SIZES) {
    const dir = join(runDir, 'data', String(size));
    datasets.set(size, { dir, ...(await writeDataset(dir, size)) });
  }
  figures.datasets = [...datasets.values()].map(({ count, pages, ocids }) => ({ releases: count, pages, processes: ocids }));
  if (wants('core') || wants('phases')) {
    log(`copying the real fixtures' releases into ${REAL_SIZES.map(count).join(' / ')} real-shaped releases`);
    for (const size of REAL_SIZES) {
      const dir = join(runDir, 'data', `real-${size}`);
      const written = await writeDataset(dir, size, realShapedReleases);
      datasets.set(`real-${size}`, { dir, ...written });
      figures.datasets.push({ data: 'real-shaped', releases: written.count, pages: written.pages, processes: written.ocids });
    }
  }

  const server = await startServer({ benchDir, runDir, datasets, networkReleases: generateNetworkReleases });
  // --expose-gc: collect before heap readings; --enable-precise-memory-info: exact performance.memory numbers.
  const browser = await chromium.launch({ executablePath, args: [...chromeArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  const chromiumVersion = browser.version();
  try {
    const definedTags = built.cdn ? await definedElements(browser, server.origin) : [];
    figures.definedElements = definedTags;
    if (wants('bundle')) await measureBundle(built.cdnModules ?? new Map());
    const exported = built.core ? await coreExports(browser, server.origin) : [];
    if (!built.core) log('core not built: data core figures not available');
    if (wants('core')) await measureThroughput(browser, server.origin, exported);
    if (wants('core') || wants('phases')) await measureCoreByPhase(browser, server.origin, exported, datasets);
    if (wants('breakdown')) await measureBreakdown(browser, server.origin, exported);
    if (wants('memory')) await measureMemory(browser, server.origin, exported);
    if (wants('tasks')) await measureLongestTask(browser, server.origin, exported);
    if (wants('charts')) await measureFirstChart(browser, server.origin, built.cdn, definedTags);
    if (wants('warm')) await measureWarmChart(browser, server.origin, built.cdn, definedTags);
    if (wants('table')) await measureProcessTable(browser, server.origin, built.cdn);
    if (wants('network')) {
      await measureNetwork(browser, server.origin, built.cdn, definedTags);
      await measureNetworkLayoutAlone();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  for (const error of built.errors) unavailable('Build', error);
  printTable();
  const results = {
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    quick,
    commit: source.commit,
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      chromium: chromiumVersion,
      loadAverageBefore: loadBefore.map((v) => Number(v.toFixed(2))),
      loadAverageAfter: os.loadavg().map((v) => Number(v.toFixed(2))),
    },
    seed: DEFAULT_SEED,
    pageSize: PAGE_SIZE,
    repetitions: Object.fromEntries(SIZES.map((size) => [size, repetitionsFor(size)])),
    targets: TARGETS,
    table: rows,
    figures,
  };
  // A quick or partial run is for trying the harness: it never replaces the committed figures, unless --merge asks
  // for its sections' rows and figures to replace theirs in bench/results.json (the rest stays as that run had it).
  const output = quick || (only && !merge) ? join(tmp, 'results-partial.json') : join(benchDir, 'results.json');
  if (only && merge && !quick) await mergeInto(output, results);
  else await writeFile(output, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${results.durationSeconds} s; wrote ${output.slice(root.length)}`);
}

/** --only=… --merge: this run's rows and figures replace the same figures in `path`; `partialRuns` says which run measured them. */
async function mergeInto(path, results) {
  const whole = JSON.parse(await readFile(path, 'utf8'));
  const figuresNamed = new Set(results.table.map((r) => r.figure));
  whole.table = [...whole.table.filter((r) => !figuresNamed.has(r.figure)), ...results.table];
  const { datasets, definedElements, ...measured } = results.figures;
  Object.assign(whole.figures, measured);
  const { table, figures: _, ...run } = results;
  whole.partialRuns = [...(whole.partialRuns ?? []).filter((r) => r.sections.join() !== only.join()), { sections: only, ...run }];
  await writeFile(path, `${JSON.stringify(whole, null, 2)}\n`);
}

async function main() {
  await mkdir(tmp, { recursive: true });
  runDir = await mkdtemp(join(tmp, 'run-'));
  try {
    await run();
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
