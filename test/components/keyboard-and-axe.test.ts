// What a reader without a mouse, or with a screen reader, meets in each element in Spanish and dark theme, on real
// data: axe finds nothing with the table shown, every control is reached by Tab in reading order with a visible
// focus ring, the selection listbox is one tab stop whose arrow keys move the active item (announced through
// aria-activedescendant) and whose Enter and Space select it, and Escape dismisses a tooltip shown on hover.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';
import type { OcdsSelectDetail } from '../../components/base/events.js';
import { settled } from '../hostile/harness.js';
import { activeOption, activeText, listbox, press, tabIntoList } from '../helpers/item-list.js';

type ChartElement = OcdsChartElement<object>;

const CDMX_OCID = 'OCDS-87SD3T-AD-SF-DRM-063-2015';
const ARMENIA = '/api/files/armenia/sample-data/6.json';

const CASES = [
  { tag: 'ocds-spending-by-stage', src: '/api/releases?source=mexico-inai', ocid: undefined },
  { tag: 'ocds-contract-timeline', src: `/api/records/${CDMX_OCID}`, ocid: CDMX_OCID },
  { tag: 'ocds-contract-timeline', src: ARMENIA, ocid: undefined },
  { tag: 'ocds-supplier-network', src: ARMENIA, ocid: undefined },
];

async function drawn(tag: string, src: string, ocid: string | undefined): Promise<ChartElement> {
  const element = document.createElement(tag) as ChartElement;
  element.setAttribute('src', src);
  if (ocid) element.setAttribute('ocid', ocid);
  element.setAttribute('theme', 'dark');
  const page = await fixture<HTMLElement>(html`<div lang="es"></div>`);
  page.append(element);
  await settled(element, 15_000);
  expect(element.status).to.equal('ready');
  return element;
}

/** Interactive things in the shadow root, in document (= visual reading) order. */
const focusables = (element: ChartElement) =>
  [...element.shadowRoot!.querySelectorAll<HTMLElement>('button:not([disabled]), select, a[href], [tabindex="0"]')];

