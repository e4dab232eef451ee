// What <ocds-red-flags> runs only once it has data, in a chunk loaded with the data, not with the element.
export { redFlags, redFlagGroups, redFlagsWithin, parseRedFlagSettings } from '../../src/analysis/red-flags.js';
export { redFlagsChartSpec } from '../../src/charts/red-flags.js';
// Its words for data and a flag's reason in words: needed only once there is data.
export { redFlagsDataMessages } from './data-messages.js';
export { redFlagReason } from './reason-text.js';
export { renderFindings, findingsStyles } from './findings-view.js';
