// What <ocds-process-table> works out for one dataset, in its data chunk (not in what loads before it renders).
// Before the first rows, only each process's amounts (for the currencies) and the rows of the page shown; then, in
// slices of a few milliseconds between the page's other tasks, the other rows, the red flags (the column shown) and
// the search texts; a search typed meanwhile shows its results once the texts are in. Whatever asks for every row
// (`rows`, a sort, the CSV) gets them at once: complete() works out what is still missing.
import type { Dataset } from '../../src/data/types.js';
import { needsProcesses } from '../../src/summary/needs.js';
import { processRow, searchText, type ProcessFlags, type ProcessRow } from '../../src/analysis/process-table.js';
import { compiledReleases, redFlagsInSteps, type RedFlagsResult } from '../../src/analysis/red-flags.js';
import { currenciesOf, processAmounts } from '../../src/analysis/spending.js';

/** A slice of the work, at most this long, so the page answers a keystroke at once. */
const SLICE_MS = 8;
/** The first slice once the page is idle (the first rows painted); the next ones as background tasks, back to back. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 200 }) : setTimeout(work, 0);
const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown } }).scheduler;
const inBackground = (work: () => void) => (scheduler?.postTask ? scheduler.postTask(work, { priority: 'background' }) : setTimeout(work, 0));

const flagCodes = (flags: ProcessFlags | undefined, ocid: string) => Object.keys(flags?.[ocid] ?? {}).sort().join(' ');

/**
 * Every process's row in one currency, in dataset order, with the red flags known when it was made: `rows` has a
 * hole where a row is not worked out yet (rowAt, complete fill them in).
 */
export interface CurrencyRows {
  currency: string;
  rows: ProcessRow[];
  flags?: ProcessFlags;
  flagged: boolean;
  /** How many rows are still holes. */
  missing: number;
}

export class TableWork {
  /** Currencies with amounts, the one behind the most processes first. */
  readonly currencies: string[];
  flags?: RedFlagsResult;
  private readonly amounts: ReturnType<typeof processAmounts>[];
  private readonly texts: string[] = [];
  /** Each process's red-flag codes, folded for search (empty until the flags are in). */
  private flagTexts: string[] = [];
  private started = false;
  private stopped = false;
  private searchableThen?: () => void;
  private shown?: CurrencyRows;
  /** Where the background fill of the shown rows goes on from. */
  private nextRow = 0;
  /** The last search, so that a query that only narrows it (a letter typed) searches its results alone. */
  private last?: { rows: CurrencyRows; words: string[]; found: number[] };

  constructor(readonly dataset: Dataset) {
    // A summary document holds totals, not processes: say so rather than show an empty table.
    if (dataset.summary) needsProcesses();
    this.amounts = dataset.processes.map((process) => processAmounts(process));
    this.currencies = currenciesOf(this.amounts).map(({ currency }) => currency);
  }

  /** Every process's row in `currency` (holes where not worked out yet), with the red flags once they are in. */
  rows(currency: string): CurrencyRows {
    const shown = this.shown;
    if (shown?.currency === currency && (shown.flagged || !this.flags)) return shown;
    const count = this.dataset.processes.length;
    const next: CurrencyRows = { currency, rows: new Array<ProcessRow>(count), flags: this.flags?.OCID, flagged: Boolean(this.flags), missing: count };
    // The flags just in: the rows already worked out take them; the others get them when they are worked out.
    if (shown?.currency === currency) {
      shown.rows.forEach((row, index) => {
        next.rows[index] = { ...row, flags: flagCodes(next.flags, row.ocid) };
        next.missing--;
      });
    }
    this.nextRow = 0;
    return (this.shown = next);
  }

  /** The row of process `index`, worked out now if it is not yet. */
  rowAt(shown: CurrencyRows, index: number): ProcessRow {
    let row = shown.rows[index];
    if (!row) {
      row = shown.rows[index] = processRow(this.dataset.processes[index]!, shown.currency, shown.flags, this.amounts[index]);
      shown.missing--;
    }
    return row;
  }

  /** Rows `from` to `to` of `rows`: of the shown rows, worked out now where they are not yet. */
  slice(rows: ProcessRow[], from: number, to: number): ProcessRow[] {
    const shown = this.shown;
    if (rows !== shown?.rows) return rows.slice(from, to);
    const page: ProcessRow[] = [];
    for (let index = from; index < Math.min(to, rows.length); index++) page.push(this.rowAt(shown, index));
    return page;
  }

  /** Every row of `shown`, worked out now where not yet (until `until`, when given): `shown.rows`, whole unless out of time. */
  complete(shown: CurrencyRows | undefined = this.shown, until = Infinity): ProcessRow[] {
    if (!shown) return [];
    const count = shown.rows.length;
    let index = shown === this.shown ? this.nextRow : 0;
    for (; shown.missing > 0 && index < count && performance.now() < until; index++) this.rowAt(shown, index);
    if (shown === this.shown) this.nextRow = index;
    return shown.rows;
  }

  /** The row of the process `ocid` among the shown rows. */
  rowOf(ocid: string): ProcessRow | undefined {
    const index = this.dataset.processes.findIndex((process) => process.ocid === ocid);
    return this.shown && index >= 0 ? this.rowAt(this.shown, index) : undefined;
  }

  /**
   * Indexes of the rows whose text (or red-flag codes) holds every folded word. A query that only narrows the last
   * one (each of its words held in one of the new words) searches the last results alone.
   */
  search(rows: CurrencyRows, words: string[]): number[] {
    this.searchTexts(Infinity);
    const last = this.last;
    const flagTexts = rows.flagged ? this.flagTexts : [];
    const candidates =
      last?.rows === rows && last.words.every((old) => words.some((word) => word.includes(old))) ? last.found : Array.from(rows.rows, (_, index) => index);
    const found = candidates.filter((index) => words.every((word) => this.texts[index]!.includes(word) || (flagTexts[index] ?? '').includes(word)));
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
      if (this.shown?.missing) {
        this.complete(this.shown, until);
        return inBackground(step);
      }
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
        this.flagTexts = this.dataset.processes.map((process) => flagCodes(this.flags!.OCID, process.ocid).toLowerCase());
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
