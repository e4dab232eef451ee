import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { BreakdownRow } from '../../src/analysis/breakdown.js';
import {
  BREAKDOWN_BY,
  BREAKDOWN_INTERVALS,
  BREAKDOWN_MEASURES,
  breakdownDimension,
  DEFAULT_BREAKDOWN_LIMIT,
  LIMITED_DIMENSIONS,
  NOT_STATED,
  OTHERS,
  TIME_DIMENSIONS,
  UNDATED,
  type BreakdownBy,
  type BreakdownInterval,
  type BreakdownMeasure,
  type BreakdownSplit,
} from '../../src/analysis/breakdown-constants.js';
import type { Dataset } from '../../src/data/types.js';
import { formatList, formatMoney, formatNumber, formatPercent, type Catalogues } from '../../src/i18n/index.js';
import { OcdsChartElement, type ChartContext, type SelectableItem, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import { chartElementStyles } from '../base/styles.js';
import type * as BreakdownCode from './breakdown-code.js';
import { breakdownMessages } from './messages.js';

const breakdownCode = lazy(() => import('./breakdown-code.js'));

/** Dimensions whose amount summary also says the category's share of all processes ("412 of 980 processes (42 %), 18 % of…"). */
const COUNTED_WITH_AMOUNT: readonly BreakdownBy[] = ['method', 'category'];
/** A method bar's tooltip lists this many of the publisher's wordings (a feed may use dozens). */
const WORDINGS_SHOWN = 5;

/** The catalogues with `heading` written out for one `by` × `measure` (cached: the base merges per catalogue object). */
const headed = new Map<string, Catalogues>();
function catalogueFor(by: BreakdownBy, measure: BreakdownMeasure): Catalogues {
  const id = `${by} ${measure}`;
  let catalogues = headed.get(id);
  if (!catalogues) {
    const write = (messages: Catalogues['en']) => ({
      ...messages,
      heading: String(messages.heading).replace('{measure}', String(messages[`measure.${measure}`])).replace('{by}', String(messages[`by.${by}`])),
    });
    catalogues = { en: write(breakdownMessages.en), es: write(breakdownMessages.es) };
    headed.set(id, catalogues);
  }
  return catalogues;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A period key as a reader reads it: a year as it is ("2016"), a quarter by the catalogue ("Q1 2016", "T1 2016"), a
 * month in the locale's short form ("Mar 2016", "mar 2016"). The key itself stays in `rows` and the CSV.
 */
function periodLabel(key: string, ctx: ChartContext): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return ctx.t('period.quarter', { quarter: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (!month) return key;
  let format = monthFormats.get(ctx.tag);
  if (!format) monthFormats.set(ctx.tag, (format = new Intl.DateTimeFormat(ctx.tag, { month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return format.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
}

/**
 * The questions a newsroom asks first: how much was bought by each method, from whom, by whom, when and for what —
 * processes or money (planned, tendered, awarded, contracted, paid) by one dimension, ranked bars for categories and
 * columns over time, stacked by `split`, each bar labelled with its share of the currency's total, the value axis in
 * the locale's compact money ("MX$1.5M", "1,5 M$") or whole counts. The summary says what a reporter would write:
 * "Direct award: 412 of 980 processes (42 %), 18 % of the awarded amount in MXN", "The top 10 suppliers received
 * 63 % of…", "The contracted amount rose from … in 2016 to … in 2017". `by="time"` charts periods of its `interval`
 * (`year`, the default, `quarter` or `month`; `by="year"`, `"quarter"` and `"month"` are shorthands for the same rows).
 * `by="stage"` keeps the lifecycle's order (planning, tender, award, contract, implementation, then cancelled or
 * unsuccessful), not the bars' sizes. A method bar's tooltip lists the publisher's own `procurementMethodDetails`
 * wordings with their processes ("Adjudicación Directa (412)"). Inside `<ocds-dataset>` a chosen bar filters the
 * other charts (method, category, buyer, supplier; a period sets `from`/`to`, which read the process start).
 *
 * @summary Processes or money by method, organisation, category, stage or time.
 * @event ocds-load @event ocds-render @event ocds-error
 * @event ocds-select - `{ kind: by, id, label, value }` when a bar is selected (clicked, or chosen in the keyboard listbox) (`kind` = the `by` dimension).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsBreakdown extends OcdsChartElement<BreakdownRow, typeof BreakdownCode> {
  // --ocds-chart-reserve, as src/charts/breakdown.ts sizes the drawing: a few categories' bars (at least 120 px) or
  // 280 px of columns over time, with the value axis.
  static override styles = [
    chartElementStyles,
    css`
      :host {
        --ocds-chart-reserve: 162px;
      }
      :host([by='time']),
      :host([by='year']),
      :host([by='quarter']),
      :host([by='month']) {
        --ocds-chart-reserve: 312px;
      }
    `,
  ];

  protected override messages = catalogueFor('method', 'processes');
  protected override dataCode = breakdownCode;
  protected override analysisProperties = ['ocid', 'by', 'interval', 'measure', 'split', 'limit'];

  /**
   * `method`, `buyer`, `procuring-entity`, `supplier`, `category`, `classification`, `stage`, or `time` (by `interval`);
   * `year`, `quarter` and `month` are shorthands for `time` by that interval.
   */
  @property() by: BreakdownBy = 'method';
  /** The period of `by="time"`: `year` (the default), `quarter` or `month`; ignored for any other `by`. */
  @property() interval?: BreakdownInterval;
  /** `processes` (a count), or an amount: `planned`, `tendered`, `awarded`, `contracted`, `paid`. */
  @property() measure: BreakdownMeasure = 'processes';
  /** A second dimension for stacked bars: `method`, `category`, `buyer` or `supplier`. */
  @property() split?: BreakdownSplit;
  /** Rows kept for buyer, procuring-entity, supplier and classification (default 10); the rest is one "others" row. */
  @property({ type: Number }) limit?: number;

  /** Processes analysed, and per category for `COUNTED_WITH_AMOUNT` amounts: the summary gives both shares. */
  private processTotal = 0;
  private processCounts = new Map<string, number>();

  /** Refused `by` / `measure` attribute values, said in the element and reported once each with `ocds-error`. */
  private refused: { attribute: string; value: string; values: readonly string[] }[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.useDefaults();
    const refused = (
      [
        ['by', BREAKDOWN_BY],
        ['interval', BREAKDOWN_INTERVALS],
        ['measure', BREAKDOWN_MEASURES],
      ] as const
    ).flatMap(([attribute, values]) => {
      const value = this.getAttribute(attribute);
      return value !== null && !(values as readonly string[]).includes(value) ? [{ attribute, value, values }] : [];
    });
    for (const problem of refused) {
      if (this.refused.some((known) => known.attribute === problem.attribute && known.value === problem.value)) continue;
      this.emit('ocds-error', { phase: 'validate', message: this.refusedMessage(problem, this.t.bind(this)) });
    }
    this.refused = refused;
    this.messages = catalogueFor(this.dimension, this.measure);
    this.usesCurrency = this.measure !== 'processes';
    this.selectKind = this.dimension;
  }

  private refusedMessage(problem: OcdsBreakdown['refused'][number], t: (key: string, params?: Record<string, string>) => string): string {
    return t('error.option', { attribute: problem.attribute, value: problem.value.slice(0, 100), values: problem.values.join(', ') });
  }

  protected override renderDetails(_rows: BreakdownRow[], ctx: ChartContext): TemplateResult | typeof nothing {
    if (!this.refused.length) return nothing;
    return html`<p class="option-error" role="alert">${this.refused.map((problem) => this.refusedMessage(problem, ctx.t)).join(' ')}</p>`;
  }

  /** What the rows are by: `time` is its interval (year by default), so `by="time" interval="quarter"` is `by="quarter"`. */
  private get dimension(): Exclude<BreakdownBy, 'time'> {
    return breakdownDimension(this.by ?? 'method', this.interval);
  }

  /** A refused attribute value leaves the property as it was before (unset on first use): the default stands. */
  private useDefaults(): void {
    this.by ??= 'method';
    this.measure ??= 'processes';
  }

  protected analyse(dataset: Dataset): BreakdownRow[] {
    this.useDefaults();
    this.usesCurrency = this.measure !== 'processes';
    this.processTotal = this.code.processTotal(dataset, this.ocid);
    const by = this.dimension;
    const counts = this.usesCurrency && COUNTED_WITH_AMOUNT.includes(by) ? this.code.breakdown(dataset, { by, measure: 'processes', ocid: this.ocid }) : [];
    this.processCounts = new Map(counts.map((row) => [row.key, row.value]));
    return this.code.breakdown(dataset, { by, measure: this.measure, split: this.split, limit: this.limit ?? DEFAULT_BREAKDOWN_LIMIT, ocid: this.ocid });
  }

  private shown(rows: BreakdownRow[], ctx: ChartContext): BreakdownRow[] {
    return this.usesCurrency ? rows.filter((row) => row.currency === ctx.currency) : rows;
  }

  /** A category as a reader reads it; `split` labels the row's split category instead. */
  private label(row: BreakdownRow, ctx: ChartContext, split = false): string {
    const key = split ? row.split : row.key;
    const label = split ? row.splitLabel : row.label;
    if (key === undefined) return '';
    if (key === OTHERS) return ctx.t('key.others', { count: row.count ?? 0 });
    if (key === UNDATED) return ctx.t('key.undated');
    if (key === NOT_STATED) return ctx.t('key.not-stated');
    if (!split && TIME_DIMENSIONS.includes(this.dimension)) return periodLabel(key, ctx);
    const translated = ctx.t(`key.${key}`);
    return translated === `key.${key}` ? (label ?? key) : translated;
  }

  private formatValue(value: number, ctx: ChartContext): string {
    return this.usesCurrency ? formatMoney(value, ctx.currency!, ctx.tag) : formatNumber(value, ctx.tag);
  }

  /** One entry per category (split rows added up), in row order. */
  private categories(rows: BreakdownRow[]): { key: string; row: BreakdownRow; value: number; share: number; processes: number }[] {
    const byKey = new Map<string, { key: string; row: BreakdownRow; value: number; share: number; processes: number }>();
    for (const row of rows) {
      const entry = byKey.get(row.key) ?? { key: row.key, row, value: 0, share: 0, processes: 0 };
      entry.value += row.value;
      entry.share += row.share;
      entry.processes = Math.max(entry.processes, row.processes);
      byKey.set(row.key, entry);
    }
    return [...byKey.values()];
  }

  protected chartSpec(rows: BreakdownRow[], ctx: ChartContext): object {
    const { stages, accent } = ctx.colours;
    return this.code.breakdownChartSpec(this.shown(rows, ctx), {
      time: TIME_DIMENSIONS.includes(this.dimension),
      label: (row) => this.label(row, ctx),
      splitLabel: (row) => this.label(row, ctx, true),
      formatValue: (value) => this.formatValue(value, ctx),
      counts: !this.usesCurrency,
      formatTick: (value) => (this.usesCurrency ? formatMoney(value, ctx.currency!, ctx.tag, { compact: true }) : formatNumber(value, ctx.tag)),
      formatShare: (share) => formatPercent(share, ctx.tag),
      details: (row) => this.wordings(row, ctx),
      titles: { category: ctx.t(`by.${this.dimension}`), value: ctx.t(`measure.${this.measure}`), split: this.split ? ctx.t(`by.${this.split}`) : '', details: ctx.t('tooltip.details') },
      colours: [accent, stages.award, stages.contract, stages.tender, stages.implementation, stages.planning],
      width: ctx.width,
      textOnBar: ctx.colours.background,
    });
  }

  /**
   * A method row's `procurementMethodDetails` wordings with their processes, most used first ("Adjudicación Directa
   * (412); Licitación Pública (3)"): the first WORDINGS_SHOWN, then how many more.
   */
  private wordings(row: BreakdownRow, ctx: ChartContext): string | undefined {
    const details = row.details;
    if (!details?.length) return undefined;
    const shown = details.slice(0, WORDINGS_SHOWN).map((detail) => `${detail.wording} (${formatNumber(detail.processes, ctx.tag)})`);
    if (details.length > WORDINGS_SHOWN) shown.push(ctx.t('tooltip.more-details', { count: details.length - WORDINGS_SHOWN }));
    return shown.join('; ');
  }

  /**
   * What a reporter would write: the change from the first to the last period over time; the top organisations'
   * share of the money; then the three largest categories, with the share of processes beside the share of money
   * for methods and categories.
   */
  protected summaryText(rows: BreakdownRow[], ctx: ChartContext): string[] {
    const categories = this.categories(this.shown(rows, ctx));
    if (!categories.length) return [];
    const measure = ctx.t(`measure.${this.measure}`).toLowerCase();
    const currency = ctx.currency ?? '';
    const total = formatNumber(this.processTotal, ctx.tag);
    const sentences: string[] = [];
    if (TIME_DIMENSIONS.includes(this.dimension)) {
      const dated = categories.filter((c) => c.key !== UNDATED);
      if (dated.length > 1) {
        const first = dated[0];
        const last = dated[dated.length - 1];
        const direction = last.value > first.value ? 'up' : last.value < first.value ? 'down' : 'same';
        const format = (value: number) => (this.usesCurrency ? this.formatValue(value, ctx) : formatNumber(value, ctx.tag));
        const kind = this.usesCurrency ? 'summary.change' : 'summary.change-count';
        sentences.push(ctx.t(`${kind}.${direction}`, { measure, first: format(first.value), from: this.label(first.row, ctx), last: format(last.value), to: this.label(last.row, ctx) }));
      }
    } else if (LIMITED_DIMENSIONS.includes(this.dimension) && this.usesCurrency && categories.some((c) => c.key === OTHERS)) {
      const top = categories.filter((c) => c.key !== OTHERS && c.key !== NOT_STATED);
      sentences.push(ctx.t(`summary.top.${this.dimension}`, { count: top.length, share: formatPercent(top.reduce((sum, c) => sum + c.share, 0), ctx.tag), measure, currency }));
    }
    for (const category of categories.slice(0, 3)) {
      // The publisher's own wording ("Adjudicación Directa") when all the row's processes use the same one.
      const details = category.row.details;
      const label = details?.length === 1 && details[0].processes === category.processes ? details[0].wording : this.label(category.row, ctx);
      const share = formatPercent(category.share, ctx.tag);
      const count = this.processCounts.get(category.key);
      if (!this.usesCurrency) {
        sentences.push(ctx.t('summary.count', { label, value: formatNumber(category.value, ctx.tag), total, share }));
      } else if (count !== undefined && this.processTotal > 0) {
        const processShare = formatPercent(count / this.processTotal, ctx.tag);
        sentences.push(ctx.t('summary.count-amount', { label, value: formatNumber(count, ctx.tag), total, processShare, share, measure, currency, amount: this.formatValue(category.value, ctx) }));
      } else {
        sentences.push(ctx.t('summary.amount', { label, share, measure, currency, amount: this.formatValue(category.value, ctx), processes: ctx.t('processes', { count: category.processes }) }));
      }
    }
    const others = this.usesCurrency ? this.currencies.filter((code) => code !== currency) : [];
    if (others.length) sentences.push(ctx.t('summary.other-currencies', { currencies: formatList(others, ctx.tag) }));
    return sentences;
  }

  protected tableColumns(ctx: ChartContext): TableColumn<BreakdownRow>[] {
    const columns: TableColumn<BreakdownRow>[] = [{ key: 'key', label: ctx.t(`by.${this.dimension}`), format: (row) => this.label(row, ctx) }];
    if (this.split) columns.push({ key: 'split', label: ctx.t(`by.${this.split}`), format: (row) => this.label(row, ctx, true) });
    if (this.usesCurrency) columns.push({ key: 'currency', label: ctx.t('column.currency') });
    columns.push(
      { key: 'value', label: ctx.t(`measure.${this.measure}`), numeric: true, format: (row) => (row.currency ? formatMoney(row.value, row.currency, ctx.tag) : formatNumber(row.value, ctx.tag)) },
      { key: 'processes', label: ctx.t('column.processes'), numeric: true, format: (row) => formatNumber(row.processes, ctx.tag) },
      { key: 'share', label: ctx.t('column.share'), numeric: true, format: (row) => formatPercent(row.share, ctx.tag) },
    );
    return columns;
  }

  protected override selectableItems(rows: BreakdownRow[], ctx: ChartContext): SelectableItem[] {
    return this.categories(this.shown(rows, ctx))
      .filter((c) => c.key !== OTHERS && c.key !== UNDATED)
      .map((c) => ({ id: c.key, label: this.label(c.row, ctx), detail: `${this.formatValue(c.value, ctx)} (${formatPercent(c.share, ctx.tag)})`, value: c.value, colour: 'accent' }));
  }

  protected override selectionFromDatum(datum: unknown): string | undefined {
    const id = (datum as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id !== OTHERS && id !== UNDATED ? id : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-breakdown': OcdsBreakdown;
  }
}
