// What <ocds-red-flags> runs only once it has data, in a chunk loaded with the data, not with the element.
export { redFlags, redFlagGroups, redFlagsWithin, parseRedFlagSettings } from '../../src/analysis/red-flags.js';
export { redFlagsChartSpec } from '../../src/charts/red-flags.js';
