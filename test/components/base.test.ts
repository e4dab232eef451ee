import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { defineElement } from '../../components/base/define.js';
import { csvCell, rowsToCsv } from '../../components/base/export.js';
import { VERSION } from '../../components/base/version.js';
import '../../components/spending-by-stage/define.js';
import '../../components/contract-timeline/define.js';
import { spendingMessages } from '../../components/spending-by-stage/messages.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import { baseMessages, canonicalTag, translator } from '../../src/i18n/index.js';
import { loadVegaLocale, vegaLocaleTag } from '../../src/i18n/vega-locale.js';
import { canEmulateMedia } from '../helpers/engine.js';
import { fetchJson } from '../spending-expected.js';

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const shadow = (element: HTMLElement) => element.shadowRoot!;

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition(), what).to.equal(true);
}

describe('defineElement', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('defines once; defining the same class again is a no-op', () => {
    class First extends HTMLElement {}
    defineElement('ocds-test-once', First);
    defineElement('ocds-test-once', First);
    expect(customElements.get('ocds-test-once')).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first definition and warns when another version claims the tag', () => {
    class Old extends HTMLElement {
      static version = '0.0.1';
    }
    class Other extends HTMLElement {}
    defineElement('ocds-test-versions', Old);
    defineElement('ocds-test-versions', Other);
    expect(customElements.get('ocds-test-versions')).to.equal(Old);
    expect(String(warnings[0]?.[0])).to.contain('0.0.1').and.contain(VERSION).and.contain('<ocds-test-versions>');
  });

  it('does not warn for a second copy of the same version', () => {
    class One extends HTMLElement {
      static version = VERSION;
    }
    class Two extends HTMLElement {
      static version = VERSION;
    }
    defineElement('ocds-test-same-version', One);
    defineElement('ocds-test-same-version', Two);
    expect(warnings).to.deep.equal([]);
  });

  it('VERSION is the package version', async () => {
    expect(VERSION).to.equal((await fetchJson('/package.json')).version);
  });
});

describe('CSV export', () => {
  it('neutralises text cells a spreadsheet would run as formulas; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).to.equal(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+52 55')).to.equal("'+52 55");
    expect(csvCell('-1')).to.equal("'-1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('\tcmd')).to.equal("'\tcmd");
    expect(csvCell(-40.5)).to.equal('-40.5');
    expect(csvCell('Secretaría, de "Finanzas"')).to.equal('"Secretaría, de ""Finanzas"""');
    expect(csvCell(undefined)).to.equal('');
  });

  it('writes a header of row fields and one line per row', () => {
    const csv = rowsToCsv(
      [
        { name: '=1+1', amount: 5 },
        { name: 'b', amount: -2 },
      ],
      [
        { key: 'name', label: 'Name' },
        { key: 'amount', label: 'Amount' },
      ],
    );
    expect(csv).to.equal("name,amount\r\n'=1+1,5\r\nb,-2\r\n");
  });
});

describe('i18n', () => {
  it('every base and spending message exists in Spanish, with the same plural shape', () => {
    for (const catalogues of [baseMessages, spendingMessages]) {
      for (const [key, message] of Object.entries(catalogues.en)) {
        expect(catalogues.es, key).to.have.property(key);
        expect(typeof catalogues.es[key], key).to.equal(typeof message);
      }
    }
  });

  it('chooses plural forms by count and formats numbers for the full tag', () => {
    const t = translator(baseMessages, 'es-MX');
    expect(t('state.pages', { count: 1 })).to.equal('1 página cargada');
    expect(t('state.releases', { count: 12000 })).to.equal(`${new Intl.NumberFormat('es-MX').format(12000)} entregas`);
    expect(translator(baseMessages, 'en')('state.pages', { count: 3 })).to.equal('Loaded 3 pages');
  });

  it('falls back to en for missing or malformed tags', () => {
    expect(canonicalTag('')).to.equal('en');
    expect(canonicalTag('not a tag!')).to.equal('en');
    expect(canonicalTag('es-mx')).to.equal('es-MX');
  });

  it('loads the d3 locale for the full tag, else the language default', async () => {
    expect(vegaLocaleTag('es-MX')).to.equal('es-MX');
    expect(vegaLocaleTag('es-AR')).to.equal('es-ES');
    expect(vegaLocaleTag('en-GB')).to.equal('en-GB');
    expect(vegaLocaleTag('fr')).to.equal('en-US');
    for (const tag of ['es-MX', 'es-ES']) {
      const locale = await loadVegaLocale(tag);
      expect(locale.number).to.deep.equal(await fetchJson(`/node_modules/d3-format/locale/${tag}.json`));
      expect(locale.time).to.deep.equal(await fetchJson(`/node_modules/d3-time-format/locale/${tag}.json`));
    }
  });
});

