// <ocds-contract-timeline>, <ocds-red-flags> and <ocds-data-quality> given a summary document
// (test/fixtures/summaries, see its SOURCES.md): the same rows as the same element given the fixture the summary was
// made from where the summary holds them (red flags, coverage), the timeline's dates and amounts as the fixture JSON
// has them; what a summary cannot show said in words (en, es); filters of <ocds-dataset> applied where the cubes can.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsContractTimeline } from '../../components/contract-timeline/contract-timeline.js';
import type { OcdsDataQuality } from '../../components/data-quality/data-quality.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsRedFlags } from '../../components/red-flags/red-flags.js';
import { exactSum } from '../helpers/decimal.mjs';

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const ARMENIA_SUMMARY = '/test/fixtures/summaries/armenia-6.summary.json';
const PARAGUAY = '/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json';
const PARAGUAY_SUMMARY = '/test/fixtures/summaries/paraguay-155220.summary.json';
const R018 = '/test/fixtures/cardinal-rs/indicators/R018.jsonl';
const R018_SUMMARY = '/test/fixtures/summaries/cardinal-R018.summary.json';
const PAIRS = [
  [ARMENIA, ARMENIA_SUMMARY],
  [PARAGUAY, PARAGUAY_SUMMARY],
  [R018, R018_SUMMARY],
] as const;

type Json = Record<string, any>;
type Chart = HTMLElement & { rows: any[]; status: string; rendered: Promise<void>; updateComplete: Promise<boolean>; data?: unknown };

