// No layout shift when a chart appears: while its data loads, and once loaded until Vega has drawn it (charts draw
// only near the viewport), an element keeps the height its chart is then drawn at for its width — measured here
// against the drawing itself, at phone, half-column and desktop widths. (The timeline's rows are known once loaded:
// its reservation follows them; while loading it keeps a typical height, so only the drawn one is checked closely.)
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';
import { settled } from '../hostile/harness.js';

type ChartElement = OcdsChartElement<object>;

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const INAI = '/api/releases?source=mexico-inai';

const CASES: { name: string; tag: string; attributes: Record<string, string> }[] = [
  { name: 'spending by stage', tag: 'ocds-spending-by-stage', attributes: { src: INAI } },
  { name: 'supplier network', tag: 'ocds-supplier-network', attributes: { src: ARMENIA, limit: '30' } },
  { name: 'data quality', tag: 'ocds-data-quality', attributes: { src: INAI } },
  { name: 'timeline of one process', tag: 'ocds-contract-timeline', attributes: { src: '/api/records/OCDS-87SD3T-AD-SF-DRM-063-2015', ocid: 'OCDS-87SD3T-AD-SF-DRM-063-2015' } },
  { name: 'timeline of eight processes', tag: 'ocds-contract-timeline', attributes: { src: ARMENIA, limit: '8' } },
  { name: 'breakdown by year', tag: 'ocds-breakdown', attributes: { src: ARMENIA, by: 'year', measure: 'contracted' } },
];

/** `element` in a box `width` px wide, `top` px down the page (far below the viewport, it loads but does not draw). */
function placed(tag: string, attributes: Record<string, string>, width: number, top: number): { element: ChartElement; box: HTMLElement } {
  const element = document.createElement(tag) as ChartElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const box = document.createElement('div');
  box.style.cssText = `position: absolute; top: ${top}px; left: 0; width: ${width}px`;
  box.append(element);
  document.body.append(box);
  return { element, box };
}

const height = (element: Element | null) => element!.getBoundingClientRect().height;

describe('a chart keeps its drawn height before it is drawn', () => {
  for (const { name, tag, attributes } of CASES) {
    for (const width of [400, 488, 1280]) {
      it(`${name}, ${width} px`, async () => {
        const spacer = document.createElement('div');
        spacer.style.height = '20000px';
        document.body.append(spacer);
        // Loading (the API holds the answer back): the status box keeps at least the drawing's height.
        const slow = placed(tag, { ...attributes, src: `${attributes.src}${attributes.src.includes('?') ? '&' : '?'}delay=1500` }, width, 10_000);
        const { element, box } = placed(tag, attributes, width, 15_000);
        try {
          await slow.element.updateComplete;
          expect(slow.element.status).to.equal('loading');
          const loading = height(slow.element.shadowRoot!.querySelector('[part~="status"]'));
          // Loaded, not drawn yet (out of view): the empty chart keeps its place.
          const start = performance.now();
          while (element.status !== 'ready' && performance.now() - start < 15_000) await new Promise((resolve) => setTimeout(resolve, 25));
          await element.updateComplete;
          const chart = element.shadowRoot!.querySelector('[part~="chart"]')!;
          expect(chart.querySelector('svg'), 'not drawn out of view').to.equal(null);
          const kept = height(chart);
          box.style.top = '0px';
          window.scrollTo(0, 0);
          await settled(element, 15_000);
          const drawn = height(chart.querySelector('svg'));
          expect(drawn, 'a drawing').to.be.greaterThan(100);
          expect(Math.abs(kept - drawn), `kept ${kept} px for a drawing of ${drawn} px`).to.be.at.most(12);
          expect(loading, `loading box ${loading} px for a drawing of ${drawn} px`).to.be.at.least(drawn - 12);
        } finally {
          box.remove();
          slow.box.remove();
          spacer.remove();
        }
      });
    }
  }
});
