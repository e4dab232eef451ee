// What the process table runs only once it has data, in a chunk of its own so the element is defined without it.
export { processRows, searchText, queryWords, matchesWords, matchRanges, sortRows } from '../../src/analysis/process-table.js';
export { spendingCurrencies } from '../../src/analysis/spending.js';
import { redFlags as processRedFlags } from '../../src/analysis/red-flags.js';
import { processesOnly } from '../../src/summary/needs.js';

export const redFlags = processesOnly(processRedFlags);
// The detail view's red-flag reasons in words, with <ocds-red-flags>' wording: needed only once there is data.
export { redFlagReason } from '../red-flags/reason-text.js';
export { redFlagsDataMessages as redFlagsMessages } from '../red-flags/data-messages.js';
