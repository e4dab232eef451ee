// A red flag's reason in words, shared by <ocds-red-flags> and the process table's detail view (both load it with their
// data code).
import type { RedFlagIndicator, RedFlagsResult } from '../../src/analysis/red-flags.js';
import { formatMoney, formatPercent } from '../../src/i18n/index.js';
import type { ChartContext } from '../base/chart-element.js';

/** Why `code` flagged process `ocid` (the `reason.*` messages of components/red-flags/data-messages.ts). */
export function redFlagReason(reasons: RedFlagsResult['reasons'], ocid: string, code: RedFlagIndicator, ctx: ChartContext): string {
  const reason = reasons[ocid]?.[code];
  if (!reason) return ctx.t('reason.organisation');
  const money = (value: unknown) => formatMoney(Number(value), String(reason.currency ?? 'XXX'), ctx.tag);
  switch (code) {
    case 'R024':
    case 'R058':
      return ctx.t(`reason.${code}`, { second: money(reason.second), winning: money(reason.winning), percent: formatPercent(Number(reason.ratio), ctx.tag), fence: formatPercent(Number(reason.fence), ctx.tag) });
    case 'R028':
      return ctx.t('reason.R028', { amount: money(reason.amount) });
    case 'R036':
      return ctx.t('reason.R036', { lowest: money(reason.lowest) });
    default:
      return ctx.t(`reason.${code}`, reason as Record<string, string | number>);
  }
}
