// The options of `breakdown`, apart from it: an element validates its attributes before the analysis code loads.

export const BREAKDOWN_BY = ['method', 'buyer', 'procuring-entity', 'supplier', 'category', 'classification', 'stage', 'time', 'year', 'quarter', 'month'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];

/** The periods of `by: 'time'` (year when none is given); `by: 'year' | 'quarter' | 'month'` are their shorthands. */
export const BREAKDOWN_INTERVALS = ['year', 'quarter', 'month'] as const;
export type BreakdownInterval = (typeof BREAKDOWN_INTERVALS)[number];

/**
 * The dimension rows are by: `time` is its `interval` (year by default); `interval` means nothing to any other `by`.
 * Here, not in breakdown.ts, so the element and a summary's rows (which load without the analysis) read it alike.
 */
export function breakdownDimension<By extends BreakdownBy>(by: By, interval?: BreakdownInterval): Exclude<By, 'time'> | BreakdownInterval {
  return by === 'time' ? (interval ?? 'year') : (by as Exclude<By, 'time'>);
}

export const BREAKDOWN_MEASURES = ['processes', 'planned', 'tendered', 'awarded', 'contracted', 'paid'] as const;
export type BreakdownMeasure = (typeof BREAKDOWN_MEASURES)[number];

export const BREAKDOWN_SPLITS = ['method', 'category', 'buyer', 'supplier'] as const;
export type BreakdownSplit = (typeof BREAKDOWN_SPLITS)[number];

/** The time dimensions: rows are periods in order, with amounts without a usable date in one `UNDATED` row. */
export const TIME_DIMENSIONS: readonly BreakdownBy[] = BREAKDOWN_INTERVALS;

/** Dimensions cut to `limit` rows per currency (the rest is one `OTHERS` row). */
export const LIMITED_DIMENSIONS: readonly BreakdownBy[] = ['buyer', 'procuring-entity', 'supplier', 'classification'];
export const DEFAULT_BREAKDOWN_LIMIT = 10;

/** Row keys with a meaning of their own. */
export const NOT_STATED = '';
export const OTHERS = 'others';
export const UNDATED = 'undated';

/**
 * Furthest stage reached, in lifecycle order (the order of `by: 'stage'` rows, not their size); `cancelled` = tender
 * cancelled, unsuccessful or withdrawn with no contract.
 */
export const BREAKDOWN_STAGES = ['planning', 'tender', 'award', 'contract', 'implementation', 'cancelled'] as const;

/** A stage's place in the lifecycle: `by: 'stage'` rows read as a process moves (BREAKDOWN_STAGES), not by size. */
export const stageOrder = (key: string): number => (BREAKDOWN_STAGES as readonly string[]).indexOf(key);
