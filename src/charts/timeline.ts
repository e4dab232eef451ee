// Vega-Lite specs for the contract timeline: one process (lanes by stage, payments burn-up below) or
// many processes (one Gantt row each). Dates go in as epoch milliseconds on UTC scales, so a calendar date
// (`2016-12-31`) keeps its day whatever the reader's time zone. Marks are drawn in the rows' (time) order.
import type { TopLevelSpec } from 'vega-lite';
import { TIMELINE_STAGES, type ContractTimeline, type TimelineRow, type TimelineStage } from '../analysis/timeline.js';
import { balanceBidi } from '../data/bidi.js';
import { dateTime } from '../data/dates.js';

export interface TimelineChartText {
  /** Lane and legend names of the stages. */
  stages: Record<TimelineStage, string>;
  /** Lane of the release marks ("Published"). */
  releases: string;
  /** Title of the burn-up's value axis ("Paid so far"). */
  paid: string;
  /** Label of the contracted-value rule. */
  contracted: string;
  /** Label of the rule at the data's date ("Data date"), drawn while a process runs as of then. */
  asOf: string;
  /** Tooltip field titles. */
  what: string;
  when: string;
  amount: string;
  /** Accessible description of the whole chart (the written summary). */
  description: string;
}

export interface TimelineChartOptions {
  /** Width available for the whole chart, axes and labels included. */
  width: number;
  colours: { stages: Record<TimelineStage, string>; accent: string; muted: string; text: string };
  text: TimelineChartText;
  /** Tooltip/ARIA wording of one row ("Contract signed: A-013/2016"), translated by the caller. */
  describe: (row: TimelineRow) => string;
  /** Dates and amounts as the reader's language writes them. */
  formatDate: (iso: string) => string;
  formatMoney: (amount: number, currency: string) => string;
  /** The burn-up's currency (one process); payments in other currencies stay points without a line. */
  currency?: string;
  /** Many processes: the label of each row, by ocid (e.g. "1. Title…"); full title goes in the tooltip. */
  rowLabel?: (ocid: string) => string;
  /** Many processes: a value shown whole at the end of the row's label (e.g. its contracted value). */
  rowValue?: (ocid: string) => string | undefined;
}

/** A row as Vega reads it: times as numbers, the rest as display strings. */
interface ChartDatum {
  /** What selecting this mark selects: the process (many) or the release (one process). */
  id?: string;
  order: number;
  ocid: string;
  kind: TimelineRow['kind'];
  event: TimelineRow['event'];
  stage: string;
  lane: string;
  t0: number;
  t1: number;
  what: string;
  when: string;
  amount: string;
  size: number;
  met: boolean;
  paidToDate?: number;
  /** A release mark drawn at the axis edge: its date is before or after the axis (see processDomain). */
  pinned?: 'before' | 'after';
  /** Tooltip entries (title -> text), only those with a value. */
  tip: Record<string, string>;
}

export function timelineSpec(timeline: ContractTimeline, options: TimelineChartOptions): TopLevelSpec {
  return timeline.mode === 'process' ? processSpec(timeline, options) : processesSpec(timeline, options);
}

function chartData(rows: TimelineRow[], options: TimelineChartOptions, lane: (row: TimelineRow) => string): ChartDatum[] {
  return rows.map((row, order) => {
    const t0 = dateTime(row.start);
    const t1 = row.end === undefined ? t0 : dateTime(row.end);
    const what = options.describe(row);
    const when = row.end === undefined ? options.formatDate(row.start) : `${options.formatDate(row.start)} – ${options.formatDate(row.end)}`;
    const amount = row.value === undefined || row.currency === undefined ? '' : options.formatMoney(row.value, row.currency);
    const tip = { [options.text.what]: what, [options.text.when]: when, ...(amount ? { [options.text.amount]: amount } : {}) };
    const id = row.event === 'stage' ? row.ocid : row.kind === 'release' ? (row.subject ?? row.start) : undefined;
    return {
      ...(id === undefined ? {} : { id }),
      order,
      ocid: row.ocid,
      kind: row.kind,
      event: row.event,
      stage: options.text.stages[row.stage],
      lane: lane(row),
      t0,
      t1,
      what,
      when,
      amount,
      tip,
      size: row.event === 'transaction' && row.value !== undefined ? Math.abs(row.value) : 0,
      met: row.event === 'milestoneMet',
      ...(row.paidToDate !== undefined && row.currency === options.currency ? { paidToDate: row.paidToDate } : {}),
    };
  });
}

