// The model read from real fixtures, checked against values read straight from the fixture JSON here;
// and the pipeline around it: de-duplication, ordering, 1.0 upgrade before merging, async build, metadata.
import { expect } from '@open-wc/testing';
import { buildDataset, buildDatasetAsync, fromOcds, OcdsError, readOcdsContent, type Dataset } from '../../src/index.js';

// Byte-for-byte: the test server re-encodes text files it serves itself (see demos/api/koa.js).
const REAL = '/raw/test/fixtures/ocds/real/';

type Json = Record<string, any>;

async function json(file: string): Promise<Json> {
  const response = await fetch(REAL + file);
  if (!response.ok) throw new Error(`fixture ${file}: HTTP ${response.status}`);
  return response.json();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

describe('model from real fixtures', () => {
  it('Nigeria: tender, awards, contracts, 1.0 transactions and implementation milestones', async () => {
    const raw = await json('nigeria/sample-data/releases/ocds-gyl66f-borbda-27yetd-ocds-gyl66f-borbda-27yetd.json');
    const [process] = fromOcds(structuredClone(raw)).processes;
    expect(process.ocid).to.equal(raw.ocid);
    expect(process.buyer).to.include({ name: raw.buyer.name, partyId: raw.buyer.id });
    expect(process.tender?.id).to.equal(raw.tender.id);
    expect(process.tender?.status).to.equal(raw.tender.status);
    expect(process.tender?.tenderPeriod).to.deep.equal(raw.tender.tenderPeriod);
    expect(process.tender?.awardPeriod).to.deep.equal(raw.tender.awardPeriod);
    expect(process.procurementMethod).to.equal(raw.tender.procurementMethod);

    expect(process.awards.length).to.equal(raw.awards.length);
    const [award] = process.awards;
    expect(award).to.include({ id: raw.awards[0].id, status: raw.awards[0].status, date: raw.awards[0].date });
    expect(award.value).to.deep.equal(raw.awards[0].value);
    expect(award.suppliers.map((s) => [s.partyId, s.name])).to.deep.equal(raw.awards[0].suppliers.map((s: Json) => [s.id, s.name]));

    const [contract] = process.contracts;
    const rawContract = raw.contracts[0];
    expect(contract).to.include({ id: rawContract.id, awardID: rawContract.awardID, status: rawContract.status });
    expect(contract.value).to.deep.equal(rawContract.value);
    expect(contract.period).to.deep.equal(rawContract.period);
    // The 1.0 `amount` of the transaction is its value.
    const rawTransactions = rawContract.implementation.transactions as Json[];
    expect(contract.transactions.map((t) => t.value)).to.deep.equal(rawTransactions.map((t) => t.amount));
    expect(contract.transactions.map((t) => t.payer?.name)).to.deep.equal(rawTransactions.map((t) => t.payer.name));
    const implementation = contract.milestones.filter((m) => m.source === 'implementation');
    expect(implementation.map((m) => [m.id, m.status, m.dueDate])).to.deep.equal(
      rawContract.implementation.milestones.map((m: Json) => [m.id, m.status, m.dueDate]),
    );
    expect(process.releases.map(({ id, date, tags }) => ({ id, date, tags }))).to.deep.equal([{ id: raw.id, date: raw.date, tags: raw.tag }]);
  });

  it('CDMX record: transactions, their total, and the publisher compiled release as published', async () => {
    const raw = await json('mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json');
    const dataset = fromOcds(structuredClone(raw));
    const [process] = dataset.processes;
    const rawContracts = raw.compiledRelease.contracts as Json[];
    const rawTransactions = rawContracts.flatMap((c) => c.implementation?.transactions ?? []);
    const transactions = process.contracts.flatMap((c) => c.transactions);
    expect(transactions.length).to.equal(rawTransactions.length);
    expect(sum(transactions.map((t) => t.value?.amount ?? 0))).to.be.closeTo(
      sum(rawTransactions.map((t: Json) => (t.value ?? t.amount).amount)),
      1e-6,
    );
    expect(process.contracts.map((c) => c.value)).to.deep.equal(
      rawContracts.map((c) => ({ amount: c.value.amount, currency: c.value.currency })),
    );
    // Release history from the record's embedded releases, oldest first.
    const rawDates = (raw.releases as Json[]).map((r) => r.date).sort(byTime);
    expect(process.releases.map((r) => r.date)).to.deep.equal(rawDates);
    expect(dataset.meta.releases).to.equal(raw.releases.length);
    // Every named party is an organisation of the dataset, referenced or not (tenderers too).
    const allNames = new Set([...dataset.organisations.values()].flatMap((o) => o.names));
    for (const party of raw.compiledRelease.parties as Json[]) {
      if (party.name) expect(allNames.has(party.name), party.name).to.equal(true);
    }
    // Payees given by identifier only (1.0) resolve to the supplier party with that identifier.
    const supplierKeys = new Set(process.awards.flatMap((a) => a.suppliers.map((s) => s.key)));
    for (const transaction of transactions) expect(supplierKeys.has(transaction.payee?.key ?? ''), transaction.payee?.key).to.equal(true);
  });

  it('Paraguay record package: publisher compiled release, linked release history, organisations', async () => {
    const raw = await json('paraguay-dncp/sample-data/records/277004.json');
    const dataset = fromOcds(structuredClone(raw));
    const [process] = dataset.processes;
    const compiled = raw.records[0].compiledRelease;
    expect(process.contracts.map((c) => c.value)).to.deep.equal(compiled.contracts.map((c: Json) => c.value));
    // The publisher lists one supplier twice (uniqueItems violation): counted once, with an issue.
    const rawSuppliers = compiled.awards[0].suppliers as Json[];
    const distinct = rawSuppliers.filter((s, i) => rawSuppliers.findIndex((t) => t.identifier.id === s.identifier.id) === i);
    expect(distinct.length).to.be.lessThan(rawSuppliers.length);
    expect(process.awards[0].suppliers.map((s) => s.name)).to.deep.equal(distinct.map((s) => s.name));
    expect(dataset.issues.filter((i) => i.code === 'duplicate-supplier').length).to.equal(rawSuppliers.length - distinct.length);
    expect(process.buyer?.name).to.equal(compiled.buyer.name);
    const linked = [...raw.records[0].releases].sort((a: Json, b: Json) => byTime(a.date, b.date));
    expect(process.releases.map((r) => [r.date, r.tags])).to.deep.equal(linked.map((r: Json) => [r.date, r.tag]));
    expect(dataset.meta).to.include({ publisher: raw.publisher.name, license: raw.license, uri: raw.uri, publishedDate: raw.publishedDate });
    for (const supplier of process.awards[0].suppliers) {
      expect(dataset.organisations.get(supplier.key)?.names).to.include(supplier.name);
    }
  });

  it('Paraguay releases: seven stage releases of one ocid compile into one process', async () => {
    const files = [
      'planning', 'tender', '1-award',
    ].map((stage) => `paraguay-dncp/sample-data/releases/ocds-03ad3f-277004-277004-adquisicion-equipos-e-insumos-informaticos-${stage}.json`)
      .concat(['data-lab-sa-5', 'marcelo-addario-pavon-4', 'marcelo-addario-pavon-7', 'parasur-sa-6'].map(
        (name) => `paraguay-dncp/sample-data/releases/ocds-03ad3f-277004-277004-${name}-contract.json`,
      ));
    const raws = await Promise.all(files.map(json));
    // Newest first, as APIs list them.
    const dataset = fromOcds([...raws].reverse());
    expect(dataset.processes.length).to.equal(1);
    const [process] = dataset.processes;
    expect(process.releases.map((r) => r.id)).to.deep.equal(
      [...raws].sort((a, b) => byTime(a.date, b.date)).map((r) => r.id),
    );
    const rawContracts = raws.flatMap((r) => r.contracts ?? []);
    expect(process.contracts.length).to.equal(rawContracts.length);
    expect(sum(process.contracts.map((c) => c.value?.amount ?? 0))).to.equal(sum(rawContracts.map((c: Json) => c.value.amount)));
    const planning = raws.find((r) => r.tag.includes('planning'));
    expect(process.planning?.budget?.amount ?? null).to.equal(planning?.planning.budget.amount.amount);
    expect(dataset.meta.releases).to.equal(raws.length);
  });

  it('CDMX release mixing MXN and USD keeps both currencies apart', async () => {
    const raw = await json('mexico-cdmx/sample-data/releases/OCDS-87SD3T-AD-SF-DRM-065-2015-01.json');
    const [process] = fromOcds(structuredClone(raw)).processes;
    const rawCurrencies = new Set(
      [raw.tender?.value, ...raw.awards.map((a: Json) => a.value), ...raw.contracts.map((c: Json) => c.value)]
        .filter((v) => typeof v?.amount === 'number')
        .map((v) => v.currency),
    );
    const currencies = new Set(
      [process.tender?.value, ...process.awards.map((a) => a.value), ...process.contracts.map((c) => c.value)]
        .filter((v) => v !== undefined)
        .map((v) => v!.currency),
    );
    expect(currencies).to.deep.equal(rawCurrencies);
    expect(currencies.size).to.be.greaterThan(1);
  });

  it('two exports of one CDMX process (data/ and newdata/) become one process with both releases', async () => {
    const older = await json('mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json');
    const newer = await json('mexico-cdmx/GobiernoFacil-ocds-CDMX/newdata/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json');
    expect(older.releases[0].ocid).to.equal(newer.releases[0].ocid);
    const dataset = fromOcds([older, newer]);
    expect(dataset.processes.length).to.equal(1);
    // The re-export reuses the release id with other content: both are kept (not a copy), merged in date order.
    expect(older.releases[0].id).to.equal(newer.releases[0].id);
    expect(JSON.stringify(older.releases[0])).not.to.equal(JSON.stringify(newer.releases[0]));
    expect(dataset.processes[0].releases.length).to.equal(2);
    expect(dataset.issues.filter((issue) => issue.code === 'release-id-repeated')).to.have.length(1);
    expect(dataset.meta.pages).to.equal(1);
  });
});

describe('pipeline', () => {
  const release = (fields: Json) => ({ ocid: 'ocds-p-1', initiationType: 'tender', ...fields });

  it('orders releases of one date by lifecycle stage from tag (planning < tender < award < contract)', () => {
    const date = '2020-05-01T00:00:00Z';
    const dataset = fromOcds([
      release({ id: 'c', date, tag: ['contract'], tender: { id: 't', status: 'complete' } }),
      release({ id: 'a', date, tag: ['award'], tender: { id: 't', status: 'active' } }),
      release({ id: 't', date, tag: ['tender'], tender: { id: 't', status: 'planned' } }),
    ]);
    const [process] = dataset.processes;
    expect(process.tender?.status).to.equal('complete');
    expect(process.releases.map((r) => r.id)).to.deep.equal(['t', 'a', 'c']);
  });

  it('orders releases by date first (newest-first listings)', () => {
    const dataset = fromOcds([
      release({ id: '2', date: '2021-01-01T00:00:00Z', tag: ['tender'], tender: { id: 't', title: 'new' } }),
      release({ id: '1', date: '2020-01-01T00:00:00Z', tag: ['award'], tender: { id: 't', title: 'old' } }),
    ]);
    expect(dataset.processes[0].tender?.title).to.equal('new');
  });

  it('orders releases of one ocid by instant, not by their text, when their offsets differ', () => {
    // As text, 2020-05-01T23:30:00-06:00 sorts before 2020-05-02T01:00:00Z; as instants it is 4.5 hours later.
    const later = '2020-05-01T23:30:00-06:00';
    const earlier = '2020-05-02T01:00:00Z';
    expect(later < earlier).to.equal(true);
    expect(Date.parse(later)).to.be.greaterThan(Date.parse(earlier));
    const dataset = fromOcds([
      release({ id: 'late', date: later, tag: ['tender'], tender: { id: 't', title: 'later' } }),
      release({ id: 'early', date: earlier, tag: ['tender'], tender: { id: 't', title: 'earlier' } }),
    ]);
    const [process] = dataset.processes;
    expect(process.tender?.title).to.equal('later');
    expect(process.compiledRelease.date).to.equal(later);
    expect(process.releases.map((r) => r.id)).to.deep.equal(['early', 'late']);
  });

  it('drops exact duplicate releases (same ocid and id) so id-less transactions are not paid twice', () => {
    const paid = release({
      id: 'r1',
      date: '2020-01-01T00:00:00Z',
      tag: ['implementation'],
      contracts: [{ id: 'c1', value: { amount: 100, currency: 'MXN' }, implementation: { transactions: [{ value: { amount: 60, currency: 'MXN' } }] } }],
    });
    const page = { releases: [paid] };
    const dataset = fromOcds([structuredClone(page), structuredClone(page)]);
    expect(dataset.processes[0].contracts[0].transactions.map((t) => t.value?.amount)).to.deep.equal([60]);
    expect(dataset.issues.filter((i) => i.code === 'duplicate-release').length).to.equal(1);
    expect(dataset.meta.releases).to.equal(1);
  });

  it('JSON Lines with the same release repeated (spoonbill sample) keeps one copy', async () => {
    const response = await fetch('/raw/test/fixtures/ocds/fictional/spoonbill-test/sample-dataset.jsonl');
    const text = await response.text();
    const lines = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Json);
    const distinct = new Set(lines.map((r) => `${r.ocid} ${r.id}`));
    const dataset = fromOcds(text);
    expect(dataset.processes.length).to.equal(new Set(lines.map((r) => r.ocid)).size);
    expect(dataset.meta.releases).to.equal(distinct.size);
    expect(dataset.issues.filter((i) => i.code === 'duplicate-release').length).to.equal(lines.length - distinct.size);
    expect(dataset.meta.pages).to.equal(lines.length);
  });

  it('upgrades OCDS 1.0 releases before merging: one inline supplier stays one', () => {
    const supplier = { name: 'Proveedor SA de CV', identifier: { scheme: 'MX-RFC', id: 'PRO010101AA1' } };
    const dataset = fromOcds([
      release({ id: '1', date: '2020-01-01T00:00:00Z', tag: ['award'], awards: [{ id: 'a', status: 'pending', suppliers: [supplier] }] }),
      release({ id: '2', date: '2020-02-01T00:00:00Z', tag: ['awardUpdate'], awards: [{ id: 'a', status: 'active', suppliers: [supplier] }] }),
    ]);
    const [award] = dataset.processes[0].awards;
    expect(award.status).to.equal('active');
    expect(award.suppliers.map((s) => s.key)).to.deep.equal(['MX-RFC/PRO010101AA1']);
    expect(dataset.processes[0].compiledRelease.parties).to.be.an('array');
  });

  it('a record with only linked releases makes the dataset incomplete, and says so', () => {
    const dataset = fromOcds({
      records: [{ ocid: 'ocds-p-9', releases: [{ url: 'https://example.org/r/1.json', date: '2020-01-01T00:00:00Z', tag: ['tender'] }] }],
    });
    expect(dataset.processes.map((p) => p.ocid)).to.deep.equal(['ocds-p-9']);
    expect(dataset.processes[0].releases).to.deep.equal([{ id: 'https://example.org/r/1.json', date: '2020-01-01T00:00:00Z', tags: ['tender'] }]);
    expect(dataset.meta).to.include({ complete: false, incompleteReason: 'linked-releases' });
    expect(dataset.issues.map((i) => i.code)).to.include('linked-releases');
  });

  it('linked releases that also give their id are still linked releases', () => {
    const dataset = fromOcds({
      records: [{ ocid: 'ocds-p-8', releases: [{ id: 'r1', url: 'https://example.org/r/1.json', date: '2020-01-01T00:00:00Z', tag: ['tender'] }] }],
    });
    expect(dataset.processes[0].releases.map((r) => r.id)).to.deep.equal(['r1']);
    expect(dataset.meta).to.include({ complete: false, incompleteReason: 'linked-releases' });
  });

  it('keeps the loader\u2019s completeness and counts', () => {
    const content = readOcdsContent({ releases: [release({ id: '1', date: '2020-01-01T00:00:00Z', tag: ['tender'] })] }, {}, () => {});
    const dataset = buildDataset([content], { pages: 3, bytes: 1234, complete: false, incompleteReason: 'max-pages' });
    expect(dataset.meta).to.include({ pages: 3, bytes: 1234, releases: 1, complete: false, incompleteReason: 'max-pages' });
  });

  it('buildDatasetAsync gives the same dataset as buildDataset, and stops when aborted', async () => {
    const raw = await json('armenia/sample-data/6.json');
    const contents = () => [readOcdsContent(structuredClone(raw), {}, () => {})];
    const synchronous: Dataset = buildDataset(contents());
    const asynchronous = await buildDatasetAsync(contents(), {});
    expect(asynchronous.processes).to.deep.equal(synchronous.processes);
    expect(asynchronous.issues).to.deep.equal(synchronous.issues);
    expect([...asynchronous.organisations]).to.deep.equal([...synchronous.organisations]);
    expect(asynchronous.meta).to.deep.equal(synchronous.meta);

    const controller = new AbortController();
    const pending = buildDatasetAsync(contents(), { signal: controller.signal });
    controller.abort();
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(OcdsError);
    expect((error as OcdsError).code).to.equal('aborted');
  });
});
