import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/supplier-network/define.js';
import type { OcdsSupplierNetwork } from '../../components/supplier-network/define.js';

const MOLDOVA = '/test/fixtures/ocds/real/moldova/sample-data/records/ocds-ngfbwp-18610708.json';
const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json';

type Json = Record<string, any>;

async function json(url: string): Promise<Json> {
  return (await fetch(url)).json();
}

/** Edges straight from a compiled release: buyer name -> supplier name -> [summed amount, awards]. */
function expectedEdges(release: Json): Map<string, [number, number]> {
  const buyer = (release.buyer ?? release.tender.procuringEntity).name as string;
  const edges = new Map<string, [number, number]>();
  for (const award of release.awards) {
    if (['cancelled', 'unsuccessful'].includes(String(award.status ?? '').toLowerCase())) continue;
    const suppliers = award.suppliers as Json[];
    for (const supplier of suppliers) {
      const key = `${buyer} -> ${supplier.name}`;
      const [amount, count] = edges.get(key) ?? [0, 0];
      edges.set(key, [amount + Number(award.value.amount) / suppliers.length, count + 1]);
    }
  }
  return edges;
}

async function ready(el: OcdsSupplierNetwork): Promise<void> {
  if (el.status !== 'ready') await oneEvent(el, 'ocds-render');
  await el.layoutSettled;
}

describe('<ocds-supplier-network>', () => {
  it('draws the Moldova record: one buyer, seven suppliers, the award values as edges', async () => {
    const release = (await json(MOLDOVA)).compiledRelease;
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    const expected = expectedEdges(release);
    expect(expected.size).to.equal(7);
    const actual = new Map(el.rows.map((row) => [`${row.buyer} -> ${row.supplier}`, [row.amount, row.awards]]));
    expect([...actual.keys()]).to.have.members([...expected.keys()]);
    for (const [key, [amount, awards]] of expected) {
      expect(actual.get(key)![0]).to.be.closeTo(amount, 1e-6);
      expect(actual.get(key)![1]).to.equal(awards);
    }
    expect(new Set(el.rows.map((row) => row.currency))).to.deep.equal(new Set(['MDL']));
    const symbols = el.shadowRoot!.querySelectorAll('g.node path');
    expect(symbols.length).to.equal(8);
    await expect(el).to.be.accessible();
  });

  it('splits Paraguay’s seven-supplier award equally and says so in the table', async () => {
    const release = (await json(PARAGUAY)).records[0].compiledRelease;
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${PARAGUAY}></ocds-supplier-network>`);
    await ready(el);
    const expected = expectedEdges(release);
    expect(expected.size).to.equal(7);
    expect(el.rows).to.have.length(7);
    for (const row of el.rows) {
      const [amount] = expected.get(`${row.buyer} -> ${row.supplier}`)!;
      expect(row.amount).to.be.closeTo(amount, 1e-6);
      expect(row).to.include({ split: 'equal', sharedAwards: 1, awards: 1, currency: 'PYG' });
    }
    const total = release.awards.reduce((sum: number, award: Json) => sum + Number(award.value.amount), 0);
    expect(el.rows.reduce((sum, row) => sum + row.amount, 0)).to.be.closeTo(total, 1e-3);
  });

  it('groups suppliers beyond `limit` into an "others" node with their count and value', async () => {
    const release = (await json(MOLDOVA)).compiledRelease;
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA} limit="3"></ocds-supplier-network>`);
    await ready(el);
    const amounts = (release.awards as Json[]).map((award) => Number(award.value.amount)).sort((a, b) => b - a);
    const others = el.rows.find((row) => row.others !== undefined)!;
    expect(others.others).to.equal(amounts.length - 3);
    expect(others.amount).to.be.closeTo(amounts.slice(3).reduce((a, b) => a + b, 0), 1e-6);
    expect(el.rows.filter((row) => row.others === undefined).map((row) => row.amount)).to.have.members(amounts.slice(0, 3));
    expect(el.network!.nodes.filter((node) => node.role === 'others')).to.have.length(1);
  });

  it('speaks Spanish under lang="es"', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<div lang="es"><ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network></div>`).then(
      (div) => div.querySelector('ocds-supplier-network')!,
    );
    await ready(el);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="heading"]')!.textContent).to.equal('Quién vende a quién');
    expect(root.querySelector('[part="summary"]')!.textContent).to.contain('adjudicaron');
    expect(root.querySelector('.items button')!.textContent).to.contain('(Comprador)');
    const showTable = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Mostrar tabla'))!;
    showTable.click();
    await el.updateComplete;
    const headers = [...root.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.include.members(['Comprador', 'Proveedor', 'Valor adjudicado']);
  });

  it('emits ocds-select with the node’s role when a node is chosen from the list', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.items button')];
    const supplierButton = buttons.find((b) => b.textContent!.includes('SLAVENA LUX'))!;
    setTimeout(() => supplierButton.click());
    const { detail } = await oneEvent(el, 'ocds-select');
    const node = el.network!.nodes.find((n) => n.id === detail.id)!;
    expect(detail).to.include({ kind: 'supplier', label: supplierButton.textContent!.trim() });
    expect(node.label).to.equal('SLAVENA LUX S.R.L.');
    expect(detail.value).to.equal(502904.76);
    const buyerButton = buttons.find((b) => b.textContent!.includes('Cead'))!;
    setTimeout(() => buyerButton.click());
    expect((await oneEvent(el, 'ocds-select')).detail.kind).to.equal('buyer');
  });

  it('shows only the focused organisation’s neighbourhood', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    const supplier = el.network!.nodes.find((n) => n.label === 'ALIM-TOTAL S.R.L.')!;
    el.focusId = supplier.id;
    await oneEvent(el, 'ocds-render');
    expect(el.rows.map((row) => row.supplierId)).to.deep.equal([supplier.id]);
    expect(el.getAttribute('focus')).to.equal(supplier.id);
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('ALIM-TOTAL');
  });
});
