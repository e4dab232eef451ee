// Runs inside test/hostile/csp.html (served with `default-src 'self'`): every element, on real data and on the
// hostile-text file, loads, draws, shows a tooltip and its table; every CSP violation is recorded for csp.test.ts.
import { hover, recordCspViolations, type CspRecord } from '../helpers/csp-page.js';
import { defineAll, drawsWithVega, ELEMENTS, type AnyChartElement } from './elements.js';

const SOURCES = [
  '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json',
  '/raw/test/hostile/files/hostile-text.json',
];

export interface CspOutcome extends CspRecord {
  elements: { tag: string; src: string; status: string; drawn: boolean; table: number; tooltip: boolean }[];
}

const csp = await recordCspViolations();

await defineAll();
const main = document.querySelector('main')!;
const elements = SOURCES.flatMap((src) =>
  ELEMENTS.map(({ tag }) => {
    const element = document.createElement(tag) as AnyChartElement;
    element.setAttribute('src', src);
    main.append(element);
    return element;
  }),
);

const outcome: Promise<CspOutcome> = (async () => {
  await Promise.all(elements.map((element) => element.rendered));
  const results: CspOutcome['elements'] = [];
  for (const element of elements) {
    const root = element.shadowRoot!;
    // Hover marks (bars, points, nodes) until one shows its tooltip.
    let tooltip = false;
    for (const mark of [...root.querySelectorAll('.chart svg .mark-rect path, .chart svg .mark-symbol path, .chart svg .mark-symbol circle')].slice(0, 20)) {
      const box = mark.getBoundingClientRect();
      hover(mark, box.x + box.width / 2, box.y + box.height / 2);
      await element.updateComplete;
      tooltip = root.querySelector('.tooltip:not([hidden])') !== null;
      if (tooltip) break;
    }
    root.querySelector<HTMLButtonElement>('[part="controls"] button[aria-pressed]')?.click();
    await element.updateComplete;
    results.push({
      tag: element.localName,
      src: element.getAttribute('src')!,
      status: element.status,
      drawn: root.querySelector(drawsWithVega(element.localName) ? '.chart svg' : '[part="chart"] table') !== null,
      table: root.querySelectorAll('table tbody tr').length,
      tooltip,
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { ...csp, elements: results };
})();
(window as unknown as { cspOutcome: Promise<CspOutcome> }).cspOutcome = outcome;
