// A summary document read as an element's data: a Dataset with no processes and a `summary` that answers what the
// cubes hold (spending by stage, breakdown, the network's edges), narrowed by the filters the cubes can answer.
// Loaded in a chunk of its own, only when a summary is read: an element given OCDS data never loads it.
import type { BreakdownOptions, BreakdownRow } from '../analysis/breakdown.js';
import {
  BREAKDOWN_COLUMNS,
  METHOD_DETAILS_COLUMNS,
  SPENDING_COLUMNS,
  SUMMARY_BREAKDOWN_BY,
  SUMMARY_TYPE,
  SUMMARY_VERSION,
  type SummaryBreakdownBy,
  type SummaryDocument,
} from './format.js';
import { summaryBreakdown, summarySpending, summarySpendingAnswers, type SummaryFilters } from './rows.js';
import type { SpendingRow } from '../analysis/spending.js';
import { OcdsError, type Dataset, type Organisation } from '../data/types.js';
import { needsProcesses } from './needs.js';
import { formatDate, formatNumber } from '../i18n/index.js';
import { summaryNetwork } from './network.js';
import type { SupplierNetwork, SupplierNetworkOptions } from '../analysis/network.js';
import type { DatasetFilters } from '../analysis/filter-keys.js';
import type { ContractTimeline } from '../analysis/timeline.js';
import type { RedFlagGroupRow, RedFlagIndicator } from '../analysis/red-flags.js';
import type { CoverageRow, DataOverview } from '../analysis/data-quality.js';
import { summaryCoverage, summaryMainCurrency, summaryNote, summaryOverview, summaryRedFlags, summaryTimeline, summaryTimelineCurrencies, type SummaryNote } from './views.js';

/** The `<ocds-dataset>` filters a summary's cubes can answer; the others need the process data. */
export const SUMMARY_FILTER_KEYS = ['buyer', 'from', 'to', 'method', 'category'] as const;

/** What a Dataset read from a summary document answers with. */
export interface DatasetSummary {
  document: SummaryDocument;
  /** The filters in effect (those the cubes answer). */
  filters: SummaryFilters;
  /** `<ocds-dataset>` filters given that a summary cannot answer (not applied). */
  refused: (keyof DatasetFilters)[];
  spending(options?: { ocid?: string }): SpendingRow[];
  /** Currencies by how many processes have an amount in them, as far as the cube tells (its largest stage count). */
  currencies(): { currency: string; processes: number }[];
  breakdown(options: BreakdownOptions): BreakdownRow[];
  network(options: SupplierNetworkOptions): SupplierNetwork;
  /** The many-process timeline of the largest processes (buyer, method and year filters narrow the list). */
  timeline(options: { ocid?: string; limit?: number; currency?: string }): ContractTimeline;
  /** Currencies of the largest-processes list; the one to show first. */
  timelineCurrencies(): string[];
  timelineCurrency(): string | undefined;
  /** Red flags per buyer and indicator (a buyer filter narrows them). */
  redFlags(options: { group?: string; indicators?: readonly RedFlagIndicator[]; settings?: boolean; ocid?: string }): RedFlagGroupRow[];
  /** Field coverage per process. */
  coverage(): CoverageRow[];
  overview(): DataOverview;
  /** What a view drawn from the summary cannot show, in the reader's language. */
  note(note: SummaryNote, tag: string, params?: { count?: number; currency?: string }): string;
  /** Processes summarised (after the filters, when the cubes can tell; else undefined). */
  processCount(): number | undefined;
  narrow(filters: DatasetFilters): DatasetSummary;
  /** The source line's words (en, es): "summary of N processes, generated <date>". */
  source(tag: string): string;
}

/** Kept here, not in the base messages: only a page given a summary needs them (the base loads before every render). */
const SOURCE_WORDS = {
  en: { one: 'summary of {count} process, generated {date}', other: 'summary of {count} processes, generated {date}' },
  es: { one: 'resumen de {count} proceso, generado el {date}', other: 'resumen de {count} procesos, generado el {date}' },
};

