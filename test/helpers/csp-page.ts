// Shared by the pages served under a strict CSP (test/csp/*.ts, test/hostile/csp-page.ts): they prove the policy is
// in force, record every violation while their elements draw and hover a mark to show its tooltip.

/** A `new Function` probe was refused (the policy really is in force) and every CSP violation reported after it. */
export interface CspRecord {
  policyEnforced: boolean;
  violations: string[];
}

/** Probes the policy, then records violations; `violations` keeps filling after this resolves. */
export async function recordCspViolations(): Promise<CspRecord> {
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
  return { policyEnforced, violations };
}

/** Moves the pointer over `mark` at a page point, as Vega's tooltip handler hears it (pointer and mouse events). */
export function hover(mark: Element | null | undefined, clientX: number, clientY: number): void {
  const at = { bubbles: true, composed: true, clientX, clientY };
  mark?.dispatchEvent(new PointerEvent('pointermove', at));
  mark?.dispatchEvent(new MouseEvent('mousemove', at));
}

/** The parts of a chart element these pages drive and report. */
interface ChartElement extends Element {
  status: string;
  updateComplete: Promise<unknown>;
}

/**
 * Presses the element's table toggle (`button`, a selector in its shadow root), lets the tooltip and any late CSP
 * report arrive, and returns what every page reports: status, error text, tooltip text, table rows.
 */
export async function showTable(element: ChartElement, button: string) {
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>(button)?.click();
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    status: element.status,
    error: root.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
    tooltip: root.querySelector('.tooltip:not([hidden])')?.textContent?.trim() ?? '',
    table: root.querySelectorAll('table tbody tr').length,
  };
}

/** What a bar chart's strict-CSP page reports (test/csp.test.ts). */
export interface BarChartCspOutcome extends CspRecord {
  status: string;
  error: string;
  bars: number;
  rows: number;
  tooltip: string;
  table: number;
}

/**
 * The whole script of a bar chart's strict-CSP page (test/csp/spending.ts and the like): records violations while
 * the page's `tag` element loads and draws, hovers its first visible bar, opens its table, and publishes the outcome
 * as `window.cspOutcome`.
 */
export async function publishBarChartOutcome(tag: string): Promise<void> {
  const csp = await recordCspViolations();
  const element = document.querySelector(tag) as unknown as ChartElement & { rendered: Promise<void>; rows: unknown[] };
  const outcome: Promise<BarChartCspOutcome> = (async () => {
    await element.rendered;
    const root = element.shadowRoot!;
    const bars = [...root.querySelectorAll('.chart svg .mark-rect path')];
    const bar = bars.find((path) => path.getBoundingClientRect().width > 4);
    const box = bar?.getBoundingClientRect();
    hover(bar, (box?.x ?? 0) + 2, (box?.y ?? 0) + 2);
    return { ...csp, ...(await showTable(element, 'button[aria-pressed]')), bars: bars.length, rows: element.rows.length };
  })();
  (window as unknown as { cspOutcome: Promise<BarChartCspOutcome> }).cspOutcome = outcome;
}
