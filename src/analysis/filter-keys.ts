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
  /** First day (`YYYY-MM-DD`, inclusive) of the process's start: its first release, else its tender period start. */
  from?: string;
  /** Last day (`YYYY-MM-DD`, inclusive) of the process's start. */
  to?: string;
  /** Procurement method (`open`, `selective`, `limited`, `direct`), case-insensitive. */
  method?: string;
  /** One contracting process, matched exactly as published. */
  ocid?: string;
}

export const FILTER_KEYS = ['buyer', 'procuringEntity', 'supplier', 'from', 'to', 'method', 'ocid'] as const satisfies readonly (keyof DatasetFilters)[];
