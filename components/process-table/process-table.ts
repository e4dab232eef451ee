import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OcdsChartElement, type ChartContext, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import { chartElementStyles } from '../base/styles.js';
import type * as TableCode from './table-code.js';
import type { ProcessRow, SortDirection } from '../../src/analysis/process-table.js';
import { INDICATORS_URL } from '../../src/analysis/red-flag-constants.js';
import { PROCESS_COLUMNS, type ProcessColumn } from '../../src/analysis/process-table-keys.js';
import type { Dataset, Process } from '../../src/data/types.js';
import { formatDate, formatMoney, formatNumber, mergeCatalogues, type Catalogues } from '../../src/i18n/index.js';
import { processTableMessages } from './messages.js';

const tableCode = lazy(() => import('./table-code.js'));
/** Its messages with those that come with the data code (data-messages.ts), merged once. */
let withDataMessages: Catalogues | undefined;

const COLUMNS: readonly ProcessColumn[] = PROCESS_COLUMNS;
const DEFAULT_COLUMNS: readonly ProcessColumn[] = ['title', 'buyer', 'suppliers', 'stage', 'awarded', 'paid', 'start', 'flags'];
/** At phone width the table keeps what fits without sideways page scroll. */
const NARROW_COLUMNS: readonly ProcessColumn[] = ['title', 'awarded'];
const MONEY = new Set<ProcessColumn>(['tendered', 'awarded', 'contracted', 'paid']);
const DAYS = new Set<ProcessColumn>(['start', 'award', 'signature', 'end']);
const SEARCHED = new Set<ProcessColumn>(['title', 'buyer', 'suppliers', 'flags', 'ocid']);
const PAGE_SIZE = 50;
const HASH_KEY = 'ocds-process';

