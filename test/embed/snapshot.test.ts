// The builder's snapshot: a record package of the compiled releases that charts the same numbers as the data it
// was taken from.
import { expect } from '@open-wc/testing';
import { supplierNetwork } from '../../src/analysis/network.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { timelineRows } from '../../src/analysis/timeline.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import { snapshotRecordPackage } from '../../src/data/snapshot.js';
import { PARAGUAY_RECORD, json } from './helpers.js';

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const SOURCE = 'https://data.example.org/ocds/releases.json';

describe('snapshotRecordPackage', () => {
  it('is a record package with one record per process, linking its releases to the source', async () => {
    const armenia = await json(ARMENIA);
    const dataset = fromOcds(armenia);
    const snapshot = snapshotRecordPackage(dataset, { source: SOURCE, takenAt: '2026-11-25T12:00:00Z' }) as any;
    const ocids = new Set(armenia.releases.map((release: any) => release.ocid));
    expect(snapshot.records.map((record: any) => record.ocid).sort()).to.deep.equal([...ocids].sort());
    expect(snapshot.uri).to.equal(SOURCE);
    expect(snapshot.publisher).to.deep.equal(armenia.publisher);
    expect(snapshot.publishedDate).to.equal(armenia.publishedDate);
    for (const record of snapshot.records) {
      expect(record.compiledRelease.ocid).to.equal(record.ocid);
      const published = armenia.releases.filter((release: any) => release.ocid === record.ocid);
      expect(record.releases.map((link: any) => link.url)).to.deep.equal(published.map((release: any) => `${SOURCE}#${encodeURIComponent(release.id)}`));
      expect(record.releases.map((link: any) => link.tag)).to.deep.equal(published.map((release: any) => release.tag));
    }
  });

  it('charts the same numbers as the data it was taken from (spending, timeline, network)', async () => {
    const dataset = fromOcds([await json(ARMENIA), await json(PARAGUAY_RECORD)]);
    const reloaded = fromOcds(JSON.parse(JSON.stringify(snapshotRecordPackage(dataset, { source: SOURCE }))));
    expect(reloaded.processes.length).to.equal(dataset.processes.length);
    expect(reloaded.meta.complete).to.equal(true);
    expect(spendingByStage(reloaded)).to.deep.equal(spendingByStage(dataset));
    expect(timelineRows(reloaded)).to.deep.equal(timelineRows(dataset));
    expect(supplierNetwork(reloaded).edges).to.deep.equal(supplierNetwork(dataset).edges);
  });
});
