// The coverage fields and issue categories of <ocds-data-quality>, on their own so the element can name them before
// its data code (and src/analysis) has loaded.

/**
 * Each field the charts rely on, with the cardinal coverage path whose non-empty value counts as published. Supplier
 * identifiers live on the parties an award's suppliers name, so that row counts processes with an award supplier
 * whose party has an identifier id (a path alone would count buyers' identifiers too).
 */
export const COVERAGE_FIELDS = [
  { field: 'planning', path: '/planning' },
  { field: 'budget', path: '/planning/budget/amount/amount' },
  { field: 'tender', path: '/tender' },
  { field: 'tender-value', path: '/tender/value/amount' },
  { field: 'tenderers', path: '/tender/numberOfTenderers' },
  { field: 'bids', path: '/bids/details[]' },
  { field: 'award', path: '/awards[]' },
  { field: 'award-value', path: '/awards[]/value/amount' },
  { field: 'award-date', path: '/awards[]/date' },
  { field: 'supplier-identifier', path: '/awards[]/suppliers[]' },
  { field: 'contract', path: '/contracts[]' },
  { field: 'contract-value', path: '/contracts[]/value/amount' },
  { field: 'contract-signed', path: '/contracts[]/dateSigned' },
  { field: 'transactions', path: '/contracts[]/implementation/transactions[]' },
] as const;

export type CoverageFieldId = (typeof COVERAGE_FIELDS)[number]['field'];

/** Plain-language groups of DataIssue codes. */
export const ISSUE_CATEGORIES = ['incomplete', 'identity', 'structure', 'dates', 'amounts', 'organisations', 'text', 'other'] as const;

export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
