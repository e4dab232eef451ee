// One row per contracting process for <ocds-process-table>: what it bought, from whom, how, how far it got, the
// money at each stage in one currency (the money rules of spending.ts, per process) and its key dates; plus the
// search (Spanish-aware folding) and the sort the table applies to these rows.
import type { Dataset, OrgRef, Process } from '../data/types.js';
import { DecimalSum } from './decimal-sum.js';
import { processStartDay } from './process-start.js';
import { PROCESS_COLUMNS, type ProcessColumn } from './process-table-keys.js';
import type { RedFlagResults } from './red-flags.js';
import { processAmounts } from './spending.js';

/** Per ocid, the red flags a process raises: `redFlags(dataset).OCID`. */
export type ProcessFlags = RedFlagResults['OCID'];

export const PROCESS_STAGES = ['planning', 'tender', 'award', 'contract', 'implementation'] as const;
export type ProcessStage = (typeof PROCESS_STAGES)[number];

export interface ProcessRow {
  ocid: string;
  title: string;
  buyer: string;
  /** Supplier names of the process's awards, in award order, each once. */
  suppliers: string;
  method: string;
  methodDetails: string;
  /** The furthest stage the process has data for, and that stage's status as published. */
  stage: ProcessStage | '';
  status: string;
  /** The currency of the amounts below. */
  currency: string;
  tendered?: number;
  awarded?: number;
  contracted?: number;
  paid?: number;
  /** Calendar days (`YYYY-MM-DD`): start (processStartDay), first award, first signature, last contract end. */
  start?: string;
  award?: string;
  signature?: string;
  end?: string;
  tenderers?: number;
  /** Codes of the red flags the process raises (cardinal's `OCID` results), space-separated in code order. */
  flags: string;
}

export { PROCESS_COLUMNS, type ProcessColumn };

const day = (date: string | undefined) => date?.slice(0, 10) || undefined;
const first = (dates: (string | undefined)[]) => dates.map(day).filter((d): d is string => Boolean(d)).sort()[0];
const last = (dates: (string | undefined)[]) => dates.map(day).filter((d): d is string => Boolean(d)).sort().at(-1);

function uniqueNames(refs: OrgRef[]): string[] {
  return [...new Set(refs.map((ref) => ref.name.trim()).filter(Boolean))];
}

function stageReached(process: Process): { stage: ProcessStage | ''; status: string } {
  const contract = process.contracts.at(-1);
  if (process.contracts.some((c) => c.transactions.length > 0)) return { stage: 'implementation', status: contract?.status ?? '' };
  if (contract) return { stage: 'contract', status: contract.status ?? '' };
  const award = process.awards.at(-1);
  if (award) return { stage: 'award', status: award.status ?? '' };
  if (process.tender) return { stage: 'tender', status: process.tender.status ?? '' };
  if (process.planning) return { stage: 'planning', status: '' };
  return { stage: '', status: '' };
}

/**
 * The row of one process, its amounts in `currency` (stages with no amount in it are undefined); `amounts` are its
 * processAmounts, when the caller has them already.
 */
export function processRow(process: Process, currency: string, flags: ProcessFlags = {}, amounts = processAmounts(process)): ProcessRow {
  const sums = new Map<string, DecimalSum>();
  for (const { stage, money } of amounts) {
    if (money.currency !== currency) continue;
    let sum = sums.get(stage);
    if (!sum) sums.set(stage, (sum = new DecimalSum()));
    sum.add(money.amount);
  }
  const amount = (stage: string) => sums.get(stage)?.value;
  return {
    ocid: process.ocid,
    title: process.title ?? process.tender?.title ?? '',
    buyer: process.buyer?.name ?? process.procuringEntity?.name ?? '',
    suppliers: uniqueNames(process.awards.flatMap((award) => award.suppliers)).join('; '),
    method: process.procurementMethod ?? '',
    methodDetails: process.procurementMethodDetails ?? '',
    ...stageReached(process),
    currency,
    tendered: amount('tendered'),
    awarded: amount('awarded'),
    contracted: amount('contracted'),
    paid: amount('paid'),
    start: processStartDay(process),
    award: first(process.awards.map((award) => award.date)),
    signature: first(process.contracts.map((contract) => contract.dateSigned)),
    end: last(process.contracts.map((contract) => contract.period?.endDate)),
    tenderers: process.tender?.numberOfTenderers,
    flags: Object.keys(flags[process.ocid] ?? {}).sort().join(' '),
  };
}

/** Every process's row, in dataset order; `amounts`, when given, are each process's processAmounts in that order. */
export function processRows(dataset: Dataset, currency: string, flags: ProcessFlags = {}, amounts?: ReturnType<typeof processAmounts>[]): ProcessRow[] {
  return dataset.processes.map((process, index) => processRow(process, currency, flags, amounts?.[index]));
}

// Search: lower case, accents dropped, but "ñ" kept apart from "n" (Spanish treats it as its own letter).
const COMBINING = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/u;
const foldChar = (char: string) =>
  char === 'ñ' || char === 'Ñ' ? 'ñ' : char.normalize('NFD').replace(COMBINING, '').toLowerCase();
// Folding runs over every process's text: each non-ASCII character is folded once and remembered (the
// characters of an NFC text are NFC on their own, so one table serves foldText and matchRanges).
const foldedChars = new Map<string, string>();
const foldCached = (char: string) => {
  let folded = foldedChars.get(char);
  if (folded === undefined) foldedChars.set(char, (folded = foldChar(char.normalize('NFC'))));
  return folded;
};

