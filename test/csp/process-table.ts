// Runs inside test/csp/process-table.html (served with a strict CSP): records every CSP violation while the table
// loads, searches (highlighting) and opens a process, and publishes the outcome for
// test/components/process-table.test.ts.
import '../../components/process-table/define.js';
import { recordCspViolations } from '../helpers/csp-page.js';

const csp = await recordCspViolations();

const element = document.querySelector('ocds-process-table')!;
const outcome = (async () => {
  await element.updateComplete;
  await element.rendered;
  const root = element.shadowRoot!;
  const marks = root.querySelectorAll('mark').length;
  root.querySelector<HTMLElement>('tbody tr')?.click();
  await element.updateComplete;
  return { ...csp, status: element.status, rows: element.rows.length, marks, detail: root.querySelector('.process-detail') !== null };
})();
(window as unknown as { cspOutcome: typeof outcome }).cspOutcome = outcome;
