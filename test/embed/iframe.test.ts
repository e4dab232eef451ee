// The iframe embed as a newsroom page uses it: the built dist/cdn/embed.html in an iframe, and the host page's
// dist/cdn/embed-resize.js sizing it.
import { expect } from '@open-wc/testing';
import { PARAGUAY_RECORD, drawn, json, until } from './helpers.js';

const EMBED = '/dist/cdn/embed.html';

interface Posted {
  source: MessageEventSource | null;
  data: Record<string, unknown>;
}

const posted: Posted[] = [];
const record = (event: MessageEvent) => posted.push({ source: event.source, data: event.data });

function frame(src: string, height = 100): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.width = '700';
  element.height = String(height);
  element.title = 'Chart';
  // As in the snippet (style="width:100%;border:0"): the frame's height is its content's.
  element.style.border = '0';
  element.src = src;
  document.body.append(element);
  return element;
}

const embedUrl = (params: Record<string, string>) => `${EMBED}?${new URLSearchParams(params)}`;

async function frameAlert(params: Record<string, string>): Promise<string> {
  const element = frame(embedUrl(params), 300);
  await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
  const alert = await until(() => element.contentDocument?.querySelector('[role="alert"]'), 'the error message');
  return alert.textContent ?? '';
}

before(async () => {
  await import(/* the host page's helper, as built */ '/dist/cdn/embed-resize.js' as string);
  window.addEventListener('message', record);
});
after(() => window.removeEventListener('message', record));
afterEach(() => {
  document.querySelectorAll('iframe').forEach((element) => element.remove());
  posted.length = 0;
});

