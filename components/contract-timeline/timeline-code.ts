// What the timeline runs only once it has data, in a chunk of its own so the element is defined without it.
import { contractTimeline as processTimeline } from '../../src/analysis/timeline.js';
import { processesOnly } from '../../src/summary/needs.js';

export { timelineExtent, TIMELINE_STAGES } from '../../src/analysis/timeline.js';
export const contractTimeline = processesOnly(processTimeline);
export { timelineSpec } from '../../src/charts/timeline.js';
export { dateTime } from '../../src/data/dates.js';
export { describeRow, mostUsedCurrency, timelineSummary, undatedText } from './timeline-text.js';
