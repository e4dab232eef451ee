// Runs inside test/csp/data-quality.html (served with a strict CSP): records every CSP violation while <ocds-data-quality> loads, draws,
// shows its tooltip and its table, and publishes the outcome for test/csp.test.ts.
import '../../components/data-quality/define.js';
import { publishBarChartOutcome } from '../helpers/csp-page.js';

await publishBarChartOutcome('ocds-data-quality');
