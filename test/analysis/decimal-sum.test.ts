import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DecimalSum, sumDecimal } from '../../src/analysis/decimal-sum.js';
import { spendingByStage } from '../../src/analysis/spending.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import type { JsonObject } from '../../src/data/types.js';

/** The exact decimal sum of decimal strings, worked out with BigInt in hundredths (independent of the code). */
function exactSum(amounts: string[]): number {
  let cents = 0n;
  for (const amount of amounts) {
    const [whole, fraction = ''] = amount.replace('-', '').split('.');
    const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    cents += amount.startsWith('-') ? -value : value;
  }
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

describe('sumDecimal: sums equal the decimal sum of the published amounts', () => {
  it('has none of the binary noise a float sum has', () => {
    expect(0.1 + 0.2).to.not.equal(0.3);
    expect(sumDecimal([0.1, 0.2])).to.equal(0.3);
    expect(31130189.99 + 0.04).to.not.equal(31130190.03);
    expect(sumDecimal([31130189.99, 0.04])).to.equal(31130190.03);
    expect(sumDecimal([-0.1, -0.2])).to.equal(-0.3);
    expect(sumDecimal([])).to.equal(0);
    expect(sumDecimal([1, Number.NaN, Infinity, 2])).to.equal(3);
  });

  it('stays exact past 2^53 units (large guaraní totals in cents)', () => {
    const sum = new DecimalSum();
    for (let i = 0; i < 1000; i++) sum.add(44_200_000_000.07);
    expect(sum.value).to.equal(Number('44200000000070.00'));
  });

  it('property: any list of two-place decimals sums to the exact decimal sum', () => {
    const amount = fc
      .tuple(fc.integer({ min: -1e9, max: 1e12 }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, cents]) => `${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => sumDecimal(amounts.map(Number)) === exactSum(amounts)),
      { numRuns: 500 },
    );
  });

  it('spendingByStage totals (and so rows, tables and CSV) are decimal sums', () => {
    const releases = ['31130189.99', '0.04', '0'].map((amount, i) => ({
      ocid: `ocds-x-${i}`, id: `r${i}`, date: '2020-01-01T00:00:00Z', tag: ['tender'], initiationType: 'tender',
      tender: { id: `t${i}`, value: { amount: Number(amount), currency: 'AMD' } },
      awards: [{ id: `a${i}`, value: { amount: [19300.7, 0.06, 0][i], currency: 'CAD' } }],
    }));
    const rows = spendingByStage(fromOcds({ releases, uri: 'x', publishedDate: '2020-01-01T00:00:00Z' } as JsonObject));
    expect(31130189.99 + 0.04 + 0).to.not.equal(31130190.03);
    expect(19300.7 + 0.06 + 0).to.not.equal(19300.76);
    expect(rows.find((row) => row.stage === 'tendered')?.amount).to.equal(31130190.03);
    expect(rows.find((row) => row.stage === 'awarded')?.amount).to.equal(19300.76);
  });
});
