// Vega-Lite spec for money by stage in one currency: one bar per stage, the number of processes above each bar.
// Labels arrive already translated and formatted (Intl), so axis ticks read exactly like the table and the text.
import type { SpendingRow, SpendingStage } from '../analysis/spending.js';
import { SPENDING_STAGES } from '../analysis/spending.js';
import { niceTicks, tickLabelExpr } from './ticks.js';

export interface SpendingChartOptions {
  currency: string;
  stageLabels: Record<SpendingStage, string>;
  colours: Record<SpendingStage, string>;
  /** Compact money for axis ticks ("$1.2M"), full money for tooltips. */
  formatCompact: (amount: number) => string;
  formatFull: (amount: number) => string;
  /** "3 processes" */
  formatProcesses: (count: number) => string;
  /** "3" */
  formatCount: (count: number) => string;
  /** Shown instead of an amount for a stage without data. */
  noData: string;
  titles: { stage: string; amount: string; processes: string };
  height?: number;
}

export function spendingChartSpec(rows: SpendingRow[], options: SpendingChartOptions): object {
  const shown = rows.filter((row) => row.currency === options.currency);
  const values = SPENDING_STAGES.map((stage) => {
    const row = shown.find((candidate) => candidate.stage === stage);
    return {
      id: stage,
      label: options.stageLabels[stage],
      amount: row?.amount ?? 0,
      amountText: row ? options.formatFull(row.amount) : options.noData,
      processesText: row ? options.formatProcesses(row.processes) : options.noData,
      processesCount: row ? options.formatCount(row.processes) : '–',
      // What a screen reader says for the bar (else Vega reads out the raw fields by their internal names).
      description: `${options.stageLabels[stage]}: ${row ? `${options.formatFull(row.amount)}, ${options.formatProcesses(row.processes)}` : options.noData}`,
    };
  });
  const ticks = niceTicks(Math.min(...values.map((v) => v.amount)), Math.max(...values.map((v) => v.amount)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    height: options.height ?? 280,
    params: [{ name: 'ocds_selected', value: null }],
    data: { values },
    encoding: {
      x: {
        field: 'label',
        type: 'nominal',
        sort: null,
        title: null,
        // The stage names are tilted at every width: Vega measures an axis before a signal-driven angle takes effect,
        // so names tilted only when narrow ran out of the drawing; a fixed angle is measured and given its height.
        axis: {
          labelAngle: -35,
          labelAlign: 'right',
          labelBaseline: 'middle',
          labelLimit: 120,
        },
      },
      y: {
        field: 'amount',
        type: 'quantitative',
        title: null,
        scale: { domain: [ticks[0], ticks[ticks.length - 1]], nice: false, zero: true },
        axis: { values: ticks, labelExpr: tickLabelExpr(ticks, options.formatCompact) },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cursor: 'pointer', cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'id',
            type: 'nominal',
            scale: { domain: [...SPENDING_STAGES], range: SPENDING_STAGES.map((stage) => options.colours[stage]) },
            legend: null,
          },
          opacity: { condition: { test: 'ocds_selected == null || datum.id == ocds_selected', value: 1 }, value: 0.35 },
          description: { field: 'description' },
          tooltip: [
            { field: 'label', title: options.titles.stage },
            { field: 'amountText', title: options.titles.amount },
            { field: 'processesText', title: options.titles.processes },
          ],
        },
      },
      {
        // The count of processes above each bar; only the number when bars are narrow.
        mark: {
          type: 'text',
          // Said already by the bar's description.
          aria: false,
          baseline: 'bottom',
          dy: -4,
          fontSize: 11,
          text: { expr: 'width < 420 ? datum.processesCount : datum.processesText' },
        },
      },
    ],
  };
}
