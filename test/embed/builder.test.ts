// The embed builder (demos/builder.html): its snippets, pasted into a blank page that loads the BUILT kit
// (/dist/cdn/), render the same chart as its preview; it reports what the data holds and explains URLs the
// browser may not read.
import { expect } from '@open-wc/testing';
import { PARAGUAY_RECORD, drawn, json, openPage, until, type ChartLike, type OpenedPage } from './helpers.js';

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

async function openBuilder(): Promise<OpenedPage> {
  const page = await openPage(`/demos/builder.html?src=${encodeURIComponent(PARAGUAY_RECORD)}`, { width: 1000, height: 1600 });
  await until(() => page.document.querySelector('#report dl'), 'the builder to check the data', 30_000);
  return page;
}

function setOption(page: OpenedPage, name: string, value: string): void {
  const input = page.document.querySelector<HTMLInputElement | HTMLSelectElement>(`#options [name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A blank page holding only `html` (a pasted snippet). */
async function pasted(html: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '1200';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  // At the top of the test page, in view: charts draw once near the viewport.
  document.body.prepend(frame);
  window.scrollTo(0, 0);
  await loaded;
  return frame.contentDocument!;
}

const summary = (chart: Element) => chart.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.trim();

describe('embed builder (demos/builder.html)', function () {
  // The builder page runs from source: the test server compiles its modules on first use.
  this.timeout(60_000);

  it('its script-tag and iframe snippets, pasted into blank pages, render the same chart as the preview', async () => {
    const page = await openBuilder();
    setOption(page, 'lang', 'es-MX');
    setOption(page, 'theme', 'dark');
    const preview = await until(() => page.document.querySelector('#preview ocds-spending-by-stage[lang="es-MX"][theme="dark"]'), 'the preview to follow the options');
    preview.scrollIntoView();
    const shown = await drawn(preview);
    const scriptSnippet = await until(() => {
      const value = page.document.querySelector<HTMLTextAreaElement>('#script-snippet')!.value;
      return value.includes('lang="es-MX"') && value;
    }, 'the script snippet');
    expect(scriptSnippet).to.include(`src="${location.origin}/dist/cdn/ocds-widgets.js"`);
    expect(scriptSnippet).to.include(`src="${location.origin}${PARAGUAY_RECORD}"`);

    const scripted = await drawn((await pasted(scriptSnippet)).querySelector('ocds-spending-by-stage')!);
    expect(scripted.rows).to.deep.equal(shown.rows);
    expect(summary(scripted)).to.equal(summary(shown));
    expect(scripted.getAttribute('theme')).to.equal('dark');

    const iframeSnippet = page.document.querySelector<HTMLTextAreaElement>('#iframe-snippet')!.value;
    expect(iframeSnippet).to.match(/^<iframe title="[^"]+" src="[^"]+\/dist\/cdn\/embed\.html\?widget=spending-by-stage&amp;/);
    expect(iframeSnippet).to.include('style="width:100%;border:0"').and.include('/dist/cdn/embed-resize.js');
    const host = await pasted(iframeSnippet);
    const frame = host.querySelector('iframe')!;
    const framed = await drawn(await until(() => frame.contentDocument?.querySelector('ocds-spending-by-stage'), 'the framed chart'));
    expect((framed as ChartLike).rows).to.deep.equal(shown.rows);
    expect(summary(framed)).to.equal(summary(shown));
  });

  it('the iframe snippet is as tall as its chart at phone width (360 px), which embed-resize.js then keeps', async () => {
    const page = await openBuilder();
    const widget = page.document.querySelector<HTMLSelectElement>('#widget')!;
    widget.value = 'contract-timeline';
    widget.dispatchEvent(new Event('change', { bubbles: true }));
    const preview = await until(() => page.document.querySelector('#preview ocds-contract-timeline'), 'the timeline preview');
    preview.scrollIntoView();
    await drawn(preview);
    const desktop = Math.ceil(preview.getBoundingClientRect().height);
    // The builder's measuring frame is fixed at the top of its viewport, always in view when the builder is the page;
    // here the builder is a frame the preview scrolled past, and Firefox throttles a frame out of view.
    window.scrollTo(0, window.scrollY + page.frame.getBoundingClientRect().top);
    // The snippet's height once the builder has measured it (it starts at the preview's, about 1,000 px wide) and it
    // has stopped changing over ten polls.
    const snippetHeight = () => Number(/ height="(\d+)"/.exec(page.document.querySelector<HTMLTextAreaElement>('#iframe-snippet')!.value)?.[1]);
    let last = 0;
    let unchanged = 0;
    await until(() => {
      const now = snippetHeight();
      unchanged = now === last ? unchanged + 1 : 0;
      last = now;
      return unchanged >= 10 && now !== desktop;
    }, 'the snippet to carry the phone-width height', 30_000);
    const snippet = page.document.querySelector<HTMLTextAreaElement>('#iframe-snippet')!.value;
    expect(snippet).to.include('widget=contract-timeline');
    const height = Number(/ height="(\d+)"/.exec(snippet)![1]);

    // Independently: the snippet pasted into a 360 px-wide page; embed-resize.js sets the frame to what it needs.
    const host = await pasted(snippet);
    host.defaultView!.frameElement!.setAttribute('width', '360');
    host.body.style.margin = '0';
    // A phone's scrollbar overlays the page; desktop Firefox's would take its width from the 360 px (the host page
    // scrolls: the chart is taller than it).
    host.documentElement.style.setProperty('scrollbar-width', 'none');
    const frame = host.querySelector('iframe')!;
    await drawn(await until(() => frame.contentDocument?.querySelector('ocds-contract-timeline'), 'the framed timeline'));
    // Settled: the height embed-resize.js gave the frame is the same over ten polls (half a second).
    let needed = 0;
    let same = 0;
    await until(() => {
      const now = Number(frame.height);
      same = now === needed ? same + 1 : 0;
      needed = now;
      return same >= 10 && now > 0;
    }, 'the pasted frame to settle');
    expect(height, `snippet height ${height} vs ${needed} needed at 360 px (preview ${desktop} at desktop)`).to.be.within(needed - 2, needed + 2);
    expect(needed, 'a phone needs more than the desktop preview').to.be.greaterThan(desktop);
  });

  it('reports what the data holds: publisher, releases, processes, currencies, stages, completeness', async () => {
    const record = await json(PARAGUAY_RECORD);
    const page = await openBuilder();
    const terms = Object.fromEntries(
      [...page.document.querySelectorAll('#report dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
    );
    expect(terms.Publisher).to.equal(record.publisher.name);
    expect(terms['Contracting processes']).to.equal(String(record.records.length));
    expect(terms.Releases).to.match(new RegExp(`^${record.records[0].releases.length} \\(1 page\\)`));
    expect(terms.Currencies).to.match(/^PYG/);
    expect(terms['Stages with amounts']).to.include('awarded').and.include('contracted');
    expect(terms.Complete).to.match(/^yes/);
    expect(page.document.querySelector<HTMLButtonElement>('#snapshot')!.disabled).to.equal(false);
    // The currency and ocid controls suggest what the data holds.
    const suggested = (name: string) => [...page.document.querySelectorAll<HTMLOptionElement>(`#suggest-${name} option`)].map((option) => option.value);
    expect(suggested('currency')).to.deep.equal(['PYG']);
    expect(suggested('ocid')).to.deep.equal(record.records.map((entry: any) => entry.ocid));
    expect(page.document.querySelector('#options [name="currency"]')!.getAttribute('list')).to.equal('suggest-currency');
  });

  it('explains a URL the browser may not read (no CORS headers) and one it cannot reach', async () => {
    const page = await openBuilder();
    const src = page.document.querySelector<HTMLInputElement>('#src')!;
    const check = (url: string) => {
      src.value = url;
      page.document.querySelector<HTMLButtonElement>('#check')!.click();
    };
    // The test server serves its fixtures without CORS headers: from another origin they are readable only opaquely.
    const otherOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    expect(otherOrigin).not.to.equal(location.origin);
    check(`${otherOrigin}/test/fixtures/ocds/real/armenia/sample-data/6.json`);
    const refused = await until(() => page.document.querySelector('#report .warning')?.textContent, 'the CORS explanation');
    expect(refused).to.include('does not let other websites read its data');
    expect(page.document.querySelector('#report')!.textContent).to.include('host a copy').and.include('snapshot');
    check('http://127.0.0.1:9/unreachable.json');
    await until(() => page.document.querySelector('#report .warning')?.textContent?.includes('could not be reached'), 'the unreachable explanation');
    expect(page.document.querySelector<HTMLButtonElement>('#snapshot')!.disabled).to.equal(true);
  });

  it('writes no snippet for a source that failed its check, and tells the frame the language', async () => {
    const page = await openBuilder();
    const snippets = () => ['#script-snippet', '#iframe-snippet'].map((id) => page.document.querySelector<HTMLTextAreaElement>(id)!.value);
    // Checked and usable: both snippets; the frame cannot inherit the page's lang, so the iframe's URL names it.
    const iframe = await until(() => snippets()[1], 'the iframe snippet');
    const frameUrl = new URL(iframe.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&'));
    expect(frameUrl.searchParams.get('lang')).to.equal(page.document.documentElement.lang || 'en');
    const src = page.document.querySelector<HTMLInputElement>('#src')!;
    for (const url of ['/api/files/no-such-publisher/none.json', '/demos/index.html', 'http://127.0.0.1:9/unreachable.json']) {
      src.value = url;
      src.dispatchEvent(new Event('change'));
      await until(() => page.document.querySelector('#report .warning'), `the check of ${url} to fail`);
      expect(snippets(), url).to.deep.equal(['', '']);
    }
    src.value = PARAGUAY_RECORD;
    src.dispatchEvent(new Event('change'));
    await until(() => snippets().every(Boolean), 'snippets again for usable data');
  });

  it('accepts a summary document URL: reports what it holds, previews it, and writes its snippet', async () => {
    const url = '/demos/data/summaries/armenia-6.summary.json';
    const expected = await json(url);
    const page = await openPage(`/demos/builder.html?src=${encodeURIComponent(url)}`, { width: 1000, height: 1600 });
    const report = await until(() => page.document.querySelector('#report dl'), 'the builder to check the summary', 30_000);
    expect(report.textContent).to.include('a summary document (ocds-widgets-summary, version 1)');
    expect(report.textContent).to.include(`${expected.meta.processes} (from ${expected.meta.releases} releases)`);
    expect(page.document.querySelector<HTMLButtonElement>('#snapshot')!.disabled, 'no snapshot of a summary').to.equal(true);
    const preview = await until(() => page.document.querySelector<HTMLElement>('#preview ocds-spending-by-stage'), 'the preview');
    preview.scrollIntoView();
    const shown = await drawn(preview);
    expect(shown.rows.length).to.be.greaterThan(0);
    const snippet = await until(() => page.document.querySelector<HTMLTextAreaElement>('#script-snippet')!.value, 'the script snippet');
    expect(snippet).to.include(`src="${location.origin}${url}"`);
  });
});
