// A summary document's answers in the rows the analysis functions give for a Dataset: spendingByStage,
// breakdown (the dimensions a summary holds) and the network's edges. Elements given a summary chart these.
import type { SpendingRow, SpendingStage } from '../analysis/spending.js';
import { SPENDING_STAGES } from '../analysis/spending-stages.js';
import { breakdownDimension, DEFAULT_BREAKDOWN_LIMIT, LIMITED_DIMENSIONS, NOT_STATED, OTHERS, TIME_DIMENSIONS, UNDATED, stageOrder, type BreakdownInterval, type BreakdownMeasure } from '../analysis/breakdown-constants.js';
import type { BreakdownRow } from '../analysis/breakdown.js';
import type { NetworkEdge } from '../analysis/network.js';
import { OTHERS_PREFIX } from '../analysis/network-constants.js';
import { addAmounts } from './document.js';
import { DecimalSum } from '../analysis/decimal-sum.js';
import { SPENDING_OTHER_BUYERS, SUMMARY_STAGES, type SummaryBreakdownBy, type SummaryDocument } from './format.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An organisation's label: its most used name, else its key (as labelLookup does for a Dataset). */
export function summaryLabel(summary: SummaryDocument, key: string): string {
  return summary.organisations[key]?.find(([name]) => name)?.[0] || key;
}

/** Which processes a summary's cubes can be narrowed to (`<ocds-dataset>` filters the cubes can answer). */
export interface SummaryFilters {
  buyer?: string;
  method?: string;
  category?: string;
  /** Process start years, inclusive. */
  fromYear?: string;
  toYear?: string;
}

/**
 * True when the spending cube can answer these filters: a buyer outside the buyers it keeps by year, method and
 * category (`spending.buyers`) is only in the breakdown cube's buyer totals.
 */
export function summarySpendingAnswers(summary: SummaryDocument, filters: SummaryFilters = {}): boolean {
  if (filters.buyer === undefined) return true;
  if (filters.buyer === SPENDING_OTHER_BUYERS) return false;
  const grouped = summary.spending.rows.some((row) => row[2] === SPENDING_OTHER_BUYERS);
  return !grouped || summary.spending.rows.some((row) => row[2] === filters.buyer);
}

function spendingMatches(filters: SummaryFilters, [year, method, buyer, category]: SummaryDocument['spending']['rows'][number]): boolean {
  if (filters.buyer !== undefined && buyer !== filters.buyer) return false;
  if (filters.method !== undefined && method !== filters.method) return false;
  if (filters.category !== undefined && category !== filters.category) return false;
  if ((filters.fromYear !== undefined || filters.toYear !== undefined) && year === 'undated') return false;
  if (filters.fromYear !== undefined && year < filters.fromYear) return false;
  if (filters.toYear !== undefined && year > filters.toYear) return false;
  return true;
}