describe('OcdsChartElement (through <ocds-spending-by-stage>)', () => {
  let record: unknown;
  before(async () => {
    record = await fetchJson(CDMX_RECORD);
  });
  afterEach(async () => {
    if (canEmulateMedia) await emulateMedia({ colorScheme: 'light' });
  });

  it('fires ocds-load and ocds-render (bubbling, composed) and becomes ready', async () => {
    const element = document.createElement('ocds-spending-by-stage');
    const loaded = oneEvent(document.body, 'ocds-load');
    const rendered = oneEvent(document.body, 'ocds-render');
    element.data = record;
    document.body.append(element);
    const { detail } = await loaded;
    await rendered;
    expect(detail).to.deep.equal({ processes: 1, releases: 3, issues: element.issues.length });
    expect(element.status).to.equal('ready');
    element.remove();
  });

  it('far below the viewport it waits to draw (its list and source line shown), and draws once scrolled near', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '400vh';
    const element = document.createElement('ocds-spending-by-stage');
    let drawn = false;
    element.addEventListener('ocds-render', () => (drawn = true));
    element.data = record;
    document.body.append(spacer, element);
    try {
      await until(() => !!shadow(element).querySelector('[role="listbox"]') && !!shadow(element).querySelector('p.source'), 'list and source line shown');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(drawn).to.equal(false);
      expect(shadow(element).querySelector('.chart svg')).to.equal(null);
      const imageButtons = () => [...shadow(element).querySelectorAll('button')].filter((b) => /PNG|SVG/.test(b.textContent!)).map((b) => b.disabled);
      expect(imageButtons(), 'no image to save before the chart is drawn').to.deep.equal([true, true]);
      const rendered = oneEvent(element, 'ocds-render');
      element.scrollIntoView();
      await rendered;
      expect(shadow(element).querySelector('.chart svg')).to.not.equal(null);
      expect(imageButtons()).to.deep.equal([false, false]);
      // A render that does not draw again (a new heading) keeps them working.
      element.setAttribute('heading', 'Otra');
      await element.updateComplete;
      expect(imageButtons()).to.deep.equal([false, false]);
    } finally {
      spacer.remove();
      element.remove();
    }
  });

  it('the heading attribute replaces the default heading', async () => {
    const element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage heading="Obra pública" .data=${record}></ocds-spending-by-stage>`);
    expect(shadow(element).querySelector('[part="heading"]')!.textContent).to.equal('Obra pública');
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const auto = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage theme="auto" .data=${record}></ocds-spending-by-stage>`);
    const dark = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage theme="dark" .data=${record}></ocds-spending-by-stage>`);
    const light = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage theme="light" .data=${record}></ocds-spending-by-stage>`);
    const background = (element: HTMLElement) => getComputedStyle(element).backgroundColor;
    expect(background(dark)).to.not.equal(background(light));
    // Every engine: auto matches the theme the browser's own preference picks.
    const prefersDark = () => matchMedia('(prefers-color-scheme: dark)').matches;
    expect(background(auto)).to.equal(background(prefersDark() ? dark : light));
    // Where the runner can change the preference (Chromium, see canEmulateMedia), auto follows each change.
    if (canEmulateMedia) {
      for (const colorScheme of ['dark', 'light'] as const) {
        await emulateMedia({ colorScheme });
        expect(prefersDark()).to.equal(colorScheme === 'dark');
        expect(background(auto)).to.equal(background(colorScheme === 'dark' ? dark : light));
      }
    }
  });

  it('the chart width follows its container', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div class="narrow-test"><ocds-spending-by-stage .data=${record}></ocds-spending-by-stage></div>`,
    );
    wrapper.style.width = '600px';
    const element = wrapper.querySelector('ocds-spending-by-stage')!;
    await element.rendered;
    const svgWidth = () => Number(shadow(element).querySelector('.chart svg')!.getAttribute('width'));
    await until(() => Math.abs(svgWidth() - shadow(element).querySelector('.chart')!.clientWidth) <= 1, 'fits 600px');
    const wide = svgWidth();
    wrapper.style.width = '380px';
    await until(() => svgWidth() < wide - 150, 'shrinks with the container');
    expect(svgWidth()).to.be.closeTo(shadow(element).querySelector('.chart')!.clientWidth, 1);
  });

  it('exports SVG and PNG of the drawn chart, and finalizes the view on disconnect', async () => {
    const element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
    await element.rendered;
    const svg = await (await fetch(await element.imageURL('svg'))).text();
    expect(svg).to.contain('<svg').and.contain('Planned');
    expect(await element.imageURL('png')).to.match(/^data:image\/png;base64,/);
    const buttons = [...shadow(element).querySelectorAll('button')].filter((button) => /PNG|SVG/.test(button.textContent!));
    expect(buttons.map((button) => button.disabled)).to.deep.equal([false, false]);
    element.remove();
    let error: unknown;
    await element.imageURL('svg').catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(Error);
  });

  it('the Download CSV button saves rows as UTF-8 CSV', async () => {
    const element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage .data=${record}></ocds-spending-by-stage>`);
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.includes('CSV'))!.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.equal('ocds-spending-by-stage.csv');
    const body = await (await fetch(clicked[0].href)).text();
    expect(body.replace(/^\uFEFF/, '')).to.equal(element.csv());
  });

  it('moved in the page while loading, it still finishes loading', async () => {
    const first = await fixture<HTMLDivElement>(html`<div></div>`);
    const second = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('ocds-spending-by-stage');
    element.src = '/api/releases?source=mexico-inai&delay=300';
    first.append(element);
    await element.updateComplete;
    expect(element.status).to.equal('loading');
    second.append(element);
    await element.rendered;
    expect(element.status).to.equal('ready');
    expect(element.rows.length).to.be.greaterThan(0);
  });

  it('an error message follows a later change of lang', async () => {
    const element = document.createElement('ocds-spending-by-stage');
    const error = oneEvent(element, 'ocds-error');
    element.src = '/api/releases?status=404';
    document.body.append(element);
    expect((await error).detail.message).to.contain('HTTP 404');
    element.lang = 'es';
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('El servidor respondió con un error (HTTP 404)');
    element.remove();
  });

  it('bad data in the data property shows the error with phase and no chart', async () => {
    const element = document.createElement('ocds-spending-by-stage');
    const error = oneEvent(element, 'ocds-error');
    element.data = '{"releases": [';
    document.body.append(element);
    const { detail } = await error;
    await element.updateComplete;
    expect(detail.phase).to.equal('parse');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('cut off');
    expect(shadow(element).querySelector('.chart')).to.equal(null);
    element.remove();
  });
});

describe('Attributes: only what the page set is written back (server-rendered pages hydrate without a mismatch)', () => {
  it('an element nobody configured gains no attribute; a set property still reflects', async () => {
    const spending = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage></ocds-spending-by-stage>`);
    const timeline = await fixture<HTMLElement & { sort?: string; drill: boolean }>(html`<ocds-contract-timeline></ocds-contract-timeline>`);
    await Promise.all([spending.updateComplete, (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete]);
    expect(spending.getAttributeNames()).to.deep.equal([]);
    expect(timeline.getAttributeNames()).to.deep.equal([]);
    spending.theme = 'dark';
    timeline.sort = 'value';
    await Promise.all([spending.updateComplete, (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete]);
    expect(spending.getAttribute('theme')).to.equal('dark');
    expect(timeline.getAttribute('sort')).to.equal('value');
  });
});
