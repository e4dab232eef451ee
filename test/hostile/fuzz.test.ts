// Issue #7, fuzzing: real publisher files mutated at random (fields dropped, types swapped, nulls inserted, arrays
// shuffled, releases duplicated). fromOcds gives a Dataset or throws an OcdsError, nothing else, and the analysis
// rows of every element obey the money rules (money-rules.ts). Bounded runs, a fixed seed (reproducible in CI).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromOcds, OcdsError, type Dataset } from '../../src/index.js';
import { defineAll, ELEMENTS, type AnyChartElement } from './elements.js';
import { expectFiniteRows, expectPageSilent, settled } from './harness.js';
import { moneyRuleViolations } from './money-rules.js';

const FIXTURES = [
  'real/mexico-cdmx/GobiernoFacil-ocds-CDMX/data/OCDS-87SD3T-SEFIN-AD-SF-DRM-001-2015.json', // 1.0-era CDMX release package
  'real/mexico-apf/ocdskit/record-package-1.json', // record package with compiledRelease
  'real/paraguay-dncp/sample-data/releases/ocds-03ad3f-277004-277004-data-lab-sa-5-contract.json', // PYG contract
  'real/moldova/sample-data/releases/ocds-ngfbwp-17180016-17180016.json',
  'real/mexico-inai/sample-data/PC-0015-PC-0015.json', // MXN and USD
  'upgrade/ocdskit-realdata/release-package_1.0-2.json', // OCDS 1.0
  'real/uk-contracts-finder/sample-data/releases/ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b-59429-metofc-9mgh-ghl8ty.json',
];
const SEED = 7;
const RUNS = 300;

