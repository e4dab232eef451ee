// What a summary document answers for the many-process timeline (its largest processes with their dates), red
// flags (per buyer and indicator) and data quality (field coverage per process): the rows the analysis functions
// give for a Dataset, from the summary's cubes. In the summary chunk: an element given OCDS data never loads it.
import type { ContractTimeline, TimelineRow, TimelineStage } from '../analysis/timeline.js';
import type { RedFlagGroupRow, RedFlagIndicator } from '../analysis/red-flags.js';
import type { CoverageRow, DataOverview } from '../analysis/data-quality.js';
import { COVERAGE_FIELDS } from '../analysis/data-quality-keys.js';
import { OcdsError } from '../data/types.js';
import { formatNumber } from '../i18n/index.js';
import { needsProcesses } from './needs.js';
import { summaryLabel } from './rows.js';
import type { LargestRow, SummaryDocument } from './format.js';

const DEFAULT_LIMIT = 20;

/** The currencies the largest-processes list has processes in, alphabetical. */
export function summaryTimelineCurrencies(document: SummaryDocument): string[] {
  return [...new Set(document.largest.rows.map((row) => row[0]))].sort();
}

/** The currency most of the summarised processes have an amount in (spending's largest process count). */
export function summaryMainCurrency(document: SummaryDocument, currencies: { currency: string }[]): string | undefined {
  const listed = new Set(summaryTimelineCurrencies(document));
  return currencies.find(({ currency }) => listed.has(currency))?.currency ?? [...listed][0];
}

/**
 * Gantt segments of one of the largest processes, from the days the summary keeps: the tender from the process
 * start, the award from its earliest award, the contract from its earliest contract start to its latest end. A
 * process with only a start day (no tender end, award or contract date) is drawn at that day as planning.
 */
function segments(row: LargestRow): TimelineRow[] {
  const [currency, amount, ocid, title, , , start, tenderEnd, awarded, contractStart, contractEnd] = row;
  const days = [start, tenderEnd, awarded, contractStart, contractEnd].filter(Boolean);
  if (!days.length) return [];
  const last = [...days].sort().at(-1)!;
  const later = Boolean(tenderEnd || awarded || contractStart);
  const starts: { stage: TimelineStage; day: string }[] = [];
  if (start) starts.push({ stage: later ? 'tender' : 'planning', day: start });
  else if (tenderEnd) starts.push({ stage: 'tender', day: tenderEnd });
  if (awarded) starts.push({ stage: 'award', day: awarded });
  if (contractStart) starts.push({ stage: 'contract', day: contractStart });
  else if (contractEnd) starts.push({ stage: 'contract', day: contractEnd });
  starts.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  // A tender that starts the day its award does (a direct award) has no span of its own.
  const kept = starts.filter((segment, i) => i === starts.length - 1 || segment.day !== starts[i + 1].day);
  const name = title || ocid;
  return kept.map((segment, i) => ({
    ocid,
    kind: 'span' as const,
    stage: segment.stage,
    event: 'stage' as const,
    label: `${name}: ${segment.stage}`,
    start: segment.day,
    end: kept[i + 1]?.day ?? last,
    ...(title ? { title } : {}),
    // The process's size (its largest stage total) on its first segment: what it was ranked by.
    ...(i === 0 ? { value: Number(amount), currency } : {}),
  }));
}

/**
 * The many-process timeline of the summary's largest processes in `currency`, largest first (`limit`, default 20,
 * at most the summary's list). One process, or another order than by value, needs the process data.
 */
export function summaryTimeline(document: SummaryDocument, options: { ocid?: string; limit?: number; currency?: string }): ContractTimeline {
  if (options.ocid !== undefined) needsProcesses();
  const limit = options.limit === undefined || !(options.limit >= 1) ? DEFAULT_LIMIT : Math.floor(options.limit);
  const currency = options.currency?.trim().toUpperCase();
  const listed = document.largest.rows.filter((row) => row[0] === currency);
  const dated: { row: LargestRow; rows: TimelineRow[] }[] = [];
  const undated: { ocid: string; title?: string }[] = [];
  for (const row of listed) {
    const rows = segments(row);
    if (rows.length) dated.push({ row, rows });
    else undated.push({ ocid: row[2], ...(row[3] ? { title: row[3] } : {}) });
  }
  const shown = dated.slice(0, limit);
  return {
    mode: 'processes',
    rows: shown.flatMap(({ rows }) => rows),
    issues: [],
    shown: shown.map(({ row, rows }) => {
      const times = rows.flatMap((segment) => [segment.start, segment.end!]).sort();
      return { ocid: row[2], ...(row[3] ? { title: row[3] } : {}), first: times[0], last: times.at(-1)!, contracted: { amount: Number(row[1]), currency: row[0] } };
    }),
    notShown: dated.length - shown.length,
    undated,
    overdue: [],
    asOf: document.meta.generatedAt,
    running: false,
    contracted: [],
  };
}

