// Vue, Svelte and React 19 set `lang` as a property, not an attribute. The element must then carry `lang="es"` as
// an attribute too (as a built-in element does: `lang` reflects in HTML), so CSS `:lang()`, the charts inside a
// dataset, and a server-rendered page's markup agree with it, and it must speak Spanish. An element nobody gave a
// `lang` still gains no attribute (test/components/no-default-attributes.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import type { AnyChartElement } from '../hostile/elements.js';
import { settled } from '../hostile/harness.js';

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const CHARTS = ['ocds-spending-by-stage', 'ocds-contract-timeline', 'ocds-supplier-network', 'ocds-breakdown', 'ocds-data-quality', 'ocds-process-table', 'ocds-red-flags'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let releasePackage: Json;

before(async () => {
  releasePackage = await (await fetch(ARMENIA)).json();
});

/** Every text a reader gets from the element: its shadow root's text and the labels of its controls. */
const textOf = (element: HTMLElement) =>
  [element.shadowRoot!.textContent ?? '', ...[...element.shadowRoot!.querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label'))].join(' ');

async function drawn(tag: string, setUp: (element: AnyChartElement) => void): Promise<AnyChartElement> {
  const root = await fixture<HTMLElement>(html`<div style="width: 50rem"></div>`);
  const element = document.createElement(tag) as AnyChartElement;
  setUp(element);
  element.data = releasePackage;
  root.append(element);
  element.scrollIntoView();
  await settled(element, 30_000);
  expect(element.status, tag).to.equal('ready');
  return element;
}

describe('lang set as a property', () => {
  for (const tag of CHARTS) {
    it(`<${tag}>: set before it is connected, it is the lang attribute and the element speaks Spanish`, async function () {
      this.timeout(40_000);
      const element = await drawn(tag, (element) => (element.lang = 'es'));
      expect(element.getAttribute('lang')).to.equal('es');
      // Every element has the CSV download (a table's own, or the chart's).
      expect(textOf(element)).to.contain('Descargar CSV');
      expect(textOf(element)).to.not.contain('Download CSV');
    });

    it(`<${tag}>: changed after it is drawn, the attribute and the texts follow`, async function () {
      this.timeout(40_000);
      const element = await drawn(tag, () => {});
      expect(element.hasAttribute('lang')).to.equal(false);
      expect(textOf(element)).to.contain('Download CSV');
      element.lang = 'es';
      await element.updateComplete;
      expect(element.getAttribute('lang')).to.equal('es');
      expect(textOf(element)).to.contain('Descargar CSV');
      element.lang = 'en';
      await element.updateComplete;
      expect(element.getAttribute('lang')).to.equal('en');
      expect(textOf(element)).to.contain('Download CSV');
    });
  }

  it('<ocds-breakdown>: a refused tag set as a property is not reflected; the one before stays, attribute and texts', async function () {
    this.timeout(40_000);
    const element = await drawn('ocds-breakdown', (element) => (element.lang = 'es'));
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      element.lang = 'not a tag!';
      await element.updateComplete;
      // The warning's texts load with import(): updateComplete waits for them.
      await element.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect([element.lang, element.getAttribute('lang')]).to.deep.equal(['es', 'es']);
    expect(textOf(element)).to.contain('Descargar CSV');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('lang="not a tag!"');
  });

  it('<ocds-dataset>: set before or after it is drawn, it is the lang attribute and its filter chips are Spanish', async function () {
    this.timeout(40_000);
    const root = await fixture<HTMLElement>(html`<div style="width: 50rem"></div>`);
    const dataset = document.createElement('ocds-dataset') as HTMLElement & { data?: unknown; method?: string; status: string; updateComplete: Promise<unknown> };
    dataset.method = 'open';
    dataset.lang = 'es';
    dataset.data = releasePackage;
    root.append(dataset);
    const start = performance.now();
    while (dataset.status !== 'ready') {
      if (performance.now() - start > 30_000) throw new Error(`<ocds-dataset> still ${dataset.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await dataset.updateComplete;
    const chip = () => dataset.shadowRoot!.querySelector('[part~="chip"]')!.textContent!.trim();
    expect(dataset.getAttribute('lang')).to.equal('es');
    expect(chip()).to.match(/^Método: /);
    dataset.lang = 'en';
    await dataset.updateComplete;
    expect(dataset.getAttribute('lang')).to.equal('en');
    expect(chip()).to.match(/^Method: /);
  });

  it('<ocds-dataset>: its lang changed after the charts inside have drawn, the charts without a lang of their own follow', async function () {
    this.timeout(60_000);
    const root = await fixture<HTMLElement>(html`<div style="width: 50rem"></div>`);
    const dataset = document.createElement('ocds-dataset') as HTMLElement & { data?: unknown; updateComplete: Promise<unknown> };
    const inheriting = document.createElement('ocds-breakdown') as AnyChartElement;
    const ownLanguage = document.createElement('ocds-spending-by-stage') as AnyChartElement;
    ownLanguage.setAttribute('lang', 'en');
    dataset.append(inheriting, ownLanguage);
    dataset.data = releasePackage;
    root.append(dataset);
    for (const chart of [inheriting, ownLanguage]) {
      await settled(chart, 30_000);
      expect(chart.status).to.equal('ready');
      expect(textOf(chart)).to.contain('Download CSV');
    }
    dataset.lang = 'es';
    await dataset.updateComplete;
    await inheriting.rendered;
    expect(textOf(inheriting)).to.contain('Descargar CSV');
    expect(textOf(inheriting)).to.not.contain('Download CSV');
    // It gains no lang attribute: the language is still the dataset's.
    expect(inheriting.hasAttribute('lang')).to.equal(false);
    expect(textOf(ownLanguage)).to.contain('Download CSV');
    dataset.setAttribute('lang', 'en');
    await dataset.updateComplete;
    await inheriting.rendered;
    expect(textOf(inheriting)).to.contain('Download CSV');
  });
});
