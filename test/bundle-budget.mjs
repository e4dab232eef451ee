// `npm test` build check, from the built files in dist/cdn/. Issue 6's budget: what a page with one element must load
// before that element is defined and renders — the CDN entry, the element's chunk and everything they import
// statically — is under 30 KB gzip. What loads later is measured too, and held by ceilings:
//   - once the element has data to read: the data core and the element's own analysis and chart-spec code, each
//     imported with import() (components/base/data-core.ts, the element's `dataCode`);
//   - once a chart nears the viewport: Vega, Vega-Lite, vega-embed and d3 locale data.
// The check fails when an element's static closure passes the budget or holds code that must load later, when what
// an element needs before it shows data passes its ceiling, and when any chunk on that path holds Vega or locale data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Issue 6's budget for the entry plus one element and their static imports. */
const BUDGET_GZIP = 30 * 1024;
/**
 * What each element needs before it shows its data (the above plus the data core and its data code), measured when
 * written plus about 1 KB: lower these as the figures come down.
 */
const CEILING_GZIP = {
  'ocds-spending-by-stage': 56.5 * 1024,
  'ocds-contract-timeline': 63.4 * 1024,
  'ocds-supplier-network': 64.4 * 1024,
  'ocds-breakdown': 62.6 * 1024,
  'ocds-process-table': 68.4 * 1024, // + cardinal's indicators for the red-flags column; + 0.3 KB: issue 18's events and retry rule in the base
  'ocds-red-flags': 63.8 * 1024,
  'ocds-dataset': 46.7 * 1024,
  'ocds-data-quality': 57.7 * 1024,
};
const dir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const ENTRY = 'ocds-widgets.js';
/** Source paths that must only ever be reached through a dynamic import() once a chart draws (left out below). */
const LAZY_ONLY = [/node_modules\/vega/, /src\/i18n\/d3-locales\//];
/** Chunks a page loads only when something is wrong, never to show data: the texts of a refused attribute's warning. */
const ONLY_ON_A_WARNING = [/schemas\/option-messages\.ts$/];
/** Chunks a page loads only when its data is a summary document (`ocds-widgets summarize`), never for OCDS data. */
const ONLY_FOR_A_SUMMARY = [/src\/summary\/(dataset|rows|document|network|views)\.ts$/];
/**
 * Source paths an element must not import statically: the data core (but its types and OcdsError), the analyses and
 * chart specs (but the constants elements use before data: src/analysis/*-constants.ts, *-stages.ts, *-keys.ts).
 */
const AFTER_DATA = [/src\/data\/(?!types\.ts$)/, /src\/analysis\/(?![\w-]+-(constants|stages|keys)\.ts$)/, /src\/charts\//, /schemas\/ocds\.ts$/];

if (!existsSync(join(dir, ENTRY))) {
  console.error(`bundle budget: ${join(dir, ENTRY)} is missing — run \`npm run build\` first.`);
  process.exit(1);
}

const chunks = new Map();
/** One built chunk: gzip size, the sources it holds (from its source map), its static and dynamic imports. */
function chunk(name) {
  if (!chunks.has(name)) {
    const code = readFileSync(join(dir, name), 'utf8');
    // Rolldown's runtime helper chunk has no source map.
    const mapFile = join(dir, `${name}.map`);
    const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : { sources: [] };
    // Minified rolldown output: `import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`; dynamic
    // imports as import(`./x.js`) or import("./x.js"). Only relative specifiers: the CDN build bundles everything.
    const staticImports = [...code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\/[^"']+)["']/g)].map((m) => m[1].slice(2));
    const dynamicImports = [...code.matchAll(/import\(\s*[`'"](\.\/[^`'"$]+)[`'"]\s*\)/g)].map((m) => m[1].slice(2));
    const lazyOnly = map.sources.filter((source) => LAZY_ONLY.some((pattern) => pattern.test(source)));
    const afterData = map.sources.filter((source) => AFTER_DATA.some((pattern) => pattern.test(source)));
    // An import() of a computed specifier could load a chunk the budget does not see (checked on the counted path).
    const computedImport = /import\(\s*[^`'"\s]/.test(code);
    chunks.set(name, { code, gzip: gzipSync(code).length, sources: map.sources, lazyOnly, afterData, computedImport, staticImports, dynamicImports });
  }
  return chunks.get(name);
}

function staticClosure(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const next of chunk(start).staticImports) staticClosure(next, seen);
  return seen;
}

/** A dynamic import the budget leaves out: its chunk is Vega or locale data (it holds such sources). */
const isLazyOnly = (name) => chunk(name).lazyOnly.length > 0;

/**
 * Everything a page needs before `element` shows its data: the static closure of the entry and of the element's
 * chunk, then, repeatedly, the static closure of every chunk those import dynamically, except Vega/locale chunks and
 * the other elements' chunks (which the loader imports only for their own tags).
 */
/** The summary reader's chunks, reached from some element: measured on their own (SUMMARY_CEILING_GZIP). */
const summaryOnly = new Set();
const SUMMARY_CEILING_GZIP = 5.7 * 1024;

function beforeData(element, otherElements) {
  const needed = staticClosure(ENTRY, staticClosure(element));
  const lazy = new Set();
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...needed]) {
      for (const next of chunk(name).dynamicImports) {
        if (needed.has(next) || otherElements.has(next)) continue;
        if (isLazyOnly(next)) lazy.add(next);
        else if (chunk(next).sources.every((source) => ONLY_ON_A_WARNING.some((pattern) => pattern.test(source)))) continue;
        else if (chunk(next).sources.every((source) => ONLY_FOR_A_SUMMARY.some((pattern) => pattern.test(source)))) summaryOnly.add(next);
        else {
          staticClosure(next, needed);
          grew = true;
        }
      }
    }
  }
  return { needed, lazy };
}

const gzipOf = (names) => [...names].reduce((sum, name) => sum + chunk(name).gzip, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];

function assertLazyOnly(label, names) {
  for (const name of names) {
    const eager = chunk(name).lazyOnly;
    if (eager.length) failures.push(`${label}: ${name} holds ${eager.length} sources that must load lazily, e.g. ${eager[0]}`);
    if (chunk(name).computedImport) failures.push(`${label}: ${name} has an import() of a computed specifier, which the budget cannot follow`);
  }
}

const entry = staticClosure(ENTRY);
assertLazyOnly('entry', entry);

// The loader imports one chunk per element, named after it (vite.config.ts), each only when its tag appears (and the
// data core's chunk, early, when a tag has `src`).
const elementChunks = new Set(
  [...entry].flatMap((name) => chunk(name).dynamicImports).filter((name) => Object.keys(CEILING_GZIP).some((tag) => name.startsWith(`${tag.slice(5)}-`))),
);
if (elementChunks.size < 4) failures.push(`the entry loads ${elementChunks.size} element chunks lazily, expected one per element`);

const rows = [];
for (const name of elementChunks) {
  const tag = `ocds-${name.replace(/-[\w-]{8}\.js$/, '')}`;
  // The define call must survive tree-shaking (package.json "sideEffects" lists the define modules).
  if (!chunk(name).code.includes(tag)) failures.push(`${name} does not register <${tag}>`);
  const others = new Set([...elementChunks].filter((other) => other !== name));
  const ready = staticClosure(ENTRY, staticClosure(name));
  for (const file of ready) {
    const early = chunk(file).afterData;
    if (early.length) failures.push(`<${tag}> imports statically ${file}, which holds code that must load with the data, e.g. ${early[0]}`);
  }
  const { needed, lazy } = beforeData(name, others);
  assertLazyOnly(tag, needed);
  const lazyAll = new Set([...lazy].flatMap((file) => [...staticClosure(file)]));
  const row = { tag, ready: gzipOf(ready), withData: gzipOf(needed), lazy: gzipOf(lazyAll) };
  rows.push(row);
  if (row.ready > BUDGET_GZIP) failures.push(`<${tag}> needs ${kb(row.ready)} gzip before it renders, over the ${kb(BUDGET_GZIP)} budget`);
  const ceiling = CEILING_GZIP[tag];
  if (ceiling === undefined) failures.push(`<${tag}> has no ceiling in test/bundle-budget.mjs`);
  else if (row.withData > ceiling) failures.push(`<${tag}> needs ${kb(row.withData)} gzip before it shows data, more than its ceiling of ${kb(ceiling)}; if a feature is worth the bytes, raise CEILING_GZIP here and the README's "Bundle sizes" with it`);
}

console.log(`bundle: gzip sizes of what a page downloads for one element (budget ${kb(BUDGET_GZIP)} before it renders)`);
console.log(`bundle:   ${'element'.padEnd(26)} ${'renders'.padStart(9)} ${'shows data'.padStart(11)}  ${'draws: Vega, locale'.padStart(19)}`);
for (const row of rows) {
  const mark = row.ready <= BUDGET_GZIP ? 'within budget' : `over budget by ${kb(row.ready - BUDGET_GZIP)}`;
  console.log(`bundle:   ${`<${row.tag}>`.padEnd(26)} ${kb(row.ready).padStart(9)} ${kb(row.withData).padStart(11)}  ${`+ ${kb(row.lazy)}`.padStart(19)}  ${mark}`);
}
console.log(`bundle:   ${ENTRY} alone with its static imports: ${kb(gzipOf(entry))}`);
// Loaded besides the above only when the data is a summary document.
const summaryReader = new Set([...summaryOnly].flatMap((file) => [...staticClosure(file)].filter((name) => summaryOnly.has(name) || ![...rows].length)));
console.log(`bundle:   summary reader (only for a summary document): + ${kb(gzipOf(summaryReader))}`);
if (!summaryOnly.size) failures.push('no element reaches the summary reader (src/summary/dataset.ts) through a dynamic import');
if (gzipOf(summaryReader) > SUMMARY_CEILING_GZIP) failures.push(`the summary reader needs ${kb(gzipOf(summaryReader))} gzip, more than its ceiling of ${kb(SUMMARY_CEILING_GZIP)}`);

// The iframe embed page's script and the host page's resize helper: no Vega before a chart draws; the helper alone.
assertLazyOnly('embed-frame.js', staticClosure('embed-frame.js'));
const resize = staticClosure('embed-resize.js');
console.log(`bundle: embed-frame.js + static imports: ${kb(gzipOf(staticClosure('embed-frame.js')))} gzip; embed-resize.js: ${kb(gzipOf(resize))}`);
if (resize.size !== 1 || gzipOf(resize) > 1024) failures.push('embed-resize.js must be one file under 1 KB gzip');

if (failures.length) {
  for (const failure of failures) console.error(`bundle budget: ${failure}`);
  process.exit(1);
}
console.log(`bundle budget: every element within the ${kb(BUDGET_GZIP)} budget before it renders and within its ceiling before it shows data`);
