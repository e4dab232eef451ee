// A Spanish page reads Spanish to a screen reader too: no English from Vega (axis and legend descriptions, raw
// field names) in the drawn chart, and sentences that agree in number.
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';
import { settled } from '../hostile/harness.js';

type ChartElement = OcdsChartElement<object>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const PARAGUAY_ONE_AWARD = '/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json';
const CDMX_OCID = 'OCDS-87SD3T-AD-SF-DRM-063-2015';

async function drawnInSpanish(tag: string, attributes: Record<string, string>): Promise<ChartElement> {
  const element = document.createElement(tag) as ChartElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.setAttribute('lang', 'es');
  document.body.append(element);
  await settled(element, 15_000);
  expect(element.status).to.equal('ready');
  return element;
}

/** Every label a screen reader gets from the drawn chart. */
const chartLabels = (element: ChartElement) =>
  [...element.shadowRoot!.querySelectorAll('.chart svg[aria-label], .chart svg [aria-label]')].map((node) => node.getAttribute('aria-label')!);

describe('Spanish for screen readers', () => {
  const cases: { tag: string; attributes: Record<string, string> }[] = [
    { tag: 'ocds-spending-by-stage', attributes: { src: '/api/releases?source=mexico-inai' } },
    { tag: 'ocds-contract-timeline', attributes: { src: `/api/records/${CDMX_OCID}`, ocid: CDMX_OCID } },
    { tag: 'ocds-contract-timeline', attributes: { src: ARMENIA } },
  ];
  for (const { tag, attributes } of cases) {
    it(`<${tag}>${attributes.ocid ? ' (one process)' : ''}: no English axis or legend descriptions, no raw field names`, async () => {
      const element = await drawnInSpanish(tag, attributes);
      try {
        const labels = chartLabels(element);
        expect(labels.length).to.be.greaterThan(0);
        for (const label of labels) {
          expect(label).to.not.match(/\b(axis|legend|scale|values from)\b/i);
          expect(label).to.not.match(/\b(label|amount|id): /);
        }
      } finally {
        element.remove();
      }
    });
  }

  it('<ocds-spending-by-stage>: each bar is described by its stage, amount and processes, in Spanish', async () => {
    const element = await drawnInSpanish('ocds-spending-by-stage', { src: '/api/releases?source=mexico-inai', currency: 'MXN' });
    try {
      const bars = [...element.shadowRoot!.querySelectorAll('.chart svg .mark-rect path[aria-label]')].map((node) => node.getAttribute('aria-label')!);
      expect(bars.length).to.equal(5);
      const planned = element.rows.find((row) => (row as Json).stage === 'planned' && (row as Json).currency === 'MXN') as Json;
      expect(bars[0]).to.match(/^Planeado: /);
      expect(bars[0]).to.contain(new Intl.NumberFormat('es', { style: 'currency', currency: 'MXN' }).format(planned.amount));
      expect(bars[0]).to.contain(`${planned.processes} proceso`);
    } finally {
      element.remove();
    }
  });

  it('<ocds-supplier-network>: one buyer "adjudicó", several "adjudicaron"', async () => {
    const paraguay: Json = await (await fetch(PARAGUAY_ONE_AWARD)).json();
    // One record, one buyer (an OCDS 1.0 inline organisation).
    expect(paraguay.records.length).to.equal(1);
    expect(paraguay.records[0].compiledRelease.buyer.name).to.be.a('string');
    const one = await drawnInSpanish('ocds-supplier-network', { src: PARAGUAY_ONE_AWARD });
    const several = await drawnInSpanish('ocds-supplier-network', { src: ARMENIA });
    try {
      const summary = (element: ChartElement) => element.shadowRoot!.querySelector('[part~="summary"]')!.textContent!;
      expect(summary(one)).to.match(/^1 comprador adjudicó /);
      expect(summary(several)).to.match(/^\d+ compradores adjudicaron /);
    } finally {
      one.remove();
      several.remove();
    }
  });
});