const fetchJson = async (url: string): Promise<Json> => (await fetch(url)).json();
const fetchLines = async (url: string): Promise<Json[]> => (await (await fetch(url)).text()).split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
const shadow = (element: HTMLElement) => element.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const day = (date: string | undefined) => (date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : '');

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The element once its rows are final (the source line and notes follow the chart's first frame: `rendered`). */
async function chart<T extends Chart>(template: ReturnType<typeof html>): Promise<T> {
  const element = await fixture<T>(template);
  await until(() => element.status === 'ready' || element.status === 'error', 'the element to settle');
  await element.updateComplete;
  await element.rendered;
  return element;
}
const done = (...elements: Element[]) => elements.forEach((element) => element.remove());

/** The summary JSON's largest processes in a currency as [ocid, amount, days…], largest first (read in this test). */
function largestOf(summary: Json, currency: string): any[][] {
  const column = (name: string) => (summary.largest.columns as string[]).indexOf(name);
  return (summary.largest.rows as any[][]).filter((row) => row[column('currency')] === currency).sort((a, b) => Number(b[column('amount')]) - Number(a[column('amount')]));
}

describe('<ocds-contract-timeline> given a summary: its largest processes', () => {
  it('Paraguay: the process’s days and amount as the fixture JSON has them, and the note says what a summary cannot show (en, es)', async () => {
    const record = (await fetchJson(PARAGUAY)).records[0].compiledRelease as Json;
    const contracts = (record.contracts as Json[]).filter((contract) => contract.status !== 'cancelled');
    const awarded = (record.awards as Json[]).map((award) => day(award.date)).filter(Boolean).sort()[0];
    const contractStart = (record.contracts as Json[]).map((contract) => day(contract.period?.startDate ?? contract.dateSigned)).filter(Boolean).sort()[0];
    const contractEnd = (record.contracts as Json[]).map((contract) => day(contract.period?.endDate)).filter(Boolean).sort().at(-1);
    const start = day(record.tender.tenderPeriod?.startDate) || day(record.tender.datePublished) || awarded;
    // Its size: the largest of its stage totals (here contracted or awarded, the fixture has no budget or tender value).
    const contracted = exactSum(contracts.map((contract) => contract.value.amount));
    const awardedTotal = exactSum((record.awards as Json[]).filter((award) => award.status !== 'cancelled' && award.status !== 'unsuccessful').map((award) => award.value.amount));
    const size = Math.max(contracted, awardedTotal);

    const element = await chart<OcdsContractTimeline>(html`<ocds-contract-timeline src=${PARAGUAY_SUMMARY}></ocds-contract-timeline>`);
    expect(element.status).to.equal('ready');
    const rows = element.rows;
    expect(rows.map((row) => row.ocid)).to.deep.equal(rows.map(() => record.ocid));
    // Each stage from its first day, in time order (this fixture's contracts start before its award); a stage that
    // starts the day the next does has no span of its own.
    const starts = ([['tender', start], ['award', awarded], ['contract', contractStart]] as [string, string][]).sort((a, b) => a[1].localeCompare(b[1]));
    const segments = starts.filter((segment, i) => i === starts.length - 1 || segment[1] !== starts[i + 1][1]);
    expect(segments.length, 'the fixture has dated stages').to.be.greaterThan(1);
    expect(rows.map((row) => [row.stage, row.start])).to.deep.equal(segments);
    expect(rows[rows.length - 1].end, 'the last segment ends at the latest contract end').to.equal(contractEnd);
    expect(rows[0].value).to.equal(size);
    expect(rows[0].currency).to.equal('PYG');
    expect(shadow(element).querySelector('.chart svg'), 'a chart is drawn').to.exist;
    expect(shadow(element).querySelector('select.sort'), 'no sort: a summary ranks by value').to.not.exist;
    expect(text(shadow(element).querySelector('.note'))).to.contain('From a summary: its 1 largest processes in PYG by value');
    await expect(element).to.be.accessible();
    done(element);

    const spanish = await chart<OcdsContractTimeline>(html`<ocds-contract-timeline lang="es" src=${PARAGUAY_SUMMARY}></ocds-contract-timeline>`);
    expect(text(shadow(spanish).querySelector('.note'))).to.contain('Según un resumen: sus 1 procesos de mayor importe en PYG');
    expect(text(shadow(spanish).querySelector('.source'))).to.match(/resumen de 1 proceso, generado el/);
    await expect(spanish).to.be.accessible();
    done(spanish);
  });

  it('Armenia: the 20 largest of the summary’s list, largest first, each a process of the fixture; `limit` chooses how many', async () => {
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const ocids = new Set(((await fetchJson(ARMENIA)).releases as Json[]).map((release) => release.ocid));
    const expected = largestOf(summary, 'AMD').filter((row) => row.slice(6).some(Boolean));
    const element = await chart<OcdsContractTimeline>(html`<ocds-contract-timeline src=${ARMENIA_SUMMARY}></ocds-contract-timeline>`);
    const firsts = element.rows.filter((row) => row.value !== undefined);
    expect(firsts.map((row) => [row.ocid, row.value])).to.deep.equal(expected.slice(0, 20).map((row) => [row[2], Number(row[1])]));
    expect(firsts.every((row) => ocids.has(row.ocid))).to.equal(true);
    expect(text(shadow(element).querySelector('.note'))).to.contain(`From a summary: its ${expected.length} largest processes in AMD`);
    done(element);
    const five = await chart<OcdsContractTimeline>(html`<ocds-contract-timeline limit="5" src=${ARMENIA_SUMMARY}></ocds-contract-timeline>`);
    expect(new Set(five.rows.map((row) => row.ocid)).size).to.equal(5);
    done(five);
  });

  it('inside <ocds-dataset>: a buyer filter narrows the list (the buyer’s largest), a category filter needs the process data', async () => {
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const rows = largestOf(summary, 'AMD');
    const buyer = rows[0][4] as string;
    const own = rows.filter((row) => row[4] === buyer && row.slice(6).some(Boolean));
    const host = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA_SUMMARY} buyer=${buyer}><ocds-contract-timeline></ocds-contract-timeline></ocds-dataset>`);
    const element = host.querySelector<OcdsContractTimeline>('ocds-contract-timeline')!;
    await until(() => element.status === 'ready', 'the timeline');
    expect(element.rows.filter((row) => row.value !== undefined).map((row) => row.ocid)).to.deep.equal(own.slice(0, 20).map((row) => row[2]));
    done(host);
    const byCategory = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA_SUMMARY} category="works"><ocds-contract-timeline></ocds-contract-timeline></ocds-dataset>`);
    const refused = byCategory.querySelector<OcdsContractTimeline>('ocds-contract-timeline')!;
    await until(() => refused.status === 'error', 'the timeline to refuse');
    expect(text(shadow(refused).querySelector('[part="error"]'))).to.contain('needs the process data');
    done(byCategory);
  });
});

