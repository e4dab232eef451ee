// Events every ocds-widgets element fires (bubbling, composed), typed for addEventListener. Who fires what (the
// README, "Events"): `ocds-load` comes from the element that read the data (its own `src` or `data`, or an
// `<ocds-dataset>`), once per load; a chart fed by a dataset fires `ocds-render` only, with what it shows.

export type ErrorPhase = 'fetch' | 'parse' | 'validate' | 'render';

/** What one load read: all of it, before any filter. */
export interface OcdsLoadDetail {
  processes: number;
  /** Releases read (the loader's count, after dropping exact duplicates). */
  releases: number;
  issues: number;
}

/** What the element shows: the processes it draws from (after `<ocds-dataset>`'s filters and its `ocid`). */
export interface OcdsRenderDetail {
  processes: number;
  /** Releases of those processes. */
  releases: number;
  /** Its `rows`: what the chart, its table and its CSV show. */
  rows: number;
}

export interface OcdsSelectDetail {
  /** What was selected, e.g. `stage`, `supplier`, `process`. */
  kind: string;
  id: string;
  label: string;
  value?: number;
}

export interface OcdsErrorDetail {
  phase: ErrorPhase;
  /** Translated, human-readable message (as shown in the element). */
  message: string;
  /** `OcdsError.code` when the core raised one. */
  code?: string;
}

export interface OcdsEventMap {
  'ocds-load': CustomEvent<OcdsLoadDetail>;
  'ocds-render': CustomEvent<OcdsRenderDetail>;
  'ocds-select': CustomEvent<OcdsSelectDetail>;
  'ocds-error': CustomEvent<OcdsErrorDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends OcdsEventMap {}
}
