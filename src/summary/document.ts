// Summary documents: decimal text arithmetic, the canonical order of every cube (so two summaries of the same data
// are deep-equal whatever order the engine returned rows in) and `mergeSummaries` (the summary of a union of
// shards: exact for every total and buyer-level figure; the network's kept suppliers are re-ranked and marked
// approximate when a shard had grouped some of its suppliers).
import {
  SPENDING_OTHER_BUYERS,
  SUMMARY_ERROR_LIMIT,
  SUMMARY_TYPE,
  SUMMARY_VERSION,
  type LargestRow,
  type NetworkEdgeRow,
  type NetworkOthersRow,
  type NetworkSupplierRow,
  type SpendingCubeRow,
  type SummaryDocument,
} from './format.js';

const SCALE = 6;
const FACTOR = 10n ** BigInt(SCALE);

/** Decimal text → integer millionths. */
function units(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const value = BigInt(whole || '0') * FACTOR + BigInt((fraction + '0'.repeat(SCALE)).slice(0, SCALE) || '0');
  return negative ? -value : value;
}

/** Integer millionths → the shortest decimal text (`"12.5"`, `"0"`). */
function fromUnits(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, digits.length - SCALE);
  const fraction = digits.slice(digits.length - SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal text in its shortest form (the engine writes `"12.500000"`). */
export function canonicalAmount(text: string): string {
  return fromUnits(units(text));
}

/**
 * The exact sum of decimal texts. Whole parts and millionths are added as numbers while they stay safe integers (an
 * element adds thousands of amounts before its first frame; a BigInt per amount costs several times more), and only
 * the two totals become a BigInt; beyond 2^53 every amount goes through BigInt.
 */
export function addAmounts(...texts: string[]): string {
  let whole = 0;
  let fraction = 0;
  for (const text of texts) {
    const dot = text.indexOf('.');
    const negative = text.charCodeAt(0) === 45;
    const w = Number(dot < 0 ? text : text.slice(0, dot));
    const f = dot < 0 ? 0 : Number((text.slice(dot + 1) + '000000').slice(0, SCALE));
    whole += w;
    fraction += negative ? -f : f;
    if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(fraction) || !Number.isSafeInteger(w)) {
      return fromUnits(texts.reduce((sum, text) => sum + units(text), 0n));
    }
  }
  return fromUnits(BigInt(whole) * FACTOR + BigInt(fraction));
}

/** Compares decimal texts by value. */
export function compareAmounts(a: string, b: string): number {
  const d = units(a) - units(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders rows by their first `keys` positions (text in code-unit order, numbers by value). */
function sortRows<Row extends unknown[]>(rows: Row[], keys: number): Row[] {
  return rows.sort((a, b) => {
    for (let i = 0; i < keys; i++) {
      const x = a[i];
      const y = b[i];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x ?? ''), String(y ?? ''));
      if (c) return c;
    }
    return 0;
  });
}

/** Network suppliers ranked as supplierNetwork ranks them: amount, then awards (most first), then key. */
const bySupplierRank = (a: NetworkSupplierRow, b: NetworkSupplierRow) =>
  compareText(a[0], b[0]) || compareAmounts(b[2], a[2]) || b[3] - a[3] || compareText(a[1], b[1]);

/** Largest processes: currency, amount (largest first), ocid. */
const byLargest = (a: LargestRow, b: LargestRow) => compareText(a[0], b[0]) || compareAmounts(b[1], a[1]) || compareText(a[2], b[2]);

/** The organisations the cubes name (buyers, kept suppliers): the ones whose labels the document holds. */
export function namedOrganisations(summary: Omit<SummaryDocument, 'organisations'>): Set<string> {
  return new Set([
    ...summary.spending.rows.map((row) => row[2]).filter((key) => key !== SPENDING_OTHER_BUYERS),
    ...summary.breakdown.processes.rows.filter((row) => row[0] === 'buyer').map((row) => row[1]),
    ...summary.network.suppliers.rows.map((row) => row[1]),
    ...summary.network.edges.rows.map((row) => row[0]),
    ...summary.network.others.rows.map((row) => row[0]),
    ...summary.largest.rows.map((row) => row[4]),
    ...(summary.redFlags?.rows ?? []).map((row) => row[0]),
  ]);
}

