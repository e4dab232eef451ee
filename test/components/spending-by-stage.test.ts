import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/spending-by-stage/define.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import { expectedSpending, fetchJson, type ExpectedRow } from '../spending-expected.js';
import { activeOption, chooseByKeyboard, listbox } from '../helpers/item-list.js';

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map(
  (name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`,
);
const PARAGUAY_1_0 = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);
const STAGES = ['planned', 'tendered', 'awarded', 'contracted', 'paid'];

async function chart(template: ReturnType<typeof html>): Promise<OcdsSpendingByStage> {
  const element = await fixture<OcdsSpendingByStage>(template);
  await element.rendered;
  return element;
}

const shadow = (element: HTMLElement) => element.shadowRoot!;
const bars = (element: HTMLElement) => [...shadow(element).querySelectorAll<SVGPathElement>('.chart svg .mark-rect path')];
const money = (amount: number, currency: string, tag: string, compact = false) =>
  new Intl.NumberFormat(tag, { style: 'currency', currency, ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}) }).format(amount);
// Collapses markup whitespace only: Intl output keeps its (narrow) no-break spaces.
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[ \n\t]+/g, ' ').trim();

function sameRows(actual: object[], expected: ExpectedRow[]) {
  const key = (row: any) => `${row.currency} ${row.stage}`;
  expect(actual.map(key).sort()).to.deep.equal(expected.map(key).sort());
  for (const want of expected) {
    const got = actual.find((row) => key(row) === key(want)) as ExpectedRow;
    expect(got.amount, key(want)).to.be.closeTo(want.amount, Math.abs(want.amount) * 1e-12 + 1e-9);
    expect(got.processes, key(want)).to.equal(want.processes);
  }
}

describe('<ocds-spending-by-stage>', () => {
  describe('numbers', () => {
    // First in the file: the element's data code (components/spending-by-stage/spending-code.ts) has not loaded yet.
    it('given data before its data code has loaded: ready with its rows after updateComplete', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const fetched: string[] = [];
      const observer = new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name)));
      observer.observe({ type: 'resource' });
      const element = document.createElement('ocds-spending-by-stage');
      element.data = record;
      document.body.append(element);
      try {
        await element.updateComplete;
        expect(element.status).to.equal('ready');
        sameRows(element.rows, expectedSpending([record.compiledRelease]));
        observer.takeRecords().forEach((entry) => fetched.push(entry.name));
        expect(fetched.some((url) => url.includes('/spending-by-stage/spending-code.'))).to.equal(true);
      } finally {
        observer.disconnect();
        element.remove();
      }
    });

    it('Mexico City record (with transactions): rows equal totals computed from the fixture', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      expect(element.status).to.equal('ready');
      sameRows(element.rows, expectedSpending([record.compiledRelease]));
    });

    it('Mexico INAI releases (MXN + USD): rows hold both currencies; MXN shown by default', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage .data=${releases}></ocds-spending-by-stage>`);
      sameRows(element.rows, expectedSpending(releases));
      expect(element.shownCurrency).to.equal('MXN');
      const options = [...shadow(element).querySelectorAll('select option')].map((option) => option.textContent);
      expect(options).to.deep.equal(['MXN', 'USD']);
    });

    it('Paraguay OCDS 1.0 record packages: rows equal totals computed from the fixture', async () => {
      const packages = await Promise.all(PARAGUAY_1_0.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage .data=${packages}></ocds-spending-by-stage>`);
      const compiled = packages.flatMap((pkg) => pkg.records.map((record: { compiledRelease: unknown }) => record.compiledRelease));
      sameRows(element.rows, expectedSpending(compiled));
    });

    it('loads src through the local API (paginated) with the same numbers', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(
        html`<ocds-spending-by-stage src="/api/releases?source=mexico-inai&limit=2"></ocds-spending-by-stage>`,
      );
      expect(element.status).to.equal('ready');
      sameRows(element.rows, expectedSpending(releases));
      expect(text(shadow(element).querySelector('.source'))).to.contain('Instituto Nacional de Transparencia');
    });
  });

  describe('rendering', () => {
    it('draws one bar per stage, heights ordered as the values, in the stage colours', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      const paths = bars(element);
      expect(paths).to.have.length(5);
      const amounts = STAGES.map((stage) => element.rows.find((row) => row.stage === stage)!.amount);
      const heights = paths.map((path) => path.getBBox().height);
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          if (amounts[i] > amounts[j]) expect(heights[i], `${STAGES[i]} > ${STAGES[j]}`).to.be.greaterThan(heights[j]);
          if (amounts[i] === amounts[j]) expect(heights[i]).to.be.closeTo(heights[j], 0.01);
        }
      }
      // paid (fewer than contracted) is lower than contracted
      expect(heights[4]).to.be.lessThan(heights[3]);
    });

    it('the table view shows the same numbers as rows, formatted by Intl', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage .data=${releases}></ocds-spending-by-stage>`);
      expect(shadow(element).querySelector('table')).to.equal(null);
      const toggle = [...shadow(element).querySelectorAll('button')].find((button) => text(button) === 'Show table')!;
      toggle.click();
      await element.updateComplete;
      const table = shadow(element).querySelector('table[part="table"]')!;
      const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
      expect(cells).to.have.length(element.rows.length);
      element.rows.forEach((row, index) => {
        expect(cells[index][1]).to.equal(row.currency);
        expect(cells[index][2]).to.equal(money(row.amount, row.currency, 'en'));
        expect(cells[index][3]).to.equal(String(row.processes));
      });
      expect([...table.querySelectorAll('th')].map(text)).to.deep.equal(['Stage', 'Currency', 'Amount', 'Processes', 'Pending']);
    });

    it('the CSV has the public row fields and the same numbers', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage .data=${releases}></ocds-spending-by-stage>`);
      const lines = element.csv().trim().split('\r\n');
      expect(lines[0]).to.equal('stage,currency,amount,processes,pending');
      const parsed = lines.slice(1).map((line) => line.split(','));
      expect(parsed).to.have.length(element.rows.length);
      element.rows.forEach((row, index) => {
        expect(parsed[index][0]).to.equal(row.stage);
        expect(parsed[index][1]).to.equal(row.currency);
        expect(Number(parsed[index][2])).to.equal(row.amount);
        expect(Number(parsed[index][3])).to.equal(row.processes);
      });
    });

    it('lang="es-MX": Spanish labels, Mexican number formatting on axes, text and summary', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage lang="es-MX" .data=${record}></ocds-spending-by-stage>`);
      const root = shadow(element);
      expect(text(root.querySelector('h2'))).to.equal('Gasto por etapa');
      const axisLabels = [...root.querySelectorAll('.chart svg .role-axis-label text')].map(text);
      expect(axisLabels).to.include.members(['Planeado', 'Licitado', 'Adjudicado', 'Contratado', 'Pagado']);
      expect(axisLabels).to.include(money(0, 'MXN', 'es-MX', true));
      expect(axisLabels).to.include(money(200000, 'MXN', 'es-MX', true));
      const paid = element.rows.find((row) => row.stage === 'paid')!;
      const summary = text(root.querySelector('[part="summary"]'));
      expect(summary).to.contain(`Pagado: ${money(paid.amount, 'MXN', 'es-MX')}`);
      expect(summary).to.contain('1 adjudicación está pendiente');
      const buttons = [...root.querySelectorAll('button')].map(text);
      expect(buttons).to.include.members(['Mostrar tabla', 'Descargar CSV']);
    });

    it('lang="es" (generic Spanish) formats as Intl does for "es", and differs from es-MX', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage lang="es" .data=${record}></ocds-spending-by-stage>`);
      const planned = element.rows.find((row) => row.stage === 'planned')!;
      const summary = text(shadow(element).querySelector('[part="summary"]'));
      expect(money(planned.amount, 'MXN', 'es')).to.not.equal(money(planned.amount, 'MXN', 'es-MX'));
      expect(summary).to.contain(`Planeado: ${money(planned.amount, 'MXN', 'es')}`);
    });

    it('takes the language of the nearest ancestor with lang', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const wrapper = await fixture(html`<div lang="es"><ocds-spending-by-stage .data=${record}></ocds-spending-by-stage></div>`);
      const element = wrapper.querySelector('ocds-spending-by-stage')!;
      await element.rendered;
      expect(text(shadow(element).querySelector('h2'))).to.equal('Gasto por etapa');
    });

    it('single process (ocid=): title, buyer and paid as % of contracted', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const compiled = record.compiledRelease;
      const element = await chart(html`<ocds-spending-by-stage ocid=${compiled.ocid} .data=${record}></ocds-spending-by-stage>`);
      const details = text(shadow(element).querySelector('.process'));
      expect(details).to.contain(compiled.tender.title ?? compiled.ocid);
      expect(details).to.contain(compiled.buyer.name);
      const expected = expectedSpending([compiled]);
      const paid = expected.find((row) => row.stage === 'paid')!.amount;
      const contracted = expected.find((row) => row.stage === 'contracted')!.amount;
      const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(paid / contracted);
      expect(details).to.contain(percent);
    });

    it('switching currency redraws the bars for that currency', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage .data=${releases}></ocds-spending-by-stage>`);
      const select = shadow(element).querySelector('select')!;
      select.value = 'USD';
      select.dispatchEvent(new Event('change'));
      await element.rendered;
      expect(element.shownCurrency).to.equal('USD');
      const ticks = [...shadow(element).querySelectorAll('.chart svg .role-axis-label text')].map(text);
      expect(ticks).to.include(money(0, 'USD', 'en', true));
      expect(text(shadow(element).querySelector('[part="summary"]'))).to.contain(money(2552, 'USD', 'en'));
    });
  });

  describe('interaction and accessibility', () => {
    it('passes axe, and the summary names the totals', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      const summary = text(shadow(element).querySelector('[part="summary"]'));
      for (const row of element.rows) expect(summary).to.contain(money(row.amount, row.currency, 'en'));
      (shadow(element).querySelector('button[aria-pressed]') as HTMLButtonElement).click();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('passes axe in Spanish with the dark theme, and in the error state', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const dark = await chart(html`<ocds-spending-by-stage lang="es" theme="dark" .data=${releases}></ocds-spending-by-stage>`);
      await expect(dark).to.be.accessible();
      const failed = await chart(html`<ocds-spending-by-stage src="/api/releases?status=500"></ocds-spending-by-stage>`);
      expect(failed.status).to.equal('error');
      await expect(failed).to.be.accessible();
    });

    it('clicking a bar fires ocds-select { kind: "stage", id, value }', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      const award = bars(element)[2];
      const box = award.getBoundingClientRect();
      const selected = oneEvent(element, 'ocds-select');
      award.dispatchEvent(
        new MouseEvent('click', { bubbles: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }),
      );
      const { detail } = await selected;
      expect(detail.kind).to.equal('stage');
      expect(detail.id).to.equal('awarded');
      expect(detail.label).to.equal('Awarded');
      expect(detail.value).to.equal(element.rows.find((row) => row.stage === 'awarded')!.amount);
    });

    it('every control is reachable with Tab; Enter on a stage in the listbox selects it', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(
        html`<div><button id="before">before</button><ocds-spending-by-stage .data=${releases}></ocds-spending-by-stage></div>`,
      ).then(async (wrapper) => {
        const inner = wrapper.querySelector('ocds-spending-by-stage')!;
        await inner.rendered;
        return inner;
      });
      const controls = [...shadow(element).querySelectorAll<HTMLElement>('button:not([disabled]), select, a[href], [tabindex="0"]')];
      // Currency, table, three downloads, the stages' one listbox, "More".
      expect(controls.length).to.be.at.least(7);
      expect(controls).to.include(listbox(element));
      (element.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
      const reached = new Set<Element>();
      for (let i = 0; i < controls.length; i++) {
        await sendKeys({ press: 'Tab' });
        if (shadow(element).activeElement) reached.add(shadow(element).activeElement!);
      }
      for (const control of controls) expect(reached.has(control), text(control)).to.equal(true);
      const selected = oneEvent(element, 'ocds-select');
      await chooseByKeyboard(element, (option) => option.startsWith('Contracted'), 'Enter');
      expect((await selected).detail).to.include({ kind: 'stage', id: 'contracted' });
      expect(activeOption(element).getAttribute('aria-selected')).to.equal('true');
    });

    it('setting --ocds-stage-award on the host changes the award bar fill', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      const before = bars(element)[2].getAttribute('fill');
      element.style.setProperty('--ocds-stage-award', 'rgb(1, 2, 3)');
      element.theme = 'dark';
      await element.rendered;
      expect(before).to.not.equal('rgb(1, 2, 3)');
      expect(bars(element)[2].getAttribute('fill')).to.equal('rgb(1, 2, 3)');
      expect(bars(element)[3].getAttribute('fill')).to.not.equal('rgb(1, 2, 3)');
    });

    it('theme="dark" uses the dark background in the chart', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const light = await chart(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
      const dark = await chart(html`<ocds-spending-by-stage theme="dark" .data=${record}></ocds-spending-by-stage>`);
      const background = (element: HTMLElement) => (shadow(element).querySelector('.chart svg') as SVGElement).style.backgroundColor;
      expect(background(dark)).to.equal(getComputedStyle(dark).backgroundColor);
      expect(background(dark)).to.not.equal(background(light));
    });
  });

  describe('bad input', () => {
    async function failing(src: string, extra = '') {
      const element = document.createElement('ocds-spending-by-stage');
      if (extra) element.setAttribute('timeout', extra);
      const error = oneEvent(element, 'ocds-error');
      element.src = src;
      document.body.append(element);
      const { detail } = await error;
      await element.updateComplete;
      const alert = shadow(element).querySelector('[role="alert"]');
      expect(element.status).to.equal('error');
      expect(alert).to.not.equal(null);
      expect(alert!.querySelector('button')).to.not.equal(null);
      return { element, detail, message: text(alert) };
    }
    afterEach(() => document.querySelectorAll('body > ocds-spending-by-stage').forEach((element) => element.remove()));

    it('404: translated HTTP message, phase fetch, retry button', async () => {
      const { detail, message } = await failing('/api/releases?status=404');
      expect(detail.phase).to.equal('fetch');
      expect(detail.code).to.equal('http-status');
      expect(message).to.contain('404');
    });

    it('HTML instead of data', async () => {
      const { detail, message } = await failing('/api/releases?html=1');
      expect(detail.code).to.equal('html');
      expect(message).to.contain('web page');
    });

    it('truncated JSON: phase parse', async () => {
      const { detail, message } = await failing('/api/releases?truncate=1&limit=3');
      expect(detail.phase).to.equal('parse');
      expect(message).to.contain('cut off');
    });

    it('JSON that is not OCDS: phase validate, in Spanish with lang="es"', async () => {
      const element = document.createElement('ocds-spending-by-stage');
      element.lang = 'es';
      const error = oneEvent(element, 'ocds-error');
      element.src = '/api/';
      document.body.append(element);
      const { detail } = await error;
      await element.updateComplete;
      expect(detail.phase).to.equal('validate');
      expect(text(shadow(element).querySelector('[role="alert"]'))).to.contain('no son datos de Contrataciones Abiertas');
    });

    it('timeout: a clear message', async () => {
      const { detail, message } = await failing('/api/releases?delay=2000&limit=2', '300');
      expect(detail.code).to.equal('timeout');
      expect(message).to.contain('took too long');
    });

    it('retry button after a 500 loads again when the server recovers', async () => {
      const key = `retry-${Date.now()}`;
      const { element } = await failing(`/api/releases?source=mexico-inai&failFirst=1&status=500&key=${key}`);
      (shadow(element).querySelector('[role="alert"] button') as HTMLButtonElement).click();
      expect(element.status).to.equal('loading');
      await element.rendered;
      expect(element.status).to.equal('ready');
      expect(element.rows.length).to.be.greaterThan(0);
    });

    it('a package with broken releases charts the good ones and says how many were left out', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(
        html`<ocds-spending-by-stage .data=${{ releases: [...releases, 42, 'oops'] }}></ocds-spending-by-stage>`,
      );
      sameRows(element.rows, expectedSpending(releases));
      expect(text(shadow(element).querySelector('.note'))).to.contain('2 releases could not be read and were left out');
    });

    it('an ocid that is not in the data says so', async () => {
      const record = await fetchJson(CDMX_RECORD);
      const element = await chart(html`<ocds-spending-by-stage ocid="ocds-nope" .data=${record}></ocds-spending-by-stage>`);
      expect(text(shadow(element).querySelector('[part="status"]'))).to.contain('No contracting process with the ocid “ocds-nope”');
      expect(shadow(element).querySelector('.chart')).to.equal(null);
    });

    it('a currency not in the data says which ones are', async () => {
      const releases = await Promise.all(INAI.map(fetchJson));
      const element = await chart(html`<ocds-spending-by-stage currency="EUR" .data=${releases}></ocds-spending-by-stage>`);
      expect(text(shadow(element).querySelector('[part="status"]'))).to.contain('no amounts in EUR').and.contain('MXN and USD');
    });

    it('progress while loading pages', async () => {
      const element = document.createElement('ocds-spending-by-stage');
      element.src = '/api/releases?source=mexico-inai&limit=1&delay=150';
      document.body.append(element);
      const seen: string[] = [];
      const timer = setInterval(() => seen.push(text(shadow(element).querySelector('[part="status"]'))), 40);
      await element.rendered;
      clearInterval(timer);
      expect(seen.some((line) => /Loaded [12] pages? · [12] releases?/.test(line))).to.equal(true);
      expect(element.status).to.equal('ready');
    });
  });
});
