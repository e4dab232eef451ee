import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compileReleases } from '../../src/data/merge.js';
import {
  isOcds10Release,
  upgradeRecordPackage,
  upgradeRelease,
  upgradeReleasePackage,
} from '../../src/data/upgrade.js';
import type { DataIssue, JsonObject } from '../../src/data/types.js';
import { fixtureReader } from '../helpers/fixtures.js';

const FIXTURES = '/test/fixtures/ocds';
const UPGRADE = `${FIXTURES}/upgrade/ocdskit-realdata`;

/** Every fixture the tests read (`fetched`), to check below that no listed case is left out. */
const { fetched, fetchText, fetchJson } = fixtureReader();

/** The releases a fixture file holds: a single release, a package's embedded releases, records' compiled releases. */
function releasesIn(document: JsonObject): JsonObject[] {
  const records = Array.isArray(document.records) ? (document.records as JsonObject[]) : [document];
  return records.flatMap((record) => {
    const releases = Array.isArray(record.releases)
      ? (record.releases as JsonObject[]).filter((release) => !('url' in release))
      : [];
    const compiled = record.compiledRelease ? [record.compiledRelease as JsonObject] : [];
    return releases.length || compiled.length ? [...releases, ...compiled] : [record];
  });
}

interface Package {
  releases: JsonObject[];
}

describe('OCDS 1.0 -> 1.1 upgrade conformance: ocdskit real data', () => {
  for (const n of [1, 2]) {
    it(`release-package_1.0-${n}.json -> release-package_1.1-${n}.json`, async () => {
      const input = await fetchJson(`${UPGRADE}/release-package_1.0-${n}.json`);
      const expected = await fetchJson<Package>(`${UPGRADE}/release-package_1.1-${n}.json`);
      const original = structuredClone(input);
      expect(upgradeReleasePackage(input)).to.deep.equal(expected);
      expect(input, 'the package is not modified').to.deep.equal(original);
      // Release by release, too.
      const releases = (input as unknown as Package).releases.map((release) => upgradeRelease(release));
      expect(releases).to.deep.equal(expected.releases);
    });
  }

  it('record-package_1.0.json -> record-package_1.1.json', async () => {
    const input = await fetchJson(`${UPGRADE}/record-package_1.0.json`);
    const expected = await fetchJson(`${UPGRADE}/record-package_1.1.json`);
    expect(upgradeRecordPackage(input)).to.deep.equal(expected);
  });

  it('merge/ocdskit-realdata-cdmx/record-package_package.json -> record-package_package_1.1.json (records)', async () => {
    const input = await fetchJson(`${FIXTURES}/merge/ocdskit-realdata-cdmx/record-package_package.json`);
    // The expected output is JSON Lines of the upgraded records (`ocdskit upgrade --root-path records.item`).
    const expected = (await fetchText(`${UPGRADE}/record-package_package_1.1.json`))
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as JsonObject);
    const upgraded = upgradeRecordPackage(input);
    expect(upgraded.records).to.deep.equal(expected);
    expect(upgraded.version, 'a package that already declares 1.1 keeps it').to.equal('1.1');
  });
});