/** Puts every cube in its canonical order and keeps the labels of the organisations named, in place; returns the document. */
export function canonicalSummary(summary: SummaryDocument): SummaryDocument {
  const named = namedOrganisations(summary);
  sortRows(summary.spending.rows, 5);
  sortRows(summary.breakdown.rows, 3);
  sortRows(summary.breakdown.processes.rows, 2);
  sortRows(summary.methodDetails.rows, 4);
  sortRows(summary.network.currencies.rows, 1);
  summary.network.suppliers.rows.sort(bySupplierRank);
  sortRows(summary.network.edges.rows, 3);
  sortRows(summary.network.others.rows, 2);
  summary.largest.rows.sort(byLargest);
  if (summary.redFlags) sortRows(summary.redFlags.rows, 2);
  summary.organisations = Object.fromEntries(
    Object.entries(summary.organisations)
      .filter(([key]) => named.has(key))
      .sort(([a], [b]) => compareText(a, b))
      .map(([key, names]) => [key, names.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))]),
  );
  summary.coverage = Object.fromEntries(Object.entries(summary.coverage).sort(([a], [b]) => compareText(a, b)));
  summary.fields = Object.fromEntries(Object.entries(summary.fields).sort(([a], [b]) => compareText(a, b)));
  return summary;
}

/** Adds rows with the same first `keys` positions: amounts (text) exactly, counts as numbers. */
function addRows<Row extends unknown[]>(rows: Row[], keys: number): Row[] {
  const added = new Map<string, Row>();
  for (const row of rows) {
    const id = JSON.stringify(row.slice(0, keys));
    const seen = added.get(id);
    if (!seen) {
      added.set(id, [...row] as Row);
      continue;
    }
    for (let i = keys; i < row.length; i++) {
      const value = row[i];
      if (typeof value === 'number') (seen[i] as number) += value;
      else if (typeof value === 'string') seen[i] = addAmounts(String(seen[i] ?? '0'), value) as Row[number];
      else if (value !== null) throw new Error(`Cannot add ${String(value)}`);
    }
  }
  return [...added.values()];
}

function addCounts(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
}

/** The summary of the union of the summaries' data (the inputs are not changed). */
export function mergeSummaries(summaries: SummaryDocument[], generator: SummaryDocument['meta']['generator'], generatedAt = new Date().toISOString()): SummaryDocument {
  if (!summaries.length) throw new Error('mergeSummaries needs at least one summary');
  const limit = Math.min(...summaries.map((summary) => summary.network.limit));
  const largestLimit = Math.min(...summaries.map((summary) => summary.largest.limit));
  const ranges = summaries.map((summary) => summary.meta.dateRange).filter((range) => range !== null);
  const errors = summaries.flatMap((summary) => summary.meta.errors);
  const organisations: Record<string, [string, number][]> = {};
  for (const summary of summaries) {
    for (const [key, names] of Object.entries(summary.organisations)) {
      organisations[key] = addRows([...(organisations[key] ?? []), ...names.map((entry) => [...entry] as [string, number])], 1);
    }
  }
  const coverage: Record<string, number> = {};
  for (const summary of summaries) addCounts(coverage, summary.coverage);
  const fields: Record<string, number> = {};
  for (const summary of summaries) addCounts(fields, summary.fields);

  // The network: suppliers each shard kept, re-ranked on their merged totals; edges to suppliers no longer kept
  // join their buyer's "others" group. Exact unless a shard had grouped suppliers of its own (then a supplier's
  // total, and a buyer's count of grouped suppliers, may miss what a shard grouped).
  const grouped = new Set(summaries.flatMap((summary) => summary.network.others.rows.map((row) => row[1])));
  const approximate = summaries.some((summary) => summary.network.approximate) || (summaries.length > 1 && grouped.size > 0);
  const allSuppliers = addRows(summaries.flatMap((summary) => summary.network.suppliers.rows), 2).sort(bySupplierRank);
  const keptCount = new Map<string, number>();
  const kept = new Set<string>();
  for (const row of allSuppliers) {
    const count = keptCount.get(row[0]) ?? 0;
    if (count >= limit) continue;
    keptCount.set(row[0], count + 1);
    kept.add(`${row[0]}\u0000${row[1]}`);
  }
  const suppliers = allSuppliers.filter((row) => kept.has(`${row[0]}\u0000${row[1]}`));
  const edges: NetworkEdgeRow[] = [];
  const others: NetworkOthersRow[] = summaries.flatMap((summary) => summary.network.others.rows.map((row) => [...row] as NetworkOthersRow));
  for (const edge of addRows(summaries.flatMap((summary) => summary.network.edges.rows), 3)) {
    if (kept.has(`${edge[2]}\u0000${edge[1]}`)) edges.push(edge);
    else others.push([edge[0], edge[2], edge[3], edge[4], edge[5], edge[6], 1]);
  }
  const currencies = addRows(summaries.flatMap((summary) => summary.network.currencies.rows), 1);

  const largest = summaries.flatMap((summary) => summary.largest.rows).sort(byLargest);
  const largestCount = new Map<string, number>();
  const largestKept = largest.filter((row) => {
    const count = largestCount.get(row[0]) ?? 0;
    largestCount.set(row[0], count + 1);
    return count < largestLimit;
  });

  const breakdownProcesses = addRows(summaries.flatMap((summary) => summary.breakdown.processes.rows), 2);
  const spending = mergeSpending(summaries, breakdownProcesses);

  const redFlagged = summaries.every((summary) => summary.redFlags);
  const first = summaries[0];
  return canonicalSummary({
    type: SUMMARY_TYPE,
    version: SUMMARY_VERSION,
    meta: {
      generator,
      generatedAt,
      sources: summaries.flatMap((summary) => summary.meta.sources),
      processes: summaries.reduce((sum, summary) => sum + summary.meta.processes, 0),
      releases: summaries.reduce((sum, summary) => sum + summary.meta.releases, 0),
      dateRange: ranges.length
        ? { first: ranges.map((range) => range.first).sort()[0], last: ranges.map((range) => range.last).sort().at(-1)! }
        : null,
      complete: summaries.every((summary) => summary.meta.complete),
      errorCount: summaries.reduce((sum, summary) => sum + summary.meta.errorCount, 0),
      errors: errors.slice(0, SUMMARY_ERROR_LIMIT),
      merged: summaries.reduce((sum, summary) => sum + summary.meta.merged, 0),
    },
    organisations,
    spending: { ...spending, columns: first.spending.columns },
    breakdown: {
      columns: first.breakdown.columns,
      rows: addRows(summaries.flatMap((summary) => summary.breakdown.rows), 3),
      processes: { columns: first.breakdown.processes.columns, rows: breakdownProcesses },
    },
    methodDetails: { columns: first.methodDetails.columns, rows: addRows(summaries.flatMap((summary) => summary.methodDetails.rows), 4) },
    network: {
      limit,
      approximate,
      excluded: {
        noBuyer: summaries.reduce((sum, summary) => sum + summary.network.excluded.noBuyer, 0),
        noSupplier: summaries.reduce((sum, summary) => sum + summary.network.excluded.noSupplier, 0),
      },
      currencies: { columns: first.network.currencies.columns, rows: currencies },
      suppliers: { columns: first.network.suppliers.columns, rows: suppliers },
      edges: { columns: first.network.edges.columns, rows: edges },
      others: { columns: first.network.others.columns, rows: addRows(others, 2) },
    },
    largest: { limit: largestLimit, columns: first.largest.columns, rows: largestKept },
    redFlags: redFlagged ? { columns: first.redFlags!.columns, rows: addRows(summaries.flatMap((summary) => summary.redFlags!.rows), 2) } : null,
    coverage,
    fields,
  });
}

