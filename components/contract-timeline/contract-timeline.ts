import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  OcdsChartElement,
  type ChartContext,
  type SelectableItem,
  type TableColumn,
} from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import type * as TimelineCode from './timeline-code.js';
import { chartElementStyles } from '../base/styles.js';
import type { ContractTimeline, TimelineRow, TimelineSort, TimelineStage } from '../../src/analysis/timeline.js';
import type { DataIssue, Dataset } from '../../src/data/types.js';
import { formatDate, formatMoney, mergeCatalogues, type Catalogues } from '../../src/i18n/index.js';
import { timelineMessages } from './messages.js';

const SORTS: readonly TimelineSort[] = ['value', 'recent', 'duration'];

const timelineCode = lazy(() => import('./timeline-code.js'));
/** Its messages with those that come with the data code (data-messages.ts), merged once. */
let withDataMessages: Catalogues | undefined;

/**
 * When each contracting process happened, stage by stage, and how payments followed.
 *
 * With `ocid` (or data holding one process): the process's periods and dates in lanes by stage, each release
 * published for it, a "paid so far" line against the contracted value, and a rule at the data's date while it runs then (running and overdue are as of the data's date, not the reader's clock).
 * Without: one Gantt row per process (`limit` rows, default 20, chosen by `sort`); with `drill`, choosing a row
 * switches to that process, with a control to go back.
 *
 * @summary Timeline of contracting processes from OCDS data.
 * @event ocds-select - `{ kind: 'process', id: ocid }` when a process row is chosen (`kind: 'release'` for a release).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsContractTimeline extends OcdsChartElement<TimelineRow, typeof TimelineCode> {
  // --ocds-chart-reserve until the data says how many rows (reserveChartHeight): about ten processes, or one process's
  // lanes and payments.
  static override styles = [
    chartElementStyles,
    css`
      :host {
        --ocds-chart-reserve: 340px;
      }
      :host([ocid]) {
        --ocds-chart-reserve: 420px;
      }
    `,
  ];

  /** Many processes: how many rows to draw (default 20). */
  @property({ type: Number, reflect: true }) limit?: number;
  /** Many processes: `value` (contracted, in the shown currency), `recent` or `duration`. */
  @property({ reflect: true }) sort?: TimelineSort;
  /** Choosing a process row shows that process, with a back control (default: off). Set values reflect; the default is not written back. */
  @property({ type: Boolean, reflect: true }) drill?: boolean;

  /** The process shown was reached by drilling down from the many-process view. */
  @state() private drilled = false;

  protected override messages = timelineMessages;
  protected override selectKind = 'process';
  protected override usesCurrency = true;
  /** Sort, limit and currency choose and rank the processes, so they change the rows too. */
  protected override analysisProperties = ['ocid', 'sort', 'limit', 'currency'];
  protected override dataCode = timelineCode;

  private timeline?: ContractTimeline;

  /** The data's issues, and the dates this timeline could not place. */
  override get issues(): DataIssue[] {
    return [...super.issues, ...(this.timeline?.issues ?? [])];
  }

  protected analyse(dataset: Dataset): TimelineRow[] {
    // The words of its summary and row descriptions come with its data code, not with the element.
    this.messages = withDataMessages ??= mergeCatalogues(timelineMessages, this.code.timelineDataMessages);
    const ocid = this.focusedOcid(dataset);
    const currency = this.currency?.trim().toUpperCase() || this.defaultCurrency(dataset);
    const sort = this.sortInEffect;
    this.timeline = this.code.contractTimeline(dataset, { ocid, limit: this.limit, sort, currency });
    const single = this.timeline.mode === 'process';
    this.selectKind = single ? 'release' : 'process';
    // Many processes: amounts only matter when ranking by value.
    this.usesCurrency = single || sort === 'value';
    if (!single) this.drilled = false;
    return this.timeline.rows;
  }

  /** Many processes ranked by value: every currency with contracted amounts can be chosen, not only those drawn. */
  override get currencies(): string[] {
    const dataset = this.loadedDataset;
    if (this.timeline?.mode !== 'processes' || !dataset) return super.currencies;
    if (dataset.summary) return dataset.summary.timelineCurrencies();
    const codes = dataset.processes.flatMap((p) => p.contracts.flatMap((c) => (c.value && c.status !== 'cancelled' ? [c.value.currency] : [])));
    return [...new Set(codes)].sort();
  }

  protected override defaultCurrency(dataset: Dataset): string | undefined {
    if (dataset.summary) return dataset.summary.timelineCurrency();
    const ocid = this.focusedOcid(dataset);
    return this.code.mostUsedCurrency(ocid === undefined ? dataset.processes : dataset.processes.filter((p) => p.ocid === ocid));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reserveChartHeight();
  }

  /**
   * Until it is drawn, the chart keeps about the height src/charts/timeline.ts gives it: 34 px a stage lane and the
   * 140 px payments plot for one process, 26 px a row for many, with the legend (more rows of it when narrow) and axes.
   */
  private reserveChartHeight(): void {
    const chart = this.renderRoot.querySelector<HTMLElement>('[part~="chart"]');
    // A timeline comes with its data code: the height is worked out there.
    if (chart && this.timeline) chart.style.setProperty('--ocds-chart-reserve', `${this.code.reservedHeight(this.timeline, chart.clientWidth, this.shownCurrency)}px`);
  }

  /** The one process shown: `ocid`, or the only process in the data. */
  private focusedOcid(dataset: Dataset): string | undefined {
    return this.ocid ?? (dataset.processes.length === 1 ? dataset.processes[0].ocid : undefined);
  }

  protected chartSpec(_rows: TimelineRow[], ctx: ChartContext): object {
    const timeline = this.timeline!;
    const labels = this.rowLabels();
    const values = this.rowValues(ctx);
    return this.code.timelineSpec(timeline, {
      width: ctx.width,
      colours: ctx.colours,
      text: {
        stages: this.stageNames(ctx),
        releases: ctx.t('lane.releases'),
        paid: ctx.t('chart.paid'),
        contracted: ctx.t('chart.contracted'),
        asOf: ctx.t('chart.as-of'),
        what: ctx.t('chart.what'),
        when: ctx.t('chart.when'),
        amount: ctx.t('chart.amount'),
        description: this.summaryText(timeline.rows, ctx).join(' '),
      },
      describe: (row) => this.code.describeRow(row, ctx),
      formatDate: (iso) => formatDate(iso, ctx.tag),
      formatMoney: (amount, currency) => formatMoney(amount, currency, ctx.tag),
      ...(ctx.currency ? { currency: ctx.currency } : {}),
      rowLabel: (ocid) => labels.get(ocid) ?? ocid,
      rowValue: (ocid) => values.get(ocid),
    });
  }

  protected summaryText(rows: TimelineRow[], ctx: ChartContext): string[] {
    return this.timeline ? this.code.timelineSummary(this.timeline, rows, ctx, { ocid: this.ocid, sort: this.sortInEffect }) : [];
  }

  /** Nothing dated to draw: say which processes have no dates rather than only "nothing to chart". */
  protected override emptyMessage(rows: TimelineRow[], ctx: ChartContext): string | undefined {
    const timeline = this.timeline;
    if (rows.length > 0 || !timeline?.undated.length) return undefined;
    return timeline.mode === 'process' ? ctx.t('summary.undated-only') : this.code.undatedText(timeline, ctx);
  }

  protected tableColumns(ctx: ChartContext): TableColumn<TimelineRow>[] {
    const date = (iso: string | undefined) => (iso === undefined ? '' : formatDate(iso, ctx.tag));
    const money = (amount: number | undefined, currency: string | undefined) =>
      amount === undefined || currency === undefined ? '' : formatMoney(amount, currency, ctx.tag);
    return [
      { key: 'ocid', label: ctx.t('column.ocid') },
      { key: 'kind', label: ctx.t('column.kind'), format: (row) => ctx.t(`kind.${row.kind}`) },
      { key: 'stage', label: ctx.t('column.stage'), format: (row) => ctx.t(`stage.${row.stage}`) },
      { key: 'label', label: ctx.t('column.label'), format: (row) => this.code.describeRow(row, ctx) },
      { key: 'start', label: ctx.t('column.start'), format: (row) => date(row.start) },
      { key: 'end', label: ctx.t('column.end'), format: (row) => date(row.end) },
      { key: 'value', label: ctx.t('column.value'), numeric: true, format: (row) => money(row.value, row.currency) },
      { key: 'currency', label: ctx.t('column.currency') },
      { key: 'paidToDate', label: ctx.t('column.paidToDate'), numeric: true, format: (row) => money(row.paidToDate, row.currency) },
    ];
  }

  /** Keyboard path to what the chart shows: the process rows (many) or the releases (one process). */
  protected override selectableItems(rows: TimelineRow[], ctx: ChartContext): SelectableItem[] {
    const timeline = this.timeline;
    if (!timeline) return [];
    if (timeline.mode === 'process') {
      return rows
        .filter((row) => row.kind === 'release')
        .map((row) => ({ id: row.subject ?? row.start, label: this.code.describeRow(row, ctx), colour: row.stage }));
    }
    return timeline.shown.map((process, i) => {
      const segments = rows.filter((row) => row.ocid === process.ocid);
      const dates = `${formatDate(process.first, ctx.tag)} – ${formatDate(process.last, ctx.tag)}`;
      return {
        id: process.ocid,
        label: `${i + 1}. ${process.title ?? process.ocid} (${dates})`,
        ...(process.contracted ? { value: process.contracted.amount } : {}),
        colour: segments[segments.length - 1]?.stage ?? 'accent',
      };
    });
  }

  override select(id: string): void {
    super.select(id);
    if (this.drill && this.timeline?.mode === 'processes' && this.timeline.shown.some((p) => p.ocid === id)) {
      this.selected = undefined;
      this.drilled = true;
      this.ocid = id;
      // The chosen row goes away: keyboard focus moves to the way back rather than to the page's top.
      this.keepFocus(() => this.renderRoot.querySelector<HTMLButtonElement>('.back'));
    }
  }

  /** When focus is inside the element, moves it to `target()` once the pending update has rendered. */
  private keepFocus(target: () => HTMLElement | null | undefined): void {
    if (!this.shadowRoot?.activeElement) return;
    void this.updateComplete.then(() => target()?.focus());
  }

  protected override renderExtraControls(ctx: ChartContext): TemplateResult | typeof nothing {
    if (this.drilled) {
      return html`<button type="button" class="back" @click=${this.back}>← ${ctx.t('control.back')}</button>`;
    }
    // A summary's list is of its largest processes: ranked by value only (its note says so).
    if (this.timeline?.mode !== 'processes' || this.loadedDataset?.summary) return nothing;
    return html`<label
      >${ctx.t('control.sort')}
      <select class="sort" @change=${this.onSortChange}>
        ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === this.sortInEffect}>${ctx.t(`sort.${sort}`)}</option>`)}
      </select></label
    >`;
  }

  protected override renderDetails(_rows: TimelineRow[], ctx: ChartContext): TemplateResult | typeof nothing {
    const timeline = this.timeline;
    if (!timeline) return nothing;
    const notes: string[] = [];
    const summary = this.loadedDataset?.summary;
    if (summary && ctx.currency) notes.push(summary.note('timeline', ctx.tag, { count: timeline.shown.length + timeline.notShown, currency: ctx.currency }));
    if (timeline.mode === 'processes' && timeline.notShown) notes.push(ctx.t('summary.not-shown', { count: timeline.notShown }));
    for (const overdue of timeline.mode === 'process' ? timeline.overdue : []) {
      notes.push(ctx.t('summary.overdue', { contract: overdue.title ?? overdue.contractId, date: formatDate(overdue.endDate, ctx.tag), asOf: formatDate(timeline.asOf, ctx.tag) }));
    }
    return notes.length ? html`${notes.map((note) => html`<p class="note">${note}</p>`)}` : nothing;
  }

  private get sortInEffect(): TimelineSort {
    if (this.loadedDataset?.summary) return 'value';
    return this.sort && SORTS.includes(this.sort) ? this.sort : 'recent';
  }

  private readonly back = () => {
    const from = this.ocid;
    this.drilled = false;
    this.ocid = undefined;
    // Back in the list, focus returns to it with the row the reader had chosen active.
    this.activeItem = from;
    this.keepFocus(() => this.renderRoot.querySelector<HTMLElement>('[role="listbox"]'));
  };

  private onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as TimelineSort;
  }

  private stageNames(ctx: ChartContext) {
    return Object.fromEntries(this.code.TIMELINE_STAGES.map((stage) => [stage, ctx.t(`stage.${stage}`)])) as Record<TimelineStage, string>;
  }

  /** "1. Title…" for each shown process: unique, short, in rank order. */
  private rowLabels(): Map<string, string> {
    const shown = this.timeline?.mode === 'processes' ? this.timeline.shown : [];
    return new Map(
      shown.map((process, i) => {
        // Whole: the chart cuts it in the middle to fit; the full title is in the tooltip and the table.
        return [process.ocid, `${i + 1}. ${process.title ?? process.ocid}`];
      }),
    );
  }

  /** Ranked by value, each row's label ends with its contracted value (compact). */
  private rowValues(ctx: ChartContext): Map<string, string> {
    if (this.timeline?.mode !== 'processes' || this.sortInEffect !== 'value') return new Map();
    return new Map(
      this.timeline.shown.flatMap((process) =>
        process.contracted
          ? [[process.ocid, formatMoney(process.contracted.amount, process.contracted.currency, ctx.tag, { compact: true })] as const]
          : [],
      ),
    );
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-contract-timeline': OcdsContractTimeline;
  }
}
