// Data in the wrong place is repaired or reported, never silently lost: Paraguay's 2016 record packages put the
// contracts under `compiledRelease.contract`; they are read as `contracts` with a `list-misnamed` issue.
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { sumDecimal } from '../../src/analysis/decimal-sum.js';

const FILE = '/raw/test/fixtures/ocds/real/paraguay-dncp/sample-data/record-packages-2016/273637.json';
type Json = Record<string, any>;

describe('a list under its singular key', () => {
  it('reads compiledRelease.contract as the contracts, with their contracted totals', async () => {
    const raw: Json = await (await fetch(FILE)).json();
    // Expected from the JSON: contracts not cancelled, with a numeric amount, summed per currency.
    const amounts = new Map<string, number[]>();
    for (const record of raw.records) {
      expect(record.compiledRelease.contracts).to.equal(undefined);
      for (const contract of record.compiledRelease.contract) {
        const amount = typeof contract.value?.amount === 'string' ? Number(contract.value.amount) : contract.value?.amount;
        if (contract.status === 'cancelled' || typeof amount !== 'number' || !Number.isFinite(amount)) continue;
        const currency = String(contract.value.currency).trim().toUpperCase();
        amounts.set(currency, [...(amounts.get(currency) ?? []), amount]);
      }
    }
    expect(amounts.size).to.be.greaterThan(0);

    const dataset = fromOcds(raw);
    const contracted = spendingByStage(dataset).filter((row) => row.stage === 'contracted');
    expect(contracted.map((row) => [row.currency, row.amount])).to.deep.equal(
      [...amounts].map(([currency, values]) => [currency, sumDecimal(values)]),
    );
    const contractCount = raw.records.reduce((n: number, record: Json) => n + record.compiledRelease.contract.length, 0);
    expect(dataset.processes.reduce((n, process) => n + process.contracts.length, 0)).to.equal(contractCount);
    const misnamed = dataset.issues.filter((issue) => issue.code === 'list-misnamed');
    expect(misnamed.map((issue) => issue.path)).to.deep.equal(raw.records.map(() => 'compiledRelease.contract'));
  });

  it('leaves a singular key alone when the plural list is there', () => {
    const release = {
      ocid: 'ocds-x-1',
      id: '1',
      date: '2020-01-01T00:00:00Z',
      tag: ['contract'],
      contracts: [{ id: 'c1', awardID: 'a1', value: { amount: 5, currency: 'USD' } }],
      contract: [{ id: 'c2', awardID: 'a1', value: { amount: 7, currency: 'USD' } }],
    };
    const dataset = fromOcds(release);
    expect(dataset.processes[0].contracts.map((contract) => contract.id)).to.deep.equal(['c1']);
    expect(dataset.issues.map((issue) => issue.code)).not.to.include('list-misnamed');
  });
});