/**
 * The spending cube of a union: a buyer keeps rows of its own when every shard it has processes in kept it (the
 * most processes first, up to the smallest `buyers`); the rows of every other buyer join 'others:'. Every row is
 * exact; `approximate` says the kept buyers may differ from those the summary of the union would keep.
 */
function mergeSpending(summaries: SummaryDocument[], processRows: SummaryDocument['breakdown']['processes']['rows']): Pick<SummaryDocument['spending'], 'buyers' | 'approximate' | 'rows'> {
  const buyers = Math.min(...summaries.map((summary) => summary.spending.buyers));
  const grouped = summaries.some((summary) => summary.spending.rows.some((row) => row[2] === SPENDING_OTHER_BUYERS));
  const approximate = summaries.some((summary) => summary.spending.approximate) || (summaries.length > 1 && grouped);
  const buyerRows = (summary: SummaryDocument) => summary.breakdown.processes.rows.filter((row) => row[0] === 'buyer');
  const candidates = new Set(summaries.flatMap((summary) => buyerRows(summary).map((row) => row[1])));
  for (const summary of summaries) {
    const kept = new Set(summary.spending.rows.map((row) => row[2]));
    if (!kept.has(SPENDING_OTHER_BUYERS)) continue;
    // A buyer with processes in this shard but grouped here (or kept without money): its own rows could miss some.
    for (const row of buyerRows(summary)) if (!kept.has(row[1])) candidates.delete(row[1]);
  }
  const processes = new Map(processRows.filter((row) => row[0] === 'buyer').map((row) => [row[1], row[2]]));
  const kept = new Set(
    [...candidates].sort((a, b) => (processes.get(b) ?? 0) - (processes.get(a) ?? 0) || compareText(a, b)).slice(0, buyers),
  );
  const rows = summaries.flatMap((summary) =>
    summary.spending.rows.map((row) => (kept.has(row[2]) ? [...row] : [...row.slice(0, 2), SPENDING_OTHER_BUYERS, ...row.slice(3)]) as SpendingCubeRow),
  );
  return { buyers, approximate, rows: addRows(rows, 5) };
}
