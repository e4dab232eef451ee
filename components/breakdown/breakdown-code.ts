// What <ocds-breakdown> runs only once it has data, in a chunk loaded with the data, not with the element.
import { breakdown as processBreakdown, type BreakdownOptions } from '../../src/analysis/breakdown.js';
import type { Dataset } from '../../src/data/types.js';

/** The breakdown; a Dataset read from a summary document answers from its cubes (or says it needs the processes). */
export const breakdown = (dataset: Dataset, options: BreakdownOptions) => (dataset.summary ? dataset.summary.breakdown(options) : processBreakdown(dataset, options));
/** Processes analysed (one, with `ocid`). */
export const processTotal = (dataset: Dataset, ocid?: string) =>
  dataset.summary ? (dataset.summary.processCount() ?? 0) : dataset.processes.filter((process) => ocid === undefined || process.ocid === ocid).length;
export { breakdownChartSpec } from '../../src/charts/breakdown.js';
