import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/supplier-network/define.js';
import type { OcdsSupplierNetwork } from '../../components/supplier-network/define.js';
import { generateNetworkReleases } from '../../bench/network-data.js';
import { forceLayout } from '../../src/charts/force-layout.js';
import { networkLayoutInput, networkSpec } from '../../src/charts/network.js';
import { activeOption, activeText, chooseByKeyboard, focusables, listbox, moveTo, press, tabIntoList } from '../helpers/item-list.js';

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const MOLDOVA = '/test/fixtures/ocds/real/moldova/sample-data/records/ocds-ngfbwp-18610708.json';
const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json';
const TED_SHARED = '/test/fixtures/ocds/real/eu-ted-doffin/TED-and-Doffin-to-ocds/ContractAwardNotice_can-social_2024-103933_release_0.json';

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
  // First in the file, so the element's data code (analysis, layout, spec) has not loaded yet: the lazy path.
  it('given data before its code has loaded, is ready with its rows once updateComplete resolves', async () => {
    performance.setResourceTimingBufferSize(100_000);
    const codeLoaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/supplier-network/network-code.'));
    expect(codeLoaded()).to.equal(false);
    const release = (await json(MOLDOVA)).compiledRelease;
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network .data=${release}></ocds-supplier-network>`);
    await el.updateComplete;
    expect(codeLoaded()).to.equal(true);
    expect(el.status).to.equal('ready');
    const expected = expectedEdges(release);
    expect(el.rows.map((row) => `${row.buyer} -> ${row.supplier}`)).to.have.members([...expected.keys()]);
    for (const row of el.rows) expect(row.amount).to.be.closeTo(expected.get(`${row.buyer} -> ${row.supplier}`)![0], 1e-6);
  });

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
    el.limit = 2;
    await oneEvent(el, 'ocds-render');
    expect(el.rows.find((row) => row.others !== undefined)!.others).to.equal(amounts.length - 2);
    expect(el.rows.filter((row) => row.others === undefined).map((row) => row.amount)).to.have.members(amounts.slice(0, 2));
  });

  it('accepts a limit up to 5,000 and refuses a larger one, keeping the previous value', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA} limit="3000"></ocds-supplier-network>`);
    await ready(el);
    expect(el.limit).to.equal(3000);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      el.setAttribute('limit', '5001');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(el.limit).to.equal(3000);
    expect(warnings.join(' ')).to.contain('limit="5001"').and.contain('at most 5000');
    el.setAttribute('limit', '5000');
    await el.updateComplete;
    expect(el.limit).to.equal(5000);
  });

  it('speaks Spanish under lang="es"', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<div lang="es"><ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network></div>`).then(
      (div) => div.querySelector('ocds-supplier-network')!,
    );
    await ready(el);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="heading"]')!.textContent).to.equal('Quién vende a quién');
    // The Moldova file has one buyer: the verb is singular.
    expect(root.querySelector('[part="summary"]')!.textContent).to.match(/^1 comprador adjudicó /);
    // The listbox starts on the largest organisation, the one buyer.
    expect(activeText(el)).to.contain('(Comprador)');
    const showTable = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Mostrar tabla'))!;
    showTable.click();
    await el.updateComplete;
    const headers = [...root.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.include.members(['Comprador', 'Proveedor', 'Valor adjudicado']);
  });

  it('emits ocds-select with the node’s role when a node is chosen in the listbox (Enter, then Space)', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    let chosen = oneEvent(el, 'ocds-select');
    await chooseByKeyboard(el, (text) => text.includes('SLAVENA LUX'), 'Enter');
    const { detail } = await chosen;
    const node = el.network!.nodes.find((n) => n.id === detail.id)!;
    expect(detail).to.include({ kind: 'supplier', label: 'SLAVENA LUX S.R.L.' });
    expect(node.label).to.equal('SLAVENA LUX S.R.L.');
    expect(activeOption(el).getAttribute('aria-selected')).to.equal('true');
    expect(detail.value).to.equal(502904.76);
    chosen = oneEvent(el, 'ocds-select');
    await chooseByKeyboard(el, (text) => text.includes('Cead'), ' ');
    expect((await chosen).detail.kind).to.equal('buyer');
    expect(activeOption(el).getAttribute('aria-selected')).to.equal('true');
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

  it('lays a small network out before its first draw: drawn once, at rest, when layoutSettled resolves', async () => {
    const el = document.createElement('ocds-supplier-network') as OcdsSupplierNetwork;
    let draws = 0;
    el.addEventListener('ocds-render', () => draws++);
    el.src = MOLDOVA;
    // A fixed width: a page scrollbar (other content, a loaded machine's timing) would rightly redraw at a new width.
    const box = document.createElement('div');
    box.style.width = '600px';
    box.append(el);
    document.body.append(box);
    try {
      await oneEvent(el, 'ocds-render');
      await el.layoutSettled;
      expect(draws).to.equal(1);
      // Nothing more comes once the layout is at rest.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(draws).to.equal(1);
      expect(el.shadowRoot!.querySelectorAll('g.node path')).to.have.length(8);
    } finally {
      box.remove();
    }
  });

  it('draws a bigger network at once from its warm start, then at rest where a layout run to rest before drawing puts it', async () => {
    const el = document.createElement('ocds-supplier-network') as OcdsSupplierNetwork;
    el.limit = 500;
    el.data = generateNetworkReleases(60, 5);
    const drawn: number[][][] = [];
    const positions = () =>
      [...el.shadowRoot!.querySelectorAll('g.node path')].map((path) => /translate\(([-\d.]+),([-\d.]+)\)/.exec(path.getAttribute('transform')!)!.slice(1).map(Number));
    el.addEventListener('ocds-render', () => drawn.push(positions()));
    // A fixed width: positions are in pixels.
    const box = document.createElement('div');
    box.style.width = '600px';
    box.append(el);
    document.body.append(box);
    try {
      await oneEvent(el, 'ocds-render');
      await el.layoutSettled;
      const network = el.network!;
      expect(network.nodes.length).to.be.greaterThan(20);
      const svg = el.shadowRoot!.querySelector('svg')!;
      const width = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height'));
      // The layout the element drew before this change: run to rest in one go, for the drawing's aspect.
      const input = networkLayoutInput(network);
      const atRest = forceLayout(input.nodes, input.links, { aspect: width / height });
      const spec = networkSpec(network, atRest, {
        width,
        height,
        colours: { buyer: '#000', supplier: '#000', both: '#000', others: '#000', text: '#000', muted: '#000', background: '#fff' },
        roles: { buyer: 'b', supplier: 's', both: 'x', others: 'o' },
        fields: { organisation: 'o', role: 'r', amount: 'a', awards: 'w', buyer: 'b', supplier: 's', split: 'p' },
        formatAmount: String,
        describeSplit: () => '',
      }) as { data: { name: string; values?: { x: number; y: number }[] }[] };
      const expected = spec.data.find((data) => data.name === 'nodes')!.values!.map(({ x, y }) => [x, y]);
      const settled = positions();
      expect(settled).to.have.length(network.nodes.length);
      settled.forEach(([x, y], i) => {
        expect(x).to.be.closeTo(expected[i]![0]!, 0.051);
        expect(y).to.be.closeTo(expected[i]![1]!, 0.051);
      });
      // The first picture came before the layout was at rest, and was drawn again once it was.
      expect(drawn.length).to.be.at.least(2);
      expect(drawn[0]).to.have.length(network.nodes.length);
      expect(drawn[0]!.some(([x, y], i) => Math.abs(x! - expected[i]![0]!) > 1 || Math.abs(y! - expected[i]![1]!) > 1)).to.equal(true);
      expect(drawn[drawn.length - 1]).to.deep.equal(settled);
    } finally {
      box.remove();
    }
  });

  it('draws the same positions for the same data', async () => {
    const positions = async () => {
      // A fixed width: the second element can bring a page scrollbar (Firefox) that would narrow the first draw's width.
      const box = await fixture<HTMLElement>(html`<div style="width: 600px"><ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network></div>`);
      const el = box.querySelector('ocds-supplier-network')!;
      await ready(el);
      const paths = [...el.shadowRoot!.querySelectorAll('g.node path')];
      return paths.map((path) => path.getAttribute('transform'));
    };
    const first = await positions();
    expect(first).to.have.length(8);
    expect(first.every((transform) => /^translate\(-?[\d.]+,-?[\d.]+\)$/.test(transform ?? ''))).to.equal(true);
    expect(new Set(first).size).to.equal(8);
    expect(await positions()).to.deep.equal(first);
  });

  it('sorts the table and the CSV by the chosen column, with the same columns in both', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    const amounts = el.rows.map((row) => row.amount);
    expect(amounts).to.deep.equal([...amounts].sort((a, b) => b - a));
    const root = el.shadowRoot!;
    const sort = root.querySelector<HTMLSelectElement>('select.sort')!;
    sort.value = 'supplier';
    sort.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const names = el.rows.map((row) => row.supplier);
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b)));
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Show table'))!.click();
    await el.updateComplete;
    const firstCells = [...root.querySelectorAll('tbody tr')].map((tr) => tr.children[1]!.textContent!.trim());
    expect(firstCells).to.deep.equal(names);
    const csv = el.csv().split('\r\n');
    expect(csv[0]).to.equal('buyer,supplier,currency,amount,awards,split,sharedAwards,buyerId,supplierId');
    expect(root.querySelectorAll('thead th')).to.have.length(9);
    expect(csv[1]).to.contain(names[0]);
    await expect(el).to.be.accessible();
  });

  it('draws awards published without a value when nothing has one, and says so', async () => {
    const release = await json(TED_SHARED);
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network .data=${release} theme="dark" lang="es"></ocds-supplier-network>`);
    await ready(el);
    const names = new Map((release.parties as Json[]).map((party) => [party.id, party.name]));
    const suppliers = (release.awards[0].suppliers as Json[]).map((supplier) => names.get(supplier.id));
    expect(suppliers).to.have.length(5);
    expect(el.rows.map((row) => row.supplier)).to.have.members(suppliers);
    for (const row of el.rows) expect(row).to.include({ buyer: names.get(release.buyer.id), currency: '', amount: 0, unvalued: 1, awards: 1 });
    // One award: the adjective agrees with it, not with the five suppliers.
    expect(release.awards).to.have.length(1);
    const summary = el.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('1 adjudicación a 5 proveedores, publicada sin valor.');
    await expect(el).to.be.accessible();
  });

  it('says several awards without a value in the plural (es) and as "published without a value" (en)', async () => {
    const release = await json(TED_SHARED);
    const award = release.awards[0] as Json;
    const twoAwards = { ...release, awards: [award, { ...award, id: `${String(award.id)}-second` }] };
    const summaryOf = async (lang: string) => {
      const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network .data=${twoAwards} lang=${lang}></ocds-supplier-network>`);
      await ready(el);
      expect(el.rows.every((row) => row.unvalued === 2)).to.equal(true);
      return el.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    };
    expect(await summaryOf('es')).to.contain('hizo 2 adjudicaciones a 5 proveedores, publicadas sin valor.');
    expect(await summaryOf('en')).to.contain('made 2 awards to 5 suppliers, published without a value.');
  });

  it('a network of 1,000 organisations adds one listbox (and "More"), not a button per organisation', async () => {
    const el = await fixture<OcdsSupplierNetwork>(
      html`<ocds-supplier-network limit="1000" .data=${generateNetworkReleases(1000, 3)}></ocds-supplier-network>`,
    );
    if (el.status !== 'ready') await oneEvent(el, 'ocds-load');
    await el.rendered; // the list follows the chart's first frame
    expect(el.network!.nodes).to.have.length(1000);
    // Everything a Tab reaches outside the controls row (currency, sort, table, downloads).
    const controls = el.shadowRoot!.querySelector('[part~="controls"]')!;
    const added = focusables(el).filter((target) => !controls.contains(target) && !target.closest('.source'));
    expect(added.length, added.map((target) => target.localName).join(', ')).to.be.within(1, 3);
    expect(added).to.include(listbox(el));
    expect(el.shadowRoot!.querySelectorAll('[role="option"]')).to.have.length(1);
    expect(activeOption(el).getAttribute('aria-setsize')).to.equal('250');
  });

  it('at 400 px, the keyboard list and the summary under the chart stay small beside the drawing', async () => {
    const box = await fixture<HTMLElement>(html`<div style="width: 400px"><ocds-supplier-network src=${ARMENIA}></ocds-supplier-network></div>`);
    const el = box.querySelector('ocds-supplier-network')!;
    await ready(el);
    const root = el.shadowRoot!;
    const chart = root.querySelector('.chart')!.getBoundingClientRect().height;
    const height = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().height;
    expect(chart).to.be.greaterThan(200);
    // One line of listbox and a caption's sentences: before, 32 buttons and 14 sentences took about ten charts' height.
    expect(height('.items') + height('.summary'), 'list and summary').to.be.below(chart * 0.75);
    expect(el.getBoundingClientRect().height, 'the whole element').to.be.below(chart * 3);
  });

  it('says the first two sentences of its summary on screen, the rest on More, and all of it as the chart’s description', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${ARMENIA} lang="es"></ocds-supplier-network>`);
    await ready(el);
    const root = el.shadowRoot!;
    const summary = root.querySelector<HTMLElement>('[part="summary"]')!;
    const full = summary.textContent!.replace(/\s+/g, ' ').trim();
    const sentences = (text: string) => [...new Intl.Segmenter('es', { granularity: 'sentence' }).segment(text)].length;
    // Armenia: 12 buyers, each named with its top supplier — far more than a caption.
    expect(sentences(full)).to.be.greaterThan(5);
    const shown = () => summary.innerText.replace(/\s+/g, ' ').trim();
    expect(sentences(shown())).to.be.within(1, 2);
    expect(full.startsWith(shown())).to.equal(true);
    const description = root.querySelector('.chart [role="graphics-document"]')!.getAttribute('aria-label')!;
    expect(description.replace(/\s+/g, ' ')).to.equal(full);
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    expect([more.textContent!.trim(), more.getAttribute('aria-expanded')]).to.deep.equal(['Más', 'false']);
    // By keyboard: from the listbox, Tab reaches "More".
    await tabIntoList(el);
    await press(el, 'Tab');
    expect(root.activeElement === more, 'Tab from the listbox reaches More').to.equal(true);
    await press(el, 'Enter');
    // Firefox may dispatch the key's click after WebDriver returns: wait for the toggle (it fails here if it never comes).
    await waitUntil(() => more.getAttribute('aria-expanded') === 'true', 'Enter on More opens the summary');
    await el.updateComplete;
    // Read once the page has laid the opened text out (innerText; one CI run under load read it a frame early).
    await waitUntil(() => shown() === full, `the whole summary shows, last read: ${shown()}`);
    expect([more.textContent!.trim(), more.getAttribute('aria-expanded')]).to.deep.equal(['Menos', 'true']);
    el.lang = 'en';
    await el.updateComplete;
    expect(more.textContent!.trim()).to.equal('Less');
    await expect(el).to.be.accessible();
  });

  it('lays out a network of hundreds, lists the largest 250 and keeps a selected smaller one reachable', async () => {
    const el = await fixture<OcdsSupplierNetwork>(
      html`<ocds-supplier-network limit="400" .data=${generateNetworkReleases(400, 3)}></ocds-supplier-network>`,
    );
    await ready(el);
    const nodes = el.network!.nodes;
    expect(nodes).to.have.length(400);
    const transforms = [...el.shadowRoot!.querySelectorAll('g.node path')].map((path) => path.getAttribute('transform') ?? '');
    expect(transforms).to.have.length(400);
    expect(transforms.every((transform) => /^translate\(-?\d+(\.\d+)?,-?\d+(\.\d+)?\)$/.test(transform))).to.equal(true);
    const listed = () => Number(activeOption(el).getAttribute('aria-setsize'));
    expect(listed()).to.equal(250);
    const smallest = nodes[nodes.length - 1]!;
    setTimeout(() => el.select(smallest.id));
    const { detail } = await oneEvent(el, 'ocds-select');
    expect(detail).to.include({ id: smallest.id, label: smallest.label, value: smallest.amount });
    await el.updateComplete;
    expect(listed()).to.equal(251);
    await tabIntoList(el);
    await press(el, 'End');
    expect(activeOption(el).getAttribute('aria-selected')).to.equal('true');
    expect(activeText(el)).to.contain(smallest.label);
  });

  it('draws again for a new width, keeping every node inside the view', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network>`);
    await ready(el);
    const xs = () =>
      [...el.shadowRoot!.querySelectorAll('g.node path')].map((path) => Number(/translate\(([-\d.]+),/.exec(path.getAttribute('transform')!)![1]));
    expect(Math.max(...xs())).to.be.greaterThan(300);
    el.style.width = '300px';
    // A draw already under way finishes at the old width; the next one is for the new width.
    const svgWidth = () => Number(el.shadowRoot!.querySelector('svg')!.getAttribute('width'));
    for (let draws = 0; draws < 5 && svgWidth() > 300; draws++) await oneEvent(el, 'ocds-render');
    expect(svgWidth()).to.be.at.most(300);
    const narrow = xs();
    expect(narrow).to.have.length(8);
    expect(Math.max(...narrow)).to.be.at.most(300);
    expect(Math.min(...narrow)).to.be.at.least(0);
  });

  it('says that no organisation has the id when the focus matches none, in English and Spanish', async () => {
    const el = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${MOLDOVA} focus="nobody"></ocds-supplier-network>`);
    if (el.status !== 'ready') await oneEvent(el, 'ocds-load');
    await el.layoutSettled;
    await el.updateComplete;
    expect(el.rows).to.have.length(0);
    const status = () => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
    expect(status()).to.equal('No organisation with the id “nobody” is in this data.');
    expect(el.shadowRoot!.querySelector('g.node')).to.equal(null);
    el.lang = 'es';
    await el.updateComplete;
    expect(status()).to.equal('Ninguna organización con el id «nobody» está en estos datos.');
  });

  it('highlights a node’s neighbours while it is the listbox’s active item, as hovering it does', async () => {
    const release = (await json(MOLDOVA)).compiledRelease;
    // A fixed width: a page scrollbar coming or going would redraw the network at another width between reads.
    const box = await fixture<HTMLElement>(html`<div style="width: 600px"><ocds-supplier-network src=${MOLDOVA}></ocds-supplier-network></div>`);
    const el = box.querySelector<OcdsSupplierNetwork>('ocds-supplier-network')!;
    await ready(el);
    const root = el.shadowRoot!;
    // Neighbours straight from the fixture: the buyer's are every supplier of its awards; a supplier's is the buyer.
    const buyer = (release.buyer ?? release.tender.procuringEntity).name as string;
    const awards = (release.awards as Json[]).filter((award) => !['cancelled', 'unsuccessful'].includes(String(award.status ?? '')));
    const suppliers = [...new Set(awards.flatMap((award) => (award.suppliers as Json[]).map((supplier) => supplier.name as string)))];
    expect(suppliers.length).to.be.greaterThan(1);
    // Where each organisation is drawn: the node marks follow the order of `network.nodes`.
    const drawnAt = new Map(
      [...root.querySelectorAll('g.node path')].map((path, i) => [el.network!.nodes[i]!.label, path.getAttribute('transform')!]),
    );
    const highlightedEdges = () => root.querySelectorAll('g.mark-rule line').length;
    /** Positions drawn by each symbol layer above the network (the highlight), sorted. */
    const overlays = () =>
      [...root.querySelectorAll('g.mark-symbol:not(.node)')]
        .filter((layer) => !layer.closest('.role-legend'))
        .map((layer) => [...layer.querySelectorAll('path')].map((path) => path.getAttribute('transform')).sort().join(' '));
    expect(highlightedEdges()).to.equal(0);

    await moveTo(el, (text) => text.includes(`${buyer} (`));
    await waitUntil(() => highlightedEdges() > 0, 'focusing the buyer highlights its edges');
    expect(highlightedEdges()).to.equal(suppliers.length);
    expect(overlays()).to.include(suppliers.map((name) => drawnAt.get(name)).sort().join(' '));
    expect(overlays()).to.include(drawnAt.get(buyer));

    const supplier = suppliers[0]!;
    await press(el, 'Home');
    for (let i = 0; i < el.network!.nodes.length && !activeText(el).includes(`${supplier} (`); i++) await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain(`${supplier} (`);
    await waitUntil(() => highlightedEdges() === 1, 'focusing a supplier highlights its one edge');
    expect(overlays()).to.include(drawnAt.get(buyer));
    expect(overlays()).to.include(drawnAt.get(supplier));

    await press(el, 'Tab');
    expect(root.activeElement === listbox(el), 'Tab left the listbox').to.equal(false);
    await waitUntil(() => highlightedEdges() === 0, 'leaving the list removes the highlight');
    expect(root.querySelectorAll('[role="option"][aria-selected="true"]')).to.have.length(0);
  });
});
