// The CDN bundle as a reader's browser loads it: the built dist/cdn/ocds-widgets.js in plain pages.
import { expect } from '@open-wc/testing';
import { PARAGUAY_RECORD, drawn, json, openPage, requestedScripts, sum, until, type ChartLike } from './helpers.js';

const PAGES = '/test/embed/pages';
const isVega = (url: string) => /\/dist\/+cdn\/vega-[\w-]+\.js$/.test(url);

/** Awarded and contracted amounts of the Paraguay record, straight from its JSON. */
async function paraguayTotals(): Promise<{ awarded: number; contracted: number }> {
  const compiled = (await json(PARAGUAY_RECORD)).records[0].compiledRelease;
  return {
    awarded: sum(compiled.awards.map((award: any) => award.value.amount)),
    contracted: sum(compiled.contracts.map((contract: any) => contract.value.amount)),
  };
}

const amount = (rows: Record<string, unknown>[], stage: string) => rows.find((row) => row.stage === stage)?.amount as number | undefined;

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('CDN bundle (dist/cdn/ocds-widgets.js)', () => {
  it('a page with only the script tag and one element renders the chart with the numbers from the data', async () => {
    const page = await openPage(`${PAGES}/script-tag.html`);
    const chart = await drawn(page.document.querySelector('ocds-spending-by-stage')!);
    const expected = await paraguayTotals();
    expect(amount(chart.rows, 'awarded')).to.equal(expected.awarded);
    expect(amount(chart.rows, 'contracted')).to.equal(expected.contracted);
    expect(chart.shadowRoot!.querySelector('[part~="summary"]')!.textContent).to.match(/PYG/);
    // Defined from the built chunks beside the entry: the element's chunk was fetched, then Vega for the drawing.
    const scripts = requestedScripts(page.window);
    expect(scripts.some((url) => /\/dist\/cdn\/spending-by-stage-[\w-]+\.js$/.test(url))).to.equal(true);
    expect(scripts.some(isVega)).to.equal(true);
  });

  it('an element renders from the entry and its static imports alone; the data core and its data code load with data', async () => {
    const page = await openPage(`${PAGES}/no-data.html`);
    const chart = await until(() => {
      const element = page.document.querySelector('ocds-contract-timeline') as ChartLike | null;
      return element?.shadowRoot && element.status === 'idle' && element;
    }, 'the element to be defined and render');
    expect(chart.shadowRoot!.textContent).to.include('Contracts');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const isDataCode = (url: string) => /\/dist\/cdn\/(data|timeline-code)-[\w-]+\.js$/.test(url);
    const before = requestedScripts(page.window);
    expect(before.some((url) => /\/dist\/cdn\/contract-timeline-[\w-]+\.js$/.test(url))).to.equal(true);
    expect(before.filter(isDataCode)).to.deep.equal([]);
    expect(before.filter(isVega)).to.deep.equal([]);
    // Given data, it loads the data core and the timeline's own code, and charts the record's signed contracts.
    chart.setAttribute('src', PARAGUAY_RECORD);
    await drawn(chart);
    const compiled = (await json(PARAGUAY_RECORD)).records[0].compiledRelease;
    const signed = compiled.contracts.filter((contract: any) => contract.dateSigned).length;
    expect(signed).to.be.greaterThan(0);
    expect(chart.rows.filter((row) => row.event === 'contractSigned' && row.ocid === compiled.ocid)).to.have.length(signed);
    expect(requestedScripts(page.window).filter(isDataCode)).to.have.length(2);
  });

  it('loads Vega only when the chart nears the viewport, keeping its height meanwhile', async () => {
    const page = await openPage(`${PAGES}/below-fold.html`);
    const chart = await until(() => {
      const element = page.document.querySelector('ocds-spending-by-stage') as (HTMLElement & { status?: string }) | null;
      return element?.status === 'ready' && element;
    }, 'the data to load');
    // Data loaded, but the chart is 4000px down: no Vega yet, and the empty chart area keeps a chart's height.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestedScripts(page.window).filter(isVega)).to.deep.equal([]);
    const area = chart.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    expect(area.childElementCount).to.equal(0);
    expect(area.getBoundingClientRect().height).to.be.greaterThan(200);
    chart.scrollIntoView();
    await drawn(chart);
    expect(requestedScripts(page.window).some(isVega)).to.equal(true);
  });

  it('two copies of the same version on one page: nothing throws, no warning, both elements render', async () => {
    // Tall enough for both charts: a chart below its frame's visible area waits for it to be scrolled into view.
    const page = await openPage(`${PAGES}/two-copies.html`, { height: 1400 });
    const win = page.window as unknown as { pageErrors: string[]; pageWarnings: string[] };
    await drawn(page.document.querySelector('ocds-spending-by-stage')!);
    await drawn(page.document.querySelector('ocds-contract-timeline')!);
    // Both copies were really loaded (two module graphs), and each ran its element definitions.
    const entries = requestedScripts(page.window).filter((url) => /\/ocds-widgets\.js$/.test(url));
    expect(entries).to.have.length(2);
    await until(() => requestedScripts(page.window).filter((url) => /\/dist\/\/cdn\/spending-by-stage-/.test(url)).length, 'the second copy to load its element chunk');
    expect(win.pageErrors).to.deep.equal([]);
    expect(win.pageWarnings.filter((text) => text.includes('ocds-widgets'))).to.deep.equal([]);
  });

  it('an older copy defined its tags first: nothing throws, the new copy warns once and defines the others', async () => {
    const page = await openPage(`${PAGES}/older-copy.html`, { height: 1400 });
    const win = page.window as unknown as { pageErrors: string[]; pageWarnings: string[] };
    await drawn(page.document.querySelector('ocds-contract-timeline')!);
    // Every element module of the page's copy has run (the same module instance as its script tag's, same realm).
    const entry = await (page.window as unknown as { eval(code: string): Promise<{ loadAllElements(): Promise<void> }> }).eval("import('/dist/cdn/ocds-widgets.js')");
    await entry.loadAllElements();
    const warnings = win.pageWarnings.filter((text) => text.includes('ocds-widgets'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/<ocds-(spending-by-stage|supplier-network)>/).and.include('0.0.1').and.include('0.1.0');
    expect(win.pageErrors).to.deep.equal([]);
    // The older copy's elements stay in charge of their tags.
    for (const tag of ['ocds-spending-by-stage', 'ocds-supplier-network']) {
      expect((page.window.customElements.get(tag) as unknown as { version: string }).version).to.equal('0.0.1');
    }
  });
});
