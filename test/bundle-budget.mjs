// `npm test` build check: what a page downloads for `<script type="module" src=".../ocds-widgets.js">` before any
// chart — the CDN entry and every chunk it imports statically — stays under 30 KB gzip, with no Vega and no locale
// data in it. Also prints what each element adds when the page uses it (its chunk and that chunk's static imports)
// and what stays lazy (Vega), from the built files in dist/cdn/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 30 * 1024;
const dir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const ENTRY = 'ocds-widgets.js';
/** Source paths that must only ever be reached through a dynamic import(). */
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
    chunks.set(name, { gzip: gzipSync(code).length, sources: map.sources, staticImports, dynamicImports });
  }
  return chunks.get(name);
}

function staticClosure(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const next of chunk(start).staticImports) staticClosure(next, seen);
  return seen;
}

const gzipOf = (names) => [...names].reduce((sum, name) => sum + chunk(name).gzip, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];

function assertLazyOnly(label, names) {
  for (const name of names) {
    const eager = chunk(name).sources.filter((source) => LAZY_ONLY.some((pattern) => pattern.test(source)));
    if (eager.length) failures.push(`${label}: ${name} holds ${eager.length} sources that must load lazily, e.g. ${eager[0]}`);
  }
}

const entry = staticClosure(ENTRY);
const entryGzip = gzipOf(entry);
console.log(`bundle: ${ENTRY} + static imports: ${kb(entryGzip)} gzip (${entry.size} files; budget ${kb(BUDGET_GZIP)})`);
if (entryGzip >= BUDGET_GZIP) failures.push(`the entry's static closure is ${kb(entryGzip)} gzip, over the ${kb(BUDGET_GZIP)} budget`);
assertLazyOnly('entry', entry);

// Each element the page uses: its chunk (named after it) and what that imports statically, beyond the entry.
const elementChunks = [...entry].flatMap((name) => chunk(name).dynamicImports);
if (elementChunks.length < 4) failures.push(`the entry loads ${elementChunks.length} element chunks lazily, expected one per element`);
for (const name of elementChunks) {
  // The define call must survive tree-shaking (package.json "sideEffects" lists the define modules).
  const tag = `ocds-${name.replace(/-[\w-]{8}\.js$/, '')}`;
  if (!readFileSync(join(dir, name), 'utf8').includes(tag)) failures.push(`${name} does not register <${tag}>`);
  const own = [...staticClosure(name)].filter((file) => !entry.has(file));
  assertLazyOnly(name, own);
  const lazy = new Set(own.flatMap((file) => chunk(file).dynamicImports).filter((file) => !own.includes(file) && !entry.has(file)));
  const lazyGzip = gzipOf(new Set([...lazy].flatMap((file) => [...staticClosure(file)])));
  console.log(`bundle:   + ${name.replace(/-[\w-]{8}\.js$/, '')}: ${kb(gzipOf(own))} gzip when used; later, near the viewport: ${kb(lazyGzip)} (Vega, locale)`);
}

// The iframe embed page's script and the host page's resize helper: no Vega before a chart draws; the helper alone.
assertLazyOnly('embed-frame.js', staticClosure('embed-frame.js'));
const resize = staticClosure('embed-resize.js');
console.log(`bundle: embed-frame.js + static imports: ${kb(gzipOf(staticClosure('embed-frame.js')))} gzip; embed-resize.js: ${kb(gzipOf(resize))}`);
if (resize.size !== 1 || gzipOf(resize) > 1024) failures.push('embed-resize.js must be one file under 1 KB gzip');

if (failures.length) {
  for (const failure of failures) console.error(`bundle budget: ${failure}`);
  process.exit(1);
}
console.log('bundle budget: passed');
