// The element classes, nothing registered (`ocds-widgets/elements.js`): for subclassing or registering under
// other tags. `ocds-widgets/<element>.js` registers one element, `ocds-widgets/all.js` all of them.
export { OcdsChartElement, type ChartContext, type SelectableItem, type ElementStatus, type Theme } from './base/chart-element.js';
export { defineElement } from './base/define.js';
export type { OcdsEventMap, OcdsLoadDetail, OcdsRenderDetail, OcdsSelectDetail, OcdsErrorDetail, ErrorPhase } from './base/events.js';
export { OcdsSpendingByStage } from './spending-by-stage/spending-by-stage.js';
export { OcdsContractTimeline } from './contract-timeline/contract-timeline.js';
export { OcdsSupplierNetwork } from './supplier-network/supplier-network.js';
export { OcdsBreakdown } from './breakdown/breakdown.js';
export { OcdsDataQuality } from './data-quality/data-quality.js';
export { OcdsProcessTable } from './process-table/process-table.js';
export { OcdsDataset } from './dataset/dataset.js';
export { OcdsRedFlags } from './red-flags/red-flags.js';
