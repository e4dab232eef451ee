// The money rules (README, "Money rules") as checks over any Dataset: used by the hostile corpus and the fuzz test.
// The awarded and contracted totals are recomputed here from the model's awards and contracts, by currency, so a
// sum across currencies or a miscounted stage shows up as a difference.
import { spendingByStage, supplierNetwork, timelineRows, type Dataset, type Money } from '../../src/index.js';

const EXCLUDED_AWARDS = new Set(['cancelled', 'unsuccessful']);

/** Sum and contributing processes per currency of the amounts `pick` yields for each process. */
function byCurrency(dataset: Dataset, pick: (process: Dataset['processes'][number]) => (Money | undefined)[]): Map<string, { amount: number; processes: number }> {
  const totals = new Map<string, { amount: number; processes: number }>();
  for (const process of dataset.processes) {
    const seen = new Set<string>();
    for (const money of pick(process)) {
      if (!money || !Number.isFinite(money.amount)) continue;
      const total = totals.get(money.currency) ?? { amount: 0, processes: 0 };
      total.amount += money.amount;
      if (!seen.has(money.currency)) total.processes++;
      seen.add(money.currency);
      totals.set(money.currency, total);
    }
  }
  return totals;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every broken money rule in what the analysis functions return for `dataset` (empty when all hold). */
export function moneyRuleViolations(dataset: Dataset): string[] {
  const problems: string[] = [];
  const processes = dataset.processes.length;

  const spending = spendingByStage(dataset);
  const keys = new Set<string>();
  for (const row of spending) {
    const key = `${row.stage} ${row.currency}`;
    if (keys.has(key)) problems.push(`spending: two rows for ${key}`);
    keys.add(key);
    if (!Number.isFinite(row.amount)) problems.push(`spending: ${key} amount ${row.amount}`);
    if (!Number.isInteger(row.processes) || row.processes < 1 || row.processes > processes) {
      problems.push(`spending: ${key} counts ${row.processes} processes of ${processes}`);
    }
    if (row.currency !== row.currency.trim().toUpperCase()) problems.push(`spending: currency "${row.currency}" not normalised`);
  }
  const expected = {
    awarded: byCurrency(dataset, (p) => p.awards.filter((a) => !EXCLUDED_AWARDS.has(a.status ?? '')).map((a) => a.value)),
    contracted: byCurrency(dataset, (p) => p.contracts.filter((c) => c.status !== 'cancelled').map((c) => c.value)),
  };
  for (const [stage, totals] of Object.entries(expected)) {
    const rows = spending.filter((row) => row.stage === stage);
    if (rows.length !== totals.size) problems.push(`spending: ${stage} has ${rows.length} currencies, expected ${totals.size}`);
    for (const row of rows) {
      const total = totals.get(row.currency);
      if (!total || !close(total.amount, row.amount) || total.processes !== row.processes) {
        problems.push(`spending: ${stage} ${row.currency} = ${row.amount} over ${row.processes}, expected ${total?.amount} over ${total?.processes}`);
      }
    }
  }

  for (const row of timelineRows(dataset)) {
    if (!Number.isFinite(Date.parse(row.start))) problems.push(`timeline: start "${row.start}"`);
    if (row.end !== undefined && !Number.isFinite(Date.parse(row.end))) problems.push(`timeline: end "${row.end}"`);
    for (const field of ['value', 'paidToDate'] as const) {
      const value = row[field];
      if (value !== undefined && !Number.isFinite(value)) problems.push(`timeline: ${field} ${value}`);
    }
    if (row.value !== undefined && row.currency === undefined) problems.push(`timeline: value ${row.value} without a currency`);
  }

  // Edges hold every currency (the rows); one edge per buyer, supplier and currency means none sums across currencies.
  const network = supplierNetwork(dataset);
  const edgeKeys = new Set<string>();
  for (const edge of network.edges) {
    const key = JSON.stringify([edge.buyerId, edge.supplierId, edge.currency]);
    if (edgeKeys.has(key)) problems.push(`network: two edges for ${key}`);
    edgeKeys.add(key);
    if (!Number.isFinite(edge.amount)) problems.push(`network: edge amount ${edge.amount}`);
    if (!Number.isInteger(edge.awards) || edge.awards < 0) problems.push(`network: edge awards ${edge.awards}`);
  }
  for (const node of network.nodes) {
    if (!Number.isFinite(node.amount)) problems.push(`network: node ${node.id} amount ${node.amount}`);
  }
  return problems;
}
