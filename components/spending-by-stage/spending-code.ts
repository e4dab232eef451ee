// What <ocds-spending-by-stage> runs only once it has data, in a chunk loaded with the data, not with the element.
export { spendingByStage, spendingCurrencies } from '../../src/analysis/spending.js';
export { spendingChartSpec } from '../../src/charts/spending.js';
