// What <ocds-breakdown> runs only once it has data, in a chunk loaded with the data, not with the element.
export { breakdown } from '../../src/analysis/breakdown.js';
export { breakdownChartSpec } from '../../src/charts/breakdown.js';
