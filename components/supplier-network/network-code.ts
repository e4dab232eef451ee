// What <ocds-supplier-network> runs only once it has data (the analysis, the force layout, the chart spec): a chunk
// of its own, loaded with the data, so the element is defined and shows its loading state without it.
export { supplierNetwork } from '../../src/analysis/network.js';
export { createForceLayout } from '../../src/charts/force-layout.js';
export { networkLayoutInput, networkSpec } from '../../src/charts/network.js';
