import { css, html, nothing, type TemplateResult } from 'lit';
import type { CoverageRow } from '../../src/analysis/data-quality.js';
import { COVERAGE_FIELDS } from '../../src/analysis/data-quality-keys.js';
import type { DataIssue, Dataset } from '../../src/data/types.js';
import { formatDate, formatList, formatNumber, formatPercent } from '../../src/i18n/index.js';
import { OcdsChartElement, type ChartContext, type TableColumn } from '../base/chart-element.js';
import { downloadText, rowsToCsv } from '../base/export.js';
import { lazy } from '../base/lazy.js';
import { chartElementStyles } from '../base/styles.js';
import type * as DataQualityCode from './data-quality-code.js';
import { dataQualityMessages } from './messages.js';

const dataQualityCode = lazy(() => import('./data-quality-code.js'));

/** One issue as the issue CSV lists it. */
interface IssueLine extends DataIssue {
  category: string;
}

/**
 * What an OCDS dataset holds and how much the charts can use, for a reader new to procurement: publisher, processes,
 * releases, dates, currencies, OCDS versions and whether the whole source was read; the share of processes that
 * publish each stage and each field the charts rely on (cardinal's coverage: a value counts where it is non-empty),
 * as bars and a table; what that means for the charts, in words; and the data's issues in plain categories, with
 * an example each and the full list as a CSV.
 *
 * @summary Data coverage and quality.
 * @event ocds-load @event ocds-render @event ocds-error
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 * @csspart overview - What the data holds. @csspart issues - What was repaired or left out.
 */
export class OcdsDataQuality extends OcdsChartElement<CoverageRow, typeof DataQualityCode> {
  // --ocds-chart-reserve: one 22 px bar per field the charts rely on (always the same fields) and the share axis.
  // Each issue category is a disclosure: its marker is the list's bullet.
  static override styles = [
    chartElementStyles,
    css`
      :host {
        --ocds-chart-reserve: 350px;
      }
      .issues ul { list-style: none; padding-inline-start: 0; }
      .issues summary { cursor: pointer; }
    `,
  ];
  protected override messages = dataQualityMessages;
  protected override selectKind = 'field';
  protected override dataCode = dataQualityCode;

  protected analyse(dataset: Dataset): CoverageRow[] {
    return this.code.coverageRows(dataset);
  }

  protected chartSpec(rows: CoverageRow[], ctx: ChartContext): object {
    return this.code.coverageChartSpec(rows, {
      fieldLabels: this.fieldLabels(ctx),
      formatShare: (share) => formatPercent(share, ctx.tag),
      formatCount: (row) => ctx.t('count.of', { count: row.processes, total: row.total }),
      colour: ctx.colours.accent,
      textOnBar: ctx.colours.background,
      titles: { field: ctx.t('column.field'), share: ctx.t('column.share') },
    });
  }

  /** On screen, the best and the least published field; on "More" (and in the description), every field's share. */
  protected summaryText(rows: CoverageRow[], ctx: ChartContext): string[] {
    const total = ctx.t('processes', { count: rows[0]?.total ?? 0 });
    const field = (row: CoverageRow) => ctx.t(`field.${row.field}`);
    const fields = rows.map((row) => ctx.t('summary.field', { share: formatPercent(row.share, ctx.tag), field: field(row) }));
    const coverage = ctx.t('summary.coverage', { total, fields: formatList(fields, ctx.tag) });
    if (rows.length < 3) return [coverage];
    const [top, bottom] = rows.reduce(([most, least], row) => [row.share > most.share ? row : most, row.share < least.share ? row : least], [rows[0], rows[0]]);
    const range = ctx.t('summary.range', { total, top: field(top), topShare: formatPercent(top.share, ctx.tag), bottom: field(bottom), bottomShare: formatPercent(bottom.share, ctx.tag) });
    return [range, coverage];
  }
  protected override summaryShown = 1;

  protected tableColumns(ctx: ChartContext): TableColumn<CoverageRow>[] {
    return [
      { key: 'field', label: ctx.t('column.field'), format: (row) => ctx.t(`field.${row.field}`) },
      { key: 'path', label: ctx.t('column.path') },
      { key: 'processes', label: ctx.t('column.processes'), numeric: true, format: (row) => formatNumber(row.processes, ctx.tag) },
      { key: 'total', label: ctx.t('column.total'), numeric: true, format: (row) => formatNumber(row.total, ctx.tag) },
      { key: 'share', label: ctx.t('column.share'), numeric: true, format: (row) => formatPercent(row.share, ctx.tag) },
    ];
  }