/**
 * A horizontal legend does not wrap by itself: on a narrow chart it would run past the right edge. `room` is the width
 * from the legend's left edge (the plot's) to the chart's right edge; entries go in as many columns as fit it.
 */
function stageColour(options: TimelineChartOptions, room = options.width) {
  const names = TIMELINE_STAGES.map((stage) => options.text.stages[stage]);
  const entryWidth = LEGEND_SYMBOL_ROOM + Math.max(...names.map((name) => name.length)) * LEGEND_CHAR_WIDTH;
  const columns = Math.max(1, Math.min(names.length, Math.floor(room / entryWidth)));
  return {
    field: 'stage',
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: TIMELINE_STAGES.map((stage) => options.colours.stages[stage]) },
    legend: { orient: 'top' as const, direction: 'horizontal' as const, columns },
  };
}

/** Generous estimates at Vega's 10 px legend and axis label font, so estimates err towards fitting. */
const LEGEND_SYMBOL_ROOM = 30;
const LEGEND_CHAR_WIDTH = 6.5;
const AXIS_CHAR_WIDTH = 6;
/** Room an axis takes besides its labels (ticks, padding). */
const AXIS_ROOM = 16;
/** Widest row label of the many-process chart, in pixels. */
const ROW_LABEL_LIMIT = 220;

const FIT_WIDTH = { type: 'fit-x', contains: 'padding' } as const;
/** Room the burn-up's amount axis takes left of the plot: title, labels ("1.5M") and ticks. */
const BURN_UP_AXIS_ROOM = 64;
/** Padding on both sides and the last date label's overhang, around a concatenation's plots. */
const CONCAT_EDGES = 32;

// The first tick names its year (Vega's multi-format shows a year only at a year's first tick).
const FIRST_TICK_WITH_YEAR = "datum.index === 0 ? utcFormat(datum.value, '%b %Y') : datum.label";

/** Room for one date under the plot ("September", "Jan 2016", "noviembre") and a gap to the next. */
const DATE_TICK_ROOM = 100;

// Ticks by the plot's width: Vega's overlap check let month names touch ("noviembrediciembre", "October2017").
const utcX = (plotWidth: number, title: string | null = null, domain?: [number, number]) => ({
  field: 't0',
  type: 'temporal' as const,
  title,
  scale: { type: 'utc' as const, ...(domain ? { domain } : {}) },
  axis: { grid: true, labelOverlap: true, tickCount: Math.max(2, Math.floor(plotWidth / DATE_TICK_ROOM)), labelExpr: FIRST_TICK_WITH_YEAR },
});

/**
 * The time axis spans the process's own dates (and the date of the data while it runs): a release published long
 * after them would stretch a two-month process over years. Release marks outside are pinned to the edge they point
 * past (`pinned`), drawn as an arrow; their tooltip keeps their date. Undefined when the process has no span of its own.
 */
function processDomain(data: ChartDatum[], asOf: number | undefined): { domain: [number, number]; pinned: boolean } | undefined {
  const domain = paddedDomain(data.filter((d) => d.kind !== 'release'), asOf);
  if (!domain) return undefined;
  for (const d of data) {
    if (d.kind !== 'release') continue;
    if (d.t0 < domain[0]) Object.assign(d, { t0: domain[0], t1: domain[0], pinned: 'before' });
    else if (d.t0 > domain[1]) Object.assign(d, { t0: domain[1], t1: domain[1], pinned: 'after' });
  }
  return { domain, pinned: data.some((d) => d.pinned) };
}

