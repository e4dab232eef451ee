import { expect } from '@open-wc/testing';
import { parseOcdsText } from '../../src/data/read.js';
import { mergeContents, readOcdsContent } from '../../src/data/shapes.js';
import { OcdsError, type DataIssue, type JsonObject } from '../../src/data/types.js';

const FIXTURES = '/test/fixtures/ocds/';

async function fixture(path: string): Promise<JsonObject> {
  const response = await fetch(FIXTURES + path);
  expect(response.ok, path).to.equal(true);
  return (await response.json()) as JsonObject;
}

function read(doc: unknown, root?: string) {
  const issues: DataIssue[] = [];
  const content = readOcdsContent(doc, { root }, (issue) => issues.push(issue));
  return { content, issues };
}

function notOcds(doc: unknown, root?: string): OcdsError {
  try {
    readOcdsContent(doc, { root }, () => undefined);
  } catch (error) {
    expect(error).to.be.instanceOf(OcdsError);
    expect((error as OcdsError).code).to.equal('not-ocds');
    return error as OcdsError;
  }
  throw new Error('expected not-ocds');
}

const ARMENIA = 'real/armenia/sample-data/6.json';
const PARAGUAY_RECORDS = 'real/paraguay-dncp/sample-data/records/277004.json';
const INAI_RELEASE = 'real/mexico-inai/sample-data/PC-0010-PC-0010.json';
const CDMX_PACKAGE = 'real/mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json';

