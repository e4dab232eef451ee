// `npm test` build check, from the built files in dist/cdn/: what a page with one element must download before
// that element works — the CDN entry, the element's chunk, everything those import statically, and every chunk
// they import dynamically (whatever it is) except Vega, Vega-Lite, vega-embed and d3 locale data, which load once a
// chart nears the viewport. Each element's total is printed against issue 6's 30 KB budget. No element meets it yet
// (README, "Bundle sizes"): the check fails when an element grows past its current size (CEILING_GZIP), so the
// figures can only go down, and when any chunk on that path holds Vega or locale data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Issue 6's budget for what one element needs before its first chart, Vega and locale data excepted. */
const BUDGET_GZIP = 30 * 1024;
/** What each element needs now (measured when written, plus 1 KB): lower these as the figures come down. */
const CEILING_GZIP = {
  'ocds-spending-by-stage': 49.2 * 1024,
  'ocds-contract-timeline': 55.6 * 1024,
  'ocds-supplier-network': 56.5 * 1024,
  'ocds-dataset': 42.3 * 1024,
};
const dir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const ENTRY = 'ocds-widgets.js';
/** Source paths that must only ever be reached through a dynamic import(), and that the budget leaves out. */
const LAZY_ONLY = [/node_modules\/vega/, /src\/i18n\/d3-locales\//];

if (!existsSync(join(dir, ENTRY))) {
  console.error(`bundle budget: ${join(dir, ENTRY)} is missing — run \`npm run build\` first.`);
  process.exit(1);
}

const chunks = new Map();
/** One built chunk: gzip size, the sources it holds (from its source map), its static and dynamic imports. */
function chunk(name) {
  if (!chunks.has(name)) {
    const code = readFileSync(join(dir, name), 'utf8');
    const map = JSON.parse(readFileSync(join(dir, `${name}.map`), 'utf8'));
    // Minified rolldown output: `import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`; dynamic
    // imports as import(`./x.js`) or import("./x.js"). Only relative specifiers: the CDN build bundles everything.
    const staticImports = [...code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\/[^"']+)["']/g)].map((m) => m[1].slice(2));
    const dynamicImports = [...code.matchAll(/import\(\s*[`'"](\.\/[^`'"$]+)[`'"]\s*\)/g)].map((m) => m[1].slice(2));
    const lazyOnly = map.sources.filter((source) => LAZY_ONLY.some((pattern) => pattern.test(source)));
    // An import() of a computed specifier could load a chunk the budget does not see (checked on the counted path).
    const computedImport = /import\(\s*[^`'"\s]/.test(code);
    chunks.set(name, { code, gzip: gzipSync(code).length, sources: map.sources, lazyOnly, computedImport, staticImports, dynamicImports });
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
 * Everything a page needs before `element` works: the static closure of the entry and of the element's chunk, then,
 * repeatedly, the static closure of every chunk those import dynamically, except Vega/locale chunks and the other
 * elements' chunks (which the loader imports only for their own tags).
 */
function beforeFirstDraw(element, otherElements) {
  const needed = staticClosure(ENTRY, staticClosure(element));
  const lazy = new Set();
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...needed]) {
      for (const next of chunk(name).dynamicImports) {
        if (needed.has(next) || otherElements.has(next)) continue;
        if (isLazyOnly(next)) lazy.add(next);
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

// The loader imports one chunk per element, named after it (vite.config.ts), each only when its tag appears.
const elementChunks = new Set([...entry].flatMap((name) => chunk(name).dynamicImports));
if (elementChunks.size < 4) failures.push(`the entry loads ${elementChunks.size} element chunks lazily, expected one per element`);

const rows = [];
for (const name of elementChunks) {
  const tag = `ocds-${name.replace(/-[\w-]{8}\.js$/, '')}`;
  // The define call must survive tree-shaking (package.json "sideEffects" lists the define modules).
  if (!chunk(name).code.includes(tag)) failures.push(`${name} does not register <${tag}>`);
  const others = new Set([...elementChunks].filter((other) => other !== name));
  const { needed, lazy } = beforeFirstDraw(name, others);
  // The first element chunk is the element; the rest are shared chunks (Lit, the data core, zod/mini, the base).
  const dynamic = [...needed].filter((file) => !staticClosure(ENTRY, staticClosure(name, new Set())).has(file));
  assertLazyOnly(tag, needed);
  const lazyAll = new Set([...lazy].flatMap((file) => [...staticClosure(file)]));
  const total = gzipOf(needed);
  rows.push({ tag, total, files: needed.size, dynamic: gzipOf(dynamic), lazy: gzipOf(lazyAll) });
  const ceiling = CEILING_GZIP[tag];
  if (ceiling === undefined) failures.push(`<${tag}> has no ceiling in test/bundle-budget.mjs`);
  else if (total > ceiling) failures.push(`<${tag}> needs ${kb(total)} gzip before its first chart, more than its ceiling of ${kb(ceiling)} (budget ${kb(BUDGET_GZIP)}); if a feature is worth the bytes, raise CEILING_GZIP here and the README's "Bundle sizes" with it`);
}

console.log(`bundle: what a page downloads before one element works (gzip; budget ${kb(BUDGET_GZIP)}; Vega and locale data left out)`);
console.log(`bundle:   ${'element'.padEnd(26)} ${'total'.padStart(9)} ${'files'.padStart(5)}  ${'of it import()ed'.padStart(16)}  ${'later: Vega, locale'.padStart(19)}`);
for (const row of rows) {
  const mark = row.total < BUDGET_GZIP ? 'within budget' : `over budget by ${kb(row.total - BUDGET_GZIP)}`;
  console.log(`bundle:   ${`<${row.tag}>`.padEnd(26)} ${kb(row.total).padStart(9)} ${String(row.files).padStart(5)}  ${kb(row.dynamic).padStart(16)}  ${kb(row.lazy).padStart(19)}  ${mark}`);
}
console.log(`bundle:   ${ENTRY} alone with its static imports: ${kb(gzipOf(entry))}`);

// The iframe embed page's script and the host page's resize helper: no Vega before a chart draws; the helper alone.
assertLazyOnly('embed-frame.js', staticClosure('embed-frame.js'));
const resize = staticClosure('embed-resize.js');
console.log(`bundle: embed-frame.js + static imports: ${kb(gzipOf(staticClosure('embed-frame.js')))} gzip; embed-resize.js: ${kb(gzipOf(resize))}`);
if (resize.size !== 1 || gzipOf(resize) > 1024) failures.push('embed-resize.js must be one file under 1 KB gzip');

if (failures.length) {
  for (const failure of failures) console.error(`bundle budget: ${failure}`);
  process.exit(1);
}
const within = rows.filter((row) => row.total < BUDGET_GZIP).length;
console.log(`bundle budget: no element past its ceiling; ${within} of ${rows.length} elements within the ${kb(BUDGET_GZIP)} budget`);
