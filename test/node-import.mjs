// `npm test` Node stage: the built package root imports in plain Node 20 (no DOM) and its core works there.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const core = await import('ocds-widgets');
for (const name of ['loadOcds', 'fromOcds', 'compileReleases', 'spendingByStage', 'timelineRows', 'supplierNetwork']) {
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
console.log('node: 4 passed, 0 failed');
