import { html, nothing, type TemplateResult } from 'lit';
import type { SpendingRow } from '../../src/analysis/spending.js';
import { SPENDING_STAGES, type SpendingStage } from '../../src/analysis/spending-stages.js';
import type { Dataset } from '../../src/data/types.js';
import { formatList, formatMoney, formatNumber, formatPercent } from '../../src/i18n/index.js';
import { chartElementStyles } from '../base/styles.js';
import { OcdsChartElement, type ChartContext, type SelectableItem, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import type * as SpendingCode from './spending-code.js';
import { spendingMessages } from './messages.js';
import { spendingStyles } from './styles.js';

const spendingCode = lazy(() => import('./spending-code.js'));

/** Which stage colour custom property colours each spending stage. */
const STAGE_COLOUR: Record<SpendingStage, SelectableItem['colour'] & keyof ChartContext['colours']['stages']> = {
  planned: 'planning',
  tendered: 'tender',
  awarded: 'award',
  contracted: 'contract',
  paid: 'implementation',
};

/**
 * How much was planned, tendered, awarded, contracted and paid — per currency, for all processes or one (`ocid`),
 * with how many processes stand behind each number (README, "Money rules").
 *
 * @summary Money by contracting stage.
 * @event ocds-load @event ocds-render @event ocds-error
 * @event ocds-select - `{ kind: 'stage', id, label, value }` when a bar is selected (clicked, or chosen in the keyboard listbox).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 * @cssproperty --ocds-stage-planning @cssproperty --ocds-stage-tender @cssproperty --ocds-stage-award
 * @cssproperty --ocds-stage-contract @cssproperty --ocds-stage-implementation - colour of the paid bar
 */
export class OcdsSpendingByStage extends OcdsChartElement<SpendingRow, typeof SpendingCode> {
  static override styles = [chartElementStyles, spendingStyles];
  protected override messages = spendingMessages;
  protected override selectKind = 'stage';
  protected override usesCurrency = true;
  protected override dataCode = spendingCode;

  protected analyse(dataset: Dataset): SpendingRow[] {
    return this.code.spendingByStage(dataset, { ocid: this.ocid });
  }

  /** The default currency of a Dataset and `ocid`: read at every render and draw, it walks every process. */
  private currencyMemo?: { dataset: Dataset; ocid?: string; currency?: string };

  protected override defaultCurrency(dataset: Dataset): string | undefined {
    const memo = this.currencyMemo;
    if (memo?.dataset === dataset && memo.ocid === this.ocid) return memo.currency;
    const currency = this.code.spendingCurrencies(dataset, { ocid: this.ocid })[0]?.currency;
    this.currencyMemo = { dataset, ocid: this.ocid, currency };
    return currency;
  }

  private shownRows(rows: SpendingRow[], ctx: ChartContext): SpendingRow[] {
    return rows.filter((row) => row.currency === ctx.currency);
  }

  protected chartSpec(rows: SpendingRow[], ctx: ChartContext): object {
    const currency = ctx.currency!;
    return this.code.spendingChartSpec(rows, {
      currency,
      stageLabels: this.stageLabels(ctx),
      colours: Object.fromEntries(SPENDING_STAGES.map((stage) => [stage, ctx.colours.stages[STAGE_COLOUR[stage]]])) as Record<SpendingStage, string>,
      formatCompact: (amount) => formatMoney(amount, currency, ctx.tag, { compact: true }),
      formatFull: (amount) => formatMoney(amount, currency, ctx.tag),
      formatProcesses: (count) => ctx.t('processes', { count }),
      formatCount: (count) => formatNumber(count, ctx.tag),
      noData: ctx.t('no-data'),
      titles: { stage: ctx.t('column.stage'), amount: ctx.t('column.amount'), processes: ctx.t('column.processes') },
    });
  }

  protected summaryText(rows: SpendingRow[], ctx: ChartContext): string[] {
    const currency = ctx.currency!;
    const shown = this.shownRows(rows, ctx);
    const byStage = new Map(shown.map((row) => [row.stage, row]));
    const sentences = [
      this.ocid
        ? ctx.t('summary.process', { currency })
        : ctx.t('summary.currency', { currency, processes: ctx.t('processes', { count: this.processCount(currency) }) }),
    ];
    for (const stage of SPENDING_STAGES) {
      const row = byStage.get(stage);
      const label = ctx.t(`stage.${stage}`);
      sentences.push(
        row
          ? ctx.t('summary.stage', {
              stage: label,
              amount: formatMoney(row.amount, currency, ctx.tag),
              processes: ctx.t('processes', { count: row.processes }),
            })
          : ctx.t('summary.stage-missing', { stage: label }),
      );
    }
    const share = this.paidShare(shown);
    if (share !== undefined) sentences.push(ctx.t('summary.paid-share', { percent: formatPercent(share, ctx.tag) }));
    const pendingAwards = byStage.get('awarded')?.pending ?? 0;
    const pendingContracts = byStage.get('contracted')?.pending ?? 0;
    if (pendingAwards) sentences.push(ctx.t('summary.pending-awards', { count: pendingAwards }));
    if (pendingContracts) sentences.push(ctx.t('summary.pending-contracts', { count: pendingContracts }));
    const others = this.currencies.filter((code) => code !== currency);
    if (others.length) sentences.push(ctx.t('summary.other-currencies', { currencies: formatList(others, ctx.tag) }));
    return sentences;
  }

  protected tableColumns(ctx: ChartContext): TableColumn<SpendingRow>[] {
    return [
      { key: 'stage', label: ctx.t('column.stage'), format: (row) => ctx.t(`stage.${row.stage}`) },
      { key: 'currency', label: ctx.t('column.currency') },
      { key: 'amount', label: ctx.t('column.amount'), numeric: true, format: (row) => formatMoney(row.amount, row.currency, ctx.tag) },
      { key: 'processes', label: ctx.t('column.processes'), numeric: true, format: (row) => formatNumber(row.processes, ctx.tag) },
      { key: 'pending', label: ctx.t('column.pending'), numeric: true, format: (row) => formatNumber(row.pending, ctx.tag) },
    ];
  }

  protected override selectableItems(rows: SpendingRow[], ctx: ChartContext): SelectableItem[] {
    const byStage = new Map(this.shownRows(rows, ctx).map((row) => [row.stage, row]));
    return SPENDING_STAGES.map((stage) => {
      const row = byStage.get(stage);
      const detail = row ? formatMoney(row.amount, row.currency, ctx.tag) : ctx.t('no-data');
      return { id: stage, label: ctx.t(`stage.${stage}`), detail, value: row?.amount, colour: STAGE_COLOUR[stage] };
    });
  }

  protected override renderDetails(rows: SpendingRow[], ctx: ChartContext): TemplateResult | typeof nothing {
    const process = this.ocid ? this.loadedProcess() : undefined;
    if (!process) return nothing;
    const share = this.paidShare(this.shownRows(rows, ctx));
    const title = process.title ?? process.ocid;
    const buyer = process.buyer?.name || process.procuringEntity?.name;
    return html`<ul class="process">
      <li>${ctx.t('process.title', { title })}</li>
      ${buyer ? html`<li>${ctx.t('process.buyer', { buyer })}</li>` : nothing}
      ${share !== undefined ? html`<li>${ctx.t('process.paid-share', { percent: formatPercent(share, ctx.tag) })}</li>` : nothing}
    </ul>`;
  }

  private stageLabels(ctx: ChartContext): Record<SpendingStage, string> {
    return Object.fromEntries(SPENDING_STAGES.map((stage) => [stage, ctx.t(`stage.${stage}`)])) as Record<SpendingStage, string>;
  }

  /** Paid as a share of contracted (may exceed 1), when both are known and contracted is not zero. */
  private paidShare(shown: SpendingRow[]): number | undefined {
    const contracted = shown.find((row) => row.stage === 'contracted')?.amount;
    const paid = shown.find((row) => row.stage === 'paid')?.amount;
    return contracted && paid !== undefined ? paid / contracted : undefined;
  }

  private processCount(currency: string): number {
    return this.loadedDataset ? (this.code.spendingCurrencies(this.loadedDataset).find((entry) => entry.currency === currency)?.processes ?? 0) : 0;
  }

  private loadedProcess() {
    return this.loadedDataset?.processes.find((process) => process.ocid === this.ocid);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-spending-by-stage': OcdsSpendingByStage;
  }
}
