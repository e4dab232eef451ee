import { expect } from '@open-wc/testing';
import { filterDataset, hasFilters, periodRange, processStart } from '../../src/analysis/filter.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import type { Dataset, JsonObject } from '../../src/data/types.js';

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const MOLDOVA = '/test/fixtures/ocds/real/moldova/sample-data/records/ocds-ngfbwp-18610708.json';
const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/277004.json';

type Json = Record<string, any>;

async function fixture(path: string): Promise<Json> {
  return (await fetch(path)).json();
}

const ocids = (dataset: Dataset) => dataset.processes.map((process) => process.ocid).sort();
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('filterDataset (real fixtures: Armenia release package, Moldova record, Paraguay record package)', () => {
  let armenia: Json;
  let moldova: Json;
  let paraguay: Json;
  let dataset: Dataset;

  before(async () => {
    [armenia, moldova, paraguay] = await Promise.all([fixture(ARMENIA), fixture(MOLDOVA), fixture(PARAGUAY)]);
    dataset = fromOcds([armenia, moldova, paraguay] as JsonObject[]);
  });

  it('returns the dataset itself when no filter is set (empty values count as unset)', () => {
    expect(hasFilters({ buyer: ' ', method: '' })).to.equal(false);
    expect(filterDataset(dataset, { buyer: '', supplier: '  ' })).to.equal(dataset);
  });

  it('buyer: by name keeps exactly that buyer’s processes', () => {
    const name = 'Republic of Armenia Ministry of health';
    const expected = armenia.releases.filter((release: Json) => release.buyer?.name === name).map((release: Json) => release.ocid);
    expect(expected.length).to.be.greaterThan(10);
    expect(ocids(filterDataset(dataset, { buyer: name }))).to.deep.equal([...expected].sort());
    // Case, spacing and accents do not matter; another buyer's name matches nothing of these.
    expect(ocids(filterDataset(dataset, { buyer: '  republic of armenia ministry of HEALTH ' }))).to.deep.equal([...expected].sort());
  });

  it('method: keeps the processes with that procurement method, case-insensitively', () => {
    const expected = armenia.releases.filter((release: Json) => release.tender?.procurementMethod === 'direct').map((release: Json) => release.ocid);
    expect(expected.length).to.be.greaterThan(5);
    expect(ocids(filterDataset(dataset, { method: 'Direct' }))).to.deep.equal([...expected].sort());
  });

  it('category: keeps the processes with that main procurement category, case-insensitively', () => {
    const expected = armenia.releases.filter((release: Json) => release.tender?.mainProcurementCategory === 'services').map((release: Json) => release.ocid);
    expect(expected.length).to.be.greaterThan(5);
    expect(ocids(filterDataset(dataset, { category: ' Services' }))).to.deep.equal([...expected].sort());
  });

  it('periodRange: the first and last day of a year, quarter or month (leap years included); nothing for other ids', () => {
    expect(periodRange('2016')).to.deep.equal({ from: '2016-01-01', to: '2016-12-31' });
    expect(periodRange('2016-Q1')).to.deep.equal({ from: '2016-01-01', to: '2016-03-31' });
    expect(periodRange('2017-Q4')).to.deep.equal({ from: '2017-10-01', to: '2017-12-31' });
    expect(periodRange('2016-02')).to.deep.equal({ from: '2016-02-01', to: '2016-02-29' });
    expect(periodRange('2017-02')).to.deep.equal({ from: '2017-02-01', to: '2017-02-28' });
    for (const other of ['undated', 'others', '2016-Q5', '2016-13', 'direct']) expect(periodRange(other), other).to.equal(undefined);
  });

  it('from/to: compares the day each process started (tender period, …, release date last), inclusive', () => {
    const armeniaOcids = [...new Set<string>(armenia.releases.map((release: Json) => release.ocid))].sort();
    // Every Armenian release was published on 2018-01-11, but the tenders, awards and contracts ran in 2016.
    expect(new Set(armenia.releases.map((release: Json) => release.date.slice(0, 10)))).to.deep.equal(new Set(['2018-01-11']));
    const eventDates = (release: Json): string[] =>
      [
        release.tender?.tenderPeriod?.startDate,
        release.tender?.datePublished,
        ...(release.awards ?? []).map((award: Json) => award.date),
        ...(release.contracts ?? []).flatMap((contract: Json) => [contract.dateSigned, contract.period?.startDate]),
      ].filter(Boolean);
    const dated = new Set<string>(armenia.releases.filter((release: Json) => eventDates(release).length).map((release: Json) => release.ocid));
    expect(dated.size).to.be.greaterThan(3);
    expect(armenia.releases.flatMap(eventDates).every((date: string) => date.startsWith('2016'))).to.equal(true);
    const fromArmenia = (filters: { from?: string; to?: string }) => ocids(filterDataset(dataset, filters)).filter((ocid) => armeniaOcids.includes(ocid));
    // Processes with a tender, award or contract date started in 2016; the rest only have their release date.
    expect(fromArmenia({ from: '2018-01-01' })).to.deep.equal(armeniaOcids.filter((ocid) => !dated.has(ocid)));
    expect(fromArmenia({ to: '2016-12-31' })).to.deep.equal([...dated].sort());
    expect(fromArmenia({ from: '2016-01-01', to: '2016-12-31' })).to.deep.equal([...dated].sort());
    // Moldova's process started on its tender period's first day.
    const moldovaDay = moldova.compiledRelease.tender.tenderPeriod.startDate.slice(0, 10);
    expect(ocids(filterDataset(dataset, { from: moldovaDay, to: moldovaDay }))).to.deep.equal([moldova.compiledRelease.ocid]);
  });

  it('processStart: tender period, then tender publication, award, contract, and the first release date last', () => {
    const base = { ocid: 'ocds-x-1', id: '1', date: '2020-05-01T00:00:00Z', tag: ['tender'], initiationType: 'tender' };
    const startOf = (release: Json) => processStart(fromOcds(release as JsonObject).processes[0]);
    expect(startOf({ ...base, tender: { id: 't', tenderPeriod: { startDate: '2019-02-03' }, datePublished: '2019-01-01' } })).to.deep.equal({ day: '2019-02-03', source: 'tender-period' });
    expect(startOf({ ...base, tender: { id: 't', datePublished: '2019-01-01T10:00:00Z' } })).to.deep.equal({ day: '2019-01-01', source: 'tender-published' });
    const awards = [{ id: 'a2', date: '2019-04-09' }, { id: 'a1', date: '2019-03-08' }];
    expect(startOf({ ...base, awards })).to.deep.equal({ day: '2019-03-08', source: 'award' });
    expect(startOf({ ...base, contracts: [{ id: 'c', dateSigned: '2019-06-07', period: { startDate: '2019-06-01' } }] })).to.deep.equal({ day: '2019-06-01', source: 'contract' });
    expect(startOf(base)).to.deep.equal({ day: '2020-05-01', source: 'release' });
  });

  it('supplier: keeps only its awards and their contracts; planned and tendered stay whole-process', () => {
    const compiled = moldova.compiledRelease;
    const supplierName = 'ALIM-TOTAL S.R.L.';
    const awards = compiled.awards.filter((award: Json) => award.suppliers.some((s: Json) => s.name === supplierName));
    const awardIds = new Set(awards.map((award: Json) => award.id));
    const contracts = compiled.contracts.filter((contract: Json) => awardIds.has(contract.awardID));
    expect(compiled.awards.length).to.be.greaterThan(awards.length);

    const filtered = filterDataset(dataset, { supplier: supplierName });
    expect(ocids(filtered)).to.deep.equal([compiled.ocid]);
    const [process] = filtered.processes;
    expect(process.awards.map((award) => award.id)).to.deep.equal(awards.map((award: Json) => award.id));
    expect(process.contracts.map((contract) => contract.id)).to.deep.equal(contracts.map((contract: Json) => String(contract.id)));

    const rows = spendingByStage(filtered, { currency: 'MDL' });
    const amount = (stage: string) => rows.find((row) => row.stage === stage)?.amount;
    expect(amount('awarded')).to.be.closeTo(sum(awards.map((award: Json) => award.value.amount)), 0.001);
    expect(amount('contracted')).to.be.closeTo(sum(contracts.map((contract: Json) => contract.value.amount)), 0.001);
    // Unfiltered, the process awarded every supplier's share.
    const all = spendingByStage(filterDataset(dataset, { ocid: compiled.ocid }), { currency: 'MDL' });
    expect(all.find((row) => row.stage === 'awarded')?.amount).to.be.closeTo(sum(compiled.awards.map((award: Json) => award.value.amount)), 0.001);
  });

  it('supplier: an award shared by several suppliers keeps all the contracts of that award (Paraguay)', () => {
    const compiled = paraguay.records[0].compiledRelease;
    const [award] = compiled.awards;
    const filtered = filterDataset(dataset, { supplier: 'Parasur S.A.' });
    expect(ocids(filtered)).to.deep.equal([compiled.ocid]);
    expect(filtered.processes[0].awards.map((a) => a.id)).to.deep.equal([award.id]);
    const expected = compiled.contracts.filter((contract: Json) => contract.awardID === award.id).map((contract: Json) => contract.id);
    expect(filtered.processes[0].contracts.map((contract) => contract.id)).to.deep.equal(expected);
  });

  it('supplier: matches the organisation key the supplier network uses as node id', () => {
    const process = dataset.processes.find((candidate) => candidate.ocid === moldova.compiledRelease.ocid)!;
    const supplier = process.awards[0].suppliers[0];
    const filtered = filterDataset(dataset, { supplier: supplier.key });
    expect(filtered.processes[0].awards).to.have.length(1);
    expect(filtered.processes[0].awards[0].suppliers[0].name).to.equal(moldova.compiledRelease.awards[0].suppliers[0].name);
  });

  it('filters combine (all must hold) and leave out the issues of processes left out; the input is unchanged', () => {
    const before = { processes: dataset.processes.length, awards: dataset.processes.map((p) => p.awards.length) };
    const moldovaOcid = moldova.compiledRelease.ocid;
    const filtered = filterDataset(dataset, { supplier: 'ALIM-TOTAL S.R.L.', buyer: 'Primaria mun. Ceadîr-Lunga' });
    expect(ocids(filtered)).to.deep.equal([moldovaOcid]);
    expect(filterDataset(dataset, { supplier: 'ALIM-TOTAL S.R.L.', method: 'direct' }).processes).to.deep.equal([]);
    // Moldova writes its currency in lower case: repaired with issues, which stay with their process.
    const moldovaIssues = dataset.issues.filter((issue) => issue.ocid === moldovaOcid);
    expect(moldovaIssues.length).to.be.greaterThan(0);
    expect(filtered.issues.filter((issue) => issue.ocid !== undefined)).to.deep.equal(moldovaIssues);
    expect(dataset.processes.length).to.equal(before.processes);
    expect(dataset.processes.map((p) => p.awards.length)).to.deep.equal(before.awards);
  });
});
