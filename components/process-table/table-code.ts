// What the process table runs only once it has data, in a chunk of its own so the element is defined without it.
export { processRows, searchText, queryWords, matchesWords, matchRanges, sortRows } from '../../src/analysis/process-table.js';
export { spendingCurrencies } from '../../src/analysis/spending.js';
export { redFlags } from '../../src/analysis/red-flags.js';
