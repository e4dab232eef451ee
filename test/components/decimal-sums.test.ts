// Amounts whose float sum carries binary noise (19300.7 + 0.06 is 19300.760000000002 in doubles) are summed as
// decimals everywhere an element adds them: its rows, its table and its CSV.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/supplier-network/define.js';
import '../../components/contract-timeline/define.js';
import type { OcdsSupplierNetwork } from '../../components/supplier-network/define.js';
import type { OcdsContractTimeline } from '../../components/contract-timeline/contract-timeline.js';

const AMOUNTS = [19300.7, 0.06];
/** The exact decimal sum, in cents: what a reader adds up on paper. */
const expectedTotal = AMOUNTS.reduce((cents, a) => cents + Math.round(a * 100), 0) / 100;

const buyer = { id: 'b1', name: 'City Council', roles: ['buyer'] };
const supplier = { id: 's1', name: 'Roads Ltd', roles: ['supplier'] };
const release = {
  ocid: 'ocds-test-decimal',
  id: 'r1',
  date: '2021-01-01T00:00:00Z',
  tag: ['award', 'contract', 'implementation'],
  initiationType: 'tender',
  parties: [buyer, supplier],
  buyer: { id: 'b1', name: buyer.name },
  awards: AMOUNTS.map((amount, i) => ({
    id: `a${i}`,
    status: 'active',
    date: '2021-01-01',
    value: { amount, currency: 'EUR' },
    suppliers: [{ id: 's1', name: supplier.name }],
  })),
  contracts: [
    {
      id: 'c1',
      awardID: 'a0',
      status: 'active',
      value: { amount: 20000, currency: 'EUR' },
      implementation: {
        transactions: AMOUNTS.map((amount, i) => ({ id: `t${i}`, date: `2021-0${i + 2}-01`, value: { amount, currency: 'EUR' } })),
      },
    },
  ],
};

describe('decimal sums in elements', () => {
  it('the float sum of the test amounts really has noise', () => {
    expect(AMOUNTS[0] + AMOUNTS[1]).not.to.equal(expectedTotal);
  });

  it('<ocds-supplier-network>: edge, node and concentration totals, table and CSV', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network .data=${release}></ocds-supplier-network>`);
    await el.updateComplete;
    expect(el.rows.map((e) => e.amount)).to.deep.equal([expectedTotal]);
    const csv = el.csv().split('\r\n');
    const amountColumn = csv[0].split(',').indexOf('amount');
    expect(csv[1].split(',')[amountColumn]).to.equal(String(expectedTotal));
    expect(el.csv()).not.to.contain(String(AMOUNTS[0] + AMOUNTS[1]));
  });

  it('<ocds-contract-timeline>: the running "paid so far" total in rows and CSV', async () => {
    const el = await fixture<OcdsContractTimeline>(
      html`<ocds-contract-timeline ocid="ocds-test-decimal" .data=${release}></ocds-contract-timeline>`,
    );
    await el.updateComplete;
    const paid = el.rows.filter((r) => r.event === 'transaction').map((r) => r.paidToDate);
    expect(paid).to.deep.equal([AMOUNTS[0], expectedTotal]);
    expect(el.csv()).to.contain(String(expectedTotal));
    expect(el.csv()).not.to.contain(String(AMOUNTS[0] + AMOUNTS[1]));
  });
});
