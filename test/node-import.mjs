// `npm test` Node stage: the built package root imports in plain Node 20 (no DOM) and its core works there.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const core = await import('ocds-widgets');
for (const name of ['loadOcds', 'fromOcds', 'compileReleases', 'spendingByStage', 'timelineRows', 'supplierNetwork', 'breakdown']) {
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
console.log('node: 4 passed, 0 failed');