/** Text folded for search: case and accents ignored, "ñ" distinct from "n". */
export function foldText(text: string): string {
  const composed = text.normalize('NFC');
  if (!NON_ASCII.test(composed)) return composed.toLowerCase();
  // Character by character: runs of ASCII lower-cased as they are, each non-ASCII character (a code point: a
  // surrogate pair, or one unit) folded as foldChar does (what it gives has no A–Z).
  let folded = '';
  let run = 0;
  for (let i = 0; i < composed.length; i++) {
    const code = composed.charCodeAt(i);
    if (code < 0x80) continue;
    const low = code >= 0xd800 && code <= 0xdbff ? composed.charCodeAt(i + 1) : 0;
    const end = low >= 0xdc00 && low <= 0xdfff ? i + 2 : i + 1;
    folded += composed.slice(run, i).toLowerCase() + foldCached(composed.slice(i, end));
    run = end;
    i = end - 1;
  }
  return folded + composed.slice(run).toLowerCase();
}

/** The words of a query, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

const itemDescriptions = (process: Process): string[] => {
  const release = process.compiledRelease as {
    tender?: { items?: unknown };
    awards?: { items?: unknown }[];
    contracts?: { items?: unknown }[];
  };
  const lists = [release.tender?.items, ...(release.awards ?? []).map((a) => a?.items), ...(release.contracts ?? []).map((c) => c?.items)];
  return lists.flatMap((items) =>
    Array.isArray(items)
      ? items.map((item) => (item as { description?: unknown })?.description).filter((d): d is string => typeof d === 'string')
      : [],
  );
};

/**
 * The folded text a process is searched in: title, description, buyer and supplier names (every variant seen in
 * the dataset, and the legal name), item descriptions, the ocid and `extra` words (e.g. its red-flag codes).
 */
export function searchText(process: Process, dataset: Dataset, extra = ''): string {
  const refs = [process.buyer, ...process.awards.flatMap((award) => award.suppliers)].filter((ref): ref is OrgRef => ref !== undefined);
  // Each piece once: a name repeated (in every release, for every award) matches no more for it.
  const pieces = new Set([
    process.ocid,
    process.title,
    process.tender?.title,
    process.description,
    ...refs.flatMap((ref) => [ref.name, ref.identifier?.legalName]),
    ...itemDescriptions(process),
    extra,
  ]);
  // Each piece, and an organisation's name variants, folded once per dataset (a buyer names hundreds of processes,
  // items repeat): folding pieces apart and joining them is folding their join, as a line break joins with nothing.
  let known = foldedPieces.get(dataset);
  if (!known) foldedPieces.set(dataset, (known = new Map()));
  const folded = [...pieces]
    .filter((piece): piece is string => Boolean(piece))
    .map((piece) => {
      let text = known.get(piece);
      if (text === undefined) known.set(piece, (text = foldText(piece)));
      return text;
    })
    .join('\n');
  const variants = [...new Set(refs.map((ref) => ref.key))].map((key) => foldedNames(dataset, key));
  return [folded, ...variants].filter(Boolean).join('\n');
}

const foldedPieces = new WeakMap<Dataset, Map<string, string>>();
const foldedVariants = new WeakMap<Dataset, Map<string, string>>();
function foldedNames(dataset: Dataset, key: string): string {
  let known = foldedVariants.get(dataset);
  if (!known) foldedVariants.set(dataset, (known = new Map()));
  let folded = known.get(key);
  if (folded === undefined) known.set(key, (folded = foldText([...new Set(dataset.organisations.get(key)?.names ?? [])].filter(Boolean).join('\n'))));
  return folded;
}

/** Whether a folded search text holds every word of the query. */
export function matchesWords(text: string, words: string[]): boolean {
  return words.every((word) => text.includes(word));
}

/** Where the query's words occur in `text` (as shown), merged and in order: `[start, end)` offsets. */
export function matchRanges(text: string, words: string[]): [number, number][] {
  if (words.length === 0 || !text) return [];
  // Fold character by character, keeping where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = char < '\x80' ? char.toLowerCase() : foldCached(char);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(offset);
    offset += char.length;
  }
  origin.push(offset);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const start = origin[at]!;
      const endIndex = at + word.length;
      const end = endIndex < origin.length - 1 ? origin[endIndex]! : offset;
      ranges.push([start, Math.max(end, start + 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export type SortDirection = 'ascending' | 'descending';

const NUMERIC = new Set<ProcessColumn>(['tendered', 'awarded', 'contracted', 'paid', 'tenderers']);

/**
 * Rows sorted by one column: numbers as numbers, `YYYY-MM-DD` days and text by locale; rows without a value last
 * whichever the direction. The sort is stable.
 */
export function sortRows(rows: ProcessRow[], column: ProcessColumn, direction: SortDirection, locale = 'en'): ProcessRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  const missing = (value: unknown) => value === undefined || value === '';
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (missing(x) || missing(y)) return Number(missing(x)) - Number(missing(y));
    if (NUMERIC.has(column)) return sign * ((x as number) - (y as number));
    if (column === 'stage') return sign * (PROCESS_STAGES.indexOf(x as ProcessStage) - PROCESS_STAGES.indexOf(y as ProcessStage));
    return sign * collator.compare(String(x), String(y));
  });
}