describe('iframe embed (dist/cdn/embed.html + embed-resize.js)', () => {
  it('draws the chart, posts its height (ocds-height and AMP embed-size), and the helper sizes the iframe', async () => {
    const element = frame(embedUrl({ widget: 'spending-by-stage', src: PARAGUAY_RECORD, lang: 'es-MX', theme: 'dark' }));
    await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    const chart = await drawn(await until(() => element.contentDocument?.querySelector('ocds-spending-by-stage'), 'the chart element'));
    expect(chart.getAttribute('theme')).to.equal('dark');
    expect(element.contentDocument!.documentElement.lang).to.equal('es-MX');
    expect((chart as unknown as { languageTag: string }).languageTag).to.equal('es-MX');

    const content = () => Math.ceil(element.contentDocument!.querySelector('main')!.getBoundingClientRect().height);
    // The frame reports its drawn height, and the helper applies the latest report.
    await until(() => posted.some((message) => message.data['ocds-height'] === content()) && element.height === String(content()), 'the iframe to take the chart’s height');
    expect(content()).to.be.greaterThan(300);
    const fromFrame = posted.filter((message) => message.source === element.contentWindow);
    expect(fromFrame.length).to.equal(posted.length);
    const last = fromFrame.filter((message) => 'ocds-height' in message.data).at(-1)!;
    const amp = fromFrame.filter((message) => message.data.sentinel === 'amp' && message.data.type === 'embed-size').at(-1)!;
    expect(amp.data.height).to.equal(last.data['ocds-height']);
    expect(element.getBoundingClientRect().height).to.equal(content());
  });

  it('widget=data-quality: the coverage element in the frame, in Spanish, with its rows', async () => {
    const element = frame(embedUrl({ widget: 'data-quality', src: PARAGUAY_RECORD, lang: 'es' }));
    await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    const chart = await drawn(await until(() => element.contentDocument?.querySelector('ocds-data-quality'), 'the data-quality element'));
    expect(chart.rows.length).to.be.greaterThan(0);
    expect(chart.rows.every((row) => typeof row.share === 'number' && row.total === chart.rows[0].total)).to.equal(true);
    expect(chart.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Qué contienen los datos');
  });

  it('widget=breakdown&by=method&measure=awarded: awarded amounts by method in the frame, from the data as published', async () => {
    const INAI = '/test/fixtures/ocds/real/mexico-inai/sample-data/PC-0010-PC-0010.json';
    const release = await json(INAI);
    const element = frame(embedUrl({ widget: 'breakdown', src: INAI, by: 'method', measure: 'awarded', lang: 'es' }));
    await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    const chart = await drawn(await until(() => element.contentDocument?.querySelector('ocds-breakdown'), 'the breakdown element'));
    expect(chart.getAttribute('by')).to.equal('method');
    expect(chart.getAttribute('measure')).to.equal('awarded');
    const awards = release.awards.filter((award: Record<string, any>) => !['cancelled', 'unsuccessful'].includes(award.status));
    expect(awards.length).to.be.greaterThan(0);
    const expected = new Map<string, number>();
    for (const award of awards) expected.set(award.value.currency, (expected.get(award.value.currency) ?? 0) + award.value.amount);
    expect(new Map(chart.rows.map((row) => [row.currency, row.value]))).to.deep.equal(expected);
    expect(chart.rows.every((row) => row.key === release.tender.procurementMethod)).to.equal(true);
    expect(chart.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Monto adjudicado por método de contratación');
  });

  it('widget=breakdown&by=time&interval=quarter: awarded amounts by the quarter of each award in the frame', async () => {
    const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
    const releases: Record<string, any>[] = (await json(ARMENIA)).releases;
    const expected = new Map<string, number>();
    for (const award of releases.flatMap((release) => release.awards ?? [])) {
      if (['cancelled', 'unsuccessful'].includes(award.status) || typeof award.value?.amount !== 'number') continue;
      const quarter = `${award.date.slice(0, 4)}-Q${Math.floor((Number(award.date.slice(5, 7)) - 1) / 3) + 1}`;
      expected.set(quarter, (expected.get(quarter) ?? 0) + award.value.amount);
    }
    expect(expected.size).to.be.greaterThan(1);
    const element = frame(embedUrl({ widget: 'breakdown', src: ARMENIA, by: 'time', interval: 'quarter', measure: 'awarded' }));
    await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    const chart = await drawn(await until(() => element.contentDocument?.querySelector('ocds-breakdown'), 'the breakdown element'));
    expect(chart.getAttribute('interval')).to.equal('quarter');
    const rows = chart.rows as { key: string; value: number }[];
    expect(rows.map((row) => row.key)).to.deep.equal([...expected.keys()].sort());
    for (const row of rows) expect(row.value, row.key).to.be.closeTo(expected.get(row.key)!, 1e-6);
    expect(chart.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Awarded amount by quarter');
  });

  it('the helper sizes only the iframe the message came from', async () => {
    const chartFrame = frame(embedUrl({ widget: 'spending-by-stage', src: PARAGUAY_RECORD }));
    const other = document.createElement('iframe');
    other.height = '50';
    // Another frame on the page reporting its own height resizes only itself.
    other.srcdoc = "<script>parent.postMessage({ 'ocds-height': 321 }, '*')<\/script>";
    document.body.append(other);
    await until(() => other.height === '321', 'the other frame to be sized');
    // A message from the page itself (no frame) changes no frame.
    window.postMessage({ 'ocds-height': 999 }, '*');
    await until(() => posted.some((message) => message.data['ocds-height'] === 999), 'the page’s own message');
    await until(() => chartFrame.height !== '100', 'the chart frame to be sized from its own reports');
    expect(other.height).to.equal('321');
    expect(chartFrame.height).not.to.equal('999');
    expect(chartFrame.height).not.to.equal('321');
  });

  it('explains bad parameters in the frame: unknown widget, non-http src, bad values, unknown and missing parameters', async () => {
    expect(await frameAlert({ widget: 'pie-chart', src: PARAGUAY_RECORD })).to.include('pie-chart').and.include('spending-by-stage');
    expect(await frameAlert({ widget: 'spending-by-stage', src: 'javascript:alert(1)' })).to.match(/src: must be an http: or https: URL/);
    const bad = await frameAlert({ widget: 'contract-timeline', src: PARAGUAY_RECORD, theme: 'purple', limit: '-3', colour: 'red' });
    expect(bad).to.include('theme:').and.include('limit:').and.include('colour: not an option of contract-timeline');
    expect(await frameAlert({ widget: 'supplier-network' })).to.include('src: missing');
    // No chart element was created for any of them.
    for (const element of document.querySelectorAll('iframe')) expect(element.contentDocument!.querySelector('[src]:not(script)')).to.equal(null);
  });
});
