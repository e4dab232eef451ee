// Every real publisher file loads through fromOcds, with one process per ocid, and the quirks SOURCES.md lists
// for it repaired with an issue or reported. Expected values are read straight from the fixture JSON here.
import { expect } from '@open-wc/testing';
import { fromOcds, type Dataset, type DataIssue, type Money } from '../../src/index.js';
import { REAL_FILES } from '../helpers/real-files.js';

// Byte-for-byte: the test server re-encodes text files it serves itself (see demos/api/koa.js).
const REAL = '/raw/test/fixtures/ocds/real/';


type Json = Record<string, any>;

async function bytesOf(file: string): Promise<ArrayBuffer> {
  const response = await fetch(REAL + file);
  if (!response.ok) throw new Error(`fixture ${file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function load(file: string): Promise<{ raw: Json; dataset: Dataset }> {
  const bytes = await bytesOf(file);
  const raw = JSON.parse(new TextDecoder().decode(bytes));
  return { raw, dataset: fromOcds(bytes) };
}

/** Distinct ocids, found by walking the published JSON (a record without its own ocid is named by its compiled release). */
function ocidsIn(doc: Json): Set<string> {
  const ocids = new Set<string>();
  const recordOcid = (record: Json) =>
    record.ocid ?? record.compiledRelease?.ocid ?? (record.releases ?? []).find((r: Json) => r.ocid)?.ocid;
  if (Array.isArray(doc.records)) for (const record of doc.records) ocids.add(recordOcid(record));
  else if ('compiledRelease' in doc || 'versionedRelease' in doc) ocids.add(recordOcid(doc));
  else if (Array.isArray(doc.releases) && typeof doc.ocid !== 'string') for (const release of doc.releases) ocids.add(release.ocid);
  else ocids.add(doc.ocid);
  return ocids;
}

/** Every [path, value] in a JSON value, paths written like issue paths (`a.b[0].c`). */
function* entries(value: unknown, path = ''): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* entries(value[i], `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* entries(child, path ? `${path}.${key}` : key);
  }
}

function allMoney(dataset: Dataset): Money[] {
  const money: Money[] = [];
  for (const process of dataset.processes) {
    if (process.planning?.budget) money.push(process.planning.budget);
    if (process.tender?.value) money.push(process.tender.value);
    for (const award of process.awards) if (award.value) money.push(award.value);
    for (const contract of process.contracts) {
      if (contract.value) money.push(contract.value);
      for (const transaction of contract.transactions) if (transaction.value) money.push(transaction.value);
    }
  }
  return money;
}

const withCode = (issues: DataIssue[], code: string) => issues.filter((issue) => issue.code === code);

describe('real publisher files through fromOcds', () => {
  it('lists every file of test/fixtures/ocds/real', () => {
    expect(REAL_FILES.length).to.equal(69);
    expect(new Set(REAL_FILES).size).to.equal(REAL_FILES.length);
  });

  for (const file of REAL_FILES) {
    it(`loads ${file}: one process per ocid, sound money and dates`, async () => {
      const { raw, dataset } = await load(file);
      const ocids = ocidsIn(raw);
      expect(dataset.processes.length).to.equal(ocids.size);
      expect(new Set(dataset.processes.map((p) => p.ocid))).to.deep.equal(ocids);
      for (const process of dataset.processes) {
        expect(process.compiledRelease.ocid).to.equal(process.ocid);
        expect(process.releases.length).to.be.greaterThan(0);
        expect(Array.isArray(process.compiledRelease.tag ?? [])).to.equal(true);
      }
      for (const money of allMoney(dataset)) {
        expect(Number.isFinite(money.amount)).to.equal(true);
        expect(money.currency).to.match(/^[A-Z]{3}$/);
      }
      for (const issue of dataset.issues) {
        expect(issue.code).to.be.a('string').and.not.equal('');
        expect(issue.message).to.be.a('string').and.not.equal('');
      }
      // Package metadata, as published (release and record packages).
      const isPackage = Array.isArray(raw.records) || (Array.isArray(raw.releases) && !('compiledRelease' in raw) && raw.ocid === undefined);
      if (isPackage) {
        if (typeof raw.publisher?.name === 'string') expect(dataset.meta.publisher).to.equal(raw.publisher.name.trim());
        if (typeof raw.license === 'string') expect(dataset.meta.license).to.equal(raw.license.trim());
        if (typeof raw.uri === 'string') expect(dataset.meta.uri).to.equal(raw.uri.trim());
      }
      expect(dataset.meta.bytes).to.equal((await bytesOf(file)).byteLength);
      expect(dataset.meta.complete).to.equal(true);
    });
  }
});

