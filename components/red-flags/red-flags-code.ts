// What <ocds-red-flags> runs only once it has data, in a chunk loaded with the data, not with the element.
import { redFlags as processRedFlags } from '../../src/analysis/red-flags.js';
import { processesOnly } from '../../src/summary/needs.js';

export { redFlagGroups, redFlagsWithin, parseRedFlagSettings } from '../../src/analysis/red-flags.js';
export const redFlags = processesOnly(processRedFlags);
export { redFlagsChartSpec } from '../../src/charts/red-flags.js';
// Its words for data and a flag's reason in words: needed only once there is data.
export { redFlagsDataMessages } from './data-messages.js';
export { redFlagReason } from './reason-text.js';
export { renderFindings, findingsStyles } from './findings-view.js';
