// Issue 18 item 5: a bad attribute value names the attribute, the value and what it may be (en and es); "Try again"
// is offered only where a second attempt can help (the network or the server), not for data that is wrong.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';

/** The console warnings while `body` runs (silenced). */
async function warningsOf(body: () => Promise<unknown>): Promise<string> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = warn;
  }
  return warnings.join('\n');
}

async function settledError(element: HTMLElement & { status: string }): Promise<HTMLElement> {
  const start = performance.now();
  while (element.status !== 'error') {
    if (performance.now() - start > 15_000) throw new Error(`<${element.localName}> did not fail (${element.status})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element.shadowRoot!.querySelector<HTMLElement>('[part~="error"][role="alert"]')!;
}

describe('a bad attribute value', () => {
  it('names the attribute, the value and the allowed values of an enum; the default is used', async () => {
    let element!: OcdsSpendingByStage;
    const warnings = await warningsOf(async () => {
      element = await fixture<OcdsSpendingByStage>(html`<ocds-spending-by-stage theme="blue"></ocds-spending-by-stage>`);
    });
    expect(warnings).to.contain('<ocds-spending-by-stage> theme="blue" must be one of light, dark, auto; the default is used.');
    expect(warnings).to.not.contain('Invalid input');
    expect(element.theme).to.equal(undefined);

    const timelineWarnings = await warningsOf(() => fixture(html`<ocds-contract-timeline sort="size"></ocds-contract-timeline>`));
    expect(timelineWarnings).to.contain('sort="size" must be one of recent, value, duration; the default is used.');

    const breakdownWarnings = await warningsOf(() => fixture(html`<ocds-breakdown by="time" interval="weekly"></ocds-breakdown>`));
    expect(breakdownWarnings).to.contain('<ocds-breakdown> interval="weekly" must be one of year, quarter, month; the default is used.');
  });

  it('says it in Spanish under lang="es", and that a previous value is kept', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="es"><ocds-contract-timeline sort="value"></ocds-contract-timeline></div>`);
    const timeline = host.querySelector('ocds-contract-timeline')!;
    const warnings = await warningsOf(async () => {
      timeline.setAttribute('sort', 'size');
      await timeline.updateComplete;
    });
    expect(warnings).to.contain('sort="size" debe ser uno de recent, value, duration; se mantiene "value".');
    expect(timeline.sort).to.equal('value');

    const table = await warningsOf(() => fixture(html`<div lang="es"><ocds-process-table columns="ocid nonsense"></ocds-process-table></div>`));
    const breakdown = await warningsOf(() => fixture(html`<div lang="es"><ocds-breakdown by="time" interval="semanal"></ocds-breakdown></div>`));
    expect(breakdown).to.contain('interval="semanal" debe ser uno de year, quarter, month; se usa el valor predeterminado.');

    expect(table).to.match(/columns="ocid nonsense" debe ser uno o más de [^;,]*\btitle\b[^;,]*\bocid\b[^;,]*, separados por espacios; se usa el valor predeterminado\./);
  });
});

describe('"Try again"', () => {
  // The button's text, or null: a failing assertion on the element itself would make chai walk the DOM.
  const retryButton = (alert: HTMLElement) => alert.querySelector('button')?.textContent?.trim() ?? null;

  it('is not offered for a `data` value that is not OCDS or not JSON (a retry reads the same value)', async () => {
    for (const data of [{ type: 'FeatureCollection', features: [] }, '{"releases": [', '<html><body>Not found</body></html>']) {
      const element = document.createElement('ocds-spending-by-stage');
      element.data = data;
      const alert = await settledError(await fixture(html`<div>${element}</div>`).then(() => element));
      expect(alert.textContent, JSON.stringify(data)).to.match(/\S/);
      expect(retryButton(alert), JSON.stringify(data)).to.equal(null);
    }
  });

  it('is offered for a server error or a timeout of `src`, not for a `src` that is not OCDS', async () => {
    const failing = document.createElement('ocds-spending-by-stage');
    failing.src = '/api/releases?status=500';
    expect(retryButton(await settledError(await fixture(html`<div>${failing}</div>`).then(() => failing)))).to.equal('Try again');

    const slow = document.createElement('ocds-spending-by-stage');
    slow.timeout = 300;
    slow.src = '/api/releases?delay=2000&limit=2';
    expect(retryButton(await settledError(await fixture(html`<div>${slow}</div>`).then(() => slow)))).to.equal('Try again');

    const notOcds = document.createElement('ocds-spending-by-stage');
    notOcds.src = '/api/';
    expect(retryButton(await settledError(await fixture(html`<div>${notOcds}</div>`).then(() => notOcds)))).to.equal(null);
  });

  it('<ocds-dataset>: offered for a 404 of `src` (in Spanish), not for `data` that is not OCDS', async () => {
    const missing = await fixture<OcdsDataset>(html`<ocds-dataset lang="es" src="/api/releases?status=404"></ocds-dataset>`);
    expect(retryButton(await settledError(missing))).to.equal('Reintentar');

    const wrong = document.createElement('ocds-dataset');
    wrong.data = { type: 'FeatureCollection', features: [] };
    expect(retryButton(await settledError(await fixture(html`<div>${wrong}</div>`).then(() => wrong)))).to.equal(null);

    // The same data that is OCDS loads: the check above is about the data, not the element.
    const right = document.createElement('ocds-dataset');
    right.data = await (await fetch(CDMX_RECORD)).json();
    await fixture(html`<div>${right}</div>`);
    await right.updateComplete;
    expect(right.status).to.equal('ready');
  });
});