describe('readOcdsContent', () => {
  it('reads a real release package: its releases and publisher metadata', async () => {
    const pkg = await fixture(ARMENIA);
    const { content, issues } = read(pkg);
    const releases = pkg.releases as JsonObject[];
    expect(content.releases).to.have.length(releases.length);
    expect(content.releases[0]).to.equal(releases[0]);
    expect(content.records).to.have.length(0);
    expect(content.meta.publisher).to.equal((pkg.publisher as JsonObject).name);
    expect(content.meta.publishedDate).to.equal(pkg.publishedDate);
    expect(content.meta.uri).to.equal(pkg.uri);
    expect(content.meta.version).to.equal(pkg.version);
    expect(issues).to.have.length(0);
  });

  it('reads a real record package: its records and licence', async () => {
    const pkg = await fixture(PARAGUAY_RECORDS);
    const { content } = read(pkg);
    expect(content.records).to.deep.equal(pkg.records);
    expect(content.releases).to.have.length(0);
    expect(content.meta.license).to.equal(pkg.license);
    expect(content.meta.publisher).to.equal((pkg.publisher as JsonObject).name);
  });

  it('reads a single real release, with the package metadata sample-data kept in packageInfo', async () => {
    const release = await fixture(INAI_RELEASE);
    const { content } = read(release);
    expect(content.releases).to.deep.equal([release]);
    const packageInfo = release.packageInfo as JsonObject;
    expect(content.meta.publisher).to.equal((packageInfo.publisher as JsonObject).name);
    expect(content.meta.publishedDate).to.equal(packageInfo.publishedDate);
  });

  it('reads a single record without an ocid (sample-data derived record) as a record', async () => {
    const record = await fixture('real/canada-buyandsell/sample-data/records/ocds-34a6hz-01044-060931_001_USW.json');
    expect(record.ocid).to.equal(undefined);
    const { content } = read(record);
    expect(content.records).to.deep.equal([record]);
    expect(content.releases).to.have.length(0);
  });

  it('takes the publisher of an unpackaged record when no package names one', async () => {
    const record = await fixture('real/canada-buyandsell/sample-data/records/ocds-34a6hz-01044-060931_001_USW.json');
    const name = (record.publisher as JsonObject).name as string;
    expect(name).to.be.a('string').and.not.equal('');
    expect(read(record).content.meta.publisher).to.equal(name.trim());
    // A list of records: the first record that names its publisher.
    const unnamed = { ...record, publisher: undefined };
    expect(read([unnamed, record]).content.meta.publisher).to.equal(name.trim());
    // A package's publisher describes the whole, records included.
    const armenia = await fixture(ARMENIA);
    const { content } = read([record, armenia]);
    expect(content.meta.publisher).to.equal((armenia.publisher as JsonObject).name);
    expect(content.meta.publisher).to.not.equal(name.trim());
  });

  it('reads a single record with an ocid and embedded releases as a record', async () => {
    const pkg = await fixture('merge/sample-data-fictional-1.1/record/ocds-213czf-000-00001.json');
    const record = (pkg.records as JsonObject[])[0]!;
    const { content } = read(record);
    expect(content.records).to.deep.equal([record]);
  });

  it('reads an array of releases (ocds-merge input)', async () => {
    const releases = (await fixture('merge/ocds-merge/1.1/simple/simple.json')) as unknown as JsonObject[];
    expect(Array.isArray(releases)).to.equal(true);
    const { content } = read(releases);
    expect(content.releases).to.deep.equal(releases);
  });

  it('reads an array of release and record packages and keeps the first package metadata', async () => {
    const armenia = await fixture(ARMENIA);
    const cdmx = await fixture(CDMX_PACKAGE);
    const paraguay = await fixture(PARAGUAY_RECORDS);
    const { content } = read([cdmx, armenia, paraguay]);
    const expected = (cdmx.releases as unknown[]).length + (armenia.releases as unknown[]).length;
    expect(content.releases).to.have.length(expected);
    expect(content.records).to.have.length((paraguay.records as unknown[]).length);
    expect(content.meta.publisher).to.equal((cdmx.publisher as JsonObject).name);
  });

  it('reads real JSON Lines of release packages and of record packages', async () => {
    for (const name of ['release-package_split.json', 'record-package_split.json']) {
      const text = await (await fetch(`${FIXTURES}merge/ocdskit-realdata-cdmx/${name}`)).text();
      const lines = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as JsonObject);
      const expectedReleases = lines.reduce((sum, pkg) => sum + ((pkg.releases as unknown[] | undefined)?.length ?? 0), 0);
      const expectedRecords = lines.reduce((sum, pkg) => sum + ((pkg.records as unknown[] | undefined)?.length ?? 0), 0);
      const contents = parseOcdsText(text, () => undefined).map((doc) => read(doc).content);
      const merged = mergeContents(contents);
      expect(merged.releases, name).to.have.length(expectedReleases);
      expect(merged.records, name).to.have.length(expectedRecords);
      expect(expectedReleases + expectedRecords, name).to.be.greaterThan(1);
    }
  });

  it('reads JSON Lines of releases (spoonbill test data)', async () => {
    const text = await (await fetch(`${FIXTURES}fictional/spoonbill-test/sample-dataset.jsonl`)).text();
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const merged = mergeContents(parseOcdsText(text, () => undefined).map((doc) => read(doc).content));
    expect(merged.releases).to.have.length(lines.length);
    expect(merged.releases.map((release) => release.ocid)).to.deep.equal(lines.map((line) => JSON.parse(line).ocid));
  });

  for (const wrapper of ['arrayReleasePackage', 'results', 'data', 'releasePackage', 'recordPackage']) {
    it(`auto-detects packages wrapped in "${wrapper}", and reads them with root="${wrapper}"`, async () => {
      const pkg = await fixture(wrapper === 'recordPackage' ? PARAGUAY_RECORDS : CDMX_PACKAGE);
      const value = wrapper === 'arrayReleasePackage' || wrapper === 'results' ? [pkg, pkg] : pkg;
      const copies = Array.isArray(value) ? value.length : 1;
      const doc = { [wrapper]: value, count: copies };
      for (const root of [undefined, wrapper]) {
        const { content } = read(doc, root);
        const expectedReleases = ((pkg.releases as unknown[] | undefined)?.length ?? 0) * copies;
        const expectedRecords = ((pkg.records as unknown[] | undefined)?.length ?? 0) * copies;
        expect(content.releases, String(root)).to.have.length(expectedReleases);
        expect(content.records, String(root)).to.have.length(expectedRecords);
        expect(expectedReleases + expectedRecords).to.be.greaterThan(0);
      }
    });
  }

  it('follows a dotted root path, and rejects a root that is not there', async () => {
    const pkg = await fixture(CDMX_PACKAGE);
    const { content } = read({ response: { body: pkg } }, 'response.body');
    expect(content.releases).to.have.length((pkg.releases as unknown[]).length);
    expect(notOcds({ response: {} }, 'response.body').message).to.include('response.body');
  });

  it('refuses an ambiguous wrapper (two wrapping properties) and asks for root', async () => {
    const pkg = await fixture(CDMX_PACKAGE);
    expect(notOcds({ data: pkg, results: [pkg] }).message).to.include('root');
    const { content } = read({ data: pkg, results: [pkg] }, 'results');
    expect(content.releases).to.have.length((pkg.releases as unknown[]).length);
  });

  it('takes links.next from the package, and next from a wrapper', async () => {
    const pkg = await fixture(CDMX_PACKAGE);
    expect(read({ ...pkg, links: { next: 'https://example.org/page/2' } }).content.next).to.equal('https://example.org/page/2');
    expect(read({ results: [pkg], next: '/api?page=2' }).content.next).to.equal('/api?page=2');
    expect(read(pkg).content.next).to.equal(undefined);
  });

  it('rejects GeoJSON, an error object, a number and a list of non-OCDS objects as not-ocds', () => {
    expect(notOcds({ type: 'FeatureCollection', features: [] }).message).to.include('GeoJSON');
    expect(notOcds({ error: 'Rate limit exceeded' }).message).to.include('Rate limit exceeded');
    notOcds(42);
    notOcds([{ name: 'a' }, { name: 'b' }]);
  });

  it('drops items that are not objects, with an issue each, and keeps the valid ones beside them', async () => {
    const release = await fixture(INAI_RELEASE);
    const { content, issues } = read([release, 5, null, 'x', { foo: 1 }, release]);
    expect(content.releases).to.have.length(2);
    expect(issues.map((issue) => issue.path)).to.deep.equal(['[1]', '[2]', '[3]', '[4]']);
    const inPackage = read({ releases: [release, null, release] });
    expect(inPackage.content.releases).to.have.length(2);
    expect(inPackage.issues.map((issue) => issue.path)).to.deep.equal(['releases[1]']);
  });
});

describe('mergeContents', () => {
  it('concatenates releases and records and keeps the first package metadata', async () => {
    const armenia = read(await fixture(ARMENIA)).content;
    const paraguay = read(await fixture(PARAGUAY_RECORDS)).content;
    const merged = mergeContents([armenia, paraguay]);
    expect(merged.releases).to.deep.equal(armenia.releases);
    expect(merged.records).to.deep.equal(paraguay.records);
    expect(merged.meta).to.deep.equal(armenia.meta);
    expect(mergeContents([{ releases: [], records: [], meta: {} }, paraguay]).meta).to.deep.equal(paraguay.meta);
  });
});
