import { expect } from '@open-wc/testing';
import { niceTicks, tickLabelExpr } from '../../src/charts/ticks.js';

describe('niceTicks', () => {
  it('covers zero and the maximum in steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceTicks(0, 12)).to.deep.equal([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 1_400_000)).to.deep.equal([0, 500_000, 1_000_000, 1_500_000]);
  });

  it('integer: whole-number steps for counts (no 2.5, never below 1)', () => {
    expect(niceTicks(0, 12, 5, true)).to.deep.equal([0, 5, 10, 15]);
    expect(niceTicks(0, 3, 5, true)).to.deep.equal([0, 1, 2, 3]);
    expect(niceTicks(0, 1, 5, true)).to.deep.equal([0, 1]);
  });

  it('tickLabelExpr: looks each tick up in the labels formatted outside Vega', () => {
    expect(tickLabelExpr([0, 5], (value) => `${value} €`)).to.equal('["0 €","5 €"][indexof([0,5], datum.value)]');
  });
});
