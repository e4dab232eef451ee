// Runs inside test/csp/spending.html (served with a strict CSP): records every CSP violation while the element
// loads, draws and shows its tooltip and table, and publishes the outcome for test/csp.test.ts.
import '../../components/spending-by-stage/define.js';

interface CspOutcome {
  /** A `new Function` probe was refused: the policy really is in force. */
  policyEnforced: boolean;
  violations: string[];
  status: string;
  error: string;
  bars: number;
  tooltip: string;
  table: number;
}

const violations: string[] = [];
let policyEnforced = false;
try {
  new Function('return 1')();
} catch {
  policyEnforced = true;
}
// The probe's own report arrives as a task: start counting after it.
await new Promise((resolve) => setTimeout(resolve, 50));
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
);

const element = document.querySelector('ocds-spending-by-stage')!;
const outcome: Promise<CspOutcome> = (async () => {
  await element.rendered;
  const root = element.shadowRoot!;
  const bar = root.querySelector('.chart svg .mark-rect path');
  const box = bar?.getBoundingClientRect();
  const at = { bubbles: true, composed: true, clientX: (box?.x ?? 0) + 2, clientY: (box?.y ?? 0) + 2 };
  bar?.dispatchEvent(new PointerEvent('pointermove', at));
  bar?.dispatchEvent(new MouseEvent('mousemove', at));
  root.querySelector<HTMLButtonElement>('button[aria-pressed]')?.click();
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    policyEnforced,
    violations,
    status: element.status,
    error: root.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
    bars: root.querySelectorAll('.chart svg .mark-rect path').length,
    tooltip: root.querySelector('.tooltip:not([hidden])')?.textContent?.trim() ?? '',
    table: root.querySelectorAll('table tbody tr').length,
  };
})();
(window as unknown as { cspOutcome: Promise<CspOutcome> }).cspOutcome = outcome;
