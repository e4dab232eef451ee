import { expect } from '@open-wc/testing';
import { foldText, fromOcds, matchRanges, matchesWords, processRows, queryWords, searchText, sortRows, type ProcessRow } from '../../src/index.js';
import { expectedSpending, fetchJson } from '../spending-expected.js';

const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map(
  (name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`,
);
const PARAGUAY_1_0 = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);

/** Per process and currency, the stage amounts of the fixture JSON by the money rules (test/spending-expected.ts). */
function expectRowsMatch(rows: ProcessRow[], compiled: Record<string, any>[], currency: string) {
  expect(rows.map((row) => row.ocid).sort()).to.deep.equal(compiled.map((release) => release.ocid).sort());
  for (const release of compiled) {
    const row = rows.find((r) => r.ocid === release.ocid)!;
    const expected = expectedSpending([release]).filter((r) => r.currency === currency);
    for (const stage of ['tendered', 'awarded', 'contracted', 'paid'] as const) {
      const want = expected.find((r) => r.stage === stage)?.amount;
      if (want === undefined) expect(row[stage], `${release.ocid} ${stage}`).to.equal(undefined);
      else expect(row[stage], `${release.ocid} ${stage}`).to.be.closeTo(want, Math.abs(want) * 1e-12 + 1e-9);
    }
    expect(row.title).to.equal(release.tender?.title ?? release.title ?? '');
    expect(row.tenderers).to.equal(release.tender?.numberOfTenderers);
  }
}

describe('processRows', () => {
  it('Mexico INAI (MXN and USD): one row per process, amounts per currency never mixed', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    expectRowsMatch(processRows(dataset, 'MXN'), releases, 'MXN');
    expectRowsMatch(processRows(dataset, 'USD'), releases, 'USD');
    const row = processRows(dataset, 'MXN').find((r) => r.ocid === 'PC-0010')!;
    const suppliers = releases[0].awards.filter((a: any) => a.status !== 'unsuccessful').flatMap((a: any) => a.suppliers.map((s: any) => s.name));
    expect(row.suppliers).to.equal([...new Set(suppliers)].join('; '));
    expect(row.buyer).to.equal(releases[0].buyer?.name ?? releases[0].tender?.procuringEntity?.name ?? '');
  });

  it('Paraguay OCDS 1.0 records: rows per process in PYG', async () => {
    const packages = await Promise.all(PARAGUAY_1_0.map(fetchJson));
    const compiled = packages.flatMap((pkg) => pkg.records.map((record: { compiledRelease: unknown }) => record.compiledRelease));
    expectRowsMatch(processRows(fromOcds(packages), 'PYG'), compiled, 'PYG');
  });
});

describe('process search', () => {
  it('folds case and accents but keeps ñ apart from n', () => {
    expect(foldText('Adquisición ÁRBOL')).to.equal('adquisicion arbol');
    expect(foldText('Año')).to.equal('año');
    expect(foldText('An\u0303o')).to.equal('año'); // decomposed ñ too
    expect(matchesWords(foldText('Año fiscal'), queryWords('ano'))).to.equal(false);
    expect(matchesWords(foldText('Año fiscal'), queryWords('AÑO'))).to.equal(true);
  });

  it('finds INAI processes by accent-stripped words, supplier name and ocid', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    const find = (query: string) =>
      dataset.processes.filter((process) => matchesWords(searchText(process, dataset), queryWords(query))).map((p) => p.ocid);
    expect(find('produccion audiovisual')).to.deep.equal(['PC-0010']);
    expect(find('asesoria tecnica forense')).to.deep.equal(['PC-0015']);
    expect(find('american trust')).to.deep.equal(['PC-0012']);
    expect(find('pc-0012')).to.deep.equal(['PC-0012']);
    expect(find('')).to.have.length(3);
  });

  it('finds a supplier by every name variant it is published under', async () => {
    const [release] = await Promise.all([fetchJson(INAI[0])]);
    const supplier = release.awards[0].suppliers[0];
    const party = release.parties.find((p: any) => p.id === supplier.id);
    // The same organisation (same identifier) under another name in a second process.
    const variant = structuredClone(release);
    variant.ocid = 'PC-0010-variant';
    variant.id = `${release.id}-variant`;
    variant.awards[0].suppliers[0].name = 'MUNDO ES TUYO SA DE CV';
    for (const p of variant.parties) if (p.id === supplier.id) p.name = 'MUNDO ES TUYO SA DE CV';
    const dataset = fromOcds([release, variant]);
    expect(party.identifier).to.not.equal(undefined);
    const original = dataset.processes.find((p) => p.ocid === release.ocid)!;
    expect(matchesWords(searchText(original, dataset), queryWords('mundo es tuyo sa de cv'))).to.equal(true);
  });

  it('match ranges point at the shown text, accents and all', () => {
    const text = 'Adquisición de equipo';
    expect(matchRanges(text, queryWords('adquisicion')).map(([s, e]) => text.slice(s, e))).to.deep.equal(['Adquisición']);
    expect(matchRanges(text, queryWords('equipo de')).map(([s, e]) => text.slice(s, e))).to.deep.equal(['de', 'equipo']);
    expect(matchRanges(text, [])).to.deep.equal([]);
  });
});

describe('sortRows', () => {
  const row = (ocid: string, awarded?: number, start?: string) => ({ ocid, awarded, start }) as ProcessRow;
  const rows = [row('a', 10, '2020-03-01'), row('b', undefined, '2019-12-31'), row('c', 2.5), row('d', 100, '2021-01-09')];
  it('numbers as numbers, missing last both ways', () => {
    expect(sortRows(rows, 'awarded', 'ascending').map((r) => r.ocid)).to.deep.equal(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, 'awarded', 'descending').map((r) => r.ocid)).to.deep.equal(['d', 'a', 'c', 'b']);
  });
  it('dates in calendar order, missing last both ways', () => {
    expect(sortRows(rows, 'start', 'ascending').map((r) => r.ocid)).to.deep.equal(['b', 'a', 'd', 'c']);
    expect(sortRows(rows, 'start', 'descending').map((r) => r.ocid)).to.deep.equal(['d', 'a', 'b', 'c']);
  });
});

describe('processRows: red flags', () => {
  it("each row carries the codes of its process's flags, in code order; a search text can include them", async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    const [a, b] = releases.map((r) => r.ocid);
    const rows = processRows(dataset, 'MXN', { [a]: { R018: 1, R003: 1 } });
    expect(rows.find((r) => r.ocid === a)!.flags).to.equal('R003 R018');
    expect(rows.find((r) => r.ocid === b)!.flags).to.equal('');
    const process = dataset.processes.find((p) => p.ocid === a)!;
    expect(matchesWords(searchText(process, dataset, 'R003 R018'), queryWords('r018'))).to.equal(true);
    expect(matchesWords(searchText(process, dataset), queryWords('r018'))).to.equal(false);
  });
});
