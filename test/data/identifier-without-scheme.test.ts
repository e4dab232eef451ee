// A scheme-less identifier is the organisation's identity only when it has the form of a Mexican RFC: the airport
// authority (GACM) publishes RFCs without a scheme, other feeds number every supplier "1".
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';

const DIR = '/raw/test/fixtures/ocds/real/mexico-gacm/sample-data/releases/';
const FILES = ['110-RELEASE_110_2017-10-04T00_53_15_715Z.json', '126-RELEASE_126_2017-10-04T00_53_15_933Z.json'];
type Json = Record<string, any>;

describe('identifiers without a scheme', () => {
  it('GACM: one supplier under its RFC, with both names it is published under', async () => {
    const releases: Json[] = await Promise.all(FILES.map(async (file) => (await fetch(DIR + file)).json()));
    const suppliers = releases.map((release) => release.awards[0].suppliers[0]);
    // The fixture as described: one identifier id, no scheme, two different names.
    expect(suppliers.map((supplier) => supplier.identifier.scheme)).to.deep.equal([undefined, undefined]);
    expect(suppliers[0].identifier.id).to.equal(suppliers[1].identifier.id);
    expect(suppliers[0].name).not.to.equal(suppliers[1].name);

    const dataset = fromOcds(releases);
    const key = `MX-RFC/${suppliers[0].identifier.id}`;
    const organisation = dataset.organisations.get(key);
    expect(organisation, 'one organisation under the RFC').to.not.equal(undefined);
    expect([...organisation!.names].sort()).to.deep.equal(suppliers.map((supplier) => supplier.name).sort());
    expect(organisation!.identifier).to.deep.equal({ scheme: 'MX-RFC', id: suppliers[0].identifier.id });
    const awarded = dataset.processes.map((process) => process.awards[0].suppliers[0].key);
    expect(awarded).to.deep.equal([key, key]);
    const issues = dataset.issues.filter((issue) => issue.code === 'identifier-without-scheme');
    expect(issues.map((issue) => issue.ocid).sort()).to.deep.equal(releases.map((release) => release.ocid).sort());
    for (const issue of issues) expect(issue.message).to.contain(suppliers[0].identifier.id);
  });

  it('a feed giving every supplier the scheme-less id "1" keeps them apart, by name', () => {
    const names = ['Papelería del Centro', 'Constructora Norte', 'Servicios Médicos Unidos'];
    const releases = names.map((name, index) => ({
      ocid: `ocds-x-${index}`,
      id: 'r1',
      date: '2020-01-01T00:00:00Z',
      tag: ['award'],
      parties: [{ id: 'p1', name, identifier: { id: '1' }, roles: ['supplier'] }],
      awards: [{ id: 'a1', suppliers: [{ id: 'p1', name }], value: { amount: 10, currency: 'MXN' } }],
    }));
    const dataset = fromOcds(releases);
    const keys = dataset.processes.map((process) => process.awards[0].suppliers[0].key);
    expect(new Set(keys).size).to.equal(names.length);
    for (const key of keys) expect(key.startsWith('name:')).to.equal(true);
    expect(dataset.issues.map((issue) => issue.code)).not.to.include('identifier-without-scheme');
  });

  it('an RFC-shaped id stays ignored when it is a generic placeholder or its date is impossible', () => {
    const release = (id: string, name: string, ocid: string) => ({
      ocid,
      id: 'r1',
      date: '2020-01-01T00:00:00Z',
      tag: ['award'],
      awards: [{ id: 'a1', suppliers: [{ name, identifier: { id } }], value: { amount: 1, currency: 'MXN' } }],
    });
    const dataset = fromOcds([release('XAXX010101000', 'Público en general', 'ocds-x-1'), release('ABC991399XY1', 'Otra', 'ocds-x-2')]);
    const keys = dataset.processes.map((process) => process.awards[0].suppliers[0].key);
    for (const key of keys) expect(key.startsWith('name:'), key).to.equal(true);
  });
});
