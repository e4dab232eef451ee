// Elements given a summary document (`ocds-widgets summarize`, test/fixtures/summaries: see its SOURCES.md) chart the
// same rows as the same element given the fixture the summary was made from, loaded in this test; views that need
// the process data, and summaries of an unknown version, say so (en, es) and fire `ocds-error`.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsBreakdown } from '../../components/breakdown/breakdown.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import type { OcdsSupplierNetwork } from '../../components/supplier-network/supplier-network.js';

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const ARMENIA_SUMMARY = '/test/fixtures/summaries/armenia-6.summary.json';
const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json';
const PARAGUAY_SUMMARY = '/test/fixtures/summaries/paraguay-155220.summary.json';

type Json = Record<string, any>;
type Chart = HTMLElement & { rows: object[]; status: string; rendered: Promise<void>; updateComplete: Promise<boolean> };

const fetchJson = async (url: string): Promise<Json> => (await fetch(url)).json();
const shadow = (element: HTMLElement) => element.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The element once its rows are final. Elements stay on the page until the test ends, and one far below the viewport
 * never draws: `drawn` is asked only of elements at the top (the others are removed once read: `done`).
 */
async function chart<T extends Chart>(template: ReturnType<typeof html>, drawn = false): Promise<T> {
  const element = await fixture<T>(template);
  await until(() => element.status === 'ready' || element.status === 'error', 'the element to settle');
  await element.updateComplete;
  // The source line, summary and list render after the chart's first frame: `rendered` waits for them.
  if (drawn || element.status === 'ready') await element.rendered;
  return element;
}
const done = (...elements: Element[]) => elements.forEach((element) => element.remove());

