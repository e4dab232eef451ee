// `npm test` Node stage: the built package root imports in plain Node 20 (no DOM) and its core works there.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const core = await import('ocds-widgets');
for (const name of ['loadOcds', 'fromOcds', 'compileReleases', 'spendingByStage', 'timelineRows', 'supplierNetwork', 'fieldCoverage']) {
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
console.log('node: 3 passed, 0 failed');