  /** The data's issues, one per line with its category: what "Download the issues (CSV)" saves. */
  issuesCsv(): string {
    const lines: IssueLine[] = this.issues.map((issue) => ({ ...issue, category: this.code.issueCategory(issue.code) }));
    const keys = ['category', 'code', 'path', 'ocid', 'message'] as const;
    return rowsToCsv(lines, keys.map((key) => ({ key, label: key })));
  }

  protected override renderExtraControls(ctx: ChartContext): TemplateResult | typeof nothing {
    if (!this.loadedDataset || !this.issues.length) return nothing;
    return html`<button type="button" @click=${this.downloadIssues}>${ctx.t('issues.csv')}</button>`;
  }

  private downloadIssues(): void {
    downloadText(`\uFEFF${this.issuesCsv()}`, `${this.localName}-issues.csv`, 'text/csv;charset=utf-8');
  }

  protected override renderDetails(rows: CoverageRow[], ctx: ChartContext): TemplateResult | typeof nothing {
    const dataset = this.loadedDataset;
    if (!dataset) return nothing;
    const overview = this.code.dataOverview(dataset);
    const byField = new Map(rows.map((row) => [row.field, row]));
    const count = (field: CoverageRow['field']) => ({
      count: byField.get(field)?.processes ?? 0,
      total: overview.processes,
    });
    const groups = this.code.issueGroups(this.issues);
    return html`<ul part="overview" class="overview">
        ${overview.publisher ? html`<li>${ctx.t('overview.publisher', { publisher: overview.publisher })}</li>` : nothing}
        <li>${dataset.summary ? ctx.t('processes', { count: overview.processes }) : ctx.t('overview.counts', { processes: ctx.t('processes', { count: overview.processes }), releases: ctx.t('releases', { count: overview.releases }) })}</li>
        ${overview.firstDate && overview.lastDate
          ? html`<li>${ctx.t('overview.dates', { from: formatDate(overview.firstDate, ctx.tag), to: formatDate(overview.lastDate, ctx.tag) })}</li>`
          : nothing}
        ${overview.currencies.length ? html`<li>${ctx.t('overview.currencies', { currencies: formatList(overview.currencies, ctx.tag) })}</li>` : nothing}
        ${overview.versions.length ? html`<li>${ctx.t('overview.versions', { versions: formatList(overview.versions, ctx.tag) })}</li>` : nothing}
        <li>${ctx.t(overview.complete ? 'overview.complete' : 'overview.incomplete')}</li>
      </ul>
      <ul class="meaning">
        <li>${ctx.t('meaning.paid', count('transactions'))}</li>
        <li>${ctx.t('meaning.awarded', count('award-value'))}</li>
        ${overview.awardsWithSuppliers
          ? html`<li>${overview.awardsMatchedByName
              ? ctx.t('meaning.by-name', { percent: formatPercent(overview.awardsMatchedByName / overview.awardsWithSuppliers, ctx.tag) })
              : ctx.t('meaning.by-identifier')}</li>`
          : nothing}
      </ul>
      <section part="issues" class="issues">
        <h3>${ctx.t('issues.heading')}</h3>
        ${dataset.summary
          ? html`<p>${dataset.summary.note('data-quality', ctx.tag)}</p>`
          : groups.length
          ? html`<ul>
              ${groups.map(
                // One line per category; its example (long paths and ids) behind it.
                (group) => html`<li>
                  <details>
                    <summary>${ctx.t(`category.${group.category}`)}: ${ctx.t('issues.count', { count: group.count })}.</summary>
                    ${group.example.ocid
                      ? ctx.t('issues.example', { path: group.example.path, ocid: group.example.ocid })
                      : ctx.t('issues.example-no-ocid', { path: group.example.path })}
                  </details>
                </li>`,
              )}
            </ul>`
          : html`<p>${ctx.t('issues.none')}</p>`}
      </section>`;
  }

  private fieldLabels(ctx: ChartContext): Record<string, string> {
    return Object.fromEntries(COVERAGE_FIELDS.map(({ field }) => [field, ctx.t(`field.${field}`)]));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-data-quality': OcdsDataQuality;
  }
}