describe('<ocds-red-flags> given a summary: counts per buyer and indicator', () => {
  it('the same rows from the summary as from the fixture (default settings, by buyer; `indicators` keeps some)', async () => {
    for (const [file, summaryFile] of [
      [ARMENIA, ARMENIA_SUMMARY],
      [R018, R018_SUMMARY],
    ]) {
      const original = await chart<OcdsRedFlags>(file.endsWith('.jsonl') ? html`<ocds-red-flags .data=${await fetchLines(file)}></ocds-red-flags>` : html`<ocds-red-flags src=${file}></ocds-red-flags>`);
      const summarised = await chart<OcdsRedFlags>(html`<ocds-red-flags src=${summaryFile}></ocds-red-flags>`);
      expect(original.rows.filter((row) => row.flagged > 0).length, file).to.be.greaterThan(0);
      expect(summarised.status).to.equal('ready');
      expect(summarised.rows, file).to.deep.equal(original.rows);
      expect(text(shadow(summarised).querySelector('[part="summary"]')), file).to.equal(text(shadow(original).querySelector('[part="summary"]')));
      done(original, summarised);
    }
    // R018 (single bid), counted in the fixture JSON: processes with one tenderer among those publishing a count.
    const releases = await fetchLines(R018);
    const single = await chart<OcdsRedFlags>(html`<ocds-red-flags indicators="R018" src=${R018_SUMMARY}></ocds-red-flags>`);
    expect(single.rows.map((row) => row.indicator)).to.deep.equal(single.rows.map(() => 'R018'));
    const flagged = single.rows.reduce((sum, row) => sum + row.flagged, 0);
    expect(flagged).to.be.greaterThan(0);
    expect(flagged).to.be.at.most(releases.filter((release) => release.tender?.numberOfTenderers === 1).length);
    done(single);
  });

  it('says the flagged processes need the process data (en, es), passes axe; another grouping or settings need them too', async () => {
    for (const [lang, words] of [
      ['en', 'The flagged processes and their reasons need the process data.'],
      ['es', 'Los procesos señalados y sus motivos necesitan los datos de los procesos.'],
    ]) {
      const element = await chart<OcdsRedFlags>(html`<ocds-red-flags lang=${lang} src=${ARMENIA_SUMMARY}></ocds-red-flags>`);
      expect(text(shadow(element).querySelector('.note'))).to.contain(words);
      expect(shadow(element).querySelector('.chart svg')).to.exist;
      await expect(element).to.be.accessible();
      done(element);
    }
    const summary = await fetchJson(ARMENIA_SUMMARY);
    for (const template of [html`<ocds-red-flags group="supplier"></ocds-red-flags>`, html`<ocds-red-flags lang="es" settings="[R003]\nthreshold = 10"></ocds-red-flags>`]) {
      const element = await fixture<Chart>(template);
      const failed = oneEvent(element, 'ocds-error');
      element.data = summary;
      expect(((await failed) as CustomEvent<{ code?: string }>).detail.code).to.equal('needs-processes');
      await element.rendered;
      expect(text(shadow(element).querySelector('[part="error"]'))).to.match(/needs the process data|necesita los datos de los procesos/);
      done(element);
    }
  });

  it('inside <ocds-dataset>: a buyer filter gives the rows the same filter gives on the fixture', async () => {
    const summary = await fetchJson(ARMENIA_SUMMARY);
    const buyer = (summary.redFlags.rows as any[][]).find((row) => row[3] > 0)![0] as string;
    const whole = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA} buyer=${buyer}><ocds-red-flags></ocds-red-flags></ocds-dataset>`);
    const summarised = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA_SUMMARY} buyer=${buyer}><ocds-red-flags></ocds-red-flags></ocds-dataset>`);
    const expected = whole.querySelector<OcdsRedFlags>('ocds-red-flags')!;
    const actual = summarised.querySelector<OcdsRedFlags>('ocds-red-flags')!;
    await until(() => expected.status === 'ready' && actual.status === 'ready', 'both charts');
    expect(actual.rows.length).to.be.greaterThan(0);
    expect(actual.rows.every((row) => row.id === buyer)).to.equal(true);
    expect(actual.rows).to.deep.equal(expected.rows);
    done(whole, summarised);
  });
});

