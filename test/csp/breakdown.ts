// Runs inside test/csp/breakdown.html (served with a strict CSP): records every CSP violation while <ocds-breakdown> loads, draws,
// shows its tooltip and its table, and publishes the outcome for test/csp.test.ts.
import '../../components/breakdown/define.js';
import { publishBarChartOutcome } from '../helpers/csp-page.js';

await publishBarChartOutcome('ocds-breakdown');
