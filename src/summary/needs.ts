// Views that need the process data refuse a Dataset read from a summary document (say so, never chart it wrongly).
import { OcdsError, type Dataset } from '../data/types.js';

/** Throws OcdsError `needs-processes`: the view needs what only the process data holds. */
export function needsProcesses(): never {
  throw new OcdsError('needs-processes', 'This view needs the process data: a summary holds totals only.');
}

/** `analysis`, refusing a Dataset read from a summary document. */
export function processesOnly<Args extends unknown[], Result>(analysis: (dataset: Dataset, ...rest: Args) => Result): (dataset: Dataset, ...rest: Args) => Result {
  return (dataset, ...rest) => (dataset.summary ? needsProcesses() : analysis(dataset, ...rest));
}