describe('<ocds-data-quality> given a summary: field coverage per process', () => {
  it('the same rows from the summary as from the fixture, and the overview’s counts', async () => {
    for (const [file, summaryFile] of PAIRS) {
      const original = await chart<OcdsDataQuality>(file.endsWith('.jsonl') ? html`<ocds-data-quality .data=${await fetchLines(file)}></ocds-data-quality>` : html`<ocds-data-quality src=${file}></ocds-data-quality>`);
      const summarised = await chart<OcdsDataQuality>(html`<ocds-data-quality src=${summaryFile}></ocds-data-quality>`);
      expect(summarised.status).to.equal('ready');
      expect(summarised.rows, file).to.deep.equal(original.rows);
      const processes = (element: HTMLElement) => /^([\d,]+) process/.exec([...shadow(element).querySelectorAll('.overview li')].map(text).find((line) => /process/.test(line)) ?? '')?.[1];
      expect(processes(summarised), file).to.equal(processes(original));
      expect(processes(summarised), file).to.not.equal(undefined);
      done(original, summarised);
    }
    // Counted in the fixture JSON: Armenia's processes with an award value, and with a contract.
    const releases = (await fetchJson(ARMENIA)).releases as Json[];
    const element = await chart<OcdsDataQuality>(html`<ocds-data-quality src=${ARMENIA_SUMMARY}></ocds-data-quality>`);
    const row = (field: string) => element.rows.find((candidate) => candidate.field === field)!;
    expect(row('award-value').processes).to.equal(releases.filter((release) => (release.awards ?? []).some((award: Json) => award.value?.amount !== undefined && award.value?.amount !== null)).length);
    expect(row('contract').processes).to.equal(releases.filter((release) => (release.contracts ?? []).length > 0).length);
    expect(row('award').total).to.equal(new Set(releases.map((release) => release.ocid)).size);
    done(element);
  });

  it('says what a summary does not keep (en, es), passes axe; a filter needs the process data', async () => {
    for (const [lang, words] of [
      ['en', 'From a summary of 100 processes: what was repaired or left out while reading is not kept. Every input was usable.'],
      ['es', 'Según un resumen de 100 procesos: no guarda lo que se reparó o se dejó fuera al leer los datos. Todas las entradas se pudieron usar.'],
    ]) {
      const element = await chart<OcdsDataQuality>(html`<ocds-data-quality lang=${lang} src=${ARMENIA_SUMMARY}></ocds-data-quality>`);
      expect(text(shadow(element).querySelector('[part="issues"] p'))).to.equal(words);
      await expect(element).to.be.accessible();
      done(element);
    }
    const host = await fixture<OcdsDataset>(html`<ocds-dataset src=${ARMENIA_SUMMARY} method="direct"><ocds-data-quality></ocds-data-quality></ocds-dataset>`);
    const refused = host.querySelector<OcdsDataQuality>('ocds-data-quality')!;
    await until(() => refused.status === 'error', 'the element to refuse');
    expect(text(shadow(refused).querySelector('[part="error"]'))).to.contain('needs the process data');
    done(host);
  });
});