/** Whole years only: the cubes are per process start year. */
function yearOf(day: string | undefined, end: boolean): string | undefined | null {
  if (day === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d\d)-(\d\d))?$/.exec(day.trim());
  if (!match) return null;
  if (match[2] === undefined || (end ? `${match[2]}-${match[3]}` === '12-31' : `${match[2]}-${match[3]}` === '01-01')) return match[1];
  return null;
}

function summaryFilters(document: SummaryDocument, filters: DatasetFilters): { filters: SummaryFilters; refused: (keyof DatasetFilters)[] } {
  const refused = (Object.keys(filters) as (keyof DatasetFilters)[]).filter((key) => filters[key] && !(SUMMARY_FILTER_KEYS as readonly string[]).includes(key));
  const out: SummaryFilters = {};
  const rows = document.spending.rows;
  // Matched as `filterDataset` matches: methods and categories case-insensitively, a buyer by key or by name.
  const value = (position: 1 | 3, wanted: string) => rows.find((row) => row[position].toLowerCase() === wanted.trim().toLowerCase())?.[position] ?? wanted;
  if (filters.method) out.method = value(1, filters.method);
  if (filters.category) out.category = value(3, filters.category);
  if (filters.buyer) {
    const wanted = filters.buyer.trim();
    const byName = Object.entries(document.organisations).find(([, names]) => names.some(([name]) => name.trim().toLowerCase() === wanted.toLowerCase()))?.[0];
    out.buyer = document.organisations[wanted] || rows.some((row) => row[2] === wanted) ? wanted : (byName ?? wanted);
  }
  const from = yearOf(filters.from, false);
  const to = yearOf(filters.to, true);
  if (from === null) refused.push('from');
  else if (from !== undefined) out.fromYear = from;
  if (to === null) refused.push('to');
  else if (to !== undefined) out.toYear = to;
  return { filters: out, refused };
}

function view(document: SummaryDocument, filters: SummaryFilters, refused: (keyof DatasetFilters)[]): DatasetSummary {
  const filtered = Object.keys(filters).length > 0;
  // An element asks for spending several times a render (rows, default currency, the written summary): the cube,
  // tens of thousands of rows in a national summary, is added up once per view.
  let spending: SpendingRow[] | undefined;
  // A buyer the spending cube grouped into 'others:' has no rows of its own there: its spending would read as none.
  const spendingAnswers = summarySpendingAnswers(document, filters);
  const spendingRows = () => (spendingAnswers ? (spending ??= summarySpending(document, { filters })) : needsProcesses());
  return {
    document,
    filters,
    refused,
    spending(options = {}) {
      if (options.ocid !== undefined) needsProcesses();
      return spendingRows().map((row) => ({ ...row }));
    },
    currencies() {
      const most = new Map<string, number>();
      // Only which currency to show first: the whole summary's when this buyer's spending is not in the cube.
      for (const row of spendingAnswers ? spendingRows() : summarySpending(document)) most.set(row.currency, Math.max(most.get(row.currency) ?? 0, row.processes));
      return [...most].map(([currency, processes]) => ({ currency, processes })).sort((a, b) => b.processes - a.processes || a.currency.localeCompare(b.currency));
    },
    breakdown(options) {
      // The breakdown cubes are of the whole summary: a filtered one would chart the wrong numbers.
      // `time` is by its interval, which the cubes hold (summaryBreakdown reads it).
      const answered = options.by === 'time' || (SUMMARY_BREAKDOWN_BY as readonly string[]).includes(options.by);
      if (filtered || options.ocid !== undefined || options.split !== undefined || !answered) needsProcesses();
      return summaryBreakdown(document, { by: options.by as SummaryBreakdownBy | 'time', interval: options.interval, measure: options.measure, currency: options.currency, limit: options.limit });
    },
    network(options) {
      // The network's kept suppliers are of the whole summary: a filtered one would rank them wrongly.
      if (filtered) needsProcesses();
      return summaryNetwork(document, options);
    },
    timeline(options) {
      // The largest processes of a buyer, method or start year among the summary's largest are that part's
      // largest (a larger one would be in the list too); the list has no category.
      if (filters.category !== undefined) needsProcesses();
      const narrowed = filtered ? { ...document, largest: { ...document.largest, rows: document.largest.rows.filter((row) => largestMatches(filters, row)) } } : document;
      return summaryTimeline(narrowed, options);
    },
    timelineCurrencies() {
      return summaryTimelineCurrencies(document);
    },
    timelineCurrency() {
      return summaryMainCurrency(document, this.currencies());
    },
    redFlags(options) {
      // The counts are per buyer: a buyer filter keeps its rows; other filters need the processes.
      if (Object.keys(filters).some((key) => key !== 'buyer')) needsProcesses();
      const rows = summaryRedFlags(document, options);
      return filters.buyer === undefined ? rows : rows.filter((row) => row.id === filters.buyer);
    },
    coverage() {
      if (filtered) needsProcesses();
      return summaryCoverage(document);
    },
    overview() {
      return summaryOverview(document);
    },
    note(note, tag, params) {
      return summaryNote(document, note, tag, params);
    },
    processCount() {
      return filtered ? undefined : document.meta.processes;
    },
    source(tag) {
      const words = SOURCE_WORDS[tag.toLowerCase().startsWith('es') ? 'es' : 'en'];
      const count = document.meta.processes;
      return (count === 1 ? words.one : words.other).replace('{count}', formatNumber(count, tag)).replace('{date}', formatDate(document.meta.generatedAt, tag));
    },
    narrow(next) {
      const answered = summaryFilters(document, next);
      return view(document, answered.filters, answered.refused);
    },
  };
}

