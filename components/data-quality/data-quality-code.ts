// What <ocds-data-quality> runs only once it has data, in a chunk loaded with the data, not with the element.
import { coverageRows as processCoverage } from '../../src/analysis/data-quality.js';
import type { Dataset } from '../../src/data/types.js';

import { dataOverview as processOverview } from '../../src/analysis/data-quality.js';

export { issueGroups, issueCategory } from '../../src/analysis/data-quality.js';
/** Coverage and overview; a Dataset read from a summary document answers from its field counts and meta. */
export const coverageRows = (dataset: Dataset) => (dataset.summary ? dataset.summary.coverage() : processCoverage(dataset));
export const dataOverview = (dataset: Dataset) => (dataset.summary ? dataset.summary.overview() : processOverview(dataset));
export { coverageChartSpec } from '../../src/charts/data-quality.js';
