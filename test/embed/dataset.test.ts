// <ocds-dataset> from the built CDN bundle: one load feeds its charts, a selection in one filters the others.
import { expect } from '@open-wc/testing';
import { json, openPage, sum, until, type ChartLike } from './helpers.js';

const ARMENIA = '/api/files/armenia/sample-data/6.json';

type Dataset = HTMLElement & { status: string; supplier?: string; method?: string; filters: Record<string, string> };
type Network = ChartLike & { network: { nodes: { id: string; label: string }[] } };

const stageAmount = (chart: ChartLike, stage: string) => chart.rows.find((row) => row.stage === stage && row.currency === 'AMD')?.amount as number | undefined;
const amountOf = (value: any) => (typeof value?.amount === 'number' ? value.amount : 0);
/** Tenders counted as tendered (README, "Money rules"): not cancelled, unsuccessful or withdrawn. */
const counted = (release: any) => release.tender && !['cancelled', 'unsuccessful', 'withdrawn'].includes(release.tender.status);

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('<ocds-dataset> (built CDN bundle)', () => {
  it('loads once for its charts; a supplier selected in the network filters the spending chart; the chip removes it', async () => {
    const releases: any[] = (await json(ARMENIA)).releases;
    const page = await openPage('/test/embed/pages/dashboard.html', { height: 1400 });
    const doc = page.document;
    const dataset = doc.querySelector('ocds-dataset') as unknown as Dataset;
    const network = doc.querySelector('ocds-supplier-network') as unknown as Network;
    const spending = doc.querySelector('ocds-spending-by-stage') as unknown as ChartLike;
    await until(() => network.status === 'ready' && spending.status === 'ready' && dataset.status === 'ready', 'the charts to get the data');
    // One request for the data, shared by the dataset's charts (they have no src).
    const loads = page.window.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(ARMENIA));
    expect(loads).to.have.length(1);
    expect(stageAmount(spending, 'awarded')).to.equal(sum(releases.flatMap((r) => (r.awards ?? []).map((a: any) => amountOf(a.value)))));

    // The supplier with two awards: its processes, awards and contracts, from the JSON.
    const supplier = 'HAYKAKAN CRAGRER SPY';
    const processes = releases.filter((r) => (r.awards ?? []).some((a: any) => a.suppliers.some((s: any) => s.name === supplier)));
    const awards = processes.flatMap((r) => r.awards.filter((a: any) => a.suppliers.some((s: any) => s.name === supplier)));
    const awardIds = new Set(awards.map((a: any) => a.id));
    const contracts = processes.flatMap((r) => (r.contracts ?? []).filter((c: any) => awardIds.has(c.awardID)));
    expect(processes.length).to.equal(2);

    const networkRows = JSON.stringify(network.rows);
    const node = network.network.nodes.find((candidate) => candidate.label === supplier)!;
    network.select(node.id);
    await until(() => stageAmount(spending, 'awarded') === sum(awards.map((a: any) => amountOf(a.value))), 'the spending chart to show the supplier’s awards');
    expect(stageAmount(spending, 'contracted')).to.equal(sum(contracts.map((c: any) => amountOf(c.value))));
    // Tendered stays the whole processes' amount, and the note says so.
    expect(stageAmount(spending, 'tendered')).to.equal(sum(processes.filter(counted).map((r) => amountOf(r.tender.value))));
    expect(dataset.supplier).to.equal(node.id);
    const chip = await until(() => dataset.shadowRoot!.querySelector('[part~="chip"]'), 'the filter chip');
    expect(chip.textContent).to.include(supplier);
    expect(dataset.shadowRoot!.querySelector('[part~="note"]')!.textContent).to.include('whole-process');
    // The chart the selection came from keeps showing everything.
    expect(JSON.stringify(network.rows)).to.equal(networkRows);

    chip.querySelector('button')!.click();
    await until(() => stageAmount(spending, 'awarded') === sum(releases.flatMap((r) => (r.awards ?? []).map((a: any) => amountOf(a.value)))), 'the filter to be removed');
    expect(dataset.supplier).to.equal(undefined);
    expect(dataset.shadowRoot!.querySelector('[part~="chip"]')).to.equal(null);
    expect(network.shadowRoot!.querySelector('[role="option"][aria-selected="true"]')).to.equal(null);
  });

  it('filters by attribute: method= narrows every chart to those processes', async () => {
    const releases: any[] = (await json(ARMENIA)).releases;
    const page = await openPage('/test/embed/pages/dashboard.html', { height: 1400 });
    const dataset = page.document.querySelector('ocds-dataset') as unknown as Dataset;
    const spending = page.document.querySelector('ocds-spending-by-stage') as unknown as ChartLike;
    await until(() => spending.status === 'ready', 'the spending chart');
    dataset.setAttribute('method', 'selective');
    const selective = releases.filter((r) => r.tender?.procurementMethod === 'selective' && counted(r));
    const tendered = sum(selective.map((r) => amountOf(r.tender.value)));
    expect(tendered).to.be.greaterThan(0);
    await until(() => stageAmount(spending, 'tendered') === tendered, 'the spending chart to show selective tenders only');
    expect(spending.rows.find((row) => row.stage === 'tendered')!.processes).to.equal(selective.length);
    expect(dataset.filters).to.deep.equal({ method: 'selective' });
  });
});
