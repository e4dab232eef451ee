import type { Catalogues } from '../../src/i18n/index.js';

/**
 * <ocds-process-table>'s words that only rows need, loaded with its data code (table-code.ts): nothing before the
 * first render waits for them.
 */
export const processTableDataMessages: Catalogues = {
  en: {
    // Shown, muted, in the title cell of a process whose data has no title; `rows` and the CSV keep it empty.
    untitled: 'Untitled process',
  },
  es: {
    untitled: 'Proceso sin título',
  },
};
