// Runs inside test/csp/timeline.html (served with a strict CSP): records every CSP violation while the timeline
// loads, draws, shows a payment's tooltip and its table, and publishes the outcome for
// test/components/contract-timeline.test.ts.
import '../../components/contract-timeline/define.js';
import { hover, recordCspViolations, showTable } from '../helpers/csp-page.js';

const csp = await recordCspViolations();

const element = document.querySelector('ocds-contract-timeline')!;
const outcome = (async () => {
  await element.rendered;
  const root = element.shadowRoot!;
  const payment = root.querySelector('.chart svg g.mark-symbol path[aria-label^="Pago"]');
  const box = payment?.getBoundingClientRect();
  hover(payment, (box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  // Read before the table opens: after a layout change Firefox sends a mousemove at the real pointer (not over this
  // mark, which only a dispatched event hovered), and Vega hides the tooltip, as it should for a real pointer.
  await element.updateComplete;
  const tooltip = root.querySelector('.tooltip:not([hidden])')?.textContent?.trim() ?? '';
  return {
    ...csp,
    ...(await showTable(element, '[part="controls"] button[aria-pressed]')),
    tooltip,
    payments: root.querySelectorAll('.chart svg g.mark-symbol path[aria-label^="Pago"]').length,
  };
})();
(window as unknown as { cspOutcome: typeof outcome }).cspOutcome = outcome;
