// Runs inside test/csp/red-flags.html (served with a strict CSP): records every CSP violation while the element
// loads, draws and shows its tooltip and table, and publishes the outcome for test/csp.test.ts.
import '../../components/red-flags/define.js';
import { hover, recordCspViolations, showTable, type CspRecord } from '../helpers/csp-page.js';

interface CspOutcome extends CspRecord {
  status: string;
  error: string;
  bars: number;
  tooltip: string;
  table: number;
}

const csp = await recordCspViolations();

const element = document.querySelector('ocds-red-flags')!;
const outcome: Promise<CspOutcome> = (async () => {
  await element.rendered;
  const root = element.shadowRoot!;
  const bar = root.querySelector('.chart svg .mark-rect path');
  const box = bar?.getBoundingClientRect();
  hover(bar, (box?.x ?? 0) + 2, (box?.y ?? 0) + 2);
  return {
    ...csp,
    ...(await showTable(element, 'button[aria-pressed]')),
    bars: root.querySelectorAll('.chart svg .mark-rect path').length,
  };
})();
(window as unknown as { cspOutcome: Promise<CspOutcome> }).cspOutcome = outcome;
