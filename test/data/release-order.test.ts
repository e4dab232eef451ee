// The Dataset does not depend on the order releases and records arrive in: every real fixture, alone and with
// the other files of its publisher (which share ocids), read in a random order gives the same processes,
// organisations and totals. Releases that reuse an id with other content are all kept (`release-id-repeated`).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromOcds, type Dataset } from '../../src/index.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { REAL_FILES } from '../helpers/real-files.js';

const REAL = '/raw/test/fixtures/ocds/real/';
type Json = Record<string, any>;

async function fetchJson(file: string): Promise<Json> {
  const response = await fetch(REAL + file);
  if (!response.ok) throw new Error(`fixture ${file}: HTTP ${response.status}`);
  return response.json();
}

/** Each release and record of the documents as a package of its own, so their order can be changed. */
function units(documents: Json[]): Json[] {
  const result: Json[] = [];
  for (const doc of documents) {
    const { releases, records, ...meta } = doc;
    if (Array.isArray(records)) for (const record of records) result.push({ ...meta, records: [record] });
    else if (Array.isArray(releases) && typeof doc.ocid !== 'string') for (const release of releases) result.push({ ...meta, releases: [release] });
    else result.push(doc);
  }
  return result;
}

/**
 * What must not depend on the order: processes by ocid, organisations by key, spending totals. (Issues may: of
 * two records with a compiled release for one ocid, the last one read is used and its repairs reported.)
 */
function orderFree(dataset: Dataset) {
  const byOcid = [...dataset.processes].sort((a, b) => (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0));
  return {
    processes: byOcid,
    organisations: [...dataset.organisations.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    spending: spendingByStage(dataset),
    releases: dataset.meta.releases,
  };
}

function checkOrder(parts: Json[]): void {
  const expected = orderFree(fromOcds(parts));
  expect(orderFree(fromOcds([...parts].reverse()))).to.deep.equal(expected);
  fc.assert(
    fc.property(fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }), (shuffled) => {
      expect(orderFree(fromOcds(shuffled))).to.deep.equal(expected);
    }),
    { numRuns: 8 },
  );
}

describe('the Dataset does not depend on input order', () => {
  for (const file of REAL_FILES) {
    it(file, async () => checkOrder(units([await fetchJson(file)])));
  }

  const publishers = [...new Set(REAL_FILES.map((file) => file.split('/')[0]))];
  for (const publisher of publishers) {
    const files = REAL_FILES.filter((file) => file.startsWith(`${publisher}/`));
    if (files.length < 2) continue;
    it(`${publisher}: all its files together`, async () => {
      checkOrder(units(await Promise.all(files.map(fetchJson))));
    });
  }
});

describe('a release id published twice with different content', () => {
  const DIR = 'paraguay-dncp/sample-data/releases/';
  const FILES = [
    `${DIR}274744-nelson-francisco-vera-quintana-2-contract.json`,
    `${DIR}ocds-03ad3f-274744-274744-nelson-francisco-vera-quintana-2-contract.json`,
  ];

  it('keeps both, merged in date order, with a release-id-repeated issue', async () => {
    const docs = await Promise.all(FILES.map(fetchJson));
    const releases = docs; // each file is one release
    expect(releases[0].ocid).to.equal(releases[1].ocid);
    expect(releases[0].id).to.equal(releases[1].id);
    expect(JSON.stringify(releases[0])).not.to.equal(JSON.stringify(releases[1]));
    const newest = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))[1];

    for (const input of [docs, [...docs].reverse()]) {
      const dataset = fromOcds(input);
      expect(dataset.processes).to.have.length(1);
      expect(dataset.meta.releases).to.equal(2);
      const repeated = dataset.issues.filter((issue) => issue.code === 'release-id-repeated');
      expect(repeated).to.have.length(1);
      expect(repeated[0].message).to.contain(releases[0].id);
      expect(dataset.processes[0].releases.map((ref) => ref.date)).to.deep.equal(
        releases.map((release) => release.date).sort((a: string, b: string) => Date.parse(a) - Date.parse(b)),
      );
      // The newest release's date is the compiled one's.
      expect(dataset.processes[0].compiledRelease.date).to.equal(newest.date);
    }
  });

  it('still drops an exact copy as duplicate-release', async () => {
    const doc = await fetchJson(FILES[0]);
    const dataset = fromOcds([doc, structuredClone(doc)]);
    expect(dataset.meta.releases).to.equal(1);
    expect(dataset.issues.map((issue) => issue.code)).to.include('duplicate-release');
    expect(dataset.issues.map((issue) => issue.code)).not.to.include('release-id-repeated');
  });
});
