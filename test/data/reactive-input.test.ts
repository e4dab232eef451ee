import { expect, fixture, html } from '@open-wc/testing';
// Vue's browser build: its bundler build reads process.env, which only a bundler defines.
import { reactive } from 'vue/dist/vue.runtime.esm-browser.prod.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import '../../components/spending-by-stage/define.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';

const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/277004.json';

type Json = Record<string, unknown>;

/** A Proxy at every level, as reactive frameworks hand over their state (reads pass through). */
function deepProxy<T extends object>(value: T): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const inner = Reflect.get(target, key, receiver) as unknown;
      return typeof inner === 'object' && inner !== null ? deepProxy(inner) : inner;
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The same JSON parsed in another window (another realm: its own Object and Array). */
async function fromAnotherRealm(text: string): Promise<unknown> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const value = (frame.contentWindow as unknown as { JSON: JSON }).JSON.parse(text);
  expect(value instanceof Object).to.equal(false);
  return value;
}

describe('fromOcds: any plain-object view of the data reads like the object itself', () => {
  let text: string;
  let plain: Json;
  before(async () => {
    text = await (await fetch(PARAGUAY)).text();
    plain = JSON.parse(text);
  });

  const views: [string, () => unknown | Promise<unknown>][] = [
    ['a Proxy at every level', () => deepProxy(JSON.parse(text))],
    ["Vue's reactive()", () => reactive(JSON.parse(text))],
    ['a deep-frozen object', () => deepFreeze(JSON.parse(text))],
    ['an object from another window', () => fromAnotherRealm(text)],
  ];

  for (const [name, view] of views) {
    it(name, async () => {
      const expected = fromOcds(plain);
      expect(expected.processes.length).to.be.greaterThan(0);
      const actual = fromOcds(await view());
      expect(actual.processes).to.deep.equal(expected.processes);
      expect(actual.issues).to.deep.equal(expected.issues);
      expect(spendingByStage(actual)).to.deep.equal(spendingByStage(expected));
    });
  }

  it('leaves the caller’s object as it was (the repairs work on a copy)', () => {
    const before = JSON.stringify(plain);
    fromOcds(reactive(plain));
    expect(JSON.stringify(plain)).to.equal(before);
  });

  it('an element given Vue reactive data charts it (no "not OCDS" error)', async () => {
    const element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage></ocds-spending-by-stage>`);
    element.data = reactive(JSON.parse(text));
    await element.updateComplete;
    expect(element.status).to.equal('ready');
    // Contracted in PYG, from the record's compiled release in the test.
    const compiled = (plain.records as Json[])[0].compiledRelease as { contracts?: { value?: { amount: number; currency: string }; status?: string }[] };
    const contracted = (compiled.contracts ?? [])
      .filter((contract) => contract.status !== 'cancelled' && contract.value?.currency === 'PYG')
      .reduce((sum, contract) => sum + contract.value!.amount, 0);
    expect(contracted).to.be.greaterThan(0);
    expect(element.rows.find((row) => row.stage === 'contracted' && row.currency === 'PYG')?.amount).to.be.closeTo(contracted, 0.005);
  });
});
