/** The exact decimal sum of amounts as published (see decimal.mjs): expected values for tests. */
export function exactSum(values: number[]): number;