describe('keyboard and axe, es + dark', () => {
  for (const { tag, src, ocid } of CASES) {
    const name = `<${tag}>${ocid ? ' (one process)' : ''}`;

    it(`${name}: axe passes with the table shown`, async () => {
      const element = await drawn(tag, src, ocid);
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="controls"] button[aria-pressed]')!.click();
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('table')).to.not.equal(null);
      await expect(element).to.be.accessible();
    });

    it(`${name}: Tab reaches every control in reading order, each with a visible focus ring`, async () => {
      const element = await drawn(tag, src, ocid);
      const expected = focusables(element);
      expect(expected.length).to.be.greaterThan(3);
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      for (const target of expected) {
        await sendKeys({ press: 'Tab' });
        // Compared as a boolean: a failing DOM-node comparison makes chai describe whole shadow trees.
        expect(element.shadowRoot!.activeElement === target, `Tab to ${target.localName} "${target.textContent?.trim().slice(0, 30)}"`).to.equal(true);
        const style = getComputedStyle(target);
        const what = `focus ring on ${target.localName} "${target.textContent?.trim().slice(0, 30)}"`;
        expect(style.outlineStyle, what).to.not.equal('none');
        expect(parseFloat(style.outlineWidth), what).to.be.at.least(2);
      }
    });
  }

  it('the listbox: arrow keys, Home and End move the active item, each announced by aria-activedescendant', async () => {
    const element = await drawn('ocds-spending-by-stage', '/api/releases?source=mexico-inai', undefined);
    const list = await tabIntoList(element);
    // Spending by stage lists its stages in order (the Spanish names), one option in the DOM at a time.
    const stages = ['Planeado', 'Licitado', 'Adjudicado', 'Contratado', 'Pagado'];
    const count = Number(activeOption(element).getAttribute('aria-setsize'));
    expect(count).to.equal(stages.length);
    expect(element.shadowRoot!.querySelectorAll('[role="option"]')).to.have.length(1);
    expect(list.getAttribute('aria-labelledby')).to.be.a('string');
    expect(element.shadowRoot!.getElementById(list.getAttribute('aria-describedby')!)!.textContent).to.contain('Intro');
    await press(element, 'Home');
    const first = activeText(element);
    const ids = [list.getAttribute('aria-activedescendant')];
    await press(element, 'ArrowDown');
    ids.push(list.getAttribute('aria-activedescendant'));
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('2');
    expect(activeText(element)).to.not.equal(first);
    // A new id per item: screen readers announce a change of aria-activedescendant.
    expect(ids[0]).to.not.equal(ids[1]);
    await press(element, 'End');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(count));
    expect(activeText(element).startsWith(stages[stages.length - 1]), activeText(element)).to.equal(true);
    await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset'), 'stays on the last').to.equal(String(count));
    await press(element, 'ArrowUp');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(count - 1));
    await press(element, 'Home');
    expect(activeText(element)).to.equal(first);
    expect(first.startsWith(stages[0]), first).to.equal(true);
    expect(element.shadowRoot!.activeElement === list, 'focus stays on the listbox').to.equal(true);
  });

  // Space as the key value ' ' (what Firefox and Chromium both deliver for the space bar).
  for (const key of ['Enter', ' ']) {
    it(`${key === ' ' ? 'Space' : key} in the listbox selects the active item and fires ocds-select; again unselects it`, async () => {
      const element = await drawn('ocds-spending-by-stage', '/api/releases?source=mexico-inai', undefined);
      await tabIntoList(element);
      await press(element, 'ArrowDown');
      const selected = new Promise<OcdsSelectDetail>((resolve) =>
        element.addEventListener('ocds-select', (event) => resolve((event as CustomEvent<OcdsSelectDetail>).detail), { once: true }),
      );
      const scroll = window.scrollY;
      await press(element, key);
      const detail = await selected;
      await element.updateComplete;
      expect(activeText(element)).to.contain(detail.label);
      expect(activeOption(element).getAttribute('aria-selected')).to.equal('true');
      expect(window.scrollY, 'Space does not scroll the page').to.equal(scroll);
      await press(element, key);
      expect(activeOption(element).getAttribute('aria-selected')).to.equal('false');
    });
  }

  it('Escape hides the tooltip a hovered bar shows, without moving the pointer', async () => {
    const element = await drawn('ocds-spending-by-stage', '/api/releases?source=mexico-inai', undefined);
    const bar = element.shadowRoot!.querySelector('.chart svg .mark-rect path')!.getBoundingClientRect();
    const tooltip = element.shadowRoot!.querySelector<HTMLElement>('.tooltip')!;
    await sendMouse({ type: 'move', position: [Math.round(bar.x + bar.width / 2), Math.round(bar.y + bar.height / 2)] });
    for (let i = 0; i < 40 && tooltip.hidden; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(tooltip.hidden, 'shown on hover').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(tooltip.hidden, 'hidden by Escape').to.equal(true);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('<ocds-contract-timeline drill>: Enter on a row moves focus to "back", and back returns it to that row', async () => {
    const element = document.createElement('ocds-contract-timeline') as ChartElement & { drill: boolean };
    element.setAttribute('src', ARMENIA);
    element.setAttribute('drill', '');
    element.setAttribute('lang', 'es');
    document.body.append(element);
    try {
      await settled(element, 15_000);
      await tabIntoList(element);
      await press(element, 'Home');
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      expect(activeOption(element).getAttribute('aria-posinset')).to.equal('3');
      const title = activeText(element);
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      await element.updateComplete;
      const back = element.shadowRoot!.querySelector<HTMLButtonElement>('.back')!;
      expect(back, 'the back control').to.not.equal(null);
      expect(element.ocid).to.be.a('string');
      expect(element.shadowRoot!.activeElement === back, 'focus on back').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      await element.updateComplete;
      expect(element.ocid).to.equal(undefined);
      expect(element.shadowRoot!.activeElement === listbox(element), 'focus back on the listbox').to.equal(true);
      expect(activeText(element), 'with the chosen row active').to.equal(title);
    } finally {
      element.remove();
    }
  });
});
