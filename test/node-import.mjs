// `npm test` Node stage: the built package root imports in plain Node 20 (no DOM) and its core works there.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import assert from 'node:assert/strict';

const core = await import('ocds-widgets');
for (const name of ['loadOcds', 'fromOcds', 'compileReleases', 'spendingByStage', 'timelineRows', 'supplierNetwork', 'breakdown', 'fieldCoverage']) {
  assert.equal(typeof core[name], 'function', `ocds-widgets exports ${name}()`);
}
assert.equal(typeof globalThis.customElements, 'undefined', 'the core registers nothing and needs no DOM');

// A real Mexico City record: one process, and its five stages have data.
const fixture = new URL('./fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json', import.meta.url);
const json = JSON.parse(readFileSync(fixture, 'utf8'));
const dataset = core.fromOcds(json);
assert.equal(dataset.processes.length, 1);
assert.equal(dataset.processes[0].ocid, json.compiledRelease.ocid);
const stages = new Set(core.spendingByStage(dataset).map((row) => row.stage));
for (const stage of ['planned', 'tendered', 'awarded', 'contracted', 'paid']) assert.ok(stages.has(stage), `stage ${stage}`);
// Red flags run in Node too: a compiled release with a tender open 5 days is flagged by R003 (default 15 days).
const flags = core.redFlags(core.fromOcds([{ ocid: 'ocds-x-1', id: '1', date: '2024-01-01T00:00:00Z', tag: ['tender'], initiationType: 'tender',
  tender: { id: 't', tenderPeriod: { startDate: '2024-01-01T00:00:00Z', endDate: '2024-01-06T00:00:00Z' } } }]), '[R003]\n');
assert.deepEqual(flags.OCID, { 'ocds-x-1': { R003: 1 } });
assert.deepEqual(flags.reasons['ocds-x-1'].R003, { days: 5, threshold: 15 });

// breakdown in Node: the process counted once under its tender's method, its award amounts summed per currency.
const method = String(json.compiledRelease.tender?.procurementMethod ?? '').trim().toLowerCase();
assert.deepEqual(core.breakdown(dataset, { by: 'method' }).map((row) => [row.key, row.value, row.share]), [[method, 1, 1]]);
const awarded = new Map();
for (const award of json.compiledRelease.awards ?? []) {
  if (['cancelled', 'unsuccessful'].includes(String(award.status ?? '').toLowerCase()) || award.value?.amount === undefined) continue;
  awarded.set(award.value.currency, (awarded.get(award.value.currency) ?? 0) + Number(award.value.amount));
}
for (const row of core.breakdown(dataset, { by: 'method', measure: 'awarded' })) {
  assert.ok(Math.abs(row.value - awarded.get(row.currency)) < 1e-6, `awarded in ${row.currency}`);
}

// require() finds every entry point too (Node >= 20.19 loads ES modules through require; the exports map needs `default`).
const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
assert.equal(typeof require('ocds-widgets').fromOcds, 'function', "require('ocds-widgets')");
for (const [subpath, target] of Object.entries(packageJson.exports)) {
  if (typeof target !== 'object' || !target.import) continue;
  assert.equal(target.default, target.import, `exports["${subpath}"] has a default condition for require()`);
  // moduleResolution node10 reads typesVersions, not exports.
  if (subpath !== '.') assert.deepEqual(packageJson.typesVersions['*'][subpath.slice(2)], [target.types.slice(2)], `typesVersions for ${subpath}`);
}

// What `npm pack` ships: every sourceMappingURL names a packed map; npm-build chunks carry no hash of their own (the
// consumer's bundler hashes); no shipped file cites a document the package does not have.
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))[0].files.map((file) => file.path);
const packedSet = new Set(packed);
for (const path of packed.filter((file) => file.endsWith('.js'))) {
  const code = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  if (map) assert.ok(packedSet.has(join(dirname(path), map)), `${path}: its source map ${map} is packed`);
  // Module and chunk names here are lower-case kebab; a rolldown hash is 8 characters of mixed case.
  if (!path.startsWith('dist/cdn/')) assert.doesNotMatch(basename(path), /-(?=[\w-]{0,7}[A-Z_])[\w-]{8}\.js$/, `${path}: npm-build chunk named without a hash`);
}
for (const path of packed.filter((file) => /\.(js|d\.ts|json|md|html)$/.test(file))) {
  assert.ok(!readFileSync(new URL(`../${path}`, import.meta.url), 'utf8').includes('DESIGN.md'), `${path} cites DESIGN.md, which the package does not have`);
}
// custom-elements.json names modules the package ships (editors and docs tools import from them).
const manifest = JSON.parse(readFileSync(new URL('../dist/custom-elements.json', import.meta.url), 'utf8'));
const modulePaths = new Set([...JSON.stringify(manifest).matchAll(/"(?:path|module)":"([^"]+)"/g)].map((match) => match[1]));
for (const path of modulePaths) assert.ok(packedSet.has(path), `custom-elements.json names ${path}, which is packed`);
// Framework typings (types only, no module): packed, in typesVersions, and each declares every element.
const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((declaration) => declaration.tagName).filter(Boolean);
for (const framework of ['react', 'vue', 'svelte']) {
  const target = packageJson.exports[`./${framework}`];
  assert.deepEqual(Object.keys(target), ['types'], `exports["./${framework}"] is types only`);
  assert.ok(packedSet.has(target.types.slice(2)), `${target.types} is packed`);
  assert.deepEqual(packageJson.typesVersions['*'][framework], [target.types.slice(2)], `typesVersions for ./${framework}`);
  const typings = readFileSync(new URL(`../${target.types}`, import.meta.url), 'utf8');
  for (const tag of tags) assert.ok(typings.includes(`'${tag}':`), `${framework} typings declare <${tag}>`);
}
console.log('node: 11 passed, 0 failed');
