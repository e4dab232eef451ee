// Runs inside test/csp/spending.html (served with a strict CSP): records every CSP violation while <ocds-spending-by-stage> loads, draws,
// shows its tooltip and its table, and publishes the outcome for test/csp.test.ts.
import '../../components/spending-by-stage/define.js';
import { publishBarChartOutcome } from '../helpers/csp-page.js';

await publishBarChartOutcome('ocds-spending-by-stage');
