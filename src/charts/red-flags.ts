// Vega-Lite spec for red flags: one bar per organisation and indicator, the share of its evaluable processes flagged.
import type { RedFlagGroupRow } from '../analysis/red-flags.js';

export interface RedFlagsChartOptions {
  colour: string;
  /** "Alpha — Single bid" */
  label: (row: RedFlagGroupRow) => string;
  /** "4 of 9" */
  counts: (row: RedFlagGroupRow) => string;
  titles: { share: string; flagged: string };
  limit: number;
  /** Width of the drawing: the names get at most ~45 % of it, so the bars keep room on a phone. */
  width: number;
}

export function redFlagsChartSpec(rows: RedFlagGroupRow[], options: RedFlagsChartOptions): object {
  const values = rows
    .filter((row) => row.flagged > 0)
    .slice(0, options.limit)
    .map((row) => ({ id: `${row.id}|${row.indicator}`, label: options.label(row), share: row.share, counts: options.counts(row) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values },
    height: { step: 22 },
    params: [{ name: 'ocds_selected', value: null }],
    mark: { type: 'bar', color: options.colour, tooltip: true },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: Math.min(260, Math.round(options.width * 0.45)) } },
      x: { field: 'share', type: 'quantitative', title: options.titles.share, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      tooltip: [
        { field: 'label', title: ' ' },
        { field: 'share', title: options.titles.share, format: '.0%' },
        { field: 'counts', title: options.titles.flagged },
      ],
    },
  };
}
