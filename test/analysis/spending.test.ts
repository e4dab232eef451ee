import { expect } from '@open-wc/testing';
import { fromOcds, spendingByStage, spendingCurrencies } from '../../src/index.js';
import { expectedSpending, fetchJson, type ExpectedRow } from '../spending-expected.js';

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map(
  (name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`,
);
const PARAGUAY_1_0 = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);
const FICTIONAL_1_0 = '/test/fixtures/ocds/merge/sample-data-fictional-1.0/record/ocds-213czf-000-00001.json';

type Row = { stage: string; currency: string; amount: number; processes: number; pending: number };

function expectRows(actual: Row[], expected: ExpectedRow[]) {
  const key = (row: { stage: string; currency: string }) => `${row.currency} ${row.stage}`;
  expect(actual.map(key).sort()).to.deep.equal(expected.map(key).sort());
  for (const want of expected) {
    const got = actual.find((row) => key(row) === key(want))!;
    expect(got.amount, key(want)).to.be.closeTo(want.amount, Math.abs(want.amount) * 1e-12 + 1e-9);
    expect(got.processes, `${key(want)} processes`).to.equal(want.processes);
    expect(got.pending, `${key(want)} pending`).to.equal(want.pending);
  }
}

describe('spendingByStage', () => {
  it('Mexico City record: five stages, transactions paid, pending award and contract counted', async () => {
    const record = await fetchJson(CDMX_RECORD);
    const expected = expectedSpending([record.compiledRelease]);
    expect(expected.map((row) => row.stage)).to.include.members(['planned', 'tendered', 'awarded', 'contracted', 'paid']);
    expect(expected.find((row) => row.stage === 'awarded')!.pending).to.be.greaterThan(0);
    expectRows(spendingByStage(fromOcds(record)), expected);
  });

  it('Mexico INAI releases: two currencies never added together; unsuccessful awards and cancelled contracts left out', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const expected = expectedSpending(releases);
    expect(new Set(expected.map((row) => row.currency))).to.deep.equal(new Set(['MXN', 'USD']));
    const rows = spendingByStage(fromOcds(releases));
    expectRows(rows, expected);
    expectRows(
      spendingByStage(fromOcds(releases), { currency: 'usd' }),
      expected.filter((row) => row.currency === 'USD'),
    );
    // MXN is used by all three processes, USD by one.
    expect(spendingCurrencies(fromOcds(releases))).to.deep.equal([
      { currency: 'MXN', processes: 3 },
      { currency: 'USD', processes: 1 },
    ]);
  });

  it('Paraguay OCDS 1.0 record packages: PYG and USD, null amounts contribute nothing', async () => {
    const packages = await Promise.all(PARAGUAY_1_0.map(fetchJson));
    const compiled = packages.flatMap((pkg) => pkg.records.map((record: { compiledRelease: unknown }) => record.compiledRelease));
    const expected = expectedSpending(compiled);
    expect(expected.some((row) => row.stage === 'planned')).to.equal(false);
    expectRows(spendingByStage(fromOcds(packages)), expected);
  });

  it('fictional OCDS 1.0 record: 1.0 transaction `amount`s are paid', async () => {
    const pkg = await fetchJson(FICTIONAL_1_0);
    const expected = expectedSpending(pkg.records.map((record: { compiledRelease: unknown }) => record.compiledRelease));
    expect(expected.find((row) => row.stage === 'paid')!.amount).to.be.greaterThan(0);
    expectRows(spendingByStage(fromOcds(pkg)), expected);
  });

  it('ocid= keeps one process; an unknown ocid gives no rows', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const one = releases.find((release) => release.ocid === 'PC-0012');
    expectRows(spendingByStage(fromOcds(releases), { ocid: 'PC-0012' }), expectedSpending([one]));
    expect(spendingByStage(fromOcds(releases), { ocid: 'PC-9999' })).to.deep.equal([]);
  });

  it('keeps negative amounts, counts zero amounts as contributing, never mixes currencies', () => {
    const release = (ocid: string, contracts: unknown[]) => ({
      ocid,
      id: `${ocid}-1`,
      date: '2020-01-01T00:00:00Z',
      tag: ['contract'],
      contracts,
    });
    const dataset = fromOcds([
      release('ocds-a', [{ id: 'c1', status: 'active', value: { amount: 100, currency: 'MXN' } }]),
      release('ocds-b', [{ id: 'c1', status: 'active', value: { amount: -40, currency: 'MXN' } }]),
      release('ocds-c', [{ id: 'c1', status: 'active', value: { amount: 0, currency: 'MXN' } }]),
      release('ocds-d', [{ id: 'c1', status: 'cancelled', value: { amount: 1000, currency: 'MXN' } }]),
      release('ocds-e', [{ id: 'c1', status: 'active', value: { amount: 7, currency: 'USD' } }]),
    ]);
    expect(spendingByStage(dataset)).to.deep.equal([
      { stage: 'contracted', currency: 'MXN', amount: 60, processes: 3, pending: 0 },
      { stage: 'contracted', currency: 'USD', amount: 7, processes: 1, pending: 0 },
    ]);
  });
});
