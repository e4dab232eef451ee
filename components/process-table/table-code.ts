// What the process table runs only once it has data, in a chunk of its own so the element is defined without it.
export { processRows, searchText, queryWords, matchesWords, matchRanges, sortRows } from '../../src/analysis/process-table.js';
export { currenciesOf, processAmounts } from '../../src/analysis/spending.js';
export { redFlags } from '../../src/analysis/red-flags.js';
// The detail view's red-flag reasons in words, with <ocds-red-flags>' wording: needed only once there is data.
export { redFlagReason } from '../red-flags/reason-text.js';
export { redFlagsMessages } from '../red-flags/messages.js';
