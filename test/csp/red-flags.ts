// Runs inside test/csp/red-flags.html (served with a strict CSP): records every CSP violation while <ocds-red-flags> loads, draws,
// shows its tooltip and its table, and publishes the outcome for test/csp.test.ts.
import '../../components/red-flags/define.js';
import { publishBarChartOutcome } from '../helpers/csp-page.js';

await publishBarChartOutcome('ocds-red-flags');
