// Events every ocds-widgets element fires (bubbling, composed), typed for addEventListener.

export type ErrorPhase = 'fetch' | 'parse' | 'validate' | 'render';

export interface OcdsLoadDetail {
  processes: number;
  releases: number;
  issues: number;
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
  'ocds-render': CustomEvent<void>;
  'ocds-select': CustomEvent<OcdsSelectDetail>;
  'ocds-error': CustomEvent<OcdsErrorDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends OcdsEventMap {}
}
