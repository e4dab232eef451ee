// What <ocds-supplier-network> runs only once it has data (the analysis, the force layout, the chart spec): a chunk
// of its own, loaded with the data, so the element is defined and shows its loading state without it.
import { supplierNetworks as processNetworks, type SupplierNetworkOptions, type SupplierNetworks } from '../../src/analysis/network.js';
import type { Dataset } from '../../src/data/types.js';
import { needsProcesses } from '../../src/summary/needs.js';

/** The network of a Dataset for any options, its awards read once; a Dataset read from a summary document answers from its network cube. */
export const supplierNetworks = (dataset: Dataset): SupplierNetworks => {
  const summary = dataset.summary;
  if (!summary) return processNetworks(dataset);
  const network = (options: SupplierNetworkOptions = {}) => summary.network(options);
  return Object.assign(network, { edges: network });
};
/** The Dataset of one process (a summary holds none). */
export const oneProcess = (dataset: Dataset, ocid: string): Dataset => (dataset.summary ? needsProcesses() : { ...dataset, processes: dataset.processes.filter((p) => p.ocid === ocid) });
export { createForceLayout } from '../../src/charts/force-layout.js';
export { networkLayoutInput, networkSpec } from '../../src/charts/network.js';
export { supplierNetworkDataMessages } from './data-messages.js';