/**
 * redFlagGroups' rows from the summary's red-flag counts (cardinal's default settings, every indicator, per buyer):
 * `indicators` keeps some of them. Another grouping, other settings, or one process need the process data.
 */
export function summaryRedFlags(document: SummaryDocument, options: { group?: string; indicators?: readonly RedFlagIndicator[]; settings?: boolean; ocid?: string }): RedFlagGroupRow[] {
  if (!document.redFlags || (options.group ?? 'buyer') !== 'buyer' || options.settings || options.ocid !== undefined) needsProcesses();
  const wanted = options.indicators ? new Set<string>(options.indicators) : undefined;
  return document.redFlags.rows
    .filter(([, indicator, evaluable]) => evaluable > 0 && (!wanted || wanted.has(indicator)))
    .map(([buyer, indicator, evaluable, flagged]) => ({ id: buyer, name: buyer ? summaryLabel(document, buyer) : '', indicator: indicator as RedFlagIndicator, evaluable, flagged, share: flagged / evaluable }))
    .sort((a, b) => b.share - a.share || b.flagged - a.flagged || a.name.localeCompare(b.name));
}

/** coverageRows' rows from the summary's per-process field counts. */
export function summaryCoverage(document: SummaryDocument): CoverageRow[] {
  const fields = (document as { fields?: Record<string, number> }).fields;
  if (!fields || typeof fields !== 'object') throw new OcdsError('summary-invalid', 'The summary is missing a part the elements read, or its columns are not those of its version.');
  const total = document.meta.processes;
  return COVERAGE_FIELDS.map(({ field, path }) => {
    const processes = fields[field] ?? 0;
    return { field, path, processes, total, share: total ? processes / total : 0 };
  });
}

/**
 * dataOverview's answers, as far as a summary holds them: no release dates (its date range is of process starts),
 * versions or supplier identifiers.
 */
export function summaryOverview(document: SummaryDocument): DataOverview {
  return {
    processes: document.meta.processes,
    releases: document.meta.releases,
    currencies: [...new Set(document.spending.rows.map((row) => row[4]))].sort(),
    versions: [],
    complete: document.meta.complete,
    awardsWithSuppliers: 0,
    awardsMatchedByName: 0,
  };
}

/** Kept here, not in the elements' messages: only a page given a summary needs them (the elements load before every render). */
const NOTES = {
  en: {
    timeline: 'From a summary: its {count} largest processes in {currency} by value, with the days it keeps (process start, tender end, first award, contract start and end). Other orders and a single process’s events need the process data.',
    'red-flags': 'From a summary: counts per buyer and indicator, with cardinal’s default settings. The flagged processes and their reasons need the process data.',
    'data-quality': 'From a summary of {count} processes: what was repaired or left out while reading is not kept. {errors}',
    errors: { one: 'Summarising skipped {count} unusable input.', other: 'Summarising skipped {count} unusable inputs.' },
    'no-errors': 'Every input was usable.',
  },
  es: {
    timeline: 'Según un resumen: sus {count} procesos de mayor importe en {currency}, con los días que guarda (inicio del proceso, fin de la licitación, primera adjudicación, inicio y fin del contrato). Otros órdenes y los hechos de un solo proceso necesitan los datos de los procesos.',
    'red-flags': 'Según un resumen: recuentos por comprador e indicador, con la configuración por defecto de cardinal. Los procesos señalados y sus motivos necesitan los datos de los procesos.',
    'data-quality': 'Según un resumen de {count} procesos: no guarda lo que se reparó o se dejó fuera al leer los datos. {errors}',
    errors: { one: 'Al resumir se omitió {count} entrada inutilizable.', other: 'Al resumir se omitieron {count} entradas inutilizables.' },
    'no-errors': 'Todas las entradas se pudieron usar.',
  },
};

export type SummaryNote = 'timeline' | 'red-flags' | 'data-quality';

/** What a view drawn from a summary cannot show, in the reader's language (en, es). */
export function summaryNote(document: SummaryDocument, note: SummaryNote, tag: string, params: { count?: number; currency?: string } = {}): string {
  const words = NOTES[tag.toLowerCase().startsWith('es') ? 'es' : 'en'];
  const errorCount = document.meta.errorCount;
  const errors = errorCount ? (errorCount === 1 ? words.errors.one : words.errors.other).replace('{count}', formatNumber(errorCount, tag)) : words['no-errors'];
  const count = note === 'data-quality' ? document.meta.processes : (params.count ?? 0);
  return words[note].replace('{count}', formatNumber(count, tag)).replace('{currency}', params.currency ?? '').replace('{errors}', errors);
}
