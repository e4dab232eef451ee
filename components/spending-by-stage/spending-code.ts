// What <ocds-spending-by-stage> runs only once it has data, in a chunk loaded with the data, not with the element.
import { spendingByStage as processSpending, spendingCurrencies as processCurrencies } from '../../src/analysis/spending.js';
import type { Dataset } from '../../src/data/types.js';

/** Spending by stage; a Dataset read from a summary document answers from its cube. */
export const spendingByStage = (dataset: Dataset, options: { ocid?: string } = {}) => (dataset.summary ? dataset.summary.spending(options) : processSpending(dataset, options));
export const spendingCurrencies = (dataset: Dataset, options: { ocid?: string } = {}) => (dataset.summary ? dataset.summary.currencies() : processCurrencies(dataset, options));
export { spendingChartSpec } from '../../src/charts/spending.js';
