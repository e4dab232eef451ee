// What the demo pages showed at phone width (360–400 px) and no longer do: a share written past the drawing's edge
// ("87.4" for 87.4 %), bars squeezed into a sliver beside long names or beside a legend, dates run
// together ("October2017", "noviembrediciembre").
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';
import { settled } from '../hostile/harness.js';

type ChartElement = OcdsChartElement<object>;

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const CDMX_OCID = 'OCDS-87SD3T-AD-SF-DRM-063-2015';

async function drawn(width: number, tag: string, attributes: Record<string, string>): Promise<{ element: ChartElement; svg: SVGSVGElement; box: HTMLElement }> {
  const element = document.createElement(tag) as ChartElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const box = document.createElement('div');
  box.style.cssText = `position: absolute; top: 0; left: 0; width: ${width}px`;
  box.append(element);
  document.body.append(box);
  await settled(element, 40_000);
  const svg = element.shadowRoot!.querySelector<SVGSVGElement>('.chart svg')!;
  expect(svg, `<${tag}> drawn`).to.not.equal(null);
  return { element, svg, box };
}

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll<SVGTextElement>(`${selector} text`)].filter((text) => text.textContent).map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }));

describe('charts at phone width', function () {
  // The first chart drawn loads Vega: slow on a busy machine.
  this.timeout(60_000);
  for (const width of [360, 400]) {
    it(`data quality, ${width - 60} px (a ${width} px page's card): every share is written whole inside the drawing`, async () => {
      const { svg, box } = await drawn(width - 60, 'ocds-data-quality', { src: '/api/releases?limit=100&page=1', 'max-pages': '10' });
      try {
        const edge = svg.getBoundingClientRect();
        const shares = texts(svg, '.role-mark').filter(({ text }) => /%/.test(text));
        expect(shares.length, 'shares written').to.be.greaterThan(5);
        for (const { text, box: label } of shares) {
          expect(label.right, `"${text}" ends at ${label.right}, the drawing at ${edge.right}`).to.be.at.most(edge.right + 0.5);
          expect(label.left).to.be.at.least(edge.left - 0.5);
        }
      } finally {
        box.remove();
      }
    });

    it(`breakdown of suppliers, ${width} px: every share is written whole inside the drawing`, async () => {
      const { svg, box } = await drawn(width, 'ocds-breakdown', { src: '/api/releases?source=paraguay-dncp', by: 'supplier', measure: 'awarded' });
      try {
        const edge = svg.getBoundingClientRect();
        const shares = texts(svg, '.role-mark').filter(({ text }) => /%/.test(text));
        expect(shares.length, 'shares written').to.be.greaterThan(1);
        for (const { text, box: label } of shares) expect(label.right, `"${text}" ends at ${label.right}, the drawing at ${edge.right}`).to.be.at.most(edge.right + 0.5);
      } finally {
        box.remove();
      }
    });

    it(`red flags, ${width} px: the share axis keeps at least 40 % of the drawing beside the names`, async () => {
      const { svg, box } = await drawn(width, 'ocds-red-flags', { src: ARMENIA, indicators: 'R003 R018' });
      try {
        const ticks = texts(svg, '.role-axis-label');
        const zero = ticks.find(({ text }) => /^0\s?%$/.test(text));
        const full = ticks.find(({ text }) => /^100\s?%$/.test(text));
        expect(zero && full, 'the share axis runs 0 % to 100 %').to.not.equal(undefined);
        const axis = (full!.box.left + full!.box.right) / 2 - (zero!.box.left + zero!.box.right) / 2;
        expect(axis, `share axis ${axis} px of ${svg.getBoundingClientRect().width}`).to.be.at.least(0.4 * svg.getBoundingClientRect().width);
      } finally {
        box.remove();
      }
    });

    it(`breakdown over time with a split, ${width} px: the columns keep most of the width (the legend goes under them)`, async () => {
      const { svg, box } = await drawn(width, 'ocds-breakdown', { src: ARMENIA, by: 'year', measure: 'contracted', split: 'method' });
      try {
        const bars = [...svg.querySelectorAll('.role-mark path, .role-mark rect')].map((mark) => mark.getBoundingClientRect()).filter((rect) => rect.width > 0);
        expect(bars.length, 'columns drawn').to.be.greaterThan(0);
        const ticks = texts(svg, '.role-axis-label');
        const xs = ticks.map(({ box: label }) => label.right);
        const plotRight = Math.max(...bars.map((bar) => bar.right), ...xs);
        const plotLeft = Math.min(...bars.map((bar) => bar.left));
        expect(plotRight - plotLeft, 'columns and their axis').to.be.at.least(0.6 * svg.getBoundingClientRect().width);
      } finally {
        box.remove();
      }
    });
  }

  // One process with payments: the lanes' and the payments' date axes (Spanish month names are the longest).
  for (const [width, lang] of [[300, 'en'], [340, 'es'], [1000, 'es'], [1280, 'en']] as const) {
    it(`timeline of one process, ${width} px, ${lang}: the dates under it are apart`, async () => {
      const { svg, box } = await drawn(width, 'ocds-contract-timeline', { src: `/api/records/${CDMX_OCID}`, ocid: CDMX_OCID, lang });
      try {
        const dates = texts(svg, '.role-axis-label').filter(({ text }) => /^\D+( \d{4})?$|^\d{4}$/.test(text));
        const rows = new Map<number, DOMRect[]>();
        for (const { box: label } of dates) rows.set(Math.round(label.top), [...(rows.get(Math.round(label.top)) ?? []), label]);
        const axes = [...rows.values()].filter((row) => row.length >= 2);
        expect(axes.length, 'two date axes').to.equal(2);
        for (const row of axes) {
          row.sort((a, b) => a.left - b.left);
          for (let i = 1; i < row.length; i += 1) expect(row[i].left - row[i - 1].right, 'gap between dates').to.be.at.least(4);
        }
      } finally {
        box.remove();
      }
    });
  }
});
