// The filters of `filterDataset`, apart from it: <ocds-dataset> takes them as attributes before it has data (and
// before the filtering code has loaded).

export interface DatasetFilters {
  /** The buyer (else the procuring entity): an organisation key as in `supplierNetwork` node ids, a name, or an identifier id. */
  buyer?: string;
  /** The procuring entity (only: not the buyer), matched like `buyer`. */
  procuringEntity?: string;
  /**
   * A supplier, matched like `buyer`. Keeps the processes with an award to it, and within them only its awards and
   * the contracts of those awards (with their payments): awarded, contracted and paid become the supplier's own,
   * while planned and tendered stay whole-process amounts.
   */
  supplier?: string;
  /** First day (`YYYY-MM-DD`, inclusive) of the process's start (`processStart`: its tender period, else tender publication, award, contract, and its first release last). */
  from?: string;
  /** Last day (`YYYY-MM-DD`, inclusive) of the process's start. */
  to?: string;
  /** Procurement method (`open`, `selective`, `limited`, `direct`), case-insensitive. */
  method?: string;
  /** Main procurement category (`goods`, `works`, `services`: `tender.mainProcurementCategory`), case-insensitive. */
  category?: string;
  /** One contracting process, matched exactly as published. */
  ocid?: string;
}

export const FILTER_KEYS = ['buyer', 'procuringEntity', 'supplier', 'from', 'to', 'method', 'category', 'ocid'] as const satisfies readonly (keyof DatasetFilters)[];

/**
 * The first and last day (`YYYY-MM-DD`) of a period as `breakdown` keys it (`2016`, `2016-Q1`, `2016-01`): choosing a
 * year, quarter or month in a chart sets the dataset's `from`/`to` to it. Undefined for anything else.
 */
export function periodRange(period: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [first, last] = match[2] ? [Number(match[2]) * 3 - 2, Number(match[2]) * 3] : match[3] ? [Number(match[3]), Number(match[3])] : [1, 12];
  const pad = (n: number) => String(n).padStart(2, '0');
  // Day 0 of the next month is the last day of this one (UTC, as every date in the kit).
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${match[1]}-${pad(first)}-01`, to: `${match[1]}-${pad(last)}-${pad(lastDay)}` };
}
