// The summary document (`ocds-widgets summarize -o summary.json`): what the elements need to chart a whole
// publisher, precomputed. README, "Summary documents", describes every part; schemas/summary.ts checks it.
// Cubes are column lists plus rows of arrays (a national summary holds tens of thousands of rows), amounts are
// decimal strings (exact, so summaries of shards add up to the summary of the whole), every amount is in one
// currency and no row adds currencies.

export const SUMMARY_TYPE = 'ocds-widgets-summary';
export const SUMMARY_VERSION = 1;

/** Suppliers kept per currency in the network cube (the network element's default limit). */
export const SUMMARY_NETWORK_LIMIT = 50;
/** Processes kept per currency in the largest-processes list. */
export const SUMMARY_LARGEST_LIMIT = 100;
/** Input errors listed with their line (all are counted). */
export const SUMMARY_ERROR_LIMIT = 20;

/** A decimal amount as text, e.g. `"31130190.03"` (at most 6 places, as the browser's sums keep). */
export type Amount = string;

/** The breakdown dimensions a summary answers (`<ocds-breakdown by=…>`). */
export const SUMMARY_BREAKDOWN_BY = ['method', 'category', 'stage', 'buyer', 'year', 'quarter', 'month'] as const;
export type SummaryBreakdownBy = (typeof SUMMARY_BREAKDOWN_BY)[number];

/** Buyers whose spending is kept crossed with year, method and category (the most processes first); the others are one row group. */
export const SUMMARY_SPENDING_BUYERS = 10;
/** The `buyer` of the spending rows of every buyer not kept (no organisation key has this form). */
export const SPENDING_OTHER_BUYERS = 'others:';

/** The spending stages, in the order of their columns in a spending row. */
export const SUMMARY_STAGES = ['planned', 'tendered', 'awarded', 'contracted', 'paid'] as const;

export const SPENDING_COLUMNS = [
  'year', 'method', 'buyer', 'category', 'currency',
  'planned', 'plannedProcesses', 'plannedPending',
  'tendered', 'tenderedProcesses', 'tenderedPending',
  'awarded', 'awardedProcesses', 'awardedPending',
  'contracted', 'contractedProcesses', 'contractedPending',
  'paid', 'paidProcesses', 'paidPending',
] as const;
/**
 * Spending by stage per process start year (`undated` when none), method, buyer (`''` when none; SPENDING_OTHER_BUYERS
 * for every buyer not kept) and category, in one currency: per stage its amount (null when no process has one), the
 * processes behind it and the pending awards or contracts it counts.
 */
export type SpendingCubeRow = [
  year: string, method: string, buyer: string, category: string, currency: string,
  planned: Amount | null, plannedProcesses: number, plannedPending: number,
  tendered: Amount | null, tenderedProcesses: number, tenderedPending: number,
  awarded: Amount | null, awardedProcesses: number, awardedPending: number,
  contracted: Amount | null, contractedProcesses: number, contractedPending: number,
  paid: Amount | null, paidProcesses: number, paidPending: number,
];

export const BREAKDOWN_COLUMNS = [
  'by', 'key', 'currency',
  'planned', 'plannedProcesses', 'tendered', 'tenderedProcesses', 'awarded', 'awardedProcesses',
  'contracted', 'contractedProcesses', 'paid', 'paidProcesses',
] as const;
/** One `<ocds-breakdown>` category in one currency: per money measure its amount (null when none) and processes. */
export type BreakdownCubeRow = [
  by: SummaryBreakdownBy, key: string, currency: string,
  planned: Amount | null, plannedProcesses: number, tendered: Amount | null, tenderedProcesses: number,
  awarded: Amount | null, awardedProcesses: number, contracted: Amount | null, contractedProcesses: number,
  paid: Amount | null, paidProcesses: number,
];
export const BREAKDOWN_PROCESS_COLUMNS = ['by', 'key', 'processes'] as const;
/** One `<ocds-breakdown>` category's `processes` measure: every process in it, with or without money. */
export type BreakdownProcessRow = [by: SummaryBreakdownBy, key: string, processes: number];

export const METHOD_DETAILS_COLUMNS = ['method', 'measure', 'currency', 'wording', 'processes'] as const;
/** The publisher's `procurementMethodDetails` wordings behind each method row. */
export type MethodDetailsRow = [method: string, measure: string, currency: string, wording: string, processes: number];

