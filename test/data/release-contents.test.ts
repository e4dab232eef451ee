// The release history says what each release carries: checked against counts read straight from the
// fixture JSON here (the fictional 1.1 lifecycle, its record of linked releases, the CDMX record's embedded releases).
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FICTIONAL = '/test/fixtures/ocds/merge/sample-data-fictional-1.1/';
const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const getJson = async (url: string): Promise<Json> => (await fetch(url)).json();

const list = (value: unknown): Json[] => (Array.isArray(value) ? value : []);
const length = (value: unknown) => list(value).length;

/** What a release holds, read from its JSON by the OCDS 1.1 paths. */
function expectedContents(release: Json) {
  const { planning, tender } = release;
  const awards = list(release.awards);
  const contracts = list(release.contracts);
  const implementations = contracts.map((c) => c.implementation ?? {});
  const money = (value: Json | undefined) => (value && typeof value.amount === 'number' ? { amount: value.amount, currency: value.currency } : undefined);
  const item = (x: Json) => (x.value ? { id: x.id, value: money(x.value) } : { id: x.id });
  const expected: Json = {
    awards: awards.map(item),
    contracts: contracts.map(item),
    transactions: implementations.reduce((n, i) => n + length(i.transactions), 0),
    milestones:
      length(planning?.milestones) + length(tender?.milestones) +
      contracts.reduce((n, c) => n + length(c.milestones), 0) + implementations.reduce((n, i) => n + length(i.milestones), 0),
    amendments: length(tender?.amendments) + [...awards, ...contracts].reduce((n, x) => n + length(x.amendments), 0),
    documents:
      length(planning?.documents) + length(tender?.documents) +
      [...awards, ...contracts, ...implementations].reduce((n, x) => n + length(x.documents), 0),
  };
  if (planning) expected.planning = planning.budget?.amount ? { budget: money(planning.budget.amount) } : {};
  if (tender) expected.tender = tender.value ? { value: money(tender.value) } : {};
  return expected;
}

describe('release history: what each release carries', () => {
  it('fictional 1.1 lifecycle: each release, read before merging', async () => {
    const pkg = await getJson(`${FICTIONAL}ocds-213czf-000-00001.json`);
    const [process] = fromOcds(structuredClone(pkg)).processes;
    const releases = pkg.releases as Json[];
    expect(process.releases.map((r) => r.id)).to.deep.equal(releases.map((r) => r.id));
    expect(process.releases.map((r) => r.contents)).to.deep.equal(releases.map(expectedContents));
    // The lifecycle as a reader would see it: payments only in the implementation release, the award from the award release on.
    const last = process.releases[process.releases.length - 1].contents!;
    expect(last.transactions).to.be.greaterThan(0);
    expect(process.releases.slice(0, -1).every((r) => r.contents!.transactions === 0)).to.equal(true);
    const firstAward = releases.findIndex((r) => length(r.awards) > 0);
    expect(process.releases.findIndex((r) => r.contents!.awards.length > 0)).to.equal(firstAward);
  });

  it("the fictional record's linked releases (url only) carry nothing that can be read", async () => {
    const record = await getJson(`${FICTIONAL}record/ocds-213czf-000-00001.json`);
    const [process] = fromOcds(structuredClone(record)).processes;
    const releases = record.records[0].releases as Json[];
    expect(releases.every((r) => typeof r.url === 'string')).to.equal(true);
    expect(process.releases.map((r) => r.date)).to.deep.equal(releases.map((r) => r.date));
    expect(process.releases.map((r) => r.contents)).to.deep.equal(releases.map(() => undefined));
  });

  it('CDMX record: each embedded release with its award, contract and payments', async () => {
    const record = await getJson(CDMX_RECORD);
    const [process] = fromOcds(structuredClone(record)).processes;
    const releases = record.releases as Json[];
    const byId = new Map(process.releases.map((r) => [r.id, r.contents!]));
    for (const release of releases) {
      const contents = byId.get(String(release.id))!;
      expect(contents.transactions).to.equal(list(release.contracts).reduce((n, c) => n + length(c.implementation?.transactions), 0));
      expect(contents.awards.map((a) => a.value?.amount)).to.deep.equal(list(release.awards).map((a) => a.value.amount));
      expect(contents.contracts.map((c) => c.id)).to.deep.equal(list(release.contracts).map((c) => String(c.id)));
    }
  });

  it('counts an OCDS 1.0 amendment, a tender that is only an id as no tender, and a missing currency as XXX', () => {
    const dataset = fromOcds({
      ocid: 'ocds-p-1', id: 'r1', date: '2020-01-01T00:00:00Z', tag: ['contractAmendment'],
      tender: { id: 't' },
      contracts: [{ id: 'c', value: { amount: 5 }, amendment: { date: '2020-01-01T00:00:00Z', rationale: 'more' } }],
    });
    const { contents } = dataset.processes[0].releases[0];
    expect(contents).to.deep.equal({
      awards: [], contracts: [{ id: 'c', value: { amount: 5, currency: 'XXX' } }],
      transactions: 0, milestones: 0, amendments: 1, documents: 0,
    });
  });
});
