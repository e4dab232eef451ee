// Runs inside test/csp/timeline.html (served with a strict CSP): records every CSP violation while the timeline
// loads, draws, shows a payment's tooltip and its table, and publishes the outcome for
// test/components/contract-timeline.test.ts.
import '../../components/contract-timeline/define.js';
import { hover, recordCspViolations } from '../helpers/csp-page.js';

const csp = await recordCspViolations();

const element = document.querySelector('ocds-contract-timeline')!;
const outcome = (async () => {
  await element.rendered;
  const root = element.shadowRoot!;
  const payment = root.querySelector('.chart svg g.mark-symbol path[aria-label^="Pago"]');
  const box = payment?.getBoundingClientRect();
  hover(payment, (box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  root.querySelector<HTMLButtonElement>('[part="controls"] button[aria-pressed]')?.click();
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    ...csp,
    status: element.status,
    error: root.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
    payments: root.querySelectorAll('.chart svg g.mark-symbol path[aria-label^="Pago"]').length,
    tooltip: root.querySelector('.tooltip:not([hidden])')?.textContent?.trim() ?? '',
    table: root.querySelectorAll('table tbody tr').length,
  };
})();
(window as unknown as { cspOutcome: typeof outcome }).cspOutcome = outcome;