/**
 * The span of `data`'s dates (and the date of the data, when given), with a margin of 4 % (a day at least) on each
 * side, so that the first and last marks do not touch the plot's edges. Undefined when the dates span no time.
 */
function paddedDomain(data: ChartDatum[], asOf: number | undefined): [number, number] | undefined {
  const own = data.flatMap((d) => [d.t0, d.t1]);
  if (asOf !== undefined && own.length) own.push(asOf);
  const times = own.filter(Number.isFinite);
  if (!times.length) return undefined;
  const low = Math.min(...times);
  const high = Math.max(...times);
  if (high <= low) return undefined;
  const margin = Math.max((high - low) * 0.04, DAY);
  return [low - margin, high + margin];
}

const DAY = 86_400_000;

const tooltip = { expr: 'datum.tip' };

/** The base element sets `ocds_selected` to the selected mark's `id`; selected marks get an outline. */
const selectedParam = { name: 'ocds_selected', value: null };
const selectedStroke = (colour: string) => ({
  stroke: { condition: { test: 'ocds_selected !== null && datum.id === ocds_selected', value: colour }, value: null },
  strokeWidth: { condition: { test: 'ocds_selected !== null && datum.id === ocds_selected', value: 3 }, value: 0 },
});

/** Width of a character of the data-date label (Vega's 11 px text), estimated generously. */
const AS_OF_CHAR_WIDTH = 6.5;

/**
 * The rule at the date of the data and its label, on the chart's x `domain` (the plot `plotWidth` pixels wide). The
 * label reads to the right of the rule, or to its left (anchored at its end) where the date is past three quarters of
 * the axis or the label would not fit to its right: at the plot's right edge it would be cut.
 */
function todayLayer(timeline: ContractTimeline, options: TimelineChartOptions, plotWidth: number, domain: [number, number] | undefined, span = domain) {
  if (!timeline.running) return [];
  const t = dateTime(timeline.asOf);
  const when = options.formatDate(timeline.asOf);
  const data = { values: [{ t, label: options.text.asOf, when, description: `${options.text.asOf}: ${when}` }] };
  const x = { field: 't', type: 'temporal' as const, scale: { type: 'utc' as const, ...(domain ? { domain } : {}) } };
  // Where the rule is along the axis (`span`: the axis's dates, when it has no explicit `domain`).
  const at = span ? (t - span[0]) / (span[1] - span[0]) : 1;
  const labelWidth = options.text.asOf.length * AS_OF_CHAR_WIDTH + 3;
  const before = at > 0.75 || (1 - at) * plotWidth < labelWidth;
  return [
    { data, mark: { type: 'rule' as const, color: options.colours.accent, strokeDash: [4, 3], aria: false }, encoding: { x } },
    {
      data,
      mark: { type: 'text' as const, color: options.colours.accent, align: before ? ('right' as const) : ('left' as const), baseline: 'top' as const, dx: before ? -3 : 3, y: 0 },
      encoding: { x, text: { field: 'label' }, description: { field: 'description' } },
    },
  ];
}

