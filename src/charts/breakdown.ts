// Vega-Lite spec for a breakdown in one currency (or of process counts): ranked horizontal bars for categories,
// columns in time order for periods, stacked by the split category when there is one; each bar labelled with its
// share. Labels arrive translated and formatted (Intl), so the chart reads like the table and the summary.
import type { BreakdownRow } from '../analysis/breakdown.js';
import { niceTicks, tickLabelExpr } from './ticks.js';

export interface BreakdownChartOptions {
  /** Columns over time (true) or ranked horizontal bars. */
  time: boolean;
  label: (row: BreakdownRow) => string;
  splitLabel: (row: BreakdownRow) => string;
  formatValue: (value: number) => string;
  /** A value-axis tick: compact money ("1,5 M$") for amounts, a plain count for processes. */
  formatTick: (value: number) => string;
  /** Values are counts: whole-number ticks. */
  counts: boolean;
  formatShare: (share: number) => string;
  /** The publisher's own wordings behind a row (`procurementMethodDetails`, with their counts), for its tooltip. */
  details?: (row: BreakdownRow) => string | undefined;
  titles: { category: string; value: string; split: string; details?: string };
  colours: string[];
  /** Text drawn on a bar (the share of a long bar): the background colour. */
  textOnBar?: string;
  /** Width of the drawing: narrower than 520 px, the split's legend goes under the plot instead of beside it. */
  width?: number;
}

export function breakdownChartSpec(rows: BreakdownRow[], options: BreakdownChartOptions): object {
  const split = rows.some((row) => row.split !== undefined);
  const values = rows.map((row) => {
    const label = options.label(row);
    const splitLabel = split ? options.splitLabel(row) : '';
    const valueText = options.formatValue(row.value);
    const shareText = options.formatShare(row.share);
    // The tooltip, title → text, per bar: only a bar with the publisher's wordings has that line.
    const tip: Record<string, string> = { [options.titles.category]: label };
    if (split) tip[options.titles.split] = splitLabel;
    tip[options.titles.value] = valueText;
    tip['%'] = shareText;
    const details = options.details?.(row);
    if (details) tip[options.titles.details ?? ''] = details;
    return { id: row.key, label, value: row.value, split: splitLabel, shareText, tip, description: `${label}${split ? ` (${splitLabel})` : ''}: ${valueText}, ${shareText}` };
  });
  const order = [...new Set(values.map((value) => value.label))];
  // Ranked bars on a narrow drawing: names take at most 40 % of it (cut, whole in the tooltip and table), so the
  // value axis keeps room for its ticks and title (220 px of names left a 360 px card a 55 px axis).
  const width = options.width ?? Infinity;
  const labelLimit = options.time ? 220 : Math.round(Math.min(220, Math.max(80, width * 0.4)));
  const category = { field: 'label', type: 'nominal', sort: order, title: null, axis: { labelLimit } };
  // Stacked bars reach the sum of their parts: the ticks cover the tallest stack.
  const stacks = new Map<string, number>();
  for (const value of values) stacks.set(value.label, (stacks.get(value.label) ?? 0) + value.value);
  // Ticks by the value axis's room: as many (five at most) as their labels ("20 M AMD", at ~6.5 px a character and
  // a gap) fit side by side.
  const axisRoom = options.time ? width : width - labelLimit - 40;
  const low = Math.min(0, ...stacks.values());
  const high = Math.max(0, ...stacks.values());
  let ticks = niceTicks(low, high, 5, options.counts);
  for (let count = 4; count >= 1 && !options.time; count--) {
    const room = ticks.reduce((sum, tick) => sum + options.formatTick(tick).length * 6.5 + 12, 0);
    if (room <= axisRoom) break;
    ticks = niceTicks(low, high, count, options.counts);
  }
  const amount = {
    field: 'value',
    type: 'quantitative',
    title: options.titles.value,
    stack: split ? 'zero' : null,
    scale: { domain: [ticks[0], ticks[ticks.length - 1]], nice: false, zero: true },
    axis: { values: ticks, labelExpr: tickLabelExpr(ticks, options.formatTick) },
  };
  const colour = split
    ? {
        field: 'split',
        type: 'nominal',
        title: options.titles.split,
        scale: { range: options.colours },
        // Beside the plot on a phone, the legend left the columns a sliver of the width.
        ...((options.width ?? Infinity) < 520 ? { legend: { orient: 'bottom', columns: 2 } } : {}),
      }
    : { value: options.colours[0] };
  const bar = {
    mark: { type: 'bar', cursor: 'pointer' },
    encoding: {
      color: colour,
      tooltip: { field: 'tip', type: 'nominal' },
      description: { field: 'description' },
      opacity: { condition: { test: 'ocds_selected === null || datum.id === ocds_selected', value: 1 }, value: 0.35 },
    },
  };
  // Ranked bars: the share beside its bar, or inside a long one (past its end it would be cut at the drawing's edge).
  const long = `datum.value > ${0.6 * ticks[ticks.length - 1]}`;
  const shareText = { text: { field: 'shareText' } };
  const labels = split
    ? []
    : options.time
      ? [{ mark: { type: 'text', dy: -6, baseline: 'bottom' }, encoding: shareText }]
      : [
          { transform: [{ filter: `!(${long})` }], mark: { type: 'text', dx: 4, align: 'left' }, encoding: shareText },
          { transform: [{ filter: long }], mark: { type: 'text', dx: -4, align: 'right', ...(options.textOnBar ? { color: options.textOnBar } : {}) }, encoding: shareText },
        ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    height: options.time ? 280 : Math.max(120, order.length * 28),
    params: [{ name: 'ocds_selected', value: null }],
    data: { values },
    encoding: options.time ? { x: { ...category, axis: { labelAngle: 0 } }, y: amount } : { y: category, x: amount },
    layer: [bar, ...labels],
  };
}
