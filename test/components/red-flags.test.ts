import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/red-flags/define.js';
import type { OcdsRedFlags } from '../../components/red-flags/red-flags.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const lines = async (path: string) => (await (await fetch(path)).text()).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, any>);

async function element(template: ReturnType<typeof html>, data: unknown): Promise<OcdsRedFlags> {
  const el = await fixture<OcdsRedFlags>(template);
  el.data = data;
  await el.updateComplete;
  await el.rendered;
  return el;
}

describe('<ocds-red-flags>', () => {
  it('says which indicators the data cannot support, and counts the evaluable R003 processes from the fixture', async () => {
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R003-threshold-10.jsonl');
    const el = await element(html`<ocds-red-flags indicators="R003 R024" settings="[R003]&#10;threshold = 10"></ocds-red-flags>`, releases);
    expect(el.status).to.equal('ready');
    const shadow = el.shadowRoot!;
    const evaluable = releases.filter((r) => Number.isFinite(Date.parse(r.tender?.tenderPeriod?.startDate)) && Number.isFinite(Date.parse(r.tender?.tenderPeriod?.endDate)));
    const short = evaluable.filter((r) => (Date.parse(r.tender.tenderPeriod.endDate) - Date.parse(r.tender.tenderPeriod.startDate)) / 86_400_000 < 10);
    expect(text(shadow.querySelector('[data-code="R003"]'))).to.contain(`${short.length} of ${evaluable.length} processes`);
    expect(text(shadow.querySelector('[data-code="R024"]'))).to.contain('cannot be computed');
    expect(text(shadow.querySelector('.caution'))).to.equal('A red flag is a reason to look closer, not evidence of wrongdoing.');
    expect(shadow.querySelector('[data-code="R003"] a')!.getAttribute('href')).to.equal('https://cardinal.readthedocs.io/en/latest/cli/indicators/R/003.html');
    for (const release of short) {
      const period = release.tender.tenderPeriod;
      const days = Math.floor((Date.parse(period.endDate) - Date.parse(period.startDate)) / 86_400_000);
      expect(text(shadow.querySelector(`[data-ocid="${release.ocid}"]`))).to.contain(`tender open ${days} days; threshold 10 days`);
    }
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish, in the dark theme, and its list is keyboard-operable', async () => {
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R018.jsonl');
    const el = await element(html`<ocds-red-flags lang="es" theme="dark" indicators="R018"></ocds-red-flags>`, releases);
    const shadow = el.shadowRoot!;
    expect(text(shadow.querySelector('.caution'))).to.contain('no una prueba de irregularidades');
    const open = releases.filter((r) => ['open', 'selective'].includes(r.tender?.procurementMethod) && typeof r.tender?.numberOfTenderers === 'number');
    const single = open.filter((r) => r.tender.numberOfTenderers === 1);
    expect(text(shadow.querySelector('[data-code="R018"]'))).to.contain(`${single.length} de ${open.length} procesos`);
    await expect(el).to.be.accessible();
    const button = shadow.querySelector<HTMLButtonElement>('ul.items button');
    expect(button, 'a keyboard-operable item per flagged bar').to.exist;
    button!.focus();
    const selected = new Promise<CustomEvent>((resolve) => el.addEventListener('ocds-select', (e) => resolve(e as CustomEvent), { once: true }));
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.kind).to.equal('buyer');
  });

  it('reports a malformed settings line by its number and keeps showing the data', async () => {
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R018.jsonl');
    const el = await element(html`<ocds-red-flags indicators="R018" settings="[R018]&#10;oops"></ocds-red-flags>`, releases);
    expect(text(el.shadowRoot!.querySelector('p[role="status"]'))).to.contain('Line 2');
    expect(el.status).to.equal('ready');
  });
});