/**
 * One row per contracting process, to find any contract and see it whole: search (case- and accent-insensitive,
 * "ñ" kept apart), sort by any column, pages of 50 rows, amounts in the shown currency (a switcher offers every
 * currency the processes have amounts in). A "Red flags" column gives the codes of the red flags each process raises
 * (cardinal's indicators with their default settings, as `<ocds-red-flags>` computes them): a red flag is a reason
 * to look closer, not evidence of wrongdoing; it fills in just after the first rows are drawn (`rendered` waits for
 * it), so the first rows of a large dataset show at once. Choosing a row opens the process: its stages with amounts and dates,
 * its red flags with their reasons in words, buyer and suppliers with identifiers, and documents; `ocid` (or
 * `#ocds-process=<ocid>` in the page URL) opens it directly, and "Copy link" copies that URL (or shows it to copy by
 * hand where the clipboard is refused).
 *
 * @summary Searchable table of contracting processes.
 * @event ocds-select - `{ kind: 'process', id: ocid }` when a row is chosen.
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsProcessTable extends OcdsChartElement<ProcessRow, typeof TableCode> {
  static override styles = [
    chartElementStyles,
    css`
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: start; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--ocds-color-muted, #767676); vertical-align: top; }
      td.numeric, th.numeric { text-align: end; font-variant-numeric: tabular-nums; }
      th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; color: inherit; cursor: pointer; text-align: inherit; }
      tbody tr { cursor: pointer; }
      tbody tr:focus { outline: 2px solid var(--ocds-color-accent, #005ea2); outline-offset: -2px; }
      mark { background: var(--ocds-color-accent, #005ea2); color: var(--ocds-color-background, #fff); }
      .pages { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
      .process-table { overflow-wrap: anywhere; container-type: inline-size; }
      /* Default columns beyond title and awarded give way at phone width: no sideways page scroll. */
      @container (max-width: 479px) { .wide-only { display: none; } }
      .flags-note a, .flag-reasons a { color: inherit; }
      .untitled { color: var(--ocds-color-muted); font-style: italic; }
      dl.stages { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
    `,
  ];

  /**
   * Space-separated columns to show, of: title buyer suppliers method stage status tendered awarded contracted paid
   * start award signature end tenderers flags ocid (default: title buyer suppliers stage awarded paid start flags;
   * title and awarded on phones).
   */
  @property({ reflect: true }) columns?: string;
  /**
   * Search words: processes whose title, description, buyer, suppliers (any name variant), items, ocid or red-flag
   * codes hold them all (default: none). Set values reflect; the default is not written back.
   */
  @property({ reflect: true }) query?: string;
  /** Column the rows are sorted by (default: dataset order). */
  @property({ attribute: 'sort-by', reflect: true }) sortBy?: ProcessColumn;
  /** `ascending` (when unset) or `descending`. Set values reflect; the default is not written back. */
  @property({ attribute: 'sort-direction', reflect: true }) sortDirection?: SortDirection;

  @state() private page = 0;

  protected override messages = processTableMessages;
  protected override selectKind = 'process';
  protected override usesCurrency = true;
  /** The table is the main view: a second, unpaged copy of 10,000 rows must never be drawn. */
  protected override hasTableToggle = false;
  protected override analysisProperties = ['currency', 'query', 'sortBy', 'sortDirection', 'flagsArrived', 'textsArrived'];
  protected override dataCode = tableCode;

  /** What is worked out once per dataset (table-work.ts). */
  private work?: TableCode.TableWork;
  /** Bumped when the red flags, or every search text, are in: the rows are analysed again (and drawn) with them. */
  @state() private flagsArrived = 0;
  @state() private textsArrived = 0;
  /** The update is the red flags or the search texts arriving alone: the reader stays on the page they are on. */
  private keepPage = false;
  /** The work the last rows came from (its first rows wait for nothing). */
  private analysed?: TableCode.TableWork;
  private readonly waiting = new Map<'flags' | 'search', { promise: Promise<void>; resolve: () => void }>();
  /** What "copy link" last produced, and whether the clipboard took it (else it is shown to copy by hand). */
  @state() private copied?: { url: string; ok: boolean };
  /** The ocid of the row the detail view was opened from, to give it focus again on the way back. */
  private openedFrom?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    const hash = new URLSearchParams(location.hash.slice(1)).get(HASH_KEY);
    if (hash && !this.ocid) this.ocid = hash;
  }

  protected override defaultCurrency(dataset: Dataset): string | undefined {
    return this.forDataset(dataset).currencies[0];
  }

  /** Every currency the processes have amounts in (all rows are in the shown one, so the base can't tell). */
  override get currencies(): string[] {
    return this.work ? [...this.work.currencies].sort() : super.currencies;
  }

  /** Every row (the first rows are drawn before the others are worked out: those are worked out now). */
  override get rows(): ProcessRow[] {
    this.work?.complete();
    return super.rows;
  }

  override csv(): string {
    this.work?.complete();
    return super.csv();
  }

  /**
   * Resolves once the element has settled after its pending update, with the red-flags column filled in and the
   * search results shown (both are worked out just after the first rows are drawn).
   */
  override get rendered(): Promise<void> {
    return super.rendered.then(async () => {
      while (this.waiting.size) {
        await Promise.all([...this.waiting.values()].map(({ promise }) => promise));
        await super.rendered;
      }
    });
  }

  /** Something the rows still wait for (`rendered` waits for it too), until done(what). */
  private wait(what: 'flags' | 'search'): void {
    if (this.waiting.has(what)) return;
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    this.waiting.set(what, { promise, resolve });
  }
  private done(what: 'flags' | 'search'): void {
    this.waiting.get(what)?.resolve();
    this.waiting.delete(what);
  }
  /** Once the update that `arrived` asks for has been drawn, `what` is done (unless the dataset changed). */
  private arrived(work: TableCode.TableWork, what: 'flags' | 'search'): void {
    if (this.work !== work) return;
    if (what === 'flags') this.flagsArrived++;
    else this.textsArrived++;
    void this.updateComplete.then(() => this.work === work && this.done(what));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.keepPage = changed.size === 1 && (changed.has('flagsArrived') || changed.has('textsArrived'));
    super.willUpdate(changed);
  }

  private forDataset(dataset: Dataset): TableCode.TableWork {
    if (this.work?.dataset === dataset) return this.work;
    this.work?.stop();
    this.done('flags');
    this.done('search');
    // Made first: a Dataset it refuses (a summary) throws here, and `rendered` must not wait for work never started.
    const work = (this.work = new this.code.TableWork(dataset));
    this.wait('flags');
    this.wait('search');
    work.whenSearchable(() => this.arrived(work, 'search'));
    return work;
  }

  protected analyse(dataset: Dataset): ProcessRow[] {
    // Its words for rows come with its data code, not with the element.
    this.messages = withDataMessages ??= mergeCatalogues(processTableMessages, this.code.processTableDataMessages);
    const work = this.forDataset(dataset);
    const currency = this.currency?.trim().toUpperCase() || this.defaultCurrency(dataset) || 'XXX';
    const shown = work.rows(currency);
    const words = this.code.queryWords(this.query ?? '');
    const firstRows = this.analysed !== work;
    this.analysed = work;
    work.start(() => this.arrived(work, 'flags'));
    if (words.length && !firstRows && !work.searchable) {
      // Typed before the search texts are all in (just after the first rows): the rows shown stay until they are
      // (`rendered` waits for them), rather than one long task now.
      this.page = 0;
      return super.rows;
    }
    // In dataset order only the rows drawn are worked out now; a sort needs them all.
    const rows = words.length ? work.search(shown, words).map((index) => work.rowAt(shown, index)) : shown.rows;
    if (!this.keepPage) this.page = 0;
    return this.sortBy && COLUMNS.includes(this.sortBy) ? this.code.sortRows(words.length ? rows : work.complete(shown), this.sortBy, this.directionInEffect, this.languageTag) : rows;
  }

  /** Never called: the table is this element's main view (renderMainView). */
  protected chartSpec(): object {
    return {};
  }

  protected summaryText(rows: ProcessRow[], ctx: ChartContext): string {
    return ctx.t('search.results', { count: rows.length });
  }

  protected override emptyMessage(rows: ProcessRow[], ctx: ChartContext): string | undefined {
    return rows.length === 0 && this.query?.trim() ? ctx.t('search.none', { query: this.query }) : undefined;
  }

  private shownColumns(): ProcessColumn[] {
    const asked = (this.columns ?? '').split(/\s+/).filter((c): c is ProcessColumn => COLUMNS.includes(c as ProcessColumn));
    if (asked.length) return asked;
    return [...DEFAULT_COLUMNS];
  }

  /** Cell classes: numbers aligned; with the default columns, those not kept at phone width. */
  private cellClass(column: ProcessColumn): string {
    const wideOnly = !this.columns?.trim() && !NARROW_COLUMNS.includes(column);
    return [MONEY.has(column) ? 'numeric' : '', wideOnly ? 'wide-only' : ''].filter(Boolean).join(' ');
  }

  private cellText(row: ProcessRow, column: ProcessColumn, ctx: ChartContext): string {
    const value = row[column];
    if (value === undefined || value === '') return '';
    if (MONEY.has(column)) return formatMoney(value as number, row.currency, ctx.tag);
    if (DAYS.has(column)) return formatDate(value as string, ctx.tag);
    if (column === 'tenderers') return formatNumber(value as number, ctx.tag);
    if (column === 'stage') return ctx.t(`stage.${value}`);
    if (column === 'method' && row.methodDetails) return `${value} (${row.methodDetails})`;
    return String(value);
  }

  protected tableColumns(ctx: ChartContext): TableColumn<ProcessRow>[] {
    return [...COLUMNS.slice(0, 6), 'methodDetails' as const, 'currency' as const, ...COLUMNS.slice(6)].map((key) => ({
      key,
      label: key === 'methodDetails' || key === 'currency' ? key : ctx.t(`column.${key}`),
      numeric: MONEY.has(key as ProcessColumn) || key === 'tenderers',
      format: (row: ProcessRow) => (key === 'methodDetails' || key === 'currency' ? row[key] : this.cellText(row, key, ctx)),
    }));
  }

  /** Text with the query's words marked: built from text parts, never parsed as HTML. */
  private highlighted(text: string, words: string[]): TemplateResult | string {
    const ranges = this.code.matchRanges(text, words);
    if (!ranges.length) return text;
    const parts: (TemplateResult | string)[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      parts.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(text.slice(at));
    return html`${parts}`;
  }

  protected override renderExtraControls(ctx: ChartContext): TemplateResult {
    return html`<label>${ctx.t('search.label')}
      <input type="search" .value=${this.query ?? ''} @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)} />
    </label>`;
  }

  protected override renderMainView(rows: ProcessRow[], ctx: ChartContext): TemplateResult {
    const process = this.ocid ? this.loadedDataset?.processes.find((p) => p.ocid === this.ocid) : undefined;
    if (process) return this.renderDetail(process, ctx);
    const columns = this.shownColumns();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(this.page, pages - 1);
    const shown = this.work!.slice(rows, page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const sortState = (column: ProcessColumn) => (this.sortBy === column ? this.directionInEffect : 'none');
    const words = this.code.queryWords(this.query ?? '');
    return html`<div class="process-table" part="chart">
      <p role="status" aria-live="polite">${ctx.t('search.results', { count: rows.length })}</p>
      <table part="table">
        <caption class="visually-hidden">${ctx.t('heading')}</caption>
        <thead><tr>
          ${columns.map(
            (column) => html`<th scope="col" aria-sort=${sortState(column)} class=${this.cellClass(column)}>
              <button type="button" @click=${() => this.sortOn(column)}>${ctx.t(`column.${column}`)}</button>
            </th>`,
          )}
        </tr></thead>
        <tbody>
          ${shown.map(
            (row) => html`<tr tabindex="0" data-ocid=${row.ocid} @click=${() => this.open(row.ocid)}
              @keydown=${(event: KeyboardEvent) => this.onRowKey(event, row.ocid)}>
              ${columns.map((column) => {
                const text = this.cellText(row, column, ctx);
                // A process the data gives no title: the cell says so, muted (rows and the CSV keep it empty).
                if (column === 'title' && !text) return html`<td class=${this.cellClass(column)}><span class="untitled">${ctx.t('untitled')}</span></td>`;
                return html`<td class=${this.cellClass(column)}>${SEARCHED.has(column) && words.length ? this.highlighted(text, words) : text}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${pages > 1
        ? html`<div class="pages">
            <button type="button" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${ctx.t('page.previous')}</button>
            <span>${ctx.t('page.of', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + shown.length, count: rows.length })}</span>
            <button type="button" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>${ctx.t('page.next')}</button>
          </div>`
        : nothing}
      ${columns.includes('flags') ? html`<p class="flags-note">${ctx.t('flags.note')}
        <a href=${INDICATORS_URL} target="_blank" rel="noopener">${ctx.t('flags.methodology')}</a></p>` : nothing}
    </div>`;
  }

  private onRowKey(event: KeyboardEvent, ocid: string): void {
    if (event.key !== 'Enter') return;
    // Otherwise the same Enter would also press the back button that takes focus.
    event.preventDefault();
    this.open(ocid);
  }

  /** The direction rows are sorted in: the one set, else ascending. */
  private get directionInEffect(): SortDirection {
    return this.sortDirection ?? 'ascending';
  }

  private sortOn(column: ProcessColumn): void {
    if (this.sortBy === column) this.sortDirection = this.directionInEffect === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortBy = column;
      this.sortDirection = MONEY.has(column) ? 'descending' : 'ascending';
    }
  }

  /**
   * Chooses a process (as clicking its row does): fires `ocds-select` and opens its detail view; choosing it again
   * (or `<ocds-dataset>` removing its chip) closes it.
   */
  override select(id: string): void {
    super.select(id);
    this.ocid = this.selected === id ? id : undefined;
  }

  /** Opens a process's detail view and tells the page (and `<ocds-dataset>`) which process was chosen. */
  private open(ocid: string): void {
    this.openedFrom = ocid;
    this.copied = undefined;
    this.select(ocid);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.back')?.focus());
  }

  private back(): void {
    const ocid = this.openedFrom ?? this.ocid;
    // Deselect, which tells <ocds-dataset> too; a detail opened by the `ocid` attribute had nothing selected.
    if (this.selected && this.selected === this.ocid) this.select(this.selected);
    this.ocid = undefined;
    void this.updateComplete.then(() => {
      const row = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')].find((tr) => tr.dataset.ocid === ocid);
      row?.focus();
    });
  }

  /** The page URL that opens process `ocid` directly (read back on load): what "copy link" copies. */
  permalink(ocid: string): string {
    const url = new URL(location.href);
    url.hash = `${HASH_KEY}=${encodeURIComponent(ocid)}`;
    return url.href;
  }

  /** Copies the permalink; where the clipboard is refused (or absent), shows the link to copy by hand. */
  private async copyLink(ocid: string): Promise<void> {
    const url = this.permalink(ocid);
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      // Refused (no permission, not a secure context): the link is shown instead.
    }
    this.copied = { url, ok };
  }

  private renderDetail(process: Process, ctx: ChartContext): TemplateResult {
    // The detail view's code loads with the data (table-code.ts): the table's first paint does not need it.
    return this.code.renderDetail({
      process,
      row: this.work?.rowOf(process.ocid),
      ctx,
      flags: this.work?.flags,
      copied: this.copied,
      languageTag: this.languageTag,
      theme: this.theme,
      currency: this.shownCurrency,
      dataset: this.loadedDataset,
      cellText: (r, column) => this.cellText(r, column, ctx),
      back: () => this.back(),
      copyLink: () => void this.copyLink(process.ocid),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-process-table': OcdsProcessTable;
  }
}
