// What the process table runs only once it has data, in a chunk of its own so the element is defined without it.
export { queryWords, matchRanges, sortRows } from '../../src/analysis/process-table.js';
export { TableWork, type CurrencyRows } from './table-work.js';
// The detail view's red-flag reasons in words, with <ocds-red-flags>' wording: needed only once there is data.
export { redFlagReason } from '../red-flags/reason-text.js';
export { redFlagsDataMessages as redFlagsMessages } from '../red-flags/data-messages.js';