/** Values a field may turn into: other types, empty and absurd values, and what publishers really write. */
const replacement = fc.oneof(
  fc.constantFrom<unknown>(null, '', ' ', '0', '-1', 'abc', '17452450.07', ' mxn ', 'MNX', '2016-13-45', '1970-01-01', '2015-11-09T00:00:00.-06:00'),
  fc.constantFrom<unknown>(0, -0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, true, false, [], {}, [null], { $numberLong: '12' }),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
);

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'null'; at: number }
  | { kind: 'swap'; at: number; value: unknown }
  | { kind: 'swap-key-field'; at: number; value: unknown }
  | { kind: 'shuffle'; at: number; order: number[] }
  | { kind: 'duplicate-release'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
  fc.record({ kind: fc.constant('null' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value: replacement }),
  fc.record({ kind: fc.constant('swap-key-field' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value: replacement }),
  fc.record({
    kind: fc.constant('shuffle' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    order: fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('duplicate-release' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
);

/** The fields the money rules and stages depend on: a uniform pick among all fields would rarely reach them. */
const KEY_FIELDS = new Set(['amount', 'currency', 'value', 'status', 'date', 'tag', 'ocid', 'id', 'awardID', 'suppliers', 'awards', 'contracts', 'transactions', 'releases', 'budget', 'parties', 'buyer']);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every (container, key) in the document, depth first. */
function slots(document: unknown): Slot[] {
  const found: Slot[] = [];
  const stack: unknown[] = [document];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        found.push({ parent: value, key: index });
        stack.push(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        found.push({ parent: value as Record<string, unknown>, key });
        stack.push(item);
      }
    }
  }
  return found;
}

function pick<T>(items: T[], at: number): T | undefined {
  return items[Math.floor(at * items.length)];
}

function mutate(document: unknown, mutations: Mutation[]): unknown {
  for (const change of mutations) {
    const all = slots(document);
    if (change.kind === 'duplicate-release') {
      const lists = all.map((slot) => (slot.parent as Record<string, unknown>)[slot.key as string]).filter((value, i) => all[i]!.key === 'releases' && Array.isArray(value)) as unknown[][];
      const list = pick(lists, change.at);
      if (list?.length) list.push(structuredClone(list[Math.floor(change.at * list.length)]));
      continue;
    }
    if (change.kind === 'shuffle') {
      const arrays = all.map((slot) => (slot.parent as Record<string, unknown>)[slot.key as string]).filter((value): value is unknown[] => Array.isArray(value) && value.length > 1);
      const array = pick(arrays, change.at);
      if (array) {
        // Move items as the random order says (a permutation built from the numbers).
        change.order.forEach((n, i) => {
          const from = i % array.length;
          const to = n % array.length;
          [array[from], array[to]] = [array[to], array[from]];
        });
      }
      continue;
    }
    const slot = pick(change.kind === 'swap-key-field' ? all.filter((candidate) => KEY_FIELDS.has(String(candidate.key))) : all, change.at);
    if (!slot) continue;
    const parent = slot.parent as Record<string | number, unknown>;
    if (change.kind === 'drop') {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete parent[slot.key];
    } else if (change.kind === 'null') parent[slot.key] = null;
    else parent[slot.key] = structuredClone(change.value);
  }
  return document;
}

/** fromOcds' outcome; anything thrown that is not an OcdsError fails the property. */
function read(document: unknown): Dataset | OcdsError {
  try {
    return fromOcds(document);
  } catch (error) {
    if (error instanceof OcdsError) return error;
    throw error;
  }
}

describe('fuzzing real fixtures', () => {
  const originals: unknown[] = [];

  before(async () => {
    for (const path of FIXTURES) {
      const response = await fetch(`/test/fixtures/ocds/${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      originals.push(await response.json());
    }
  });

  it(`${RUNS} mutated documents: fromOcds throws only OcdsError; spending, timeline and network rows obey the money rules`, () => {
    let datasets = 0;
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        const outcome = read(mutate(structuredClone(originals[index]), mutations));
        if (outcome instanceof OcdsError) {
          expect(outcome.code).to.be.a('string');
          return;
        }
        datasets++;
        expect(moneyRuleViolations(outcome), FIXTURES[index]).to.deep.equal([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The mutations are not so harsh that nothing is left to check.
    expect(datasets).to.be.greaterThan(RUNS / 2);
  });

  it('the same mutations as JSON text and as bytes give the same outcome as the object', () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const document = mutate(structuredClone(originals[index]), mutations);
        const text = JSON.stringify(document);
        const [asObject, asText, asBytes] = [JSON.parse(text), text, new TextEncoder().encode(text)].map(read);
        const summary = (outcome: Dataset | OcdsError) =>
          outcome instanceof OcdsError ? outcome.code : outcome.processes.map((process) => process.ocid).join(' ');
        expect(summary(asText)).to.equal(summary(asObject));
        expect(summary(asBytes)).to.equal(summary(asObject));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('every element reaches ready or error on mutated documents, with finite rows', async () => {
    await defineAll();
    const samples = fc.sample(fc.tuple(fc.nat({ max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 })), { seed: SEED, numRuns: 4 });
    for (const [index, mutations] of samples) {
      const document = mutate(structuredClone(originals[index]), mutations);
      const box = document_(ELEMENTS.length);
      const elements = ELEMENTS.map(({ tag }) => {
        const element = window.document.createElement(tag) as AnyChartElement;
        element.style.cssText = 'flex: 1 1 0; min-width: 0';
        element.data = document;
        box.append(element);
        return element;
      });
      try {
        await Promise.all(elements.map((element) => settled(element, 10_000)));
        for (const element of elements) {
          expect(['ready', 'error'], element.localName).to.include(element.status);
          expectFiniteRows(element.rows, `${element.localName} on ${FIXTURES[index]}`);
        }
      } finally {
        box.remove();
      }
    }
    expectPageSilent();
  });
});

/** A row at the top of the page for `count` elements side by side (elements draw once near the viewport). */
function document_(count: number): HTMLElement {
  const box = window.document.createElement('div');
  box.style.cssText = `display: flex; position: absolute; top: 0; left: 0; width: ${count * 300}px`;
  window.document.body.append(box);
  return box;
}
