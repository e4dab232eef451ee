// What the process table runs only once it has data, in a chunk of its own so the element is defined without it.
export { queryWords, matchRanges, sortRows } from '../../src/analysis/process-table.js';
export { TableWork, type CurrencyRows } from './table-work.js';
// The detail view (with the red-flag reasons in <ocds-red-flags>' words): needed only once there is data.
export { renderDetail } from './detail-view.js';
export { processTableDataMessages } from './data-messages.js';