describe('isOcds10Release (by shape, on real publisher data)', () => {
  const OCDS_10 = [
    // Inline organisations, no parties.
    'real/mexico-cdmx/sample-data/releases/OCDS-87SD3T-AD-SF-DRM-063-2015-01.json',
    'real/mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json',
    'real/canada-montreal/sample-data/releases/ocds-a1234567-mt-479ed54d04ef57f019dab7e6439d1f12871709a8-479ed54d04ef57f019dab7e6439d1f12871709a8.json',
    'real/ukraine-prozorro/openprocurement-ocds-export/release-1475496678.24.json',
    'real/paraguay-dncp/sample-data/records/277004.json',
    // Organisations with an `id` but 1.0 details (identifier, address) and no parties.
    'real/taiwan/sample-data/ocid-6as3t2-51179519-ocid-6as3t2-51179519.json',
    'real/uk-contracts-finder/sample-data/releases/ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b-ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b-59429-metofc-9mgh-ghl8ty.json',
    // Declared 1.1 with parties, but 1.0 transactions (`amount`, `providerOrganization`) or a 1.0 `amendment`.
    'real/nigeria/sample-data/releases/ocds-gyl66f-borbda-27yetd-ocds-gyl66f-borbda-27yetd.json',
    'real/moldova/sample-data/releases/ocds-ngfbwp-17180016-17180016.json',
  ];
  const OCDS_11 = [
    'real/armenia/sample-data/6.json',
    'real/eu-ted-doffin/TED-and-Doffin-to-ocds/ContractAwardNotice_can-social_2024-103933_release_0.json',
    'real/mexico-inai/sample-data/PC-0010-PC-0010.json',
    'real/uganda/sample-data/ocds-rdvc92-1508162377-97080.json',
    'real/mexico-apf/ocdskit/record-package-1.json',
    'real/uk-contracts-finder/sample-data/releases/ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b-59429-metofc-9mgh-ghl8ty.json',
  ];

  for (const file of OCDS_10) {
    it(`1.0: ${file}`, async () => {
      const releases = releasesIn(await fetchJson(`${FIXTURES}/${file}`));
      expect(releases).to.not.be.empty;
      for (const release of releases) {
        expect(isOcds10Release(release)).to.equal(true);
        const upgraded = upgradeRelease(release);
        expect(upgraded).to.not.equal(release);
        expect(isOcds10Release(upgraded), 'nothing 1.0 is left after the upgrade').to.equal(false);
      }
    });
  }

  for (const file of OCDS_11) {
    it(`1.1: ${file}`, async () => {
      const releases = releasesIn(await fetchJson(`${FIXTURES}/${file}`));
      expect(releases).to.not.be.empty;
      for (const release of releases) {
        expect(isOcds10Release(release)).to.equal(false);
        expect(upgradeRelease(release), 'a 1.1 release is returned as it is').to.equal(release);
      }
    });
  }

  it('is false for non-objects and for releases with nothing to upgrade', () => {
    expect(isOcds10Release(null as unknown as JsonObject)).to.equal(false);
    expect(isOcds10Release('release' as unknown as JsonObject)).to.equal(false);
    expect(isOcds10Release({ ocid: 'o', id: '1', planning: { budget: { amount: { amount: 1 } } } })).to.equal(false);
    // A 1.1 release that only references parties published in an earlier release.
    expect(isOcds10Release({ ocid: 'o', id: '2', buyer: { id: 'b', name: 'Buyer' } })).to.equal(false);
  });
});

