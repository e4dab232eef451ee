// Vega-Lite spec for field coverage: one horizontal bar per field, its share of processes (0–100 %).
import type { CoverageRow } from '../analysis/data-quality.js';

export interface CoverageChartOptions {
  /** Translated field names, by field id. */
  fieldLabels: Record<string, string>;
  /** "42 %" */
  formatShare: (share: number) => string;
  /** "12 of 980 processes" */
  formatCount: (row: CoverageRow) => string;
  colour: string;
  /** Text drawn on a bar (the share of a long bar): the background colour. */
  textOnBar: string;
  titles: { field: string; share: string };
}

/** Shares above this are written inside their bar. */
const INSIDE_FROM = 0.6;

export function coverageChartSpec(rows: CoverageRow[], options: CoverageChartOptions): object {
  const values = rows.map((row) => ({
    id: row.field,
    field: options.fieldLabels[row.field] ?? row.field,
    share: row.share,
    shareText: options.formatShare(row.share),
    countText: options.formatCount(row),
  }));
  const y = { field: 'field', type: 'nominal', sort: null, title: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values },
    height: { step: 22 },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', color: options.colour },
        encoding: {
          x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: options.titles.share } },
          tooltip: [
            { field: 'field', title: options.titles.field },
            { field: 'shareText', title: options.titles.share },
            { field: 'countText', title: ' ' },
          ],
        },
      },
      // The share beside its bar, or inside a long one: past the bar's end it would be cut at the drawing's edge.
      {
        transform: [{ filter: `datum.share <= ${INSIDE_FROM}` }],
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'shareText' } },
      },
      {
        transform: [{ filter: `datum.share > ${INSIDE_FROM}` }],
        mark: { type: 'text', align: 'right', dx: -4, color: options.textOnBar },
        encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'shareText' } },
      },
    ],
  };
}