function largestMatches(filters: SummaryFilters, row: SummaryDocument['largest']['rows'][number]): boolean {
  const year = row[6].slice(0, 4);
  if (filters.buyer !== undefined && row[4] !== filters.buyer) return false;
  if (filters.method !== undefined && row[5] !== filters.method) return false;
  if ((filters.fromYear !== undefined || filters.toYear !== undefined) && !year) return false;
  if (filters.fromYear !== undefined && year < filters.fromYear) return false;
  if (filters.toYear !== undefined && year > filters.toYear) return false;
  return true;
}

const sameColumns = (cube: unknown, columns: readonly string[]) =>
  Array.isArray((cube as { rows?: unknown })?.rows) && JSON.stringify((cube as { columns?: unknown }).columns) === JSON.stringify(columns);

/**
 * The summary document a value is, checked as far as the element reads it: its type and version (as parseSummary
 * checks them), and the columns of the cubes it charts. Not schemas/summary.ts: its zod code would join what every
 * element loads before it renders (the summarize command and parseSummary check the whole document).
 */
function readSummary(value: unknown): SummaryDocument {
  const document = value as SummaryDocument;
  if (document?.type !== SUMMARY_TYPE) throw new OcdsError('summary-invalid', `This is not an ${SUMMARY_TYPE} document.`);
  if (document.version !== SUMMARY_VERSION) {
    throw new OcdsError('summary-version', `This summary is of version ${String(document.version)}; this version of ocds-widgets reads version ${SUMMARY_VERSION}.`);
  }
  const cubes: [unknown, readonly string[]][] = [
    [document.spending, SPENDING_COLUMNS],
    [document.breakdown, BREAKDOWN_COLUMNS],
    [document.methodDetails, METHOD_DETAILS_COLUMNS],
  ];
  if (!cubes.every(([cube, columns]) => sameColumns(cube, columns)) || typeof document.meta?.processes !== 'number' || typeof document.organisations !== 'object') {
    throw new OcdsError('summary-invalid', 'The summary is missing a part the elements read, or its columns are not those of its version.');
  }
  return document;
}

/** A Dataset for a summary document; an OcdsError `summary-version` or `summary-invalid` when it cannot be read. */
export function summaryDataset(value: unknown, bytes = 0): Dataset {
  const document = readSummary(value);
  // Built on first use: a national summary names thousands of organisations, and most charts never ask for them.
  let organisations: Map<string, Organisation> | undefined;
  return {
    processes: [],
    get organisations() {
      return (organisations ??= new Map(
        Object.entries(document.organisations).map(([key, names]) => [key, { key, names: names.map(([name]) => name), nameCounts: names.map(([, count]) => count) }]),
      ));
    },
    issues: [],
    meta: { pages: 1, releases: document.meta.releases, bytes, complete: true },
    summary: view(document, {}, []),
  };
}