describe('upgradeRelease', () => {
  it('moves transaction amounts and organisations to their 1.1 names', async () => {
    const { releases } = await fetchJson<Package>(`${UPGRADE}/release-package_1.0-2.json`);
    const transactionsOf = (release: JsonObject) =>
      (release.contracts as JsonObject[]).flatMap(
        (contract) => (contract.implementation as { transactions: JsonObject[] }).transactions,
      );
    const before = transactionsOf(releases[0]);
    const after = transactionsOf(upgradeRelease(releases[0]));
    expect(after).to.have.length(before.length);
    after.forEach((transaction, i) => {
      const old = before[i] as { amount: unknown; providerOrganization: JsonObject; receiverOrganization: JsonObject };
      expect(transaction.value).to.deep.equal(old.amount);
      expect((transaction.payer as JsonObject).name).to.equal(old.providerOrganization.legalName);
      expect((transaction.payee as JsonObject).name).to.equal(old.receiverOrganization.legalName);
      expect(transaction).to.not.have.any.keys('amount', 'providerOrganization', 'receiverOrganization');
    });
  });

  it('turns `amendment` into `amendments`, without duplicates, drops a null amendment, replaces a non-array', () => {
    const amendment = { date: '2020-01-01', rationale: 'extension' };
    const issues: DataIssue[] = [];
    const upgraded = upgradeRelease(
      {
        ocid: 'o',
        tender: { amendment },
        awards: [{ id: 'a', amendment, amendments: [amendment] }],
        contracts: [
          { id: 'c', amendment: null },
          { id: 'd', amendment, amendments: 'none' },
        ],
      },
      (issue) => issues.push(issue),
    );
    expect(upgraded.tender).to.deep.equal({ amendments: [amendment] });
    expect(upgraded.awards).to.deep.equal([{ id: 'a', amendments: [amendment] }]);
    expect(upgraded.contracts).to.deep.equal([
      { id: 'c' },
      { id: 'd', amendments: [amendment] },
    ]);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ code: 'upgrade-amendments-not-array', path: 'contracts[1].amendments' });
  });

  it('gives one party to an organisation named in several roles', () => {
    const organisation = { name: 'Ministry', identifier: { scheme: 'X', id: '1' } };
    const upgraded = upgradeRelease({ ocid: 'o', buyer: organisation, tender: { procuringEntity: organisation } });
    const parties = upgraded.parties as JsonObject[];
    expect(parties).to.have.length(1);
    expect(parties[0].roles).to.deep.equal(['buyer', 'procuringEntity']);
    expect(upgraded.buyer).to.deep.equal({ id: parties[0].id, name: 'Ministry' });
    expect((upgraded.tender as JsonObject).procuringEntity).to.deep.equal(upgraded.buyer);
    expect(parties[0].id).to.match(/^[0-9a-f]{32}$/);
  });

  it('merging upgraded 1.0 releases keeps one supplier where merging them as 1.1 duplicates it', async () => {
    const { releases } = await fetchJson<Package>(`${FIXTURES}/merge/ocdskit-realdata-cdmx/release-package-1.json`);
    const suppliersIn = (release: JsonObject) =>
      (release.awards as JsonObject[]).flatMap((award) => award.suppliers as JsonObject[]);
    const distinct = new Set(releases.flatMap(suppliersIn).map((supplier) => JSON.stringify(supplier)));
    expect(releases.length).to.be.greaterThan(1);
    expect(suppliersIn(compileReleases(releases))).to.have.length(releases.flatMap(suppliersIn).length);
    expect(suppliersIn(compileReleases(releases.map((release) => upgradeRelease(release))))).to.have.length(
      distinct.size,
    );
  });

  it('does not throw on odd organisations and reports them', () => {
    const issues: DataIssue[] = [];
    const upgraded = upgradeRelease(
      {
        ocid: 'o',
        buyer: 'Ministry',
        tender: { procuringEntity: { name: 'Ministry', address: { locality: 'A' } }, tenderers: [7] },
        awards: [{ id: 'a', suppliers: [{ id: 'p', name: 'Ministry', address: { locality: 'B' } }] }],
        contracts: [{ id: 'c', implementation: { transactions: [{ id: 't', providerOrganization: null }] } }],
      },
      (issue) => issues.push(issue),
    );
    expect(upgraded.buyer).to.equal('Ministry');
    expect(issues.map((issue) => issue.code)).to.deep.equal([
      'upgrade-organisation-not-object',
      'upgrade-organisation-not-object',
    ]);
    expect(issues.every((issue) => issue.ocid === 'o')).to.equal(true);
    const transaction = (upgraded.contracts as { implementation: { transactions: JsonObject[] } }[])[0].implementation
      .transactions[0];
    expect(transaction.payer).to.have.property('id').that.is.a('string');
  });

  it('copies a deeply nested release without overflowing the stack', () => {
    let deep: JsonObject = { leaf: 'x' };
    for (let i = 0; i < 20000; i++) deep = { nested: deep };
    const input = { ocid: 'o', buyer: { name: 'Ministry' }, deep };
    const upgraded = upgradeRelease(input);
    expect(upgraded.deep).to.not.equal(deep);
    expect((upgraded.parties as JsonObject[])[0].name).to.equal('Ministry');
  });

  it('reports organisations that share a party id but differ', () => {
    const issues: DataIssue[] = [];
    upgradeRelease(
      {
        ocid: 'o',
        buyer: { id: 'p', name: 'Ministry', address: { locality: 'A' } },
        tender: { procuringEntity: { id: 'p', name: 'Ministry', address: { locality: 'B' } } },
      },
      (issue) => issues.push(issue),
    );
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ code: 'upgrade-party-differs', path: 'tender.procuringEntity', ocid: 'o' });
  });
});

