// Every element fits its container at phone and narrow-column widths, in English and Spanish, on real data (the
// local API's publisher files, as the demos use them): nothing it draws — controls, chart, legend, labels, list,
// summary, source line — reaches past its right edge.
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import { settled } from '../hostile/harness.js';
import { chart, inBox, type ChartElement } from '../helpers/boxed-chart.js';
import { partyAndPartnerNames } from '../helpers/partners.js';

interface Case {
  name: string;
  tag: string;
  attributes: Record<string, string>;
}

const CDMX_OCID = 'OCDS-87SD3T-AD-SF-DRM-063-2015';
const ARMENIA = '/api/files/armenia/sample-data/6.json';

const CASES: Case[] = [
  // Several currencies: the currency switch joins the controls.
  { name: 'spending by stage, INAI', tag: 'ocds-spending-by-stage', attributes: { src: '/api/releases?source=mexico-inai' } },
  // One process with payments: lanes, legend and the "paid so far" burn-up below them.
  { name: 'timeline of one process', tag: 'ocds-contract-timeline', attributes: { src: `/api/records/${CDMX_OCID}`, ocid: CDMX_OCID } },
  // Many processes: one row per process, long Armenian titles as row labels.
  { name: 'timeline of many processes', tag: 'ocds-contract-timeline', attributes: { src: ARMENIA, sort: 'value', limit: '10' } },
  { name: 'supplier network, Armenia', tag: 'ocds-supplier-network', attributes: { src: ARMENIA, limit: '30' } },
];

/** What inside `element` (its shadow root) reaches furthest past its right edge, and by how many pixels. */
function overflowRight(element: HTMLElement): { by: number; what: string } {
  const edge = element.getBoundingClientRect().right;
  let furthest = { by: 0, what: '' };
  for (const part of element.shadowRoot!.querySelectorAll('*')) {
    const box = part.getBoundingClientRect();
    if (box.width > 0 && box.right - edge > furthest.by) {
      furthest = { by: box.right - edge, what: `<${part.localName} class="${part.getAttribute('class') ?? ''}"> ${part.textContent?.slice(0, 40)}` };
    }
  }
  return furthest;
}

async function expectFits(element: ChartElement, where: string): Promise<void> {
  expect(element.status, where).to.equal('ready');
  expect(element.shadowRoot!.querySelector('.chart svg'), `${where}: a drawn chart`).to.not.equal(null);
  expect(element.scrollWidth, `${where}: scrollWidth`).to.be.at.most(element.clientWidth);
  const overflow = overflowRight(element);
  expect(overflow.by, `${where}: ${overflow.what} drawn past the right edge`).to.be.at.most(1);
}

describe('every element fits its container width', () => {
  for (const width of [360, 400]) {
    for (const lang of ['en', 'es']) {
      for (const { name, tag, attributes } of CASES) {
        it(`${name}, ${width} px, ${lang}`, async () => {
          const element = chart(tag, { ...attributes, lang });
          const box = inBox(width, element);
          try {
            await settled(element, 15_000);
            await expectFits(element, `${tag} ${width}px ${lang}`);
            // The table view is part of the element too.
            element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="controls"] button[aria-pressed]')!.click();
            await element.updateComplete;
            expect(element.shadowRoot!.querySelector('table'), 'table shown').to.not.equal(null);
            expect(element.scrollWidth, `${tag} ${width}px ${lang} with its table: scrollWidth`).to.be.at.most(element.clientWidth);
          } finally {
            box.remove();
          }
        });
      }
    }
  }

  it('<ocds-dataset> and the charts inside it, 360 px, es', async () => {
    const dataset = document.createElement('ocds-dataset');
    dataset.setAttribute('src', ARMENIA);
    dataset.setAttribute('lang', 'es');
    const charts = ['ocds-spending-by-stage', 'ocds-contract-timeline', 'ocds-supplier-network'].map((tag) => chart(tag, {}));
    dataset.append(...charts);
    const box = inBox(360, dataset);
    try {
      for (const element of charts) {
        element.scrollIntoView();
        await settled(element, 15_000);
        await expectFits(element, `${element.localName} in <ocds-dataset>`);
      }
      expect(dataset.scrollWidth, '<ocds-dataset> scrollWidth').to.be.at.most(dataset.clientWidth);
      expect(box.scrollWidth, 'box scrollWidth').to.be.at.most(360);
    } finally {
      box.remove();
    }
  });
});