export const NETWORK_SUPPLIER_COLUMNS = ['currency', 'supplier', 'amount', 'awards'] as const;
export type NetworkSupplierRow = [currency: string, supplier: string, amount: Amount, awards: number];
export const NETWORK_EDGE_COLUMNS = ['buyer', 'supplier', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued'] as const;
export type NetworkEdgeRow = [buyer: string, supplier: string, currency: string, amount: Amount, awards: number, sharedAwards: number, unvalued: number];
export const NETWORK_OTHERS_COLUMNS = ['buyer', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued', 'suppliers'] as const;
/** Per buyer and currency, the awards to suppliers outside the kept ones. */
export type NetworkOthersRow = [buyer: string, currency: string, amount: Amount, awards: number, sharedAwards: number, unvalued: number, suppliers: number];
export const NETWORK_CURRENCY_COLUMNS = ['currency', 'processes'] as const;
/** Per currency: processes with an award valued in it (`''`: awards without a value, counted 0 as the network does). */
export type NetworkCurrencyRow = [currency: string, processes: number];

export const LARGEST_COLUMNS = ['currency', 'amount', 'ocid', 'title', 'buyer', 'method', 'start', 'tenderEnd', 'awarded', 'contractStart', 'contractEnd'] as const;
/**
 * One of the largest processes in a currency, by its largest stage total (planned, tendered, awarded or
 * contracted), with its dates (`YYYY-MM-DD` or `''`) for the many-process timeline.
 */
export type LargestRow = [currency: string, amount: Amount, ocid: string, title: string, buyer: string, method: string, start: string, tenderEnd: string, awarded: string, contractStart: string, contractEnd: string];

export const RED_FLAG_COLUMNS = ['buyer', 'indicator', 'evaluable', 'flagged'] as const;
/** Per buyer and indicator: processes the indicator could evaluate, and those it flagged. */
export type RedFlagRow = [buyer: string, indicator: string, evaluable: number, flagged: number];

export interface SummaryError {
  source: string;
  /** 1-based line of a JSON Lines input; 0 for a whole file. */
  line: number;
  code: 'not-json' | 'not-ocds' | 'truncated' | 'unreadable';
  message: string;
}

export interface SummarySource {
  name: string;
  /** Bytes read (compressed bytes for `.gz`). */
  bytes: number;
  /** JSON Lines lines read (0 for a JSON file). */
  lines: number;
}

export interface SummaryMeta {
  generator: { name: string; version: string };
  generatedAt: string;
  sources: SummarySource[];
  /** Contracting processes summarised. */
  processes: number;
  /** Releases or records read. */
  releases: number;
  /** Earliest and latest process start day (`YYYY-MM-DD`); null without dated processes. */
  dateRange: { first: string; last: string } | null;
  /** False when some input was unusable (see `errors`). */
  complete: boolean;
  errorCount: number;
  /** The first SUMMARY_ERROR_LIMIT errors, in input order. */
  errors: SummaryError[];
  /** Summaries this one was merged from (1 when summarised directly). */
  merged: number;
}

/** An ordered cube: `columns` name the positions of each row. */
export interface Cube<Row, Columns extends readonly string[]> {
  columns: Columns;
  rows: Row[];
}

export interface SummaryDocument {
  type: typeof SUMMARY_TYPE;
  version: typeof SUMMARY_VERSION;
  meta: SummaryMeta;
  /** Labels of the organisations the cubes name: key → [name, references] most used first. */
  organisations: Record<string, [name: string, count: number][]>;
  spending: {
    /** Buyers kept crossed with year, method and category (the most processes first, then by key). */
    buyers: number;
    /** True when a merge kept other buyers than the summary of the union would (every row stays exact). */
    approximate: boolean;
  } & Cube<SpendingCubeRow, typeof SPENDING_COLUMNS>;
  breakdown: Cube<BreakdownCubeRow, typeof BREAKDOWN_COLUMNS> & { processes: Cube<BreakdownProcessRow, typeof BREAKDOWN_PROCESS_COLUMNS> };
  methodDetails: Cube<MethodDetailsRow, typeof METHOD_DETAILS_COLUMNS>;
  network: {
    /** Suppliers kept per currency; the others are grouped per buyer. */
    limit: number;
    /** True when a merge of summaries may have ranked suppliers or counted grouped suppliers inexactly. */
    approximate: boolean;
    /** Awards left out of the network: without a buyer, without a supplier. */
    excluded: { noBuyer: number; noSupplier: number };
    currencies: Cube<NetworkCurrencyRow, typeof NETWORK_CURRENCY_COLUMNS>;
    suppliers: Cube<NetworkSupplierRow, typeof NETWORK_SUPPLIER_COLUMNS>;
    edges: Cube<NetworkEdgeRow, typeof NETWORK_EDGE_COLUMNS>;
    others: Cube<NetworkOthersRow, typeof NETWORK_OTHERS_COLUMNS>;
  };
  largest: { limit: number } & Cube<LargestRow, typeof LARGEST_COLUMNS>;
  /** Red flags per buyer and indicator; null when not computed (`--red-flags` not given). */
  redFlags: Cube<RedFlagRow, typeof RED_FLAG_COLUMNS> | null;
  /** Field coverage, as `fieldCoverage` counts it, over the compiled releases. */
  coverage: Record<string, number>;
  /**
   * Processes publishing each field `<ocds-data-quality>` charts, by its field id (`award-value`, …): `coverage`
   * counts array elements (awards, contracts), this counts processes, as the element does.
   */
  fields: Record<string, number>;
}

/** True for a value that says it is a summary document (whatever its version). */
export function isSummaryDocument(value: unknown): value is { type: typeof SUMMARY_TYPE; version: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === SUMMARY_TYPE;
}
