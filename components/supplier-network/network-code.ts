// What <ocds-supplier-network> runs only once it has data (the analysis, the force layout, the chart spec): a chunk
// of its own, loaded with the data, so the element is defined and shows its loading state without it.
import { supplierNetworks as processNetworks, type SupplierNetwork, type SupplierNetworkOptions } from '../../src/analysis/network.js';
import type { Dataset } from '../../src/data/types.js';
import { needsProcesses } from '../../src/summary/needs.js';

/** The network of a Dataset for any options, its awards read once; a Dataset read from a summary document answers from its network cube. */
export const supplierNetworks = (dataset: Dataset): ((options?: SupplierNetworkOptions) => SupplierNetwork) => {
  const summary = dataset.summary;
  return summary ? (options = {}) => summary.network(options) : processNetworks(dataset);
};
/** The Dataset of one process (a summary holds none). */
export const oneProcess = (dataset: Dataset, ocid: string): Dataset => (dataset.summary ? needsProcesses() : { ...dataset, processes: dataset.processes.filter((p) => p.ocid === ocid) });
export { createForceLayout } from '../../src/charts/force-layout.js';
export { networkLayoutInput, networkSpec } from '../../src/charts/network.js';