function processSpec(timeline: ContractTimeline, options: TimelineChartOptions): TopLevelSpec {
  const laneOf = (row: TimelineRow) => (row.kind === 'release' ? options.text.releases : options.text.stages[row.stage]);
  const data = chartData(timeline.rows, options, laneOf);
  const lanes = [...TIMELINE_STAGES.map((stage) => options.text.stages[stage]), options.text.releases].filter((lane) =>
    data.some((d) => d.lane === lane),
  );
  const y = { field: 'lane', type: 'nominal' as const, title: null, sort: lanes, scale: { domain: lanes } };
  const span = processDomain(data, timeline.running ? dateTime(timeline.asOf) : undefined);
  // Applied only where a release mark is pinned to its edge: otherwise the process's own dates span the axis as
  // Vega lays it out (the rule at the data's date is placed on it with the same span).
  const domain = span?.pinned ? span.domain : undefined;
  const paid = data.filter((d) => d.paidToDate !== undefined);
  const burnUpShown = paid.length > 0 && options.currency !== undefined;
  const laneLabelRoom = AXIS_ROOM + Math.max(...lanes.map((lane) => lane.length)) * AXIS_CHAR_WIDTH;
  // Vega-Lite cannot fit a vertical concatenation to a width: give both views the same plot width, what the wider of
  // the two left axes leaves.
  const plotWidth = Math.max(120, options.width - CONCAT_EDGES - Math.max(laneLabelRoom, BURN_UP_AXIS_ROOM));
  const colour = stageColour(options, burnUpShown ? plotWidth : options.width - laneLabelRoom);
  const common = { x: utcX(burnUpShown ? plotWidth : options.width - laneLabelRoom, null, domain), y, description: { field: 'what' } };
  const lanesView = {
    height: { step: 34 },
    data: { values: data },
    layer: [
      {
        transform: [{ filter: { field: 'kind', equal: 'span' } }],
        mark: { type: 'bar' as const, height: { band: 0.55 }, cornerRadius: 2, tooltip },
        encoding: {
          ...common,
          x2: { field: 't1' },
          color: colour,
          opacity: { condition: { test: "datum.event === 'contractExtension'", value: 0.4 }, value: 0.9 },
        },
      },
      {
        // Spans that start and end on the same instant would be invisible bars.
        transform: [{ filter: "datum.kind === 'span' && datum.t0 === datum.t1" }],
        mark: { type: 'tick' as const, thickness: 3, tooltip },
        encoding: { ...common, color: colour },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'point' } }],
        mark: { type: 'point' as const, filled: true, strokeWidth: 2, opacity: 1, tooltip },
        encoding: {
          ...common,
          color: colour,
          stroke: { ...colour, legend: null },
          shape: {
            condition: [
              { test: "datum.event === 'transaction'", value: 'circle' },
              { test: "datum.event === 'amendment'", value: 'diamond' },
              { test: "datum.event === 'contractSigned' || datum.event === 'awardDate'", value: 'square' },
            ],
            value: 'triangle-up',
          },
          // A milestone still due is hollow; met, it is filled.
          fillOpacity: { condition: { test: "datum.event === 'milestoneDue'", value: 0 }, value: 1 },
          // Payments are sized by amount; every other date has one size.
          size: {
            condition: { test: "datum.event !== 'transaction'", value: 90 },
            field: 'size',
            type: 'quantitative' as const,
            scale: { range: [40, 400], zero: true },
            legend: null,
          },
        },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'release' } }],
        mark: { type: 'point' as const, filled: true, size: 110, color: options.colours.muted, tooltip },
        encoding: {
          ...common,
          ...selectedStroke(options.colours.accent),
          shape: {
            condition: [
              { test: "datum.pinned === 'before'", value: 'triangle-left' },
              { test: "datum.pinned === 'after'", value: 'triangle-right' },
            ],
            value: 'triangle-down',
          },
        },
      },
      ...todayLayer(timeline, options, burnUpShown ? plotWidth : options.width - laneLabelRoom - CONCAT_EDGES, domain, span?.domain),
    ],
  };

  const target = timeline.contracted.find((money) => money.currency === options.currency);
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.text.description,
    padding: 8,
    params: [selectedParam],
  };
  if (!burnUpShown) return { ...base, ...lanesView, width: options.width, autosize: FIT_WIDTH } as TopLevelSpec;

  const burnUp = {
    width: plotWidth,
    height: 140,
    data: { values: paid },
    layer: [
      {
        mark: { type: 'line' as const, interpolate: 'step-after' as const, color: options.colours.accent, point: { tooltip }, tooltip },
        encoding: {
          x: utcX(plotWidth, null, domain),
          // d3's SI format gives every tick the largest tick's prefix, so zero read "0M".
          y: { field: 'paidToDate', type: 'quantitative' as const, title: `${options.text.paid} (${options.currency})`, axis: { format: '~s', labelExpr: "datum.value === 0 ? '0' : datum.label" } },
          description: { field: 'what' },
        },
      },
      ...(target
        ? [
            {
              data: { values: [{ amount: target.amount, label: `${options.text.contracted}: ${options.formatMoney(target.amount, target.currency)}` }] },
              layer: [
                // Screen readers hear the label, not the raw amount field.
                { mark: { type: 'rule' as const, color: options.colours.muted, strokeDash: [6, 3], aria: false }, encoding: { y: { field: 'amount', type: 'quantitative' as const } } },
                {
                  mark: { type: 'text' as const, color: options.colours.muted, align: 'left' as const, baseline: 'bottom' as const, x: 0, dy: -3, limit: plotWidth },
                  encoding: { y: { field: 'amount', type: 'quantitative' as const }, text: { field: 'label' }, description: { field: 'label' } },
                },
              ],
            },
          ]
        : []),
    ],
  };
  return {
    ...base,
    autosize: { type: 'pad' },
    vconcat: [{ ...lanesView, width: plotWidth }, burnUp],
    resolve: { scale: { x: 'shared', color: 'independent' } },
  } as TopLevelSpec;
}

