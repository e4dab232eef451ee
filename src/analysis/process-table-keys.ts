// The process table's columns on their own, so the element and its option checks know them before data has loaded.

export const PROCESS_COLUMNS = [
  'title', 'buyer', 'suppliers', 'method', 'stage', 'status', 'tendered', 'awarded', 'contracted', 'paid',
  'start', 'award', 'signature', 'end', 'tenderers', 'flags', 'ocid',
] as const;
export type ProcessColumn = (typeof PROCESS_COLUMNS)[number];
