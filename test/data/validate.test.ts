// Lenient validation: each quirk seen in real OCDS is repaired (or dropped) with an issue, never silently.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromOcds, OcdsError, type Dataset, type DataIssue } from '../../src/index.js';
import { repairMojibake, repairRelease } from '../../src/data/validate.js';

type Json = Record<string, any>;

const OCID = 'ocds-abc123-1';

function release(fields: Json = {}): Json {
  return { ocid: OCID, id: 'r1', date: '2020-01-01T00:00:00Z', tag: ['award'], initiationType: 'tender', ...fields };
}

function load(...releases: Json[]): Dataset {
  return fromOcds({ uri: 'https://example.org/p.json', publisher: { name: 'Test' }, releases });
}

function issue(dataset: Dataset, code: string, path?: string): DataIssue | undefined {
  return dataset.issues.find((i) => i.code === code && (path === undefined || i.path === path));
}

describe('validation and repair', () => {
  it('reads amounts given as strings, with an issue', () => {
    const dataset = load(release({ awards: [{ id: 'a1', value: { amount: '17452450.07', currency: 'MXN' } }] }));
    expect(dataset.processes[0].awards[0].value).to.deep.equal({ amount: 17452450.07, currency: 'MXN' });
    const found = issue(dataset, 'amount-string', 'awards[0].value.amount');
    expect(found?.ocid).to.equal(OCID);
    expect(found?.message).to.include('17452450.07');
  });

  it('reads {"$numberLong": "…"} and other Mongo number wrappers, with an issue', () => {
    const dataset = load(
      release({
        awards: [{ id: 'a1', value: { amount: { $numberLong: '5000000' }, currency: 'PYG' } }],
        tender: { id: 't', value: { amount: { $numberDecimal: '12.5' }, currency: 'PYG' } },
      }),
    );
    expect(dataset.processes[0].awards[0].value?.amount).to.equal(5000000);
    expect(dataset.processes[0].tender?.value?.amount).to.equal(12.5);
    // Recurring repairs in one release: one issue, with the count and the first place.
    const wrappers = dataset.issues.filter((i) => i.code === 'number-wrapper');
    expect(wrappers.length).to.equal(1);
    expect(wrappers[0].message).to.match(/^2 numbers in/);
    expect(['awards[0].value.amount', 'tender.value.amount']).to.include(wrappers[0].path);
  });

  it('reads other numbers given as strings and drops what is not a number', () => {
    const dataset = load(
      release({ tender: { id: 't', numberOfTenderers: ' 3 ', value: { amount: 'mil pesos', currency: 'MXN' } } }),
    );
    expect(dataset.processes[0].tender?.numberOfTenderers).to.equal(3);
    expect(issue(dataset, 'number-string', 'tender.numberOfTenderers')).to.not.equal(undefined);
    expect(dataset.processes[0].tender?.value).to.equal(undefined);
    expect(issue(dataset, 'amount-invalid', 'tender.value.amount')).to.not.equal(undefined);
  });

  it('reads a bare number given as a value as its amount, in the no-currency bucket', () => {
    const dataset = load(release({ awards: [{ id: 'a1', value: 1500 }], bids: { statistics: [{ id: 's', measure: 'bids', value: 3 }] } }));
    // A number that is a number by its schema (bid statistics) stays one.
    expect((dataset.processes[0].compiledRelease.bids as any).statistics[0].value).to.equal(3);
    expect(dataset.processes[0].awards[0].value).to.deep.equal({ amount: 1500, currency: 'XXX' });
    expect(issue(dataset, 'value-number', 'awards[0].value')).to.not.equal(undefined);
    expect(issue(dataset, 'currency-missing', 'awards[0].value.currency')).to.not.equal(undefined);
  });

  it('normalises currencies: lowercase, typos; unknown or missing -> XXX with an issue', () => {
    const dataset = load(
      release({
        planning: { budget: { amount: { amount: 1, currency: 'mdl' } } },
        tender: { id: 't', value: { amount: 2, currency: 'MNX' } },
        awards: [
          { id: 'a1', value: { amount: 3, currency: 'PESOS' } },
          { id: 'a2', value: { amount: 4 } },
        ],
      }),
    );
    const [process] = dataset.processes;
    expect(process.planning?.budget).to.deep.equal({ amount: 1, currency: 'MDL' });
    expect(process.tender?.value).to.deep.equal({ amount: 2, currency: 'MXN' });
    expect(process.awards.map((a) => a.value)).to.deep.equal([
      { amount: 3, currency: 'XXX' },
      { amount: 4, currency: 'XXX' },
    ]);
    const normalised = dataset.issues.filter((i) => i.code === 'currency-normalised');
    expect(normalised.length).to.equal(1);
    expect(normalised[0].message).to.match(/^2 currency codes normalised/);
    const single = load(release({ tender: { id: 't', value: { amount: 2, currency: 'MNX' } } }));
    expect(issue(single, 'currency-normalised', 'tender.value.currency')?.message).to.equal('Currency "MNX" read as MXN.');
    expect(issue(dataset, 'currency-unknown', 'awards[0].value.currency')?.message).to.include('PESOS');
    expect(issue(dataset, 'currency-missing', 'awards[1].value.currency')).to.not.equal(undefined);
  });

  it('lets a transaction without currency inherit its contract currency, with an issue', () => {
    const dataset = load(
      release({
        contracts: [
          {
            id: 'c1',
            value: { amount: 100, currency: 'usd' },
            implementation: { transactions: [{ id: 'x1', value: { amount: 40 } }, { id: 'x2', value: { amount: 5, currency: 'EUR' } }] },
          },
          { id: 'c2', implementation: { transactions: [{ id: 'x3', value: { amount: 7 } }] } },
        ],
      }),
    );
    const [first, second] = dataset.processes[0].contracts;
    expect(first.transactions.map((t) => t.value)).to.deep.equal([
      { amount: 40, currency: 'USD' },
      { amount: 5, currency: 'EUR' },
    ]);
    expect(issue(dataset, 'currency-inherited', 'contracts[0].implementation.transactions[0].value.currency')).to.not.equal(undefined);
    // Many such transactions: one issue for the process, with the count.
    const many = load(
      release({
        contracts: [{ id: 'c1', value: { amount: 9, currency: 'PYG' }, implementation: { transactions: [1, 2, 3].map((n) => ({ id: `t${n}`, value: { amount: n } })) } }],
      }),
    );
    expect(many.processes[0].contracts[0].transactions.map((t) => t.value?.currency)).to.deep.equal(['PYG', 'PYG', 'PYG']);
    const inherited = many.issues.filter((i) => i.code === 'currency-inherited');
    expect(inherited.length).to.equal(1);
    expect(inherited[0].message).to.match(/^3 amounts without currency/);
    // No contract currency to inherit: the no-currency bucket.
    expect(second.transactions[0].value).to.deep.equal({ amount: 7, currency: 'XXX' });
    expect(issue(dataset, 'currency-missing', 'contracts[1].implementation.transactions[0].value.currency')).to.not.equal(undefined);
  });

  it('reads tag given as a string as a list of one tag', () => {
    const dataset = load(release({ tag: 'awardNotice' }));
    expect(dataset.processes[0].releases[0].tags).to.deep.equal(['awardNotice']);
    expect(issue(dataset, 'tag-string', 'tag')).to.not.equal(undefined);
  });

  it('reads a single object where a list belongs (awards, suppliers) as a list of one', () => {
    const dataset = load(
      release({
        parties: [{ id: 's1', name: 'Proveedor Uno', roles: ['supplier'] }],
        awards: { id: 'a1', value: { amount: 9, currency: 'MXN' }, suppliers: { id: 's1', name: 'Proveedor Uno' } },
      }),
    );
    const [award] = dataset.processes[0].awards;
    expect(award.suppliers.map((s) => s.name)).to.deep.equal(['Proveedor Uno']);
    expect(issue(dataset, 'array-expected', 'awards')).to.not.equal(undefined);
    expect(issue(dataset, 'array-expected', 'awards[0].suppliers')).to.not.equal(undefined);
  });

  it('reads a list of one object where an object belongs (Armenia planning)', () => {
    const dataset = load(release({ planning: [{ budget: { amount: { amount: 750, currency: 'AMD' } } }] }));
    expect(dataset.processes[0].planning?.budget).to.deep.equal({ amount: 750, currency: 'AMD' });
    expect(issue(dataset, 'object-expected', 'planning')).to.not.equal(undefined);
  });

  it('converts integer ids to strings (one counted issue per release)', () => {
    const dataset = load(
      release({ awards: [{ id: 1, value: { amount: 1, currency: 'MXN' } }], contracts: [{ id: 2, awardID: 1 }] }),
    );
    const [process] = dataset.processes;
    expect(process.awards[0].id).to.equal('1');
    expect(process.contracts[0]).to.include({ id: '2', awardID: '1' });
    const counted = dataset.issues.filter((i) => i.code === 'id-number');
    expect(counted.length).to.equal(1);
    expect(counted[0].message).to.match(/^3 /);
  });

  it('drops empty, placeholder and malformed dates, and repairs unambiguous ones', () => {
    const dataset = load(
      release({
        awards: [{ id: 'a1', date: '' }, { id: 'a2', date: '1970-01-01T00:00:00Z' }, { id: 'a3', date: 'ayer' }, { id: 'a4', date: '2015-11-09T00:00:00.-06:00' }],
      }),
    );
    const awards = dataset.processes[0].awards;
    expect(awards.map((a) => a.date)).to.deep.equal([undefined, undefined, undefined, '2015-11-09T00:00:00-06:00']);
    expect(issue(dataset, 'date-empty', 'awards[0].date')).to.not.equal(undefined);
    expect(issue(dataset, 'date-placeholder', 'awards[1].date')).to.not.equal(undefined);
    expect(issue(dataset, 'date-invalid', 'awards[2].date')?.message).to.include('ayer');
    expect(issue(dataset, 'date-repaired', 'awards[3].date')).to.not.equal(undefined);
  });

  it('uses tender.procuringEntity as the buyer when buyer is null', () => {
    const dataset = load(
      release({ buyer: null, tender: { id: 't', procuringEntity: { name: 'Secretaría de Finanzas', identifier: { scheme: 'RFC', id: 'GDF9712054NA' } } } }),
    );
    const [process] = dataset.processes;
    expect(process.buyer?.name).to.equal('Secretaría de Finanzas');
    expect(process.buyer?.key).to.equal('MX-RFC/GDF9712054NA');
    expect(process.procuringEntity?.key).to.equal(process.buyer?.key);
    expect(issue(dataset, 'buyer-from-procuring-entity', 'buyer')?.message).to.include('Secretaría de Finanzas');
  });

  it('keeps negative amounts as published and reports them', () => {
    const dataset = load(release({ contracts: [{ id: 'c1', value: { amount: -250.5, currency: 'AMD' } }] }));
    expect(dataset.processes[0].contracts[0].value).to.deep.equal({ amount: -250.5, currency: 'AMD' });
    expect(issue(dataset, 'amount-negative', 'contracts[0].value.amount')).to.not.equal(undefined);
  });

  it('drops a release without ocid (with an issue) and keeps the others', () => {
    const dataset = load(release(), { id: 'no-ocid', tag: ['tender'] }, release({ ocid: 'ocds-abc123-2', id: 'r2' }));
    expect(dataset.processes.map((p) => p.ocid)).to.deep.equal([OCID, 'ocds-abc123-2']);
    expect(issue(dataset, 'release-missing-ocid')).to.not.equal(undefined);
  });

  it('drops values the schema still rejects after repair, with an issue', () => {
    const dataset = load(release({ tender: { id: 't', title: { es: 'Obra' }, status: 'active' }, awards: ['not an award', { id: 'a1' }] }));
    const [process] = dataset.processes;
    expect(process.tender?.title).to.equal(undefined);
    expect(process.tender?.status).to.equal('active');
    expect(process.awards.map((a) => a.id)).to.deep.equal(['a1']);
    expect(issue(dataset, 'invalid-value', 'tender.title')).to.not.equal(undefined);
    expect(issue(dataset, 'invalid-value', 'awards[0]')).to.not.equal(undefined);
  });

  it('repairs double-encoded UTF-8 and removes control characters', () => {
    const dataset = load(release({ tender: { id: 't', title: 'AUTORIZACIÃ“N PRESUPUESTAL\u0000' } }));
    expect(dataset.processes[0].tender?.title).to.equal('AUTORIZACIÓN PRESUPUESTAL');
    expect(issue(dataset, 'mojibake-repaired', 'tender.title')).to.not.equal(undefined);
    expect(issue(dataset, 'control-characters', 'tender.title')).to.not.equal(undefined);
    expect(repairMojibake('MÃ‰XICO, PEDRO JESÃšS, Ã±andú')).to.equal('MÉXICO, PEDRO JESÚS, ñandú');
    expect(repairMojibake('São Paulo, Ñuñoa, 東京')).to.equal('São Paulo, Ñuñoa, 東京');
  });

  it('leaves out exact copies of an award and a supplier listed twice, with issues', () => {
    const award = { id: 'a1', value: { amount: 10, currency: 'MXN' }, suppliers: [{ id: 's1', name: 'Uno' }, { id: 's1', name: 'Uno' }] };
    const dataset = fromOcds({ records: [{ ocid: OCID, compiledRelease: release({ parties: [{ id: 's1', name: 'Uno' }], awards: [award, award, { ...award, value: { amount: 11, currency: 'MXN' } }] }) }] });
    const [process] = dataset.processes;
    expect(process.awards.map((a) => a.value?.amount)).to.deep.equal([10, 11]);
    expect(process.awards[0].suppliers.map((s) => s.name)).to.deep.equal(['Uno']);
    expect(issue(dataset, 'duplicate-award', 'awards[1]')).to.not.equal(undefined);
    expect(issue(dataset, 'duplicate-supplier', 'awards[0].suppliers[1]')).to.not.equal(undefined);
  });

  it('reads blank texts as missing (Moldova\u2019s empty award status; title falls back to the award\u2019s)', () => {
    const dataset = load(release({ tender: { id: 't', title: '  ' }, awards: [{ id: 'a1', status: '', title: 'Pan y leche' }] }));
    const [process] = dataset.processes;
    expect(process.awards[0].status).to.equal(undefined);
    expect(process.tender?.title).to.equal(undefined);
    expect(process.title).to.equal('Pan y leche');
  });

  it('cuts names and titles of thousands of characters, once', () => {
    const long = 'Constructora '.repeat(400);
    const dataset = load(release({ parties: [{ id: 'p', name: long }], tender: { id: 't', title: long } }));
    const title = dataset.processes[0].tender?.title ?? '';
    expect(title.length).to.be.at.most(1000);
    expect(title.endsWith('…')).to.equal(true);
    expect(long.startsWith(title.slice(0, -1))).to.equal(true);
    expect(issue(dataset, 'text-too-long', 'tender.title')).to.not.equal(undefined);
    const issues: DataIssue[] = [];
    repairRelease(structuredClone(dataset.processes[0].compiledRelease), '', (i) => issues.push(i));
    expect(issues.filter((i) => i.code === 'text-too-long')).to.deep.equal([]);
  });

  it('leaves valid releases untouched, with no issues', () => {
    const valid = release({
      parties: [{ id: 'b', name: 'Buyer', roles: ['buyer'] }],
      buyer: { id: 'b', name: 'Buyer' },
      tender: { id: 't', status: 'active', value: { amount: 10, currency: 'GBP' }, tenderPeriod: { startDate: '2020-01-01', endDate: '2020-02-01T12:00:00+01:00' } },
    });
    const copy = structuredClone(valid);
    const issues: DataIssue[] = [];
    expect(repairRelease(copy, '', (i) => issues.push(i))).to.equal(copy);
    expect(copy).to.deep.equal(valid);
    expect(issues).to.deep.equal([]);
  });

  it('never modifies the caller\u2019s object', () => {
    const input = { releases: [release({ tag: 'award', awards: [{ id: 1, value: { amount: '5', currency: 'mxn' } }] })] };
    const before = JSON.stringify(input);
    const dataset = fromOcds(input);
    expect(dataset.processes[0].awards[0].value).to.deep.equal({ amount: 5, currency: 'MXN' });
    expect(JSON.stringify(input)).to.equal(before);
  });

  describe('on messy generated releases', () => {
    // Values of the kinds publishers get wrong, at the places the model reads.
    const messy = fc.oneof(
      fc.constantFrom('', ' ', '17452450.07', '1,5', 'mdl', 'MNX', 'N/A', '2015-11-09T00:00:00.-06:00', '1970-01-01', 'Ã“', '\u0000x'),
      fc.integer({ min: -5, max: 5 }),
      fc.constant(null),
      fc.constant({ $numberLong: '42' }),
      fc.constant([]),
      fc.constant({}),
    );
    const value = fc.oneof(messy, fc.record({ amount: messy, currency: messy }, { requiredKeys: [] }));
    const org = fc.oneof(messy, fc.record({ id: messy, name: messy, identifier: fc.record({ scheme: messy, id: messy }, { requiredKeys: [] }) }, { requiredKeys: [] }));
    const award = fc.record({ id: messy, date: messy, status: messy, value, suppliers: fc.oneof(org, fc.array(org, { maxLength: 2 })) }, { requiredKeys: [] });
    const contract = fc.record(
      { id: messy, awardID: messy, value, dateSigned: messy, implementation: fc.record({ transactions: fc.array(fc.record({ id: messy, value, amount: value, payer: org }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    );
    const messyRelease = fc.record(
      {
        ocid: fc.constantFrom('ocds-a', 'ocds-b', 7, '', undefined),
        id: messy,
        date: messy,
        tag: fc.oneof(messy, fc.array(messy, { maxLength: 2 })),
        buyer: org,
        tender: fc.oneof(messy, fc.record({ id: messy, status: messy, value, numberOfTenderers: messy, procuringEntity: org, tenderPeriod: fc.record({ startDate: messy, endDate: messy }, { requiredKeys: [] }) }, { requiredKeys: [] })),
        awards: fc.oneof(award, fc.array(award, { maxLength: 2 })),
        contracts: fc.oneof(contract, fc.array(contract, { maxLength: 2 })),
        planning: fc.oneof(messy, fc.record({ budget: fc.record({ amount: value }, { requiredKeys: [] }) }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );

    it('fromOcds gives a dataset or an OcdsError, with sound money', () => {
      fc.assert(
        fc.property(fc.array(messyRelease, { maxLength: 4 }), (releases) => {
          let dataset: Dataset;
          try {
            dataset = fromOcds({ releases });
          } catch (error) {
            expect(error).to.be.instanceOf(OcdsError);
            return;
          }
          for (const process of dataset.processes) {
            const values = [process.planning?.budget, process.tender?.value, ...process.awards.map((a) => a.value), ...process.contracts.flatMap((c) => [c.value, ...c.transactions.map((t) => t.value)])];
            for (const money of values) {
              if (!money) continue;
              expect(Number.isFinite(money.amount)).to.equal(true);
              expect(money.currency).to.match(/^[A-Z]{3}$/);
            }
          }
        }),
        { numRuns: 150 },
      );
    });

    it('repair is idempotent: a repaired release needs no second repair', () => {
      fc.assert(
        fc.property(messyRelease, (generated) => {
          const first = repairRelease(structuredClone(generated), '', () => {});
          if (!first) return;
          const issues: DataIssue[] = [];
          const again = structuredClone(first);
          repairRelease(again, '', (i) => issues.push(i));
          expect(issues.map((i) => `${i.code} ${i.path}`)).to.deep.equal([]);
          expect(again).to.deep.equal(first);
        }),
        { numRuns: 150 },
      );
    });
  });
});