/** Average width of a label character at the axis font size, to cut labels before Vega's end-ellipsis would. */
const LABEL_CHAR_PX = 6.5;

/**
 * `label` cut to `max` characters in the middle: titles in one dataset often share their start ("Supply of …") and
 * differ at the end, where the value also is, so both ends stay. Each half keeps its bidi controls balanced: a cut
 * must not leave an override open (reversing what follows) or close one it no longer opens.
 */
export function middleEllipsis(label: string, max: number): string {
  if (label.length <= max) return label;
  const head = Math.ceil((max - 1) / 2);
  return `${balanceBidi(label.slice(0, head).trimEnd())}…${balanceBidi(label.slice(label.length - (max - 1 - head)).trimStart())}`;
}

function processesSpec(timeline: ContractTimeline, options: TimelineChartOptions): TopLevelSpec {
  // Row labels take at most 40% of a narrow chart (cut in the middle; the full title is in the tooltip and table).
  const labelLimit = Math.round(Math.min(ROW_LABEL_LIMIT, Math.max(80, options.width * 0.4)));
  const fullLabel = options.rowLabel ?? ((ocid: string) => ocid);
  const chars = Math.floor(labelLimit / LABEL_CHAR_PX);
  const rowLabel = (ocid: string) => {
    const value = options.rowValue?.(ocid);
    if (!value) return middleEllipsis(fullLabel(ocid), chars);
    return `${middleEllipsis(fullLabel(ocid), Math.max(8, chars - value.length - 3))} · ${value}`;
  };
  const data = chartData(timeline.rows, options, (row) => rowLabel(row.ocid));
  const rows = timeline.shown.map((process) => rowLabel(process.ocid));
  const y = { field: 'lane', type: 'nominal' as const, title: null, sort: rows, scale: { domain: rows }, axis: { labelLimit } };
  // The rows' dates and the data's, with a margin: the first and last bars do not touch the plot's edges.
  const domain = paddedDomain(data, timeline.running ? dateTime(timeline.asOf) : undefined);
  const plotWidth = options.width - labelLimit - AXIS_ROOM;
  const common = { x: utcX(plotWidth, null, domain), y, description: { field: 'what' }, color: stageColour(options, options.width - labelLimit - AXIS_ROOM) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.text.description,
    padding: 8,
    params: [selectedParam],
    width: options.width,
    autosize: FIT_WIDTH,
    height: { step: 26 },
    data: { values: data },
    layer: [
      { mark: { type: 'bar' as const, height: { band: 0.65 }, tooltip }, encoding: { ...common, ...selectedStroke(options.colours.text), x2: { field: 't1' } } },
      // Single-day segments as ticks: only when there are some (an empty mark group has no text for screen readers).
      ...(data.some((datum) => datum.t0 === datum.t1)
        ? [{ transform: [{ filter: 'datum.t0 === datum.t1' }], mark: { type: 'tick' as const, thickness: 3, tooltip }, encoding: common }]
        : []),
      ...todayLayer(timeline, options, plotWidth - CONCAT_EDGES, domain),
    ],
  } as TopLevelSpec;
}