describe('names drawn in the supplier network do not overlap', () => {
  const PARAGUAY = '/api/files/paraguay-dncp/rparrapy-ocds-viz/155220.json';
  const crosses = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  /** The names drawn without hovering (the first text mark; the others are the highlight's). */
  const drawnNames = (element: ChartElement) =>
    [...element.shadowRoot!.querySelectorAll('.chart svg g.mark-text.role-mark')[0]!.querySelectorAll('text')]
      .filter((text) => text.textContent)
      .map((text) => ({ name: text.textContent!, box: text.getBoundingClientRect() }));

  for (const [fixture, src] of [['Armenia', ARMENIA], ['Paraguay', PARAGUAY]]) {
    // 332 and 452: the demo pages' cards at 400 and 480 px in Firefox (whose scrollbar takes 12 px of the screen).
    for (const width of [332, 360, 400, 452, 800, 1280]) {
      it(`${fixture}, ${width} px: names apart from each other and from the nodes`, async () => {
        const element = chart('ocds-supplier-network', { src });
        const box = inBox(width, element);
        try {
          await settled(element, 15_000);
          const names = drawnNames(element);
          expect(names.length, 'some names are drawn').to.be.greaterThan(1);
          for (const [i, a] of names.entries()) {
            for (const b of names.slice(i + 1)) expect(crosses(a.box, b.box), `"${a.name}" and "${b.name}" overlap`).to.equal(false);
          }
          const nodes = [...element.shadowRoot!.querySelectorAll('.chart svg g.mark-symbol.role-mark')[0]!.querySelectorAll('path')].map((path) =>
            path.getBoundingClientRect(),
          );
          for (const { name, box: label } of names) {
            // A name sits beside its own node; it crosses none (a node's box is its circle's square, so allow 1 px).
            const crossed = nodes.filter((node) => crosses(label, new DOMRect(node.x + 1, node.y + 1, node.width - 2, node.height - 2)));
            expect(crossed.length, `"${name}" drawn over a node`).to.equal(0);
          }
        } finally {
          box.remove();
        }
      });
    }
  }

  it('a focused organisation with one partner: both names whole at 1280 px', async () => {
    // The element keys an organisation by its identifier's scheme/id; the fixture's party id for it is AM-TIN-02629081.
    const FOCUS = 'AM-TIN/02629081';
    const PARTY = 'AM-TIN-02629081';
    const expected = await partyAndPartnerNames(ARMENIA, PARTY);
    expect(expected.length, 'the fixture gives the focus one partner').to.equal(2);
    const element = chart('ocds-supplier-network', { src: ARMENIA, focus: FOCUS });
    const box = inBox(1280, element);
    try {
      await settled(element, 15_000);
      expect(drawnNames(element).map(({ name }) => name).sort()).to.deep.equal([...expected].sort());
    } finally {
      box.remove();
    }
  });
});

describe('no layout jump while loading', () => {
  it('a loading element keeps the height its chart will take at least (--ocds-chart-min-height, 18rem)', async () => {
    const element = chart('ocds-spending-by-stage', { src: '/api/releases?source=mexico-inai&delay=1500' });
    const box = inBox(400, element);
    try {
      await element.updateComplete;
      expect(element.status).to.equal('loading');
      const status = element.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(status.getBoundingClientRect().height).to.be.at.least(18 * rem);
      await settled(element, 15_000);
      // Drawn, the chart alone is at least as tall as the box kept for it.
      expect(element.shadowRoot!.querySelector('.chart')!.getBoundingClientRect().height).to.be.at.least(18 * rem);
    } finally {
      box.remove();
    }
  });

  it('charts inside a loading <ocds-dataset> say they are loading, and do not move when the data arrives', async () => {
    const dataset = document.createElement('ocds-dataset');
    dataset.setAttribute('src', `${ARMENIA}?delay=1000`);
    const element = chart('ocds-spending-by-stage', {});
    dataset.append(element);
    const box = inBox(400, dataset);
    try {
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Loading data…');
      const top = element.getBoundingClientRect().top;
      await settled(element, 15_000);
      expect(element.getBoundingClientRect().top).to.equal(top);
    } finally {
      box.remove();
    }
  });
});

describe('the stage names under the spending bars are whole at every width', () => {
  /** The axis labels' boxes that reach outside the drawn SVG. */
  function clippedLabels(element: ChartElement): string[] {
    const svg = element.shadowRoot!.querySelector('.chart svg')!;
    const edge = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('.role-axis-label text')].filter((text) => text.textContent);
    expect(labels.length, 'axis labels drawn').to.be.greaterThan(5);
    return labels
      .map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }))
      .filter(({ box }) => box.left < edge.left - 0.5 || box.right > edge.right + 0.5 || box.top < edge.top - 0.5 || box.bottom > edge.bottom + 0.5)
      .map(({ text, box }) => `${text} (${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)} in ${Math.round(edge.width)} × ${Math.round(edge.height)})`);
  }

  for (const lang of ['en', 'es']) {
    it(`drawn at 300–1400 px and resized across them, ${lang}`, async () => {
      const element = chart('ocds-spending-by-stage', { src: ARMENIA, lang });
      const box = inBox(300, element);
      try {
        await settled(element, 15_000);
        for (const width of [300, 360, 400, 460, 480, 500, 768, 1280, 1400, 470]) {
          box.style.width = `${width}px`;
          // The base resizes the view on the frame after the resize observer saw the new width.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          await element.rendered;
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(clippedLabels(element), `${width} px`).to.deep.equal([]);
        }
      } finally {
        box.remove();
      }
    });
  }
});
