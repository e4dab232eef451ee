// What the timeline runs only once it has data, in a chunk of its own so the element is defined without it.
import { contractTimeline as processTimeline } from '../../src/analysis/timeline.js';
import type { Dataset } from '../../src/data/types.js';

export { timelineExtent, TIMELINE_STAGES } from '../../src/analysis/timeline.js';
/** The timeline; a Dataset read from a summary document answers from its largest processes (or says it needs the processes). */
export const contractTimeline = (dataset: Dataset, options: Parameters<typeof processTimeline>[1] = {}) =>
  dataset.summary ? dataset.summary.timeline(options) : processTimeline(dataset, options);
export { timelineSpec } from '../../src/charts/timeline.js';
export { dateTime } from '../../src/data/dates.js';
export { describeRow, mostUsedCurrency, reservedHeight, timelineSummary, undatedText } from './timeline-text.js';
export { timelineDataMessages } from './data-messages.js';
