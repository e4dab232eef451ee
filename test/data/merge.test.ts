import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compileReleases, versionReleases } from '../../src/data/merge.js';
import { mergeRulesFromSchema, OCDS_1_1_5_RULES, type MergeRules } from '../../src/data/merge-rules.js';
import type { DataIssue, JsonObject } from '../../src/data/types.js';
import { fixtureReader } from '../helpers/fixtures.js';

const FIXTURES = '/test/fixtures/ocds';
const OCDS_MERGE = `${FIXTURES}/merge/ocds-merge`;

/** Every fixture the tests read (`fetched`), to check below that no listed case is left out. */
const { fetched, fetchText, fetchJson } = fixtureReader();

/** JSON Lines: one document per line. */
async function fetchLines<T = JsonObject>(path: string): Promise<T[]> {
  return (await fetchText(path))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

const rulesCache = new Map<string, Promise<MergeRules>>();
function rulesFrom(schemaPath: string): Promise<MergeRules> {
  if (!rulesCache.has(schemaPath)) rulesCache.set(schemaPath, fetchJson(schemaPath).then(mergeRulesFromSchema));
  return rulesCache.get(schemaPath)!;
}
const rules103 = () => rulesFrom(`${OCDS_MERGE}/_schemas/release-schema-1__0__3.json`);
const rules115 = () => rulesFrom(`${FIXTURES}/schemas/ocds-1.1.5/release-schema.json`);

/** Groups releases by `ocid`, keeping their order. */
function byOcid(releases: JsonObject[]): Map<string, JsonObject[]> {
  const groups = new Map<string, JsonObject[]>();
  for (const release of releases) {
    const ocid = release.ocid as string;
    groups.set(ocid, [...(groups.get(ocid) ?? []), release]);
  }
  return groups;
}

interface Package {
  releases: JsonObject[];
}
interface RecordPackage {
  records: { ocid: string; compiledRelease: JsonObject; versionedRelease?: JsonObject }[];
}

// Every expected output of open-contracting/ocds-merge's test suite under test/fixtures/ocds/merge/ocds-merge/
// (the browser cannot list folders, so the list is written out): `<folder>/<case>/<case>-<output>.json` is the
// merge of `<folder>/<case>/<case>.json`. Folders 1.0 and 1.1 use the OCDS 1.0.3 and 1.1.4 release schemas,
// `schema` the test schema. `-append` and `-by-position` outputs merge the releases twice, with a rule override.
const OCDS_MERGE_OUTPUTS: Record<string, Record<string, string[]>> = {
  '1.0': { suppliers: ['compiled', 'versioned'] },
  '1.1': Object.fromEntries(
    [
      'contextual',
      'empty-identifiermerge-array',
      'empty-object',
      'empty-wholelistmerge-array',
      'fill-identifiermerge-array',
      'fill-object',
      'fill-wholelistmerge-array',
      'initial-null',
      'lists',
      'mergeid',
      'null',
      'simple',
      'single-empty-identifiermerge-array',
      'single-empty-object',
      'single-empty-wholelistmerge-array',
      'string-list',
      'unit',
    ].map((name) => [name, ['compiled', 'versioned']]),
  ),
  schema: {
    'deep-identifier-merge': ['compiled'],
    'deep-omit-when-merged': ['compiled'],
    'deep-whole-list-merge': ['compiled'],
    'identifier-merge-collision': ['compiled'],
    'identifier-merge-duplicate-id': ['compiled', 'append', 'by-position'],
    'identifier-merge-no-id': ['append'],
    'merge-property-is-false': ['compiled'],
    'no-top-level-id': ['compiled'],
    'omit-when-merged-array-of-non-objects': ['compiled'],
    'omit-when-merged-shadowed': ['compiled'],
    'version-id': ['versioned'],
    'whole-list-merge-duplicate-id': ['compiled'],
    'whole-list-merge-empty': ['compiled'],
    'whole-list-merge-no-id': ['compiled'],
    'whole-list-merge-object': ['compiled'],
  },
};
const OCDS_MERGE_SCHEMAS: Record<string, string> = {
  '1.0': 'release-schema-1__0__3.json',
  '1.1': 'release-schema-1__1__4.json',
  schema: 'schema.json',
};

describe('OCDS merge conformance: open-contracting/ocds-merge cases', () => {
  for (const [folder, cases] of Object.entries(OCDS_MERGE_OUTPUTS)) {
    for (const [name, outputs] of Object.entries(cases)) {
      for (const output of outputs) {
        it(`${folder}/${name}/${name}-${output}.json`, async () => {
          const schemaRules = await rulesFrom(`${OCDS_MERGE}/_schemas/${OCDS_MERGE_SCHEMAS[folder]}`);
          const releases = await fetchJson<JsonObject[]>(`${OCDS_MERGE}/${folder}/${name}/${name}.json`);
          const expected = await fetchJson(`${OCDS_MERGE}/${folder}/${name}/${name}-${output}.json`);
          const original = structuredClone(releases);
          let actual: JsonObject;
          if (output === 'versioned') {
            actual = versionReleases(releases, { rules: schemaRules });
          } else if (output === 'compiled') {
            actual = compileReleases(releases, { rules: schemaRules });
            // Releases given away (a dataset's own): the same compiled release, fields in the same order.
            const owned = compileReleases(structuredClone(releases), { rules: schemaRules, owned: true });
            expect(owned, 'owned').to.deep.equal(expected);
            expect(JSON.stringify(owned), 'owned, field order').to.equal(JSON.stringify(actual));
          } else {
            const override = output === 'append' ? { append: ['nested.array'] } : { mergeByPosition: ['nested.array'] };
            actual = compileReleases([...releases, ...releases], { rules: { ...schemaRules, ...override } });
          }
          expect(actual).to.deep.equal(expected);
          expect(releases, 'the releases are not modified').to.deep.equal(original);
        });
      }
    }
  }

  // As ocds-merge's own suite does, the 1.1 cases also run with the latest rules: here the default, OCDS 1.1.5.
  for (const [name, outputs] of Object.entries(OCDS_MERGE_OUTPUTS['1.1'])) {
    for (const output of outputs) {
      it(`1.1/${name}/${name}-${output}.json with the default rules (OCDS 1.1.5)`, async () => {
        const releases = await fetchJson<JsonObject[]>(`${OCDS_MERGE}/1.1/${name}/${name}.json`);
        const expected = await fetchJson(`${OCDS_MERGE}/1.1/${name}/${name}-${output}.json`);
        expect(output === 'versioned' ? versionReleases(releases) : compileReleases(releases)).to.deep.equal(expected);
      });
    }
  }
});

describe('OCDS merge conformance: ocdskit real Mexico City data (OCDS 1.0.3 rules, not upgraded)', () => {
  const CDMX = `${FIXTURES}/merge/ocdskit-realdata-cdmx`;

  for (const n of [1, 2]) {
    it(`release-package-${n}.json -> compiled-release-${n}.json`, async () => {
      const { releases } = await fetchJson<Package>(`${CDMX}/release-package-${n}.json`);
      const expected = await fetchJson(`${CDMX}/compiled-release-${n}.json`);
      expect(compileReleases(releases, { rules: await rules103() })).to.deep.equal(expected);
    });
    it(`release-package-${n}.json -> versioned-release-${n}.json`, async () => {
      const { releases } = await fetchJson<Package>(`${CDMX}/release-package-${n}.json`);
      const expected = await fetchJson(`${CDMX}/versioned-release-${n}.json`);
      expect(versionReleases(releases, { rules: await rules103() })).to.deep.equal(expected);
    });
  }

  for (const recordPackage of [
    'record-package_package.json',
    'record-package_versioned.json',
    'record-package_linked-releases.json',
  ]) {
    it(`release-package-1-2.json -> ${recordPackage}`, async () => {
      const { releases } = await fetchJson<Package>(`${CDMX}/release-package-1-2.json`);
      const { records } = await fetchJson<RecordPackage>(`${CDMX}/${recordPackage}`);
      const groups = byOcid(releases);
      expect(records.map((record) => record.ocid)).to.have.members([...groups.keys()]);
      for (const record of records) {
        const group = groups.get(record.ocid)!;
        expect(compileReleases(group, { rules: await rules103() })).to.deep.equal(record.compiledRelease);
        if (record.versionedRelease) {
          expect(versionReleases(group, { rules: await rules103() })).to.deep.equal(record.versionedRelease);
        }
      }
    });
  }

  it('release-package_split.json -> record-package_split.json (JSON Lines)', async () => {
    const packages = await fetchLines<Package>(`${CDMX}/release-package_split.json`);
    const recordPackages = await fetchLines<RecordPackage>(`${CDMX}/record-package_split.json`);
    const groups = byOcid(packages.flatMap((releasePackage) => releasePackage.releases));
    const records = recordPackages.flatMap((recordPackage) => recordPackage.records);
    expect(records).to.have.length(groups.size);
    for (const record of records) {
      expect(compileReleases(groups.get(record.ocid)!, { rules: await rules103() })).to.deep.equal(
        record.compiledRelease,
      );
    }
  });

  it('ocdskit-realdata-cdmx-encoding: release-package_encoding-utf-8.json -> compile_encoding_encoding.json', async () => {
    const folder = `${FIXTURES}/merge/ocdskit-realdata-cdmx-encoding`;
    const { releases } = await fetchJson<Package>(`${folder}/release-package_encoding-utf-8.json`);
    const expected = await fetchJson(`${folder}/compile_encoding_encoding.json`);
    expect(compileReleases(releases, { rules: await rules103() })).to.deep.equal(expected);
  });
});

describe('OCDS merge conformance: sample-data fictional example', () => {
  const STAGES = ['01-planning', '02-tender', '03-tenderAmendment', '04-award', '05-contract', '06-implementation'];
  for (const version of ['1.0', '1.1']) {
    const folder = `${FIXTURES}/merge/sample-data-fictional-${version}`;
    const stageReleases = async () =>
      (
        await Promise.all(
          STAGES.map((stage) => fetchJson<Package>(`${folder}/ocds-213czf-000-00001-${stage}.json`)),
        )
      ).flatMap((releasePackage) => releasePackage.releases);
    const rules = version === '1.0' ? rules103 : rules115;

    it(`${version}: the six stage releases -> record compiledRelease`, async () => {
      const { records } = await fetchJson<RecordPackage>(`${folder}/record/ocds-213czf-000-00001.json`);
      expect(compileReleases(await stageReleases(), { rules: await rules() })).to.deep.equal(records[0].compiledRelease);
      expect(compileReleases(await stageReleases(), { rules: await rules(), owned: true }), 'owned').to.deep.equal(
        records[0].compiledRelease,
      );
    });
    it(`${version}: the six stage releases -> record versionedRelease`, async () => {
      const { records } = await fetchJson<RecordPackage>(`${folder}/record/ocds-213czf-000-00001-withversions.json`);
      expect(versionReleases(await stageReleases(), { rules: await rules() })).to.deep.equal(
        records[0].versionedRelease,
      );
    });
  }

  it('1.1: the combined six-release package, with the default rules -> record compiledRelease', async () => {
    const folder = `${FIXTURES}/merge/sample-data-fictional-1.1`;
    const { releases } = await fetchJson<Package>(`${folder}/ocds-213czf-000-00001.json`);
    const { records } = await fetchJson<RecordPackage>(`${folder}/record/ocds-213czf-000-00001.json`);
    expect(compileReleases(releases)).to.deep.equal(records[0].compiledRelease);
  });
});

describe('merge rules', () => {
  it('OCDS_1_1_5_RULES equals the rules derived from the OCDS 1.1.5 release schema', async () => {
    const schema = await fetchJson(`${FIXTURES}/schemas/ocds-1.1.5/release-schema.json`);
    expect(OCDS_1_1_5_RULES).to.deep.equal(mergeRulesFromSchema(schema));
    expect(OCDS_1_1_5_RULES.omitWhenMerged).to.include.members(['id', 'date', 'tag']);
  });

  it('follows $ref, reads 1.0 mergeStrategy, and stops on a recursive schema', () => {
    const schema = {
      properties: {
        ocid: { type: 'string', mergeStrategy: 'ocdsOmit' },
        node: { $ref: '#/definitions/Node' },
        codes: { type: 'array', items: { type: 'string' } },
        versioned: { type: 'array', mergeStrategy: 'ocdsVersion', items: { $ref: '#/definitions/Node' } },
      },
      definitions: {
        Node: {
          type: 'object',
          properties: {
            secret: { type: 'string', omitWhenMerged: true },
            children: { type: 'array', items: { $ref: '#/definitions/Node' } },
            notes: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
          },
        },
      },
    };
    expect(mergeRulesFromSchema(schema)).to.deep.equal({
      // `node.children` refers back to Node: the recursion stops there instead of expanding forever.
      omitWhenMerged: ['node.secret', 'ocid'],
      wholeListMerge: ['codes', 'node.notes', 'versioned'],
    });
  });

  it('returns empty rules for a schema that is not an object, has no properties or a dangling $ref', () => {
    expect(mergeRulesFromSchema({})).to.deep.equal({ omitWhenMerged: [], wholeListMerge: [] });
    expect(mergeRulesFromSchema(null as unknown as JsonObject)).to.deep.equal({ omitWhenMerged: [], wholeListMerge: [] });
    expect(mergeRulesFromSchema({ properties: { a: { $ref: '#/definitions/Missing' } } })).to.deep.equal({
      omitWhenMerged: [],
      wholeListMerge: [],
    });
  });
});

describe('compileReleases', () => {
  const release = (id: string, date: unknown, fields: JsonObject = {}): JsonObject => ({
    ocid: 'ocds-x-1',
    id,
    date,
    tag: ['tender'],
    ...fields,
  });

  it('keeps the given order of releases with equal dates (stable sort)', () => {
    const compiled = compileReleases([
      release('b', '2020-01-02', { title: 'second' }),
      release('a', '2020-01-01', { title: 'first' }),
      release('c', '2020-01-02', { title: 'third' }),
    ]);
    expect(compiled).to.deep.equal({
      tag: ['compiled'],
      id: 'ocds-x-1-2020-01-02',
      date: '2020-01-02',
      ocid: 'ocds-x-1',
      title: 'third',
    });
  });

  it('orders dates with different offsets by instant', () => {
    const compiled = compileReleases([
      release('late', '2020-01-01T23:00:00-06:00', { title: 'late' }),
      release('early', '2020-01-02T01:00:00Z', { title: 'early' }),
    ]);
    expect(compiled.title).to.equal('late');
    expect(compiled.date).to.equal('2020-01-01T23:00:00-06:00');
    expect(compiled.id).to.equal('ocds-x-1-2020-01-01T23:00:00-06:00');
  });

  it('skips non-object releases and merges undated releases first, reporting both', () => {
    const issues: DataIssue[] = [];
    const compiled = compileReleases(
      [
        release('2', '2020-01-02', { title: 'dated' }),
        'not a release' as unknown as JsonObject,
        null as unknown as JsonObject,
        release('1', undefined, { title: 'undated', description: 'kept' }),
        release('0', 'not a date', { title: 'unreadable', language: 'es' }),
      ],
      { onIssue: (issue) => issues.push(issue) },
    );
    expect(compiled.title).to.equal('dated');
    expect(compiled.description).to.equal('kept');
    expect(compiled.language).to.equal('es');
    expect(issues.map((issue) => issue.code)).to.deep.equal([
      'merge-release-not-object',
      'merge-release-not-object',
      'merge-date-missing',
      'merge-date-invalid',
    ]);
    expect(issues.every((issue) => issue.ocid === 'ocds-x-1')).to.equal(true);
  });

  it('does not throw when releases disagree on a field type, and reports it', () => {
    const issues: DataIssue[] = [];
    const compiled = compileReleases(
      [
        release('1', '2020-01-01', { tender: 'oops', awards: { id: 'a' } }),
        release('2', '2020-01-02', { tender: { id: 't' }, awards: [{ id: 'a', status: 'active' }] }),
      ],
      { onIssue: (issue) => issues.push(issue) },
    );
    expect(compiled.tender).to.equal('oops');
    expect(compiled.awards).to.deep.equal({ id: 'a' });
    expect(issues.map((issue) => issue.code)).to.deep.equal(['merge-inconsistent-type', 'merge-inconsistent-type']);
  });

  it('returns an empty compiled release for odd input instead of throwing', () => {
    const issues: DataIssue[] = [];
    expect(compileReleases(undefined as unknown as JsonObject[], { onIssue: (i) => issues.push(i) })).to.deep.equal({
      tag: ['compiled'],
    });
    expect(issues[0].code).to.equal('merge-not-array');
  });

  it('reports duplicate ids within one array and keeps the later values', () => {
    const issues: DataIssue[] = [];
    const compiled = compileReleases(
      [release('1', '2020-01-01', { awards: [{ id: 'a', status: 'pending' }, { id: 'a', status: 'active' }] })],
      { onIssue: (issue) => issues.push(issue) },
    );
    expect(compiled.awards).to.deep.equal([{ id: 'a', status: 'active' }]);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ code: 'merge-duplicate-id', path: 'awards[1].id', ocid: 'ocds-x-1' });
  });

  it('shares no arrays or objects with the releases', () => {
    const input = release('1', '2020-01-01', { tender: { submissionMethod: ['electronicSubmission'] } });
    const compiled = compileReleases([input]);
    (compiled.tender as { submissionMethod: string[] }).submissionMethod.push('written');
    expect((input.tender as { submissionMethod: string[] }).submissionMethod).to.deep.equal(['electronicSubmission']);
  });

  it('drops values nested deeper than any OCDS field instead of overflowing the stack', () => {
    let deep: JsonObject = { leaf: 'x' };
    for (let i = 0; i < 20000; i++) deep = { nested: deep };
    const deepList: unknown[] = [];
    let tail = deepList;
    for (let i = 0; i < 20000; i++) tail.push((tail = []));
    const issues: DataIssue[] = [];
    const releases = [release('1', '2020-01-01', { title: 'kept', deep, tender: { submissionMethod: deepList } })];
    const compiled = compileReleases(releases, { onIssue: (issue) => issues.push(issue) });
    expect(compiled.title).to.equal('kept');
    expect(issues.map((issue) => issue.code)).to.deep.equal(['merge-too-deep']);
    expect((compiled.tender as JsonObject).submissionMethod).to.not.equal(deepList);
    expect(versionReleases(releases).title).to.have.length(1);
  });

  // ocds-merge's tests/test_merge.py::test_identifier_merge_id_type: ids of different types are different items.
  for (const [first, second, expected] of [
    [1, 1, [{ id: 1, x: 'first', y: 'second' }]],
    ['1', '1', [{ id: '1', x: 'first', y: 'second' }]],
    [1, '1', [{ id: 1, x: 'first' }, { id: '1', y: 'second' }]],
  ] as const) {
    it(`merges array items with ids ${JSON.stringify(first)} and ${JSON.stringify(second)} as ocdsmerge does`, () => {
      const compiled = compileReleases([
        { date: '2000-01-01T00:00:00Z', array: [{ id: first, x: 'first' }] },
        { date: '2000-01-02T00:00:00Z', array: [{ id: second, y: 'second' }] },
      ]);
      expect(compiled.array).to.deep.equal(expected);
    });
  }

  it('appends array items whose id is an object, and reports them', () => {
    const issues: DataIssue[] = [];
    const compiled = compileReleases(
      [
        release('1', '2020-01-01', { awards: [{ id: { x: 1 }, title: 'a' }] }),
        release('2', '2020-01-02', { awards: [{ id: { x: 1 }, title: 'b' }] }),
      ],
      { onIssue: (issue) => issues.push(issue) },
    );
    expect(compiled.awards).to.deep.equal([
      { id: { x: 1 }, title: 'a' },
      { id: { x: 1 }, title: 'b' },
    ]);
    expect(issues.map((issue) => issue.code)).to.deep.equal(['merge-id-not-scalar', 'merge-id-not-scalar']);
  });

  it('creates an own "__proto__" field instead of changing the prototype', () => {
    const input = JSON.parse('{"ocid":"o","id":"1","date":"2020","__proto__":{"polluted":true}}') as JsonObject;
    const compiled = compileReleases([input]);
    expect(Object.getPrototypeOf(compiled)).to.equal(Object.prototype);
    expect(Object.hasOwn(compiled, '__proto__')).to.equal(true);
    expect((compiled as { polluted?: boolean }).polluted).to.equal(undefined);
  });
});

