// ocds-widgets core: load, validate, merge and analyse OCDS data. Nothing here registers an element
// or touches the DOM beyond `fetch`, so it runs in Node 20 as well as the browser.
export * from './data/types.js';
export { compileReleases, versionReleases, type MergeOptions } from './data/merge.js';
export { mergeRulesFromSchema, OCDS_1_1_5_RULES, type MergeRules } from './data/merge-rules.js';
export { spendingByStage, spendingCurrencies, SPENDING_STAGES, type SpendingRow, type SpendingStage, type SpendingOptions } from './analysis/spending.js';
export { processRow, processRows, searchText, foldText, queryWords, matchesWords, matchRanges, sortRows, PROCESS_STAGES, type ProcessRow, type ProcessColumn, type ProcessStage, type SortDirection } from './analysis/process-table.js';
export { decodeOcdsBytes, parseOcdsText } from './data/read.js';
export { readOcdsContent, mergeContents, type OcdsContent } from './data/shapes.js';
export { fromOcds } from './data/from-ocds.js';
export { buildDataset, buildDatasetAsync, type BuildExtra, type BuildPhase } from './data/dataset.js';
export { parseOcdsDate, dateTime, type OcdsDate, type OcdsDateError } from './data/dates.js';
export { organisationKey, normaliseCurrency } from './data/organisations.js';
export { timelineRows, contractTimeline, timelineExtent, TIMELINE_STAGES, DEFAULT_TIMELINE_LIMIT, type TimelineRow, type TimelineOptions, type TimelineStage, type TimelineEvent, type TimelineSort, type ContractTimeline, type ShownProcess, type OverdueContract } from './analysis/timeline.js';
export { isOcds10Release, upgradeRelease, upgradeReleasePackage, upgradeRecordPackage } from './data/upgrade.js';
export {
  supplierNetwork,
  othersLabel,
  isOthersId,
  NO_VALUE,
  DEFAULT_NETWORK_LIMIT,
  type SupplierNetwork,
  type SupplierNetworkOptions,
  type NetworkNode,
  type NetworkEdge,
  type NetworkRole,
  type NetworkSplit,
  type NetworkSummary,
  type BuyerConcentration,
} from './analysis/network.js';
export { createForceLayout, forceLayout, type ForceLayout, type ForceLayoutOptions, type LayoutNode, type LayoutLink } from './charts/force-layout.js';
export { loadOcds, fetchOcdsContent, type FetchedContent } from './data/load.js';
export { sharedLoad } from './data/shared-load.js';
export { filterDataset, hasFilters, organisationMatches, processStart, processStartDay, type ProcessStart, type ProcessStartSource, FILTER_KEYS, type DatasetFilters } from './analysis/filter.js';
export { snapshotRecordPackage, type SnapshotOptions } from './data/snapshot.js';
export {
  breakdown,
  furthestStage,
  BREAKDOWN_BY,
  BREAKDOWN_INTERVALS,
  BREAKDOWN_MEASURES,
  BREAKDOWN_SPLITS,
  BREAKDOWN_STAGES,
  DEFAULT_BREAKDOWN_LIMIT,
  NOT_STATED,
  OTHERS,
  UNDATED,
  type BreakdownBy,
  type BreakdownInterval,
  type BreakdownMeasure,
  type BreakdownSplit,
  type BreakdownOptions,
  type BreakdownRow,
} from './analysis/breakdown.js';
export { fieldCoverage, type FieldCoverage } from './analysis/coverage.js';
export { redFlags, redFlagsOfReleases, redFlagGroups, type RedFlagGrouping, type RedFlagGroupRow, parseRedFlagSettings, statrsQuantile, RED_FLAG_INDICATORS, type RedFlagIndicator, type RedFlagGroup, type RedFlagSettings, type RedFlagsResult, type RedFlagResults, type RedFlagCoverage, type RedFlagSettingsIssue } from './analysis/red-flags.js';
export { SUMMARY_TYPE, SUMMARY_VERSION, SUMMARY_NETWORK_LIMIT, SUMMARY_LARGEST_LIMIT, SUMMARY_ERROR_LIMIT, SUMMARY_BREAKDOWN_BY, SUMMARY_SPENDING_BUYERS, SPENDING_OTHER_BUYERS, SPENDING_COLUMNS, BREAKDOWN_COLUMNS, BREAKDOWN_PROCESS_COLUMNS, isSummaryDocument, type SummaryDocument, type SummaryMeta, type SummaryError as SummaryInputError, type SummarySource, type SummaryBreakdownBy } from './summary/format.js';
export { summaryFacts, addReleaseFields, decimalText, type SummaryFacts } from './summary/facts.js';
export { engineRelease, type EngineRelease } from './summary/engine.js';
export { mergeSummaries, canonicalSummary, namedOrganisations, canonicalAmount, addAmounts, compareAmounts } from './summary/document.js';
export { parseSummary, SummaryError, type SummaryProblem } from './summary/read.js';
export { summarySpending, summarySpendingAnswers, summaryBreakdown, summaryNetworkEdges, summaryLabel, type SummaryFilters } from './summary/rows.js';
