// Server-rendered pages (Next.js, Astro) hydrate against the HTML they sent: an element that writes an attribute
// nobody set (a default such as sort-direction="ascending") makes React report a hydration mismatch. Every element
// the kit defines, given data and left to finish its work, keeps exactly the attributes it was given.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import * as kit from '../../components/elements.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
/** Every tag components/all.ts defines (the first test checks the list against the exported classes). */
const TAGS = [
  'ocds-spending-by-stage',
  'ocds-contract-timeline',
  'ocds-supplier-network',
  'ocds-breakdown',
  'ocds-data-quality',
  'ocds-process-table',
  'ocds-red-flags',
  'ocds-dataset',
];

type Json = Record<string, any>;
type Widget = HTMLElement & { data?: unknown; status: string; rows?: unknown[]; rendered?: Promise<void>; updateComplete: Promise<unknown> };
let releasePackage: Json;

before(async () => {
  releasePackage = await (await fetch(ARMENIA)).json();
});

async function until(check: () => boolean, what: string, timeout = 30_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits for `element` to be drawn with its data, its idle work (`rendered`) and the frame after it done. */
async function settled(element: Widget): Promise<void> {
  // A chart draws once near the viewport; `rendered` waits for that.
  element.scrollIntoView();
  await until(() => element.status === 'ready' || element.status === 'error', `<${element.localName}> to take its data`);
  expect(element.status, element.localName).to.equal('ready');
  await (element.rendered ?? element.updateComplete);
  // The keyboard list and the summary follow the chart by a frame.
  await frame();
  await frame();
  await (element.rendered ?? element.updateComplete);
}

/** Every attribute change below `root` from now on, as "tag attribute". */
function watchAttributes(root: Node) {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) seen.push(`${(record.target as HTMLElement).localName} ${record.attributeName}`);
  });
  observer.observe(root, { attributes: true, subtree: true });
  return {
    changes() {
      for (const record of observer.takeRecords()) seen.push(`${(record.target as HTMLElement).localName} ${record.attributeName}`);
      return seen;
    },
    stop: () => observer.disconnect(),
  };
}

const attributesOf = (element: HTMLElement) => Object.fromEntries(element.getAttributeNames().map((name) => [name, element.getAttribute(name)]));

describe('no attribute written that nobody set', () => {
  it('the tags tested are every element the kit exports', () => {
    const defined = Object.values(kit)
      .map((value) => (typeof value === 'function' ? customElements.getName(value as CustomElementConstructor) : null))
      .filter((tag): tag is string => tag !== null);
    expect([...defined].sort()).to.deep.equal([...TAGS].sort());
  });

  it('every element, given data, drawn and done with its idle work, has no attribute; nor has a chart inside <ocds-dataset>', async function () {
    this.timeout(90_000);
    const processes = new Set((releasePackage.releases as Json[]).map((release) => release.ocid)).size;
    const root = await fixture<HTMLElement>(html`<div style="width: 50rem"></div>`);
    const watch = watchAttributes(root);
    try {
      const elements = TAGS.map((tag) => {
        const element = document.createElement(tag) as Widget;
        element.data = releasePackage;
        return element;
      });
      // Charts fed by a dataset take its data through another path (sharedDataset), and its filters.
      const dataset = elements.find((element) => element.localName === 'ocds-dataset')! as unknown as OcdsDataset & Widget;
      const fed = ['ocds-process-table', 'ocds-contract-timeline'].map((tag) => dataset.appendChild(document.createElement(tag)) as Widget);
      root.append(...elements);
      for (const element of [...elements, ...fed]) await settled(element);

      // The data really arrived: the table has one row per process of the fixture, on its own and in the dataset.
      const table = elements.find((element) => element.localName === 'ocds-process-table')!;
      expect(table.rows).to.have.length(processes);
      expect(fed[0]!.rows).to.have.length(processes);

      expect(watch.changes()).to.deep.equal([]);
      expect(Object.fromEntries([...elements, ...fed].map((element) => [element.localName + (element.parentElement === dataset ? ' in ocds-dataset' : ''), element.getAttributeNames()]))).to.deep.equal(
        Object.fromEntries([...TAGS.map((tag) => [tag, []]), ['ocds-process-table in ocds-dataset', []], ['ocds-contract-timeline in ocds-dataset', []]]),
      );
    } finally {
      watch.stop();
    }
  });

  it('an attribute the user set stays as set (a default value written out, and a refused one, too); a property set later reflects', async function () {
    this.timeout(90_000);
    /** What each element is given in the markup: values equal to the defaults, and one refused (the enum is lower-case). */
    const given: Record<string, Record<string, string>> = {
      'ocds-spending-by-stage': { theme: 'light', lang: 'es', heading: 'Gasto' },
      'ocds-contract-timeline': { sort: 'recent', limit: '5', drill: 'true', theme: 'dark' },
      'ocds-supplier-network': { limit: '40', theme: 'auto' },
      'ocds-breakdown': { by: 'method', measure: 'processes' },
      'ocds-data-quality': { theme: 'Dark' },
      'ocds-process-table': { query: '', 'sort-by': 'awarded', 'sort-direction': 'ascending', columns: 'title awarded' },
      'ocds-red-flags': { group: 'buyer' },
      'ocds-dataset': { 'max-pages': '3' },
    };
    expect(Object.keys(given).sort()).to.deep.equal([...TAGS].sort());
    const root = await fixture<HTMLElement>(html`<div style="width: 50rem"></div>`);
    const elements = TAGS.map((tag) => {
      const element = document.createElement(tag) as Widget;
      for (const [name, value] of Object.entries(given[tag]!)) element.setAttribute(name, value);
      element.data = releasePackage;
      return element;
    });
    const watch = watchAttributes(root);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      root.append(...elements);
      for (const element of elements) await settled(element);
      expect(watch.changes()).to.deep.equal([]);
      expect(Object.fromEntries(elements.map((element) => [element.localName, attributesOf(element)]))).to.deep.equal(given);
    } finally {
      watch.stop();
      console.warn = warn;
    }
    // The refused value is said and not used; it is the only warning.
    expect(warnings).to.deep.equal(['ocds-widgets: <ocds-data-quality> theme="Dark" must be one of light, dark, auto; the default is used.']);
    expect((elements.find((element) => element.localName === 'ocds-data-quality') as Widget & { theme?: string }).theme).to.equal(undefined);

    const table = elements.find((element) => element.localName === 'ocds-process-table')! as Widget & { query?: string; sortDirection?: string };
    table.query = 'road';
    table.sortDirection = 'descending';
    await table.rendered;
    expect([table.getAttribute('query'), table.getAttribute('sort-direction')]).to.deep.equal(['road', 'descending']);
  });
});