describe('compileReleases properties (generated releases)', () => {
  const id = fc.option(fc.constantFrom('a', 'b', 1, '1'), { nil: undefined });
  const withOptionalId = <T extends object>(fields: fc.Arbitrary<T>) =>
    fc.tuple(id, fields).map(([itemId, rest]) => (itemId === undefined ? rest : { id: itemId, ...rest }));
  const release = fc.record(
    {
      ocid: fc.constant('ocds-x-1'),
      id: fc.string({ maxLength: 3 }),
      tag: fc.constant(['tender']),
      title: fc.option(fc.string({ maxLength: 5 })),
      tender: fc.record(
        {
          status: fc.option(fc.constantFrom('active', 'complete')),
          submissionMethod: fc.array(fc.constantFrom('electronicSubmission', 'written')),
          items: fc.array(withOptionalId(fc.record({ quantity: fc.option(fc.integer()) })), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      awards: fc.array(
        withOptionalId(
          fc.record(
            {
              value: fc.record({ amount: fc.integer(), currency: fc.constantFrom('MXN', 'USD') }),
              suppliers: fc.array(withOptionalId(fc.record({ name: fc.string({ maxLength: 4 }) })), { maxLength: 2 }),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 3 },
      ),
      extra: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['ocid', 'id', 'tag'] },
  );
  // Distinct days, so the merge order is fixed by the dates alone.
  const releases = fc
    .uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 5 })
    .chain((days) =>
      fc.tuple(...days.map((day) => release.map((r) => ({ ...r, date: `2020-02-${String(day).padStart(2, '0')}` })))),
    );

  it('never throws, never modifies its input, and keeps the last date', () => {
    fc.assert(
      fc.property(releases, (input) => {
        const snapshot = structuredClone(input);
        const compiled = compileReleases(input as JsonObject[], { onIssue: () => {} });
        expect(input).to.deep.equal(snapshot);
        const last = [...input].sort((a, b) => (a.date < b.date ? -1 : 1)).pop()!;
        expect(compiled.tag).to.deep.equal(['compiled']);
        expect(compiled.date).to.equal(last.date);
        expect(compiled.id).to.equal(`ocds-x-1-${last.date}`);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same compiled release whatever the order of the input (dates decide)', () => {
    fc.assert(
      fc.property(releases, fc.func(fc.integer()), (input, shuffleKey) => {
        const shuffled = [...input].sort((a, b) => shuffleKey(a.date) - shuffleKey(b.date));
        expect(compileReleases(shuffled as JsonObject[])).to.deep.equal(compileReleases(input as JsonObject[]));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary JSON given as releases', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }), (input) => {
        const compiled = compileReleases(input as JsonObject[], { onIssue: () => {} });
        expect(compiled.tag).to.deep.equal(['compiled']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('conformance coverage', () => {
  it('reads every file test/fixtures/ocds/SOURCES.md lists under "Merge cases"', async () => {
    const sources = await fetchText(`${FIXTURES}/SOURCES.md`);
    const table = sources.slice(sources.indexOf('## Merge cases'), sources.indexOf('## Upgrade cases'));
    const listed = [...table.matchAll(/^\| `([^`]+)`/gm)]
      .map((match) => `${FIXTURES}/merge/${match[1]}`)
      // Validation schemas are not merge inputs.
      .filter((path) => !path.includes('versioned-release-validation-schema'));
    expect(listed.length).to.be.at.least(120);
    expect(listed.filter((path) => !fetched.has(path))).to.deep.equal([]);
  });
});
