import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/red-flags/define.js';
import type { OcdsRedFlags } from '../../components/red-flags/red-flags.js';
import { activeOption, activeText, tabIntoList } from '../helpers/item-list.js';

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
    // The flagged bars in one keyboard listbox.
    await tabIntoList(el);
    expect(Number(activeOption(el).getAttribute('aria-setsize'))).to.be.within(1, el.rows.filter((row) => row.flagged > 0).length);
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

  // The first line of an INI text that is not blank, a comment, a [section] or a key = value pair (1-based).
  const malformedLine = (ini: string) => ini.split('\n').findIndex((l) => l.trim() && !/^[;#]|^\[[^\]]+\]$|=/.test(l.trim())) + 1;
  const nextError = (el: Element) => new Promise<CustomEvent>((resolve) => el.addEventListener('ocds-error', (e) => resolve(e as CustomEvent), { once: true }));

  it('reports a malformed settings file fetched from its URL, in Spanish, with an ocds-error naming the line, and keeps the data', async () => {
    const url = '/test/fixtures/red-flags/malformed-settings.ini';
    const line = malformedLine(await (await fetch(url)).text());
    expect(line).to.be.greaterThan(0);
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R018.jsonl');
    const el = await fixture<OcdsRedFlags>(html`<ocds-red-flags lang="es" indicators="R018"></ocds-red-flags>`);
    const error = nextError(el);
    el.settings = url;
    el.data = releases;
    const detail = (await error).detail;
    expect(detail.phase).to.equal('validate');
    expect(detail.message).to.contain(`línea ${line}`);
    await el.updateComplete;
    await el.rendered;
    expect(text(el.shadowRoot!.querySelector('.settings-problem'))).to.equal(detail.message);
    expect(el.status).to.equal('ready');
    const open = releases.filter((r) => ['open', 'selective'].includes(r.tender?.procurementMethod) && typeof r.tender?.numberOfTenderers === 'number');
    const single = open.filter((r) => r.tender.numberOfTenderers === 1);
    expect(text(el.shadowRoot!.querySelector('[data-code="R018"]'))).to.contain(`${single.length} de ${open.length} procesos`);
    await expect(el).to.be.accessible();
  });

  it('sends a validate ocds-error for malformed settings text too', async () => {
    const ini = '[R003]\nthreshold = 10\nthreshold: 12';
    const el = await fixture<OcdsRedFlags>(html`<ocds-red-flags indicators="R003"></ocds-red-flags>`);
    const error = nextError(el);
    el.settings = ini;
    el.data = await lines('/test/fixtures/cardinal-rs/indicators/R003-threshold-10.jsonl');
    const detail = (await error).detail;
    expect(detail.phase).to.equal('validate');
    expect(detail.message).to.contain(`Line ${malformedLine(ini)} of the settings file`);
  });

  it('says a settings URL that is not found, with a fetch ocds-error, and charts with the default settings', async () => {
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R018.jsonl');
    const el = await fixture<OcdsRedFlags>(html`<ocds-red-flags indicators="R018"></ocds-red-flags>`);
    const error = nextError(el);
    el.settings = '/test/fixtures/red-flags/no-such-settings.ini';
    el.data = releases;
    const detail = (await error).detail;
    expect(detail.phase).to.equal('fetch');
    expect(detail.message).to.contain('HTTP 404');
    await el.updateComplete;
    await el.rendered;
    expect(text(el.shadowRoot!.querySelector('.settings-problem'))).to.contain('The default settings are used.');
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[data-code="R018"]')).to.exist;
  });

  it('uses a settings file from its URL and lists the keys it does not know, by line', async () => {
    const url = '/test/fixtures/red-flags/unknown-settings.ini';
    const ini = (await (await fetch(url)).text()).split('\n');
    const threshold = Number(/=\s*(\d+)/.exec(ini.find((l) => l.startsWith('threshold'))!)![1]);
    const unknownLine = ini.findIndex((l) => l.startsWith('colour')) + 1;
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R003-threshold-10.jsonl');
    const el = await fixture<OcdsRedFlags>(html`<ocds-red-flags settings=${url}></ocds-red-flags>`);
    const rendered = new Promise((resolve) => el.addEventListener('ocds-render', resolve));
    el.data = releases;
    await rendered;
    const shadow = el.shadowRoot!;
    // The file arrives after the data may have rendered once with the defaults: wait for its re-analysis.
    for (let i = 0; i < 100 && !shadow.querySelector('.settings-unknown'); i++) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    await el.rendered;
    expect(text(shadow.querySelector('.settings-unknown'))).to.contain(`line ${unknownLine}, [R003] colour`);
    const evaluable = releases.filter((r) => Number.isFinite(Date.parse(r.tender?.tenderPeriod?.startDate)) && Number.isFinite(Date.parse(r.tender?.tenderPeriod?.endDate)));
    const short = evaluable.filter((r) => (Date.parse(r.tender.tenderPeriod.endDate) - Date.parse(r.tender.tenderPeriod.startDate)) / 86_400_000 < threshold);
    expect(text(shadow.querySelector('[data-code="R003"]'))).to.contain(`${short.length} of ${evaluable.length} processes`);
    expect(shadow.querySelector('[data-code="R018"]'), 'only the indicators the file names').to.not.exist;
    expect(shadow.querySelector('.settings-problem')).to.not.exist;
  });

  // Armenia's tenders (real data): R018 evaluable = open or selective, not cancelled (cardinal leaves cancelled tenders
  // out), with a number of tenderers; flagged = one tenderer.
  const ARMENIA = '/api/files/armenia/sample-data/6.json';
  const r018 = (releases: Record<string, any>[]) => {
    const evaluable = releases.filter((r) => ['open', 'selective'].includes(r.tender?.procurementMethod) && r.tender.status !== 'cancelled' && typeof r.tender.numberOfTenderers === 'number');
    return { evaluable, flagged: evaluable.filter((r) => r.tender.numberOfTenderers === 1) };
  };

  for (const [group, orgsOf] of [
    ['procuring-entity', (r: Record<string, any>) => [r.tender?.procuringEntity?.name]],
    ['supplier', (r: Record<string, any>) => [...new Set((r.awards ?? []).flatMap((a: Record<string, any>) => (a.suppliers ?? []).map((s: Record<string, any>) => s.name)))]],
  ] as const) {
    it(`groups by ${group}: each organisation's evaluable and flagged R018 processes, counted from the fixture`, async () => {
      const releases = (await (await fetch(ARMENIA)).json()).releases as Record<string, any>[];
      const { evaluable, flagged } = r018(releases);
      const el = await element(html`<ocds-red-flags group=${group} indicators="R018"></ocds-red-flags>`, releases);
      expect(el.status).to.equal('ready');
      const rows = el.rows.filter((row) => row.name !== '');
      expect(rows.length).to.be.greaterThan(0);
      for (const row of rows) {
        const mine = (list: Record<string, any>[]) => list.filter((r) => (orgsOf(r) as unknown[]).includes(row.name)).length;
        expect([row.evaluable, row.flagged], row.name).to.deep.equal([mine(evaluable), mine(flagged)]);
      }
      const names = new Set(evaluable.flatMap((r) => orgsOf(r) as unknown[]).filter(Boolean));
      expect(new Set(rows.map((row) => row.name))).to.deep.equal(names);
      const named = evaluable.filter((r) => (orgsOf(r) as unknown[]).some(Boolean));
      expect(rows.reduce((sum, row) => sum + row.evaluable, 0)).to.equal(named.reduce((sum, r) => sum + (orgsOf(r) as unknown[]).filter(Boolean).length, 0));
      const none = el.rows.find((row) => row.name === '');
      expect(none?.evaluable ?? 0, 'processes naming none, counted together').to.equal(evaluable.length - named.length);
      const top = el.rows.find((row) => row.flagged > 0);
      // The listbox starts on the first flagged bar.
      if (top) expect(activeText(el)).to.contain(top.name || (group === 'supplier' ? '(no awarded supplier published)' : '(no procuring entity published)'));
      await expect(el).to.be.accessible();
    });
  }
});
