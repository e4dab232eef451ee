import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsContractTimeline } from '../../components/contract-timeline/contract-timeline.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import type { OcdsSupplierNetwork } from '../../components/supplier-network/supplier-network.js';
import { exactSum } from '../helpers/decimal.mjs';

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const PARAGUAY = '/api/files/paraguay-dncp/sample-data/records/277004.json';

type Json = Record<string, any>;
let armenia: Json[];

const amountOf = (value: Json | undefined) => (typeof value?.amount === 'number' ? value.amount : 0);
const sum = exactSum;
/** Tenders counted as tendered (README, "Money rules"). */
const counted = (release: Json) => release.tender && !['cancelled', 'unsuccessful', 'withdrawn'].includes(release.tender.status);
const tendered = (chart: OcdsSpendingByStage) => chart.rows.find((row) => row.stage === 'tendered')?.amount;

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

before(async () => {
  armenia = (await (await fetch(ARMENIA)).json()).releases;
});

describe('<ocds-dataset>', () => {
  it('feeds charts at any depth, and charts added later; a nested dataset feeds its own charts', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <ocds-dataset id="outer" src=${ARMENIA}>
        <div><div><ocds-spending-by-stage id="deep"></ocds-spending-by-stage></div></div>
        <ocds-dataset id="inner" src=${PARAGUAY}><ocds-spending-by-stage id="nested"></ocds-spending-by-stage></ocds-dataset>
      </ocds-dataset>
    </div>`);
    const deep = root.querySelector<OcdsSpendingByStage>('#deep')!;
    const nested = root.querySelector<OcdsSpendingByStage>('#nested')!;
    await until(() => deep.status === 'ready' && nested.status === 'ready', 'both charts to get data');
    expect(deep.currencies).to.deep.equal(['AMD']);
    expect(nested.currencies).to.deep.equal(['PYG']);
    expect(tendered(deep)).to.equal(sum(armenia.filter(counted).map((release) => amountOf(release.tender.value))));

    const later = document.createElement('ocds-spending-by-stage');
    root.querySelector('#outer')!.append(later);
    await until(() => later.status === 'ready', 'the chart added later to get data');
    expect(later.rows).to.deep.equal(deep.rows);
  });

  it('a process selected in the timeline filters its siblings to that process; selecting it again clears the filter', async () => {
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA}>
      <ocds-contract-timeline></ocds-contract-timeline>
      <ocds-spending-by-stage></ocds-spending-by-stage>
    </ocds-dataset>`);
    const timeline = dataset.querySelector<OcdsContractTimeline>('ocds-contract-timeline')!;
    const spending = dataset.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
    await until(() => timeline.status === 'ready' && spending.status === 'ready', 'the charts');
    const ocids = new Set(timeline.rows.map((row) => row.ocid));
    const release = armenia.find((candidate) => ocids.has(candidate.ocid) && counted(candidate) && amountOf(candidate.tender.value) > 0)!;
    const timelineRows = JSON.stringify(timeline.rows);

    timeline.select(release.ocid);
    await until(() => tendered(spending) === release.tender.value.amount, 'the spending chart to show one process');
    expect(spending.rows.every((row) => row.processes === 1)).to.equal(true);
    expect(dataset.filters).to.deep.equal({ ocid: release.ocid });
    expect(JSON.stringify(timeline.rows)).to.equal(timelineRows);
    expect(dataset.shadowRoot!.querySelector('[part~="chip"]')!.textContent).to.include('Process:');

    timeline.select(release.ocid);
    await until(() => dataset.filters.ocid === undefined, 'the filter to clear');
    await until(() => tendered(spending) === sum(armenia.filter(counted).map((r) => amountOf(r.tender.value))), 'all processes again');
  });

  it('a buyer selected in the network filters the spending chart to its processes; the chips are accessible', async () => {
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA} lang="es">
      <ocds-supplier-network></ocds-supplier-network>
      <ocds-spending-by-stage></ocds-spending-by-stage>
    </ocds-dataset>`);
    const network = dataset.querySelector<OcdsSupplierNetwork>('ocds-supplier-network')!;
    const spending = dataset.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
    await until(() => network.status === 'ready' && spending.status === 'ready' && Boolean(network.network), 'the charts');
    const buyerName = 'Ministry of Diaspora of the RA';
    const buyer = network.network!.nodes.find((node) => node.label === buyerName && node.role === 'buyer')!;
    const theirs = armenia.filter((release) => release.buyer?.name === buyerName && counted(release));
    expect(theirs.length).to.be.greaterThan(1);

    const selected = oneEvent(dataset, 'ocds-select');
    network.select(buyer.id);
    expect((await selected).detail.kind).to.equal('buyer');
    await until(() => tendered(spending) === sum(theirs.map((release) => amountOf(release.tender.value))), 'the buyer’s processes');
    const chip = dataset.shadowRoot!.querySelector('[part~="chip"]')!;
    expect(chip.textContent).to.include(`Comprador: ${buyerName}`);
    expect(chip.querySelector('button')!.getAttribute('aria-label')).to.equal(`Quitar el filtro Comprador: ${buyerName}`);
    await expect(dataset).to.be.accessible();
  });

  it('moved to another place while loading, it loads again and feeds its charts', async () => {
    const container = await fixture<HTMLElement>(html`<div><div id="first"></div><div id="second"></div></div>`);
    const dataset = document.createElement('ocds-dataset');
    dataset.src = `${ARMENIA}?delay=300`;
    dataset.append(document.createElement('ocds-spending-by-stage'));
    container.querySelector('#first')!.append(dataset);
    await until(() => dataset.status === 'loading', 'the load to start');
    container.querySelector('#second')!.append(dataset);
    const chart = dataset.querySelector('ocds-spending-by-stage')!;
    await until(() => chart.status === 'ready', 'the chart to get the data');
    expect(dataset.status).to.equal('ready');
    expect(tendered(chart)).to.equal(sum(armenia.filter(counted).map((release) => amountOf(release.tender.value))));
  });

  it('says when the data cannot be loaded, with a retry button and an ocds-error event', async () => {
    const dataset = document.createElement('ocds-dataset');
    const failed = oneEvent(dataset, 'ocds-error');
    dataset.src = '/api/releases?status=404';
    await fixture<HTMLElement>(html`<div></div>`).then((container) => container.append(dataset));
    const { detail } = await failed;
    expect(detail).to.include({ phase: 'fetch', code: 'http-status' });
    await dataset.updateComplete;
    expect(dataset.status).to.equal('error');
    const alert = dataset.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('404');
    expect(alert.querySelector('button')).to.not.equal(null);
  });

  it('from/to filter on the day a process started (its tender period start here, not the 2018 publication), and the chips say so', async () => {
    // Started, from the JSON: the tender period's start, else the tender's publication, else the first release.
    const byOcid = new Map<string, Json[]>();
    for (const release of armenia) byOcid.set(release.ocid, [...(byOcid.get(release.ocid) ?? []), release]);
    const started = (releases: Json[]) =>
      String(
        releases.find((r) => r.tender?.tenderPeriod?.startDate)?.tender.tenderPeriod.startDate ??
          releases.find((r) => r.tender?.datePublished)?.tender.datePublished ??
          [...releases].sort((a, b) => (a.date < b.date ? -1 : 1))[0].date,
      ).slice(0, 10);
    const direct = [...byOcid.values()].filter((releases) => releases.some((r) => r.tender?.procurementMethod === 'direct'));
    const matching = (from: string, to = '9999') => direct.filter((r) => started(r) >= from && started(r) <= to).length;
    // The dashboard demo's filter: direct awards whose tenders started in July 2016.
    const expected = matching('2016-07-01', '2016-07-31');
    expect(expected).to.be.greaterThan(0);
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA} method="direct" from="2016-07-01" to="2016-07-31" lang="en">
      <ocds-spending-by-stage></ocds-spending-by-stage>
    </ocds-dataset>`);
    const chips = () => [...dataset.shadowRoot!.querySelectorAll('[part~="chip"]')].map((chip) => chip.textContent!.replace('×', '').trim());
    const group = () => dataset.shadowRoot!.querySelector('[part~="filters"]')!.textContent!;
    await until(() => group().includes('match'), 'the count of matching processes');
    expect(group()).to.include(`${expected} processes match.`);
    expect(chips()).to.include.members(['Started from July 1, 2016', 'Started until July 31, 2016']);
    expect(dataset.shadowRoot!.querySelector('[part~="note"]')!.textContent).to.include('tender period’s start');
    // The 2018 dates are when the data was published: nothing direct started then.
    dataset.removeAttribute('to');
    dataset.setAttribute('from', '2018-01-01');
    await dataset.updateComplete;
    expect(matching('2018-01-01')).to.equal(0);
    expect(group()).to.include('No process matches.');
    await expect(dataset).to.be.accessible();
    const spanish = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA} from="2018-01-01" lang="es"></ocds-dataset>`);
    const chip = spanish.shadowRoot!.querySelector('[part~="chip"]')!;
    expect(chip.textContent!.replace('×', '').trim()).to.equal('Iniciados desde el 1 de enero de 2018');
    expect(spanish.shadowRoot!.querySelector('[part~="note"]')!.textContent).to.include('periodo de licitación');
  });
});
