// Runs inside test/csp/data-quality.html (served with a strict CSP): records every CSP violation while the element
// loads, draws its coverage bars, shows a tooltip and its table, and publishes the outcome for test/csp.test.ts.
import '../../components/data-quality/define.js';
import { hover, recordCspViolations, showTable, type CspRecord } from '../helpers/csp-page.js';

interface CspOutcome extends CspRecord {
  status: string;
  error: string;
  bars: number;
  rows: number;
  tooltip: string;
  table: number;
}

const csp = await recordCspViolations();

const element = document.querySelector('ocds-data-quality')!;
const outcome: Promise<CspOutcome> = (async () => {
  await element.rendered;
  const root = element.shadowRoot!;
  const bar = [...root.querySelectorAll('.chart svg .mark-rect path')].find((path) => path.getBoundingClientRect().width > 4);
  const box = bar?.getBoundingClientRect();
  hover(bar, (box?.x ?? 0) + 2, (box?.y ?? 0) + 2);
  return {
    ...csp,
    ...(await showTable(element, 'button[aria-pressed]')),
    bars: root.querySelectorAll('.chart svg .mark-rect path').length,
    rows: element.rows.length,
  };
})();
(window as unknown as { cspOutcome: Promise<CspOutcome> }).cspOutcome = outcome;
