// What <ocds-data-quality> runs only once it has data, in a chunk loaded with the data, not with the element.
export { coverageRows, dataOverview, issueGroups, issueCategory } from '../../src/analysis/data-quality.js';
export { coverageChartSpec } from '../../src/charts/data-quality.js';
