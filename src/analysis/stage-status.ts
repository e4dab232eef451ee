// The money rules' statuses (README, "Money rules"): which tenders, awards and contracts are left out of the stage
// totals. One definition for every analysis that sums stages (spendingByStage, breakdown, the process table).
export const EXCLUDED_TENDER = new Set(['cancelled', 'unsuccessful', 'withdrawn']);
export const EXCLUDED_AWARD = new Set(['cancelled', 'unsuccessful']);
export const EXCLUDED_CONTRACT = new Set(['cancelled']);

/** A status as compared: trimmed and lower-cased, `''` when missing. */
export const statusOf = (status: string | undefined) => status?.trim().toLowerCase() ?? '';
