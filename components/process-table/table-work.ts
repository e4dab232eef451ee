// What <ocds-process-table> works out for one dataset, in its data chunk (not in what loads before it renders).
// Only each process's amounts come before the first rows; the red flags (the column shown) and then the search
// texts are worked out after the first rows are drawn, in slices of a few milliseconds between the page's other
// tasks; a search typed meanwhile shows its results once they are in.
import type { Dataset } from '../../src/data/types.js';
import { needsProcesses } from '../../src/summary/needs.js';
import { processRows, searchText, type ProcessRow } from '../../src/analysis/process-table.js';
import { compiledReleases, redFlagsInSteps, type RedFlagsResult } from '../../src/analysis/red-flags.js';
import { currenciesOf, processAmounts } from '../../src/analysis/spending.js';

/** A slice of the work, at most this long, so the page answers a keystroke at once. */
const SLICE_MS = 8;
/** The first slice once the page is idle (the first rows painted); the next ones as background tasks, back to back. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 200 }) : setTimeout(work, 0);
const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown } }).scheduler;
const inBackground = (work: () => void) => (scheduler?.postTask ? scheduler.postTask(work, { priority: 'background' }) : setTimeout(work, 0));

/** The rows in one currency, in dataset order (as the texts), and each row's red-flag codes folded for search. */
export interface CurrencyRows {
  currency: string;
  rows: ProcessRow[];
  flagTexts: string[];
  flagged: boolean;
}

export class TableWork {
  /** Currencies with amounts, the one behind the most processes first. */
  readonly currencies: string[];
  flags?: RedFlagsResult;
  private readonly amounts: ReturnType<typeof processAmounts>[];
  private readonly texts: string[] = [];
  private started = false;
  private stopped = false;
  private searchableThen?: () => void;
  private shown?: CurrencyRows;
  /** The last search, so that a query that only narrows it (a letter typed) searches its results alone. */
  private last?: { rows: CurrencyRows; words: string[]; found: number[] };

  constructor(readonly dataset: Dataset) {
    // A summary document holds totals, not processes: say so rather than show an empty table.
    if (dataset.summary) needsProcesses();
    this.amounts = dataset.processes.map((process) => processAmounts(process));
    this.currencies = currenciesOf(this.amounts).map(({ currency }) => currency);
  }

  /** Every process's row in `currency`, with the red flags once they are in (kept while the currency stays). */
  rows(currency: string): CurrencyRows {
    const shown = this.shown;
    if (shown?.currency === currency && (shown.flagged || !this.flags)) return shown;
    const rows =
      shown?.currency === currency
        ? shown.rows.map((row) => ({ ...row, flags: Object.keys(this.flags!.OCID?.[row.ocid] ?? {}).sort().join(' ') }))
        : processRows(this.dataset, currency, this.flags?.OCID, this.amounts);
    return (this.shown = { currency, rows, flagTexts: rows.map((row) => row.flags.toLowerCase()), flagged: Boolean(this.flags) });
  }

  /**
   * Indexes of the rows whose text (or red-flag codes) holds every folded word. A query that only narrows the last
   * one (each of its words held in one of the new words) searches the last results alone.
   */
  search(rows: CurrencyRows, words: string[]): number[] {
    this.searchTexts(Infinity);
    const last = this.last;
    const candidates =
      last?.rows === rows && last.words.every((old) => words.some((word) => word.includes(old))) ? last.found : rows.rows.map((_, index) => index);
    const found = candidates.filter((index) => words.every((word) => this.texts[index]!.includes(word) || rows.flagTexts[index]!.includes(word)));
    this.last = { rows, words, found };
    return found;
  }

  /** Whether every search text is in. */
  get searchable(): boolean {
    return this.texts.length === this.dataset.processes.length;
  }

  /** Runs `then` once every search text is in. */
  whenSearchable(then: () => void): void {
    if (this.searchable) then();
    else this.searchableThen = then;
  }

  /** Starts the idle work once (after the first rows are drawn); `flagsIn` runs when the red flags are in. */
  start(flagsIn: () => void): void {
    if (this.started) return;
    this.started = true;
    let flagSteps: Generator<void, RedFlagsResult> | undefined;
    const step = () => {
      if (this.stopped) return;
      const until = performance.now() + SLICE_MS;
      if (!this.flags) {
        try {
          flagSteps ??= redFlagsInSteps(compiledReleases(this.dataset));
          let next;
          do next = flagSteps.next();
          while (!next.done && performance.now() < until);
          if (!next.done) return inBackground(step);
          this.flags = next.value;
        } catch (error) {
          // The table stands without its flags column rather than not at all.
          console.error(error);
          this.flags = { Meta: {}, coverage: {}, reasons: {} };
        }
        flagsIn();
        return inBackground(step);
      }
      if (this.searchable) return;
      this.searchTexts(until);
      if (!this.searchable) inBackground(step);
    };
    whenIdle(step);
  }

  /** The element has another dataset: what is left is not needed. */
  stop(): void {
    this.stopped = true;
  }

  /** Fills in the search texts in dataset order (their red-flag codes are searched apart), until `until`. */
  private searchTexts(until: number): void {
    const { processes } = this.dataset;
    while (this.texts.length < processes.length && performance.now() < until) this.texts.push(searchText(processes[this.texts.length]!, this.dataset));
    const then = this.searchableThen;
    if (!then || !this.searchable) return;
    this.searchableThen = undefined;
    then();
  }
}
