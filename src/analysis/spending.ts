// Money by lifecycle stage, following the README's "Money rules": no sums across currencies, excluded statuses,
// and for every stage total the number of processes behind it.
import type { Dataset, Money, Process } from '../data/types.js';
import { DecimalSum } from './decimal-sum.js';
import { EXCLUDED_AWARD, EXCLUDED_CONTRACT, EXCLUDED_TENDER, statusOf } from './stage-status.js';
import { SPENDING_STAGES, type SpendingStage } from './spending-stages.js';

export { SPENDING_STAGES, type SpendingStage };

export interface SpendingRow {
  stage: SpendingStage;
  currency: string;
  amount: number;
  /** Processes with any amount (zero included) for this stage and currency. */
  processes: number;
  /** Awards or contracts with status `pending` included in `amount` (0 for the other stages). */
  pending: number;
}

export interface SpendingOptions {
  /** Only this currency (trimmed, upper-cased); all currencies when omitted. */
  currency?: string;
  /** Only this contracting process, matched exactly as published. */
  ocid?: string;
}

/** The amounts one process contributes to each stage, with whether each came from a pending award/contract. */
export function processAmounts(process: Process): { stage: SpendingStage; money: Money; pending: boolean }[] {
  const amounts: { stage: SpendingStage; money: Money; pending: boolean }[] = [];
  const add = (stage: SpendingStage, money: Money | undefined, pending = false) => {
    if (money && Number.isFinite(money.amount)) amounts.push({ stage, money, pending });
  };
  add('planned', process.planning?.budget);
  if (process.tender && !EXCLUDED_TENDER.has(statusOf(process.tender.status))) add('tendered', process.tender.value);
  for (const award of process.awards) {
    const status = statusOf(award.status);
    if (!EXCLUDED_AWARD.has(status)) add('awarded', award.value, status === 'pending');
  }
  for (const contract of process.contracts) {
    const status = statusOf(contract.status);
    if (EXCLUDED_CONTRACT.has(status)) continue;
    add('contracted', contract.value, status === 'pending');
    for (const transaction of contract.transactions) add('paid', transaction.value);
  }
  return amounts;
}

/**
 * Totals per stage and currency: `{ stage, currency, amount, processes, pending }`, one row per stage and currency
 * present, ordered by currency then stage.
 */
export function spendingByStage(dataset: Dataset, options: SpendingOptions = {}): SpendingRow[] {
  const currency = options.currency?.trim().toUpperCase();
  const totals = new Map<string, SpendingRow & { sum: DecimalSum; ocids: Set<string> }>();
  for (const process of dataset.processes) {
    if (options.ocid !== undefined && process.ocid !== options.ocid) continue;
    for (const { stage, money, pending } of processAmounts(process)) {
      if (currency !== undefined && money.currency !== currency) continue;
      const key = `${money.currency}\u0000${stage}`;
      let row = totals.get(key);
      if (!row) {
        row = { stage, currency: money.currency, amount: 0, processes: 0, pending: 0, sum: new DecimalSum(), ocids: new Set() };
        totals.set(key, row);
      }
      row.sum.add(money.amount);
      row.ocids.add(process.ocid);
      if (pending) row.pending++;
    }
  }
  return [...totals.values()]
    .map(({ ocids, sum, ...row }) => ({ ...row, amount: sum.value, processes: ocids.size }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || SPENDING_STAGES.indexOf(a.stage) - SPENDING_STAGES.indexOf(b.stage));
}

/** Currencies by how many processes have an amount in them (most first, then alphabetical). */
export function spendingCurrencies(dataset: Dataset, options: { ocid?: string } = {}): { currency: string; processes: number }[] {
  const processes = options.ocid === undefined ? dataset.processes : dataset.processes.filter((process) => process.ocid === options.ocid);
  return currenciesOf(processes.map(processAmounts));
}

/** spendingCurrencies from each process's processAmounts, for a caller that keeps them for more. */
export function currenciesOf(amounts: ReturnType<typeof processAmounts>[]): { currency: string; processes: number }[] {
  const processes = new Map<string, number>();
  for (const list of amounts) {
    for (const currency of new Set(list.map(({ money }) => money.currency))) {
      processes.set(currency, (processes.get(currency) ?? 0) + 1);
    }
  }
  return [...processes]
    .map(([currency, count]) => ({ currency, processes: count }))
    .sort((a, b) => b.processes - a.processes || a.currency.localeCompare(b.currency));
}
