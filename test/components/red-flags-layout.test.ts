// <ocds-red-flags> at phone width: its flagged processes are a few one-line entries behind "Show all", not a list that
// swamps its chart; every one is there when asked for, by keyboard, in English and Spanish. Also the real data the
// dashboard shows, and <ocds-data-quality>'s issue categories.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/red-flags/define.js';
import '../../components/data-quality/define.js';
import type { OcdsRedFlags } from '../../components/red-flags/red-flags.js';
import type { OcdsDataQuality } from '../../components/data-quality/data-quality.js';

type Json = Record<string, any>;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const THRESHOLD = 15;
const SETTINGS = `[R003]\nthreshold = ${THRESHOLD}`;
const DAY = 86_400_000;

/** Open tenders of 15 buyers with long titles: some with one tenderer (R018), some open fewer than THRESHOLD days (R003). */
const releases: Json[] = Array.from({ length: 36 }, (_, i) => ({
  ocid: `ocds-test-${String(i).padStart(2, '0')}`,
  id: `r${i}`,
  date: '2024-01-01T00:00:00Z',
  tag: ['tender'],
  title: `Supply and installation of equipment for the district hospital number ${i}, including maintenance and training`,
  buyer: { id: `B${i % 15}`, name: `Buyer ${i % 15}` },
  tender: {
    procurementMethod: 'open',
    numberOfTenderers: i % 3 === 0 ? 3 : 1,
    tenderPeriod: { startDate: '2024-01-01T00:00:00Z', endDate: i % 4 === 0 ? '2024-01-06T00:00:00Z' : '2024-02-15T00:00:00Z' },
  },
}));
// What each indicator flags, from the releases themselves.
const single = releases.filter((r) => r.tender.procurementMethod === 'open' && r.tender.numberOfTenderers === 1).map((r) => r.ocid);
const short = releases.filter((r) => (Date.parse(r.tender.tenderPeriod.endDate) - Date.parse(r.tender.tenderPeriod.startDate)) / DAY < THRESHOLD).map((r) => r.ocid);
const flagged = [...new Set([...single, ...short])];
const both = flagged.filter((ocid) => single.includes(ocid) && short.includes(ocid));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

/** `element` in a box `width` px wide at the top of the page, drawn. */
async function inBox<T extends HTMLElement & { status: string; rendered: Promise<unknown>; updateComplete: Promise<boolean> }>(width: number, element: T): Promise<T> {
  const box = document.createElement('div');
  box.style.cssText = `position: absolute; top: 0; left: 0; width: ${width}px`;
  box.append(element);
  document.body.append(box);
  await until(() => element.status === 'ready' && !!element.shadowRoot?.querySelector('.chart svg'), 'the drawn chart');
  await element.updateComplete;
  await element.rendered;
  return element;
}

function redFlags(attributes: Record<string, string>): OcdsRedFlags {
  const element = document.createElement('ocds-red-flags');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const height = (node: Element) => node.getBoundingClientRect().height;
const chartHeight = (element: HTMLElement) => height(element.shadowRoot!.querySelector('.chart svg')!);
const entries = (element: HTMLElement) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('ul.flags > li')];
const toggle = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLButtonElement>('button.all-processes')!;
const badges = (entry: Element) => [...entry.querySelectorAll('button.why .badge')].map(text);

afterEach(() => document.querySelectorAll('body > div').forEach((box) => box.remove()));