describe('upgradeRelease properties (generated 1.0 releases)', () => {
  const name = fc.constantFrom('Ministry', 'ACME', 'Ministerio', '');
  const organisation = fc.record(
    {
      id: fc.constantFrom('p1', 'p2'),
      name,
      identifier: fc.record({ scheme: fc.constantFrom('RFC', 'X'), id: fc.constantFrom('1', '2', 3) }, { requiredKeys: [] }),
      address: fc.record({ locality: fc.constantFrom('A', 'B') }),
      contactPoint: fc.record({ email: fc.constantFrom('a@b', 'c@d') }),
    },
    { requiredKeys: [] },
  );
  const amendment = fc.record({ date: fc.constantFrom('2020-01-01', '2020-02-01'), description: fc.string({ maxLength: 3 }) });
  const transaction = fc.record(
    {
      id: fc.constantFrom('t1', 't2'),
      amount: fc.record({ amount: fc.integer(), currency: fc.constant('MXN') }),
      providerOrganization: fc.record({ id: fc.constantFrom('1', '2'), legalName: name }, { requiredKeys: [] }),
      receiverOrganization: fc.record({ id: fc.constantFrom('1', '2'), legalName: name }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );
  const release = fc.record(
    {
      ocid: fc.constant('ocds-x-1'),
      buyer: fc.option(organisation),
      tender: fc.record(
        { procuringEntity: organisation, tenderers: fc.array(organisation, { maxLength: 3 }), amendment },
        { requiredKeys: [] },
      ),
      awards: fc.array(
        fc.record({ id: fc.constantFrom('a1', 'a2'), suppliers: fc.array(organisation, { maxLength: 2 }), amendment }, {
          requiredKeys: ['id'],
        }),
        { maxLength: 2 },
      ),
      contracts: fc.array(
        fc.record(
          { id: fc.constant('c1'), amendment, implementation: fc.record({ transactions: fc.array(transaction, { maxLength: 2 }) }) },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['ocid'] },
  );

  it('never throws, never modifies its input, and leaves nothing 1.0', () => {
    fc.assert(
      fc.property(release, (input) => {
        const snapshot = structuredClone(input);
        const upgraded = upgradeRelease(input as JsonObject, () => {});
        expect(input).to.deep.equal(snapshot);
        expect(isOcds10Release(upgraded)).to.equal(false);
      }),
      { numRuns: 200 },
    );
  });

  it('replaces every inline organisation by a reference to a party with its role', () => {
    fc.assert(
      fc.property(release, (input) => {
        const upgraded = upgradeRelease(input as JsonObject, () => {}) as typeof input & { parties?: JsonObject[] };
        const references: [unknown, string][] = [
          [upgraded.buyer, 'buyer'],
          [upgraded.tender?.procuringEntity, 'procuringEntity'],
          ...(upgraded.tender?.tenderers ?? []).map((tenderer): [unknown, string] => [tenderer, 'tenderer']),
          ...(upgraded.awards ?? []).flatMap((award) =>
            (award.suppliers ?? []).map((supplier): [unknown, string] => [supplier, 'supplier']),
          ),
        ];
        for (const [reference, role] of references) {
          if (reference === undefined || reference === null) continue;
          const { id } = reference as { id: unknown };
          expect(Object.keys(reference as object)).to.satisfy((keys: string[]) =>
            keys.every((key) => key === 'id' || key === 'name'),
          );
          const party = (upgraded.parties ?? []).find((candidate) => candidate.id === id);
          expect(party, `party ${String(id)}`).to.not.equal(undefined);
          expect(party!.roles).to.include(role);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('conformance coverage', () => {
  it('reads every file test/fixtures/ocds/SOURCES.md lists under "Upgrade cases"', async () => {
    const sources = await fetchText(`${FIXTURES}/SOURCES.md`);
    const table = sources.slice(sources.indexOf('## Upgrade cases'), sources.indexOf('## Invalid'));
    const listed = [...table.matchAll(/^\| `([^`]+)`/gm)]
      .map((match) => `${FIXTURES}/upgrade/${match[1]}`);
    expect(listed.length).to.be.at.least(7);
    expect(listed.filter((path) => !fetched.has(path))).to.deep.equal([]);
  });
});