describe('elements given a summary document', () => {
  it('the summary fixtures are summaries of their fixtures: process counts from the fixture JSON', async () => {
    for (const [file, summaryFile] of [
      [ARMENIA, ARMENIA_SUMMARY],
      [PARAGUAY, PARAGUAY_SUMMARY],
    ]) {
      const source = await fetchJson(file);
      const ocids = new Set<string>([...(source.releases ?? []), ...(source.records ?? [])].map((item: Json) => item.ocid));
      const summary = await fetchJson(summaryFile);
      expect(summary.type).to.equal('ocds-widgets-summary');
      expect(summary.meta.processes, file).to.equal(ocids.size);
    }
  });

  it('<ocds-spending-by-stage>: the same rows from the summary (src and data) as from the fixture, and the source line says so', async () => {
    for (const [file, summaryFile] of [
      [ARMENIA, ARMENIA_SUMMARY],
      [PARAGUAY, PARAGUAY_SUMMARY],
    ]) {
      const fromUrl = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage src=${summaryFile}></ocds-spending-by-stage>`, true);
      const original = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage src=${file}></ocds-spending-by-stage>`);
      const summary = await fetchJson(summaryFile);
      const element = document.createElement('ocds-spending-by-stage');
      const load = oneEvent(element, 'ocds-load');
      element.data = summary;
      document.body.prepend(element);
      expect(((await load) as CustomEvent<{ processes: number }>).detail.processes, 'ocds-load counts the summary’s processes').to.equal(summary.meta.processes);
      element.remove();
      const fromData = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage .data=${summary}></ocds-spending-by-stage>`);
      expect(original.rows.length, file).to.be.greaterThan(0);
      expect(fromUrl.status).to.equal('ready');
      expect(fromUrl.rows, file).to.deep.equal(original.rows);
      expect(fromData.rows, file).to.deep.equal(original.rows);
      expect(fromUrl.shownCurrency).to.equal(original.shownCurrency);
      const processes = summary.meta.processes;
      expect(text(shadow(fromUrl).querySelector('.source'))).to.contain(`summary of ${processes} process${processes === 1 ? '' : 'es'}, generated`);
      expect(shadow(fromUrl).querySelector('.chart svg'), 'a chart is drawn').to.exist;
      done(original, fromUrl, fromData);
    }
    const spanish = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage lang="es" src=${ARMENIA_SUMMARY}></ocds-spending-by-stage>`);
    expect(text(shadow(spanish).querySelector('.source'))).to.match(/resumen de 100 procesos, generado el \d+ de \w+ de \d{4}/);
  });

  it('<ocds-breakdown> by method, year and buyer (counts and amounts): the same rows from the summary as from the fixture', async () => {
    for (const [file, summaryFile] of [
      [ARMENIA, ARMENIA_SUMMARY],
      [PARAGUAY, PARAGUAY_SUMMARY],
    ]) {
      for (const by of ['method', 'year', 'buyer', 'category']) {
        for (const measure of ['processes', 'awarded', 'contracted']) {
          const original = await chart<OcdsBreakdown>(html`<ocds-breakdown by=${by} measure=${measure} src=${file}></ocds-breakdown>`);
          const summarised = await chart<OcdsBreakdown>(html`<ocds-breakdown by=${by} measure=${measure} src=${summaryFile}></ocds-breakdown>`);
          expect(summarised.status, `${file} ${by} ${measure}`).to.equal('ready');
          expect(summarised.rows, `${file} ${by} ${measure}`).to.deep.equal(original.rows);
          // The written summary (process totals, shares) is the same too.
          expect(text(shadow(summarised).querySelector('[part="summary"]')), `${file} ${by} ${measure}`).to.equal(text(shadow(original).querySelector('[part="summary"]')));
          done(original, summarised);
        }
      }
    }
    const armenia = (await fetchJson(ARMENIA)).releases as Json[];
    const direct = new Set(armenia.filter((release) => release.tender?.procurementMethod === 'direct').map((release) => release.ocid)).size;
    const byMethod = await chart<OcdsBreakdown>(html`<ocds-breakdown by="method" src=${ARMENIA_SUMMARY}></ocds-breakdown>`, true);
    expect(byMethod.rows.find((row) => row.key === 'direct')?.value, 'direct awards, counted in the fixture JSON').to.equal(direct);
  });

  it('<ocds-breakdown by="time" interval=…> and by="stage" from a summary: the rows of by=quarter, by=year and by=stage from the fixture', async () => {
    const armenia = (await fetchJson(ARMENIA)).releases as Json[];
    const quarters = new Set(armenia.flatMap((r) => (r.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(a.status) && typeof a.value?.amount === 'number').map((a: Json) => `${a.date.slice(0, 4)}-Q${Math.floor((Number(a.date.slice(5, 7)) - 1) / 3) + 1}`)));
    expect(quarters.size, 'awards in more than one quarter').to.be.greaterThan(1);
    for (const [attributes, same] of [
      [html`<ocds-breakdown by="time" interval="quarter" measure="awarded" src=${ARMENIA_SUMMARY}></ocds-breakdown>`, html`<ocds-breakdown by="quarter" measure="awarded" src=${ARMENIA}></ocds-breakdown>`],
      [html`<ocds-breakdown by="time" src=${ARMENIA_SUMMARY}></ocds-breakdown>`, html`<ocds-breakdown by="year" src=${ARMENIA}></ocds-breakdown>`],
      [html`<ocds-breakdown by="stage" measure="contracted" src=${ARMENIA_SUMMARY}></ocds-breakdown>`, html`<ocds-breakdown by="stage" measure="contracted" src=${ARMENIA}></ocds-breakdown>`],
    ]) {
      const summarised = await chart<OcdsBreakdown>(attributes);
      const original = await chart<OcdsBreakdown>(same);
      expect(summarised.status).to.equal('ready');
      expect(original.rows.length).to.be.greaterThan(0);
      expect(summarised.rows).to.deep.equal(original.rows);
      expect(text(shadow(summarised).querySelector('[part="heading"]'))).to.equal(text(shadow(original).querySelector('[part="heading"]')));
      done(summarised, original);
    }
    const byQuarter = await chart<OcdsBreakdown>(html`<ocds-breakdown by="time" interval="quarter" measure="awarded" src=${ARMENIA_SUMMARY}></ocds-breakdown>`);
    expect(new Set(byQuarter.rows.map((row) => row.key)), 'quarters computed from the fixture').to.deep.equal(quarters);
    done(byQuarter);
  });

  it('<ocds-supplier-network>: the same edges, node amounts and concentration figures from the summary as from the fixture', async () => {
    for (const [file, summaryFile] of [
      [ARMENIA, ARMENIA_SUMMARY],
      [PARAGUAY, PARAGUAY_SUMMARY],
    ]) {
      const original = await chart<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${file}></ocds-supplier-network>`);
      const summarised = await chart<OcdsSupplierNetwork>(html`<ocds-supplier-network src=${summaryFile}></ocds-supplier-network>`);
      expect(original.rows.length, file).to.be.greaterThan(0);
      expect(summarised.rows, file).to.deep.equal(original.rows);
      const [expected, actual] = [original.network!, summarised.network!];
      expect(actual.currency).to.equal(expected.currency);
      expect(actual.currencies).to.deep.equal(expected.currencies);
      const amounts = (network: typeof expected) => Object.fromEntries(network.nodes.map((node) => [node.id, [node.amount, node.role, node.label]]));
      expect(amounts(actual), file).to.deep.equal(amounts(expected));
      const supplierAwards = (network: typeof expected) => network.nodes.filter((node) => node.role === 'supplier').map((node) => [node.id, node.awards]);
      expect(supplierAwards(actual)).to.deep.equal(supplierAwards(expected));
      expect(actual.summary.total).to.equal(expected.summary.total);
      expect(actual.summary.top5).to.deep.equal(expected.summary.top5);
      expect(actual.summary.top5Share).to.equal(expected.summary.top5Share);
      expect(actual.summary.buyers.map((buyer) => [buyer.buyerId, buyer.amount])).to.deep.equal(expected.summary.buyers.map((buyer) => [buyer.buyerId, buyer.amount]));
      done(original, summarised);
    }
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const focused = await fixture<OcdsSupplierNetwork>(html`<ocds-supplier-network focus="x"></ocds-supplier-network>`);
    const failed = oneEvent(focused, 'ocds-error');
    focused.data = summary;
    expect(((await failed) as CustomEvent<{ code?: string }>).detail.code, 'a focus needs the processes').to.equal('needs-processes');
    done(focused);
  });

  it('<ocds-dataset> given a summary: buyer and whole-year filters give the rows the same filters give on the fixture', async () => {
    const armenia = (await fetchJson(ARMENIA)).releases as Json[];
    // The buyer with the most releases in the fixture, by its party's identifier (scheme/id), as filters key it.
    const counts = new Map<string, number>();
    for (const release of armenia) {
      const identifier = (release.parties ?? []).find((party: Json) => party.id === release.buyer?.id)?.identifier;
      if (identifier) counts.set(`${identifier.scheme}/${identifier.id}`, (counts.get(`${identifier.scheme}/${identifier.id}`) ?? 0) + 1);
    }
    const buyerKey = [...counts].sort((a, b) => b[1] - a[1])[0][0] as string;
    const summary = await fetchJson(ARMENIA_SUMMARY);
    expect(summary.organisations[buyerKey], 'the buyer is named in the summary').to.be.an('array');
    const unfilteredChart = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage src=${ARMENIA}></ocds-spending-by-stage>`);
    const unfiltered = unfilteredChart.rows;
    done(unfilteredChart);
    for (const filters of [{ buyer: buyerKey }, { from: '2016-01-01', to: '2016-12-31' }, { buyer: buyerKey, from: '2017-01-01', to: '2018-12-31' }, { method: 'direct' }, { category: 'works' }]) {
      const whole = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA} buyer=${filters.buyer ?? ''} from=${filters.from ?? ''} to=${filters.to ?? ''} method=${filters.method ?? ''} category=${filters.category ?? ''}>
        <ocds-spending-by-stage></ocds-spending-by-stage>
      </ocds-dataset>`);
      const summarised = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA_SUMMARY} buyer=${filters.buyer ?? ''} from=${filters.from ?? ''} to=${filters.to ?? ''} method=${filters.method ?? ''} category=${filters.category ?? ''}>
        <ocds-spending-by-stage></ocds-spending-by-stage>
      </ocds-dataset>`);
      const expected = whole.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      const actual = summarised.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      await until(() => expected.status === 'ready' && actual.status === 'ready', 'both charts');
      expect(actual.rows.length, JSON.stringify(filters)).to.be.greaterThan(0);
      expect(actual.rows, JSON.stringify(filters)).to.not.deep.equal(unfiltered);
      expect(actual.rows, JSON.stringify(filters)).to.deep.equal(expected.rows);
      expect(text(shadow(summarised).querySelector('[part~="note"][role="status"]')), 'no filter refused').to.equal('');
      done(whole, summarised);
    }
  });

  it('<ocds-dataset> given a summary: a buyer the spending cube grouped with others is not charted as spending nothing (en, es)', async () => {
    const armenia = (await fetchJson(ARMENIA)).releases as Json[];
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const kept = new Set(summary.spending.rows.map((row: unknown[]) => row[2]));
    expect(kept.has('others:'), 'the fixture summary groups buyers').to.equal(true);
    // A buyer of the fixture (by its party's scheme/id, as filters key it) with no spending rows of its own.
    const grouped = armenia
      .map((release) => (release.parties ?? []).find((party: Json) => party.id === release.buyer?.id)?.identifier)
      .filter(Boolean)
      .map((identifier: Json) => `${identifier.scheme}/${identifier.id}`)
      .find((key: string) => !kept.has(key))!;
    expect(grouped, 'a buyer outside the kept ones').to.be.a('string');
    for (const [lang, words] of [
      ['en', 'needs the process data'],
      ['es', 'necesita los datos de los procesos'],
    ]) {
      const errors: string[] = [];
      const listen = (event: Event) => errors.push((event as CustomEvent<{ code?: string }>).detail.code ?? '');
      document.addEventListener('ocds-error', listen);
      const whole = await fixture<OcdsDataset>(html`<div lang=${lang}><ocds-dataset src=${ARMENIA} buyer=${grouped}><ocds-spending-by-stage></ocds-spending-by-stage></ocds-dataset></div>`);
      const summarised = await fixture<OcdsDataset>(html`<div lang=${lang}><ocds-dataset src=${ARMENIA_SUMMARY} buyer=${grouped}><ocds-spending-by-stage></ocds-spending-by-stage></ocds-dataset></div>`);
      const expected = whole.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      const actual = summarised.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      await until(() => expected.status === 'ready' && actual.status === 'error', 'the fixture chart, and the summary one refusing');
      await actual.rendered;
      document.removeEventListener('ocds-error', listen);
      // The buyer does spend: charting the summary's (empty) rows for it would have said it did not.
      expect(expected.rows.length, 'the buyer has amounts in the fixture').to.be.greaterThan(0);
      expect(actual.rows).to.deep.equal([]);
      expect(errors).to.include('needs-processes');
      expect(text(shadow(actual).querySelector('[part="error"]'))).to.contain(words);
      expect(shadow(actual).querySelector('svg'), 'no chart').to.not.exist;
      done(whole, summarised);
    }
  });

  it('<ocds-dataset> given a summary: a filter the cubes cannot answer is not applied, and a note says why (en, es)', async () => {
    const unfilteredChart = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage src=${ARMENIA_SUMMARY}></ocds-spending-by-stage>`);
    const unfiltered = unfilteredChart.rows;
    done(unfilteredChart);
    for (const [lang, words] of [
      ['en', 'Not applied'],
      ['es', 'No aplicado'],
    ]) {
      const dataset = await fixture<OcdsDataset>(html`<div lang=${lang}><ocds-dataset src=${ARMENIA_SUMMARY} supplier="someone" from="2016-03-01">
        <ocds-spending-by-stage></ocds-spending-by-stage>
      </ocds-dataset></div>`);
      const element = dataset.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      await until(() => element.status === 'ready', 'the chart');
      expect(element.rows).to.deep.equal(unfiltered);
      const host = dataset.querySelector<OcdsDataset>('ocds-dataset')!;
      await host.updateComplete;
      const note = text(shadow(host).querySelector('[part~="note"][role="status"]'));
      expect(note).to.contain(words);
      expect(note).to.contain('someone');
      await expect(host).to.be.accessible();
      done(dataset);
    }
  });

  it('an unsupported summary version: a translated error (en, es) and ocds-error', async () => {
    const summary = await fetchJson(ARMENIA_SUMMARY);
    for (const [lang, words] of [
      ['en', 'format version'],
      ['es', 'versión de formato'],
    ]) {
      const element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage lang=${lang}></ocds-spending-by-stage>`);
      const failed = oneEvent(element, 'ocds-error');
      element.data = { ...summary, version: 99 };
      const event = (await failed) as CustomEvent<{ code?: string; phase: string; message: string }>;
      await element.rendered;
      expect(event.detail.code).to.equal('summary-version');
      expect(event.detail.message).to.contain(words);
      expect(element.status).to.equal('error');
      expect(text(shadow(element).querySelector('[part="error"]'))).to.contain(words);
      expect(shadow(element).querySelector('[part="error"] button'), 'trying again would not help').to.not.exist;
      await expect(element).to.be.accessible();
      done(element);
    }
  });

  it('single-process views and the process table say they need the process data (en, es) and fire ocds-error', async () => {
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const ocid = (await fetchJson(ARMENIA)).releases[0].ocid as string;
    const cases: [ReturnType<typeof html>, string, string][] = [
      [html`<ocds-spending-by-stage lang="en" ocid=${ocid}></ocds-spending-by-stage>`, 'en', 'needs the process data'],
      [html`<ocds-breakdown lang="es" by="supplier"></ocds-breakdown>`, 'es', 'necesita los datos de los procesos'],
      [html`<ocds-process-table lang="en"></ocds-process-table>`, 'en', 'needs the process data'],
      [html`<ocds-contract-timeline lang="en" ocid=${ocid}></ocds-contract-timeline>`, 'en', 'needs the process data'],
    ];
    for (const [template, lang, words] of cases) {
      const element = await fixture<Chart & { data?: unknown }>(template);
      const failed = oneEvent(element, 'ocds-error');
      element.data = summary;
      const event = (await failed) as CustomEvent<{ code?: string; message: string }>;
      await element.rendered;
      expect(event.detail.code, `${element.localName} ${lang}`).to.equal('needs-processes');
      expect(event.detail.message).to.contain(words);
      expect(element.status).to.equal('error');
      expect(element.rows).to.deep.equal([]);
      expect(text(shadow(element).querySelector('[part="error"]'))).to.contain(words);
      expect(shadow(element).querySelector('svg'), 'no chart').to.not.exist;
      await expect(element).to.be.accessible();
      done(element);
    }
  });

  it('passes axe with a chart drawn from a summary (en and es)', async () => {
    const english = await chart<OcdsSpendingByStage>(html`<ocds-spending-by-stage src=${ARMENIA_SUMMARY}></ocds-spending-by-stage>`, true);
    await expect(english).to.be.accessible();
    done(english);
    const spanish = await chart<OcdsBreakdown>(html`<ocds-breakdown lang="es" by="year" src=${ARMENIA_SUMMARY}></ocds-breakdown>`, true);
    await expect(spanish).to.be.accessible();
  });

  it('demos/national.html: every chart reads the bundled summary; choosing a year filters the spending beside it', async () => {
    const frame = document.createElement('iframe');
    frame.width = '1000';
    frame.height = '3000';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/demos/national.html';
    document.body.prepend(frame);
    await loaded;
    const page = frame.contentDocument!;
    try {
      await until(() => page.querySelectorAll('ocds-breakdown, ocds-spending-by-stage, ocds-supplier-network').length === 5, 'the demo charts');
      const charts = [...page.querySelectorAll<Chart>('ocds-breakdown, ocds-spending-by-stage, ocds-supplier-network')];
      await until(() => charts.every((chart) => chart.status === 'ready'), 'every demo chart ready (none in error)', 20_000);
      const spending = page.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
      const whole = spending.rows;
      const years = page.querySelector<OcdsBreakdown>('ocds-dataset ocds-breakdown')!;
      years.select('2016');
      await until(() => spending.rows !== whole && spending.status === 'ready', 'the spending to follow the year');
      const summary = await fetchJson(ARMENIA_SUMMARY);
      const column = (name: string) => (summary.spending.columns as string[]).indexOf(name);
      const planned2016 = summary.spending.rows.filter((row: any[]) => row[column('year')] === '2016').reduce((sum: number, row: any[]) => sum + row[column('plannedProcesses')], 0);
      expect(spending.rows.find((row) => row.stage === 'planned')?.processes, 'planned processes of 2016, counted in the summary JSON').to.equal(planned2016);
    } finally {
      frame.remove();
    }
  });
});