describe('quirks listed in SOURCES.md', () => {
  it('GACM 390: currency typo "MNX" is read as MXN, with an issue', async () => {
    const { raw, dataset } = await load('mexico-gacm/sample-data/releases/390-RELEASE_390_2017-10-04T00_53_18_722Z.json');
    const typos = [...entries(raw)].filter(([path, value]) => path.endsWith('currency') && value === 'MNX');
    expect(typos.length).to.be.greaterThan(0);
    // Repairs recurring in one release are one issue, with the first place and the count.
    const repaired = withCode(dataset.issues, 'currency-normalised');
    expect(repaired.length).to.equal(1);
    expect(repaired[0].message).to.match(new RegExp(`^${typos.length} currency codes normalised`));
    expect(repaired[0].message).to.include('"MNX" read as MXN');
    expect(typos.map(([path]) => path)).to.include(repaired[0].path);
    const [process] = dataset.processes;
    expect(process.planning?.budget).to.deep.equal({ amount: raw.planning.budget.amount.amount, currency: 'MXN' });
    expect(JSON.stringify(process.compiledRelease)).not.to.include('"MNX"');
  });

  it('Moldova: lowercase "mdl" becomes MDL and empty-string amounts are dropped, each with an issue', async () => {
    const { raw, dataset } = await load('moldova/sample-data/releases/ocds-ngfbwp-18610708-18610708.json');
    const lowercase = [...entries(raw)].filter(([path, value]) => path.endsWith('.currency') && value === 'mdl');
    const emptyAmounts = [...entries(raw)].filter(([path, value]) => path.endsWith('.amount') && value === '');
    expect(lowercase.length).to.be.greaterThan(0);
    expect(emptyAmounts.length).to.be.greaterThan(0);
    const normalised = withCode(dataset.issues, 'currency-normalised');
    expect(normalised.length).to.equal(1);
    expect(normalised[0].message).to.match(new RegExp(`^${lowercase.length} currency codes normalised`));
    expect(withCode(dataset.issues, 'amount-invalid').map((i) => i.path).sort()).to.deep.equal(
      emptyAmounts.map(([path]) => path).sort(),
    );
    const [process] = dataset.processes;
    const rawAwards = (raw.awards as Json[]).filter((award) => typeof award.value?.amount === 'number');
    expect(process.awards.filter((award) => award.value).length).to.equal(rawAwards.length);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(process.awards.map((award) => award.value?.amount ?? 0))).to.equal(
      sum(rawAwards.map((award) => award.value.amount)),
    );
    for (const award of process.awards) if (award.value) expect(award.value.currency).to.equal('MDL');
  });

  it('CDMX 2015: malformed dates such as "2015-11-09T00:00:00.-06:00" are repaired, each with an issue', async () => {
    const { raw, dataset } = await load('mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json');
    const isMalformed = (value: unknown) => typeof value === 'string' && /T\d\d:\d\d:\d\d\.[+-]\d\d:\d\d$/.test(value);
    // Issue paths are relative to the release.
    const malformed = [...entries(raw.releases[0])].filter(([, value]) => isMalformed(value));
    expect(malformed.length).to.be.greaterThan(0);
    // One issue for the release, counting every date repaired in it.
    const repairs = withCode(dataset.issues, 'date-repaired').filter((issue) => issue.path !== 'publishedDate');
    expect(repairs.length).to.equal(1);
    expect(Number(/^(\d+) dates repaired/.exec(repairs[0].message)?.[1])).to.be.at.least(malformed.length);
    // The package's own publishedDate too.
    expect(isMalformed(raw.publishedDate)).to.equal(true);
    expect(dataset.meta.publishedDate).to.equal(raw.publishedDate.replace('.-', '-'));
    const compiled = JSON.stringify(dataset.processes[0].compiledRelease);
    expect(compiled).not.to.match(/\.[+-]\d\d:\d\d"/);
    const first = malformed.find(([path]) => path === repairs[0].path);
    if (first) expect(repairs[0].message).to.include(String(first[1]).replace('.-', '-'));
  });

  it('CDMX 2015: "buyer": null falls back to tender.procuringEntity, with an issue', async () => {
    const { raw, dataset } = await load('mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json');
    const release = raw.releases[0];
    expect(release.buyer).to.equal(null);
    const [process] = dataset.processes;
    expect(process.buyer?.name).to.equal(process.procuringEntity?.name);
    expect(process.buyer?.name.normalize('NFC')).to.not.equal('');
    expect(withCode(dataset.issues, 'buyer-from-procuring-entity').length).to.equal(1);
  });

  it('CDMX 2015: double-encoded UTF-8 ("AUTORIZACIÃ“N") is repaired; lost bytes ("SECRETARÃ¿A") are reported', async () => {
    const { raw, dataset } = await load('mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json');
    const text = JSON.stringify(raw);
    expect(text).to.include('Ã“');
    expect(text).to.include('Ã¿');
    const compiled = JSON.stringify(dataset.processes[0].compiledRelease);
    expect(compiled).not.to.include('Ã“');
    expect(compiled).to.include('Ó');
    expect(withCode(dataset.issues, 'mojibake-repaired').length).to.equal(1);
    expect(withCode(dataset.issues, 'mojibake-unrepaired').length).to.equal(1);
  });

  it('Montreal and Taiwan: tag as a string is read as a list, awards as an object as a list', async () => {
    const montreal = await load(
      'canada-montreal/sample-data/releases/ocds-a1234567-mt-479ed54d04ef57f019dab7e6439d1f12871709a8-479ed54d04ef57f019dab7e6439d1f12871709a8.json',
    );
    expect(typeof montreal.raw.tag).to.equal('string');
    expect(montreal.dataset.processes[0].releases[0].tags).to.deep.equal([montreal.raw.tag]);
    expect(withCode(montreal.dataset.issues, 'tag-string').length).to.equal(1);

    const taiwan = await load('taiwan/sample-data/ocid-6as3t2-51181645-ocid-6as3t2-51181645.json');
    expect(Array.isArray(taiwan.raw.awards)).to.equal(false);
    const [process] = taiwan.dataset.processes;
    expect(process.awards.length).to.equal(1);
    expect(process.awards[0].id).to.equal(String(taiwan.raw.awards.id ?? ''));
    expect(withCode(taiwan.dataset.issues, 'array-expected').map((i) => i.path)).to.include('awards');
    expect(process.releases[0].tags).to.deep.equal([taiwan.raw.tag]);
  });

  it('Armenia: negative amounts are kept as published and reported', async () => {
    const { raw, dataset } = await load('armenia/sample-data/6.json');
    const negative = new Map<string, number>();
    for (const release of raw.releases as Json[]) {
      const planning = Array.isArray(release.planning) && release.planning.length === 1 ? release.planning[0] : release.planning;
      const amount = planning?.budget?.amount?.amount;
      if (typeof amount === 'number' && amount < 0) negative.set(release.ocid, amount);
    }
    expect(negative.size).to.be.greaterThan(0);
    const reported = withCode(dataset.issues, 'amount-negative').filter((i) => i.path === 'planning.budget.amount.amount');
    expect(new Set(reported.map((i) => i.ocid))).to.deep.equal(new Set(negative.keys()));
    for (const [ocid, amount] of negative) {
      expect(dataset.processes.find((p) => p.ocid === ocid)?.planning?.budget?.amount).to.equal(amount);
    }
  });

  it('Paraguay: linked releases (url only) are counted and reported; the compiled release is used', async () => {
    const { raw, dataset } = await load('paraguay-dncp/rparrapy-ocds-viz/155220.json');
    const record = raw.records[0];
    const linked = (record.releases as Json[]).filter((r) => typeof r.url === 'string');
    expect(linked.length).to.equal(record.releases.length);
    const [process] = dataset.processes;
    expect(process.releases.length).to.equal(linked.length);
    expect(process.contracts.length).to.equal(record.compiledRelease.contracts.length);
    const issues = withCode(dataset.issues, 'linked-releases');
    expect(issues.length).to.equal(1);
    expect(issues[0].message).to.include(String(linked.length));
    // The compiled release describes the process, so nothing is missing from the totals.
    expect(dataset.meta.complete).to.equal(true);
  });

  it('derived records without their own ocid are named by their compiled release', async () => {
    const { raw, dataset } = await load('canada-buyandsell/sample-data/records/ocds-34a6hz-01044-060931_001_USW.json');
    expect(raw.ocid).to.equal(undefined);
    expect(dataset.processes[0].ocid).to.equal(raw.compiledRelease.ocid);
    expect(dataset.processes[0].ocid).to.include('/');
  });

  it('Uganda: integer ids are read as strings, with an issue', async () => {
    const { raw, dataset } = await load('uganda/sample-data/ocds-rdvc92-1508162377-97080.json');
    expect(typeof raw.buyer.id).to.equal('number');
    expect(dataset.processes[0].buyer?.partyId).to.equal(String(raw.buyer.id));
    expect(withCode(dataset.issues, 'id-number').length).to.equal(1);
  });

  it('mojibake in GACM airport data is repaired', async () => {
    const { raw, dataset } = await load('mexico-gacm/sample-data/releases/10-RELEASE_10_2017-03-06T21_30_25_373Z.json');
    expect(JSON.stringify(raw)).to.match(/Ã[\u0080-\u00bf\u2000-\u20ff]/);
    expect(JSON.stringify(dataset.processes[0].compiledRelease)).not.to.match(/Ã[\u0080-\u00bf\u2000-\u20ff]/);
    expect(withCode(dataset.issues, 'mojibake-repaired').length).to.be.greaterThan(0);
  });
});
