// What <ocds-supplier-network> runs only once it has data (the analysis, the force layout, the chart spec): a chunk
// of its own, loaded with the data, so the element is defined and shows its loading state without it.
import { supplierNetwork as processNetwork } from '../../src/analysis/network.js';
import { processesOnly } from '../../src/summary/needs.js';

export const supplierNetwork = processesOnly(processNetwork);
export { createForceLayout } from '../../src/charts/force-layout.js';
export { networkLayoutInput, networkSpec } from '../../src/charts/network.js';