/** spendingByStage's rows from a summary (optionally one currency, optionally narrowed by `filters`). */
export function summarySpending(summary: SummaryDocument, options: { currency?: string; filters?: SummaryFilters } = {}): SpendingRow[] {
  const currency = options.currency?.trim().toUpperCase();
  const totals = new Map<string, { stage: SpendingStage; currency: string; amounts: string[]; processes: number; pending: number }>();
  for (const row of summary.spending.rows) {
    if (options.filters && !spendingMatches(options.filters, row)) continue;
    const rowCurrency = row[4];
    if (currency !== undefined && rowCurrency !== currency) continue;
    SUMMARY_STAGES.forEach((stage, i) => {
      const amount = row[5 + 3 * i] as string | null;
      if (amount === null) return;
      const key = `${rowCurrency}\u0000${stage}`;
      let total = totals.get(key);
      if (!total) totals.set(key, (total = { stage, currency: rowCurrency, amounts: [], processes: 0, pending: 0 }));
      total.amounts.push(amount);
      total.processes += row[6 + 3 * i] as number;
      total.pending += row[7 + 3 * i] as number;
    });
  }
  return [...totals.values()]
    .map(({ amounts, ...row }) => ({ stage: row.stage, currency: row.currency, amount: Number(addAmounts(...amounts)), processes: row.processes, pending: row.pending }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || SPENDING_STAGES.indexOf(a.stage) - SPENDING_STAGES.indexOf(b.stage));
}

type BreakdownCell = [by: SummaryBreakdownBy, key: string, measure: BreakdownMeasure, currency: string, amount: string | null, processes: number];
const cells = new WeakMap<SummaryDocument, BreakdownCell[]>();

/** The breakdown cube one measure a row: [by, key, measure, currency, amount, processes] (`processes`: currency '', no amount). */
function breakdownCells(summary: SummaryDocument): BreakdownCell[] {
  let list = cells.get(summary);
  if (list) return list;
  list = [];
  for (const [by, key, processes] of summary.breakdown.processes.rows) list.push([by, key, 'processes', '', null, processes]);
  for (const row of summary.breakdown.rows) {
    const [by, key, currency] = row;
    SUMMARY_STAGES.forEach((measure, i) => {
      const count = row[4 + 2 * i] as number;
      if (count > 0) list.push([by, key, measure, currency, row[3 + 2 * i] as string | null, count]);
    });
  }
  cells.set(summary, list);
  return list;
}

/** breakdown's rows from a summary, for the dimensions it holds (no split, no ocid); `time` is by its `interval`, as there. */
export function summaryBreakdown(
  summary: SummaryDocument,
  options: { by: SummaryBreakdownBy | 'time'; interval?: BreakdownInterval; measure?: BreakdownMeasure; currency?: string; limit?: number },
): BreakdownRow[] {
  const by: SummaryBreakdownBy = breakdownDimension(options.by, options.interval);
  const measure = options.measure ?? 'processes';
  const counting = measure === 'processes';
  const currency = options.currency?.trim().toUpperCase();
  const pick = (dimension: SummaryBreakdownBy) =>
    breakdownCells(summary).filter((row) => row[0] === dimension && row[2] === measure && (currency === undefined || counting || row[3] === currency));
  // Every process has one method, so the method rows add up to each currency's whole.
  const wholes = new Map<string, { amounts: string[]; processes: number }>();
  for (const row of pick('method')) {
    const whole = wholes.get(row[3]) ?? { amounts: [], processes: 0 };
    wholes.set(row[3], whole);
    if (row[4] !== null) whole.amounts.push(row[4]);
    whole.processes += row[5];
  }
  const details = new Map<string, { wording: string; processes: number }[]>();
  if (by === 'method') {
    for (const [method, detailMeasure, detailCurrency, wording, processes] of summary.methodDetails.rows) {
      if (detailMeasure !== measure) continue;
      const id = `${detailCurrency}\u0000${method}`;
      details.set(id, [...(details.get(id) ?? []), { wording, processes }]);
    }
  }
  const isOrg = by === 'buyer';
  let rows: BreakdownRow[] = pick(by).map(([, key, , rowCurrency, amount, processes]) => {
    const row: BreakdownRow = { key, label: isOrg && key !== NOT_STATED ? summaryLabel(summary, key) : key, value: counting ? processes : Number(amount ?? 0), processes, share: 0 };
    if (!counting) row.currency = rowCurrency;
    if (TIME_DIMENSIONS.includes(by) && key !== UNDATED) row.period = key;
    const wordings = details.get(`${rowCurrency}\u0000${key}`);
    if (wordings) row.details = wordings.sort((a, b) => b.processes - a.processes || a.wording.localeCompare(b.wording));
    return row;
  });
  rows = rankRows(rows, by);
  if (LIMITED_DIMENSIONS.includes(by)) {
    const limit = options.limit === undefined || !(options.limit >= 0) ? DEFAULT_BREAKDOWN_LIMIT : Math.floor(options.limit);
    const kept: BreakdownRow[] = [];
    const others = new Map<string, { row: BreakdownRow; sum: DecimalSum }>();
    const seen = new Map<string, number>();
    for (const row of rows) {
      const id = row.currency ?? '';
      const position = row.key === NOT_STATED ? -1 : (seen.get(id) ?? 0);
      if (row.key !== NOT_STATED) seen.set(id, position + 1);
      if (position < limit) {
        kept.push(row);
        continue;
      }
      let other = others.get(id);
      if (!other) {
        const base: BreakdownRow = { key: OTHERS, label: OTHERS, value: 0, processes: 0, share: 0, count: 0 };
        if (row.currency !== undefined) base.currency = row.currency;
        others.set(id, (other = { row: base, sum: new DecimalSum() }));
      }
      // A process has one buyer: the processes of grouped buyers add up.
      other.row.processes += row.processes;
      other.row.count! += 1;
      other.sum.add(row.value);
    }
    for (const { row, sum } of others.values()) {
      row.value = counting ? row.processes : sum.value;
      kept.push(row);
    }
    rows = rankRows(kept, by);
  }
  for (const row of rows) {
    const whole = wholes.get(row.currency ?? '');
    const total = counting ? (whole?.processes ?? 0) : Number(addAmounts(...(whole?.amounts ?? ['0'])));
    row.share = total > 0 ? row.value / total : 0;
  }
  return rows;
}

/** As breakdown ranks its rows: time in order, stages in lifecycle order, other categories by value. */
function rankRows(rows: BreakdownRow[], by: SummaryBreakdownBy): BreakdownRow[] {
  const time = TIME_DIMENSIONS.includes(by);
  const last = (row: BreakdownRow) => (row.key === NOT_STATED || row.key === UNDATED || row.key === OTHERS ? 1 : 0);
  return rows.sort(
    (a, b) =>
      (a.currency ?? '').localeCompare(b.currency ?? '') ||
      last(a) - last(b) ||
      (time ? a.key.localeCompare(b.key) : by === 'stage' ? stageOrder(a.key) - stageOrder(b.key) : b.value - a.value || a.label.localeCompare(b.label)),
  );
}

/** supplierNetwork's edges from a summary (its kept suppliers; the others grouped per buyer). */
export function summaryNetworkEdges(summary: SummaryDocument, options: { currency?: string } = {}): NetworkEdge[] {
  const currency = options.currency?.trim().toUpperCase();
  const label = (key: string) => summaryLabel(summary, key);
  const edges: NetworkEdge[] = [];
  for (const [buyer, supplier, rowCurrency, amount, awards, sharedAwards, unvalued] of summary.network.edges.rows) {
    if (currency !== undefined && rowCurrency !== currency) continue;
    edges.push({ buyerId: buyer, buyer: label(buyer), supplierId: supplier, supplier: label(supplier), currency: rowCurrency, amount: Number(amount), awards, split: sharedAwards ? 'equal' : 'sole', sharedAwards, unvalued });
  }
  for (const [buyer, rowCurrency, amount, awards, sharedAwards, unvalued, suppliers] of summary.network.others.rows) {
    if (currency !== undefined && rowCurrency !== currency) continue;
    edges.push({
      buyerId: buyer,
      buyer: label(buyer),
      supplierId: OTHERS_PREFIX + buyer,
      supplier: suppliers === 1 ? '1 other supplier' : `${suppliers} other suppliers`,
      currency: rowCurrency,
      amount: Number(amount),
      awards,
      split: sharedAwards ? 'equal' : 'sole',
      sharedAwards,
      unvalued,
      others: suppliers,
    });
  }
  return edges.sort((a, b) => compare(a.currency, b.currency) || b.amount - a.amount || compare(a.buyerId, b.buyerId) || compare(a.supplierId, b.supplierId));
}