describe('<ocds-red-flags> at 400 px', () => {
  it('lists the first 5 flagged processes, most flags first, one line each, and stays within a bound set by its chart', async () => {
    expect(flagged.length, 'more flagged processes than are listed at first').to.be.greaterThan(5);
    const el = await inBox(400, Object.assign(redFlags({ indicators: 'R003 R018' }), { settings: SETTINGS, data: releases }));
    const shown = entries(el);
    expect(shown).to.have.length(5);
    // Processes with both flags come first.
    for (const entry of shown.slice(0, Math.min(5, both.length))) expect(badges(entry), entry.dataset.ocid).to.deep.equal(['R003', 'R018']);
    expect(both).to.include(shown[0]!.dataset.ocid);
    // One line each: the title is cut, not wrapped (its whole text stays the button's name).
    const fontSize = parseFloat(getComputedStyle(shown[0]!).fontSize);
    for (const entry of shown) {
      expect(height(entry), `${entry.dataset.ocid}: one line`).to.be.below(2.2 * fontSize);
      const title = entry.querySelector<HTMLButtonElement>('button.process')!;
      expect(text(title)).to.equal(releases.find((r) => r.ocid === entry.dataset.ocid)!.title);
    }
    // Reasons are behind their flags until asked for.
    expect(shown.every((entry) => entry.querySelector<HTMLElement>('.reasons')!.hidden)).to.equal(true);
    const chart = chartHeight(el);
    expect(chart).to.be.greaterThan(0);
    const section = el.shadowRoot!.querySelector('h3')!.getBoundingClientRect().top;
    const below = toggle(el).getBoundingClientRect().bottom;
    expect(below - section, 'the flagged processes, collapsed, take less height than the chart').to.be.at.most(chart);
    expect(height(el), 'the whole element, collapsed').to.be.at.most(3 * chart);
    await expect(el).to.be.accessible();
  });

  it('"Show all" lists every flagged process, by keyboard, and keeps focus on the toggle; reasons open from their flags', async () => {
    const el = await inBox(400, Object.assign(redFlags({ indicators: 'R003 R018' }), { settings: SETTINGS, data: releases }));
    const button = toggle(el);
    expect(text(button)).to.equal(`Show all ${flagged.length} flagged processes`);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!.localName).to.equal('ul');
    const collapsed = height(el);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus stays on the toggle').to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(button)).to.equal('Show only the first 5');
    expect(entries(el).map((entry) => entry.dataset.ocid).sort()).to.deep.equal([...flagged].sort());
    const counts = entries(el).map((entry) => badges(entry).length);
    expect(counts, 'most flags first').to.deep.equal([...counts].sort((a, b) => b - a));
    expect(height(el)).to.be.greaterThan(collapsed);

    // A process's reasons, then the process itself, by keyboard.
    const entry = entries(el).find((e) => e.dataset.ocid === both[0])!;
    const why = entry.querySelector<HTMLButtonElement>('button.why')!;
    why.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(why.getAttribute('aria-expanded')).to.equal('true');
    const reasons = entry.querySelector<HTMLElement>('.reasons')!;
    expect(reasons.hidden).to.equal(false);
    expect(el.shadowRoot!.getElementById(why.getAttribute('aria-controls')!)).to.equal(reasons);
    const period = releases.find((r) => r.ocid === both[0])!.tender.tenderPeriod;
    expect(text(reasons)).to.contain(`tender open ${Math.floor((Date.parse(period.endDate) - Date.parse(period.startDate)) / DAY)} days; threshold ${THRESHOLD} days`);
    expect(text(reasons)).to.contain('one tenderer');
    const selected = new Promise<CustomEvent>((resolve) => el.addEventListener('ocds-select', (e) => resolve(e as CustomEvent), { once: true }));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(entry.querySelector('button.process'));
    await sendKeys({ press: 'Enter' });
    const detail = (await selected).detail;
    expect([detail.kind, detail.id]).to.deep.equal(['process', both[0]]);
    await expect(el).to.be.accessible();

    // And back to the first 5.
    button.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(entries(el)).to.have.length(5);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('says it in Spanish, in the dark theme', async () => {
    const el = await inBox(400, Object.assign(redFlags({ indicators: 'R003 R018', lang: 'es', theme: 'dark' }), { settings: SETTINGS, data: releases }));
    const button = toggle(el);
    expect(text(button)).to.equal(`Mostrar los ${flagged.length} procesos señalados`);
    expect(text(entries(el)[0]!.querySelector('button.why'))).to.match(/^Por qué se señaló: R003\s*R018$/);
    button.click();
    await el.updateComplete;
    expect(text(button)).to.equal('Mostrar solo los primeros 5');
    expect(entries(el)).to.have.length(flagged.length);
    // Everything open, for the contrast check in the dark theme.
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.indicators')!.open = true;
    entries(el)[0]!.querySelector<HTMLButtonElement>('button.why')!.click();
    await el.updateComplete;
    expect(text(entries(el)[0]!.querySelector('.reasons'))).to.contain('un solo oferente');
    expect(text(el.shadowRoot!.querySelector('details.indicators summary'))).to.equal('Se pudieron calcular 2 de 2 indicadores con estos datos.');
    await expect(el).to.be.accessible();
  });
});

describe('the dashboard\'s data at 400 px', () => {
  const SRC = '/api/releases?limit=100&page=1';

  it('<ocds-red-flags> with every indicator: coverage and thresholds behind one line that names what cannot be computed', async () => {
    const el = await inBox(400, redFlags({ src: SRC, 'max-pages': '10' }));
    const chart = chartHeight(el);
    expect(height(el), 'the whole element, collapsed').to.be.at.most(3 * chart);
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.indicators')!;
    expect(details.open).to.equal(false);
    const lines = [...details.querySelectorAll('[data-code]')];
    expect(lines).to.have.length(11);
    const missing = lines.filter((line) => text(line).includes('cannot be computed')).map((line) => line.getAttribute('data-code'));
    const summary = text(details.querySelector('summary'));
    expect(summary).to.contain(`${11 - missing.length} of 11 indicators could be computed`);
    for (const code of missing) expect(summary).to.contain(code!);
    expect(height(details), 'one short summary, collapsed').to.be.below(chart / 2);
    await expect(el).to.be.accessible();
  });

  it('<ocds-data-quality>: each issue category one summary, its example behind it, the section no taller than the chart', async () => {
    const quality = document.createElement('ocds-data-quality') as OcdsDataQuality;
    quality.setAttribute('src', SRC);
    quality.setAttribute('max-pages', '10');
    const el = await inBox(400, quality);
    const groups = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('[part=issues] li > details')];
    expect(groups.length).to.be.greaterThan(0);
    expect(groups.every((group) => !group.open && /: \d+ issues?\.$/.test(text(group.querySelector('summary'))))).to.equal(true);
    expect(height(el.shadowRoot!.querySelector('[part=issues]')!)).to.be.at.most(chartHeight(el));
    await expect(el).to.be.accessible();
  });
});
