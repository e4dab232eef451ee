// The spending stages on their own, so an element can list them before its data (and src/analysis) has loaded.

export type SpendingStage = 'planned' | 'tendered' | 'awarded' | 'contracted' | 'paid';

export const SPENDING_STAGES: readonly SpendingStage[] = ['planned', 'tendered', 'awarded', 'contracted', 'paid'];
