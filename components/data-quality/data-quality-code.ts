// What <ocds-data-quality> runs only once it has data, in a chunk loaded with the data, not with the element.
import { coverageRows as processCoverage } from '../../src/analysis/data-quality.js';
import { processesOnly } from '../../src/summary/needs.js';

export { dataOverview, issueGroups, issueCategory } from '../../src/analysis/data-quality.js';
export const coverageRows = processesOnly(processCoverage);
export { coverageChartSpec } from '../../src/charts/data-quality.js';
