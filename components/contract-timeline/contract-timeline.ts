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
import type { DataIssue, Dataset, Money, Process, ReleaseContents } from '../../src/data/types.js';
import { formatDate, formatList, formatMoney } from '../../src/i18n/index.js';
import { timelineMessages } from './messages.js';

const SORTS: readonly TimelineSort[] = ['value', 'recent', 'duration'];
const DAY = 86_400_000;
/** Row labels of the many-process chart are cut here; the full title is in the tooltip and the list. */
const ROW_LABEL_LENGTH = 38;
const UNDATED_LISTED = 5;
/** A release's awards or contracts are named one by one up to this many; more are counted. */
const RELEASE_ITEMS_NAMED = 3;

const timelineCode = lazy(() => import('./timeline-code.js'));

/**
 * When each contracting process happened, stage by stage, and how payments followed.
 *
 * With `ocid` (or data holding one process): the process's periods and dates in lanes by stage, each release
 * published for it, a "paid so far" line against the contracted value, and a "today" rule while it runs.
 * Without: one Gantt row per process (`limit` rows, default 20, chosen by `sort`); with `drill`, choosing a row
 * switches to that process, with a control to go back.
 *
 * @summary Timeline of contracting processes from OCDS data.
 * @event ocds-select - `{ kind: 'process', id: ocid }` when a process row is chosen (`kind: 'release'` for a release).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsContractTimeline extends OcdsChartElement<TimelineRow, typeof TimelineCode> {
  static override styles = [
    chartElementStyles,
    css`
      .items {
        flex-direction: column;
        /* One column that scrolls down: wrapped, a height-capped column list grows columns off to the right. */
        flex-wrap: nowrap;
        align-items: flex-start;
        max-height: 16rem;
        overflow-y: auto;
      }
      .items button {
        text-align: start;
      }
    `,
  ];

  /** Many processes: how many rows to draw (default 20). */
  @property({ type: Number, reflect: true }) limit?: number;
  /** Many processes: `value` (contracted, in the shown currency), `recent` or `duration`. */
  @property({ reflect: true }) sort: TimelineSort = 'recent';
  /** Choosing a process row shows that process, with a back control. */
  @property({ type: Boolean, reflect: true }) drill = false;

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
    const ocid = this.focusedOcid(dataset);
    const currency = this.currency?.trim().toUpperCase() || this.defaultCurrency(dataset);
    const sort = SORTS.includes(this.sort) ? this.sort : 'recent';
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
    const codes = dataset.processes.flatMap((p) => p.contracts.flatMap((c) => (c.value && c.status !== 'cancelled' ? [c.value.currency] : [])));
    return [...new Set(codes)].sort();
  }

  protected override defaultCurrency(dataset: Dataset): string | undefined {
    const ocid = this.focusedOcid(dataset);
    return mostUsedCurrency(ocid === undefined ? dataset.processes : dataset.processes.filter((p) => p.ocid === ocid));
  }

  /** The one process shown: `ocid`, or the only process in the data. */
  private focusedOcid(dataset: Dataset): string | undefined {
    return this.ocid ?? (dataset.processes.length === 1 ? dataset.processes[0].ocid : undefined);
  }

  protected chartSpec(_rows: TimelineRow[], ctx: ChartContext): object {
    const timeline = this.timeline!;
    const labels = this.rowLabels();
    return this.code.timelineSpec(timeline, {
      width: ctx.width,
      colours: ctx.colours,
      text: {
        stages: this.stageNames(ctx),
        releases: ctx.t('lane.releases'),
        paid: ctx.t('chart.paid'),
        contracted: ctx.t('chart.contracted'),
        today: ctx.t('chart.today'),
        what: ctx.t('chart.what'),
        when: ctx.t('chart.when'),
        amount: ctx.t('chart.amount'),
        description: this.summaryText(timeline.rows, ctx),
      },
      describe: (row) => this.describe(row, ctx),
      formatDate: (iso) => formatDate(iso, ctx.tag),
      formatMoney: (amount, currency) => formatMoney(amount, currency, ctx.tag),
      ...(ctx.currency ? { currency: ctx.currency } : {}),
      rowLabel: (ocid) => labels.get(ocid) ?? ocid,
    });
  }

  protected summaryText(rows: TimelineRow[], ctx: ChartContext): string {
    const timeline = this.timeline;
    if (!timeline) return '';
    const date = (iso: string) => formatDate(iso, ctx.tag);
    const sentences: string[] = [];
    const events = rows.filter((row) => row.kind !== 'release');
    const span = this.code.timelineExtent(events);

    if (timeline.mode === 'process') {
      const ocid = rows[0]?.ocid ?? this.ocid ?? '';
      const title = rows[0]?.title ?? ocid;
      if (span) sentences.push(ctx.t('summary.process', { title, count: events.length, first: date(span.first.iso), last: date(span.last.iso) }));
      else sentences.push(ctx.t('summary.undated-only'));
      const payments = rows.filter((row) => row.paidToDate !== undefined && row.currency === ctx.currency);
      if (payments.length && ctx.currency) {
        const paid = formatMoney(payments[payments.length - 1].paidToDate!, ctx.currency, ctx.tag);
        const target = timeline.contracted.find((money) => money.currency === ctx.currency);
        sentences.push(
          target
            ? ctx.t('summary.paid', { count: payments.length, paid, contracted: formatMoney(target.amount, target.currency, ctx.tag) })
            : ctx.t('summary.paid-only', { count: payments.length, paid }),
        );
      }
      const releases = rows.filter((row) => row.kind === 'release').length;
      if (releases) sentences.push(ctx.t('summary.releases', { count: releases }));
      for (const overdue of timeline.overdue) {
        sentences.push(ctx.t('summary.overdue', { contract: overdue.title ?? overdue.contractId, date: date(overdue.endDate) }));
      }
    } else {
      if (span) {
        sentences.push(
          ctx.t('summary.processes', {
            count: timeline.shown.length,
            first: date(span.first.iso),
            last: date(span.last.iso),
            sort: this.sortInEffect === 'value' && ctx.currency ? ctx.t('sort.value-in', { currency: ctx.currency }) : ctx.t(`sort.${this.sortInEffect}`),
          }),
        );
      }
      const longest = timeline.shown
        .map((p) => ({ title: p.title ?? p.ocid, days: Math.round((this.code.dateTime(p.last) - this.code.dateTime(p.first)) / DAY) }))
        .sort((a, b) => b.days - a.days)[0];
      if (longest) sentences.push(ctx.t('summary.longest', longest));
      if (timeline.notShown) sentences.push(ctx.t('summary.not-shown', { count: timeline.notShown }));
      if (timeline.overdue.length) sentences.push(ctx.t('summary.overdue-count', { count: timeline.overdue.length }));
    }
    if (timeline.mode === 'processes' && timeline.undated.length) sentences.push(this.undatedText(timeline, ctx));
    if (timeline.today) sentences.push(ctx.t('summary.running', { date: date(timeline.today) }));
    return sentences.join(' ');
  }

  /** Nothing dated to draw: say which processes have no dates rather than only "nothing to chart". */
  protected override emptyMessage(rows: TimelineRow[], ctx: ChartContext): string | undefined {
    const timeline = this.timeline;
    if (rows.length > 0 || !timeline?.undated.length) return undefined;
    return timeline.mode === 'process' ? ctx.t('summary.undated-only') : this.undatedText(timeline, ctx);
  }

  /** "2 processes have no dates and are not drawn: A, B and 3 more." */
  private undatedText(timeline: ContractTimeline, ctx: ChartContext): string {
    const names = timeline.undated.slice(0, UNDATED_LISTED).map((p) => p.title ?? p.ocid);
    const more = timeline.undated.length - names.length;
    if (more > 0) names.push(ctx.t('summary.more', { count: more }));
    return ctx.t('summary.undated', { count: timeline.undated.length, list: formatList(names, ctx.tag) });
  }

  protected tableColumns(ctx: ChartContext): TableColumn<TimelineRow>[] {
    const date = (iso: string | undefined) => (iso === undefined ? '' : formatDate(iso, ctx.tag));
    const money = (amount: number | undefined, currency: string | undefined) =>
      amount === undefined || currency === undefined ? '' : formatMoney(amount, currency, ctx.tag);
    return [
      { key: 'ocid', label: ctx.t('column.ocid') },
      { key: 'kind', label: ctx.t('column.kind'), format: (row) => ctx.t(`kind.${row.kind}`) },
      { key: 'stage', label: ctx.t('column.stage'), format: (row) => ctx.t(`stage.${row.stage}`) },
      { key: 'label', label: ctx.t('column.label'), format: (row) => this.describe(row, ctx) },
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
        .map((row) => ({ id: row.subject ?? row.start, label: this.describe(row, ctx), colour: row.stage }));
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
      // The chosen row's button goes away: keyboard focus moves to the way back rather than to the page's top.
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
    if (this.timeline?.mode !== 'processes') return nothing;
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
    if (timeline.mode === 'processes' && timeline.notShown) notes.push(ctx.t('summary.not-shown', { count: timeline.notShown }));
    for (const overdue of timeline.mode === 'process' ? timeline.overdue : []) {
      notes.push(ctx.t('summary.overdue', { contract: overdue.title ?? overdue.contractId, date: formatDate(overdue.endDate, ctx.tag) }));
    }
    return notes.length ? html`${notes.map((note) => html`<p class="note">${note}</p>`)}` : nothing;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.renderRoot.addEventListener('keydown', (event) => this.moveFocus(event as KeyboardEvent));
  }

  private get sortInEffect(): TimelineSort {
    return SORTS.includes(this.sort) ? this.sort : 'recent';
  }

  /** Arrow keys, Home and End move between the rows of the focusable list (Tab still works). */
  private moveFocus(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.items button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? index + 1
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? index - 1
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
  }

  private readonly back = () => {
    const from = this.ocid;
    this.drilled = false;
    this.ocid = undefined;
    // Back in the list, focus returns to the row the reader had chosen.
    this.keepFocus(() => {
      const row = this.timeline?.mode === 'processes' ? this.timeline.shown.findIndex((p) => p.ocid === from) : -1;
      return this.renderRoot.querySelectorAll<HTMLButtonElement>('.items button')[Math.max(0, row)];
    });
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
        const title = process.title ?? process.ocid;
        const short = title.length > ROW_LABEL_LENGTH ? `${title.slice(0, ROW_LABEL_LENGTH - 1).trimEnd()}…` : title;
        return [process.ocid, `${i + 1}. ${short}`];
      }),
    );
  }

  /** One row in words, in the element's language. */
  private describe(row: TimelineRow, ctx: ChartContext): string {
    if (row.event === 'stage') return `${row.title ?? row.ocid} — ${ctx.t(`stage.${row.stage}`)}`;
    if (row.kind === 'release') {
      const tags = (row.tags ?? '').split(', ').filter(Boolean);
      // A tag outside the OCDS codelist is shown as published (the translator returns the key when it has none).
      const tagName = (tag: string) => (ctx.t(`tag.${tag}`) === `tag.${tag}` ? tag : ctx.t(`tag.${tag}`));
      const added = tags.length ? formatList(tags.map(tagName), ctx.tag) : ctx.t('release.nothing');
      const date = formatDate(row.start, ctx.tag);
      const published = row.subject ? ctx.t('release.added', { id: row.subject, date, added }) : ctx.t('release.added-no-id', { date, added });
      return row.contents ? `${published}. ${this.contentsText(row.contents, ctx)}` : published;
    }
    let what = ctx.t(`event.${row.event}`);
    if (row.edge) what = ctx.t(`edge.${row.edge}`, { what });
    return row.subject ? `${what}: ${row.subject}` : what;
  }

  /** What a release carries, in words: "Contains planning (budget £6,700,000), tender (£1,000,000) and 2 documents." */
  private contentsText(contents: ReleaseContents, ctx: ChartContext): string {
    const money = (value: Money) => formatMoney(value.amount, value.currency, ctx.tag);
    const parts: string[] = [];
    if (contents.planning) {
      const { budget } = contents.planning;
      parts.push(budget ? ctx.t('contents.planning-budget', { amount: money(budget) }) : ctx.t('contents.planning'));
    }
    if (contents.tender) {
      const { value } = contents.tender;
      parts.push(value ? ctx.t('contents.tender-value', { amount: money(value) }) : ctx.t('contents.tender'));
    }
    for (const [kind, items] of [['award', contents.awards], ['contract', contents.contracts]] as const) {
      if (items.length === 0) continue;
      if (items.length > RELEASE_ITEMS_NAMED || items.some((item) => !item.id)) {
        parts.push(ctx.t(`contents.${kind}s`, { count: items.length }));
        continue;
      }
      for (const { id, value } of items) {
        parts.push(value ? ctx.t(`contents.${kind}-value`, { id, amount: money(value) }) : ctx.t(`contents.${kind}`, { id }));
      }
    }
    for (const key of ['transactions', 'milestones', 'amendments', 'documents'] as const) {
      if (contents[key]) parts.push(ctx.t(`contents.${key}`, { count: contents[key] }));
    }
    return parts.length ? ctx.t('release.contains', { list: formatList(parts, ctx.tag) }) : ctx.t('release.contains-nothing');
  }
}

/** The currency behind the most processes' amounts (contracts first, then awards, tender, planning, payments). */
function mostUsedCurrency(processes: Process[]): string | undefined {
  const count = new Map<string, number>();
  for (const process of processes) {
    const contracts = process.contracts.flatMap((c) => (c.value ? [c.value.currency] : []));
    const others = [
      ...process.awards.flatMap((a) => (a.value ? [a.value.currency] : [])),
      ...(process.tender?.value ? [process.tender.value.currency] : []),
      ...(process.planning?.budget ? [process.planning.budget.currency] : []),
      ...process.contracts.flatMap((c) => c.transactions.flatMap((t) => (t.value ? [t.value.currency] : []))),
    ];
    for (const code of new Set(contracts.length ? contracts : others)) count.set(code, (count.get(code) ?? 0) + 1);
  }
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-contract-timeline': OcdsContractTimeline;
  }
}
