// The timeline's data in words — the written summary, each row and what each release carries — in the element's
// language. Pure functions of the analysis: they run only once there is data, so they load with the timeline's data
// code (timeline-code.ts), not with the element.
import type { ChartContext } from '../base/chart-element.js';
import { timelineExtent, type ContractTimeline, type TimelineRow, type TimelineSort } from '../../src/analysis/timeline.js';
import { middleEllipsis } from '../../src/charts/timeline.js';
import { dateTime } from '../../src/data/dates.js';
import type { Money, Process, ReleaseContents } from '../../src/data/types.js';
import { formatDate, formatList, formatMoney } from '../../src/i18n/index.js';

const DAY = 86_400_000;
const UNDATED_LISTED = 5;
/** An untitled process is named in the summary by its ocid, cut in the middle to this many characters. */
const SHORT_ID = 24;

/** A process as a reader reads it: its title, else a short form of its ocid (the table has it whole). */
const processName = (process: { title?: string; ocid: string }) => process.title ?? middleEllipsis(process.ocid, SHORT_ID);
/** A release's awards or contracts are named one by one up to this many; more are counted. */
const RELEASE_ITEMS_NAMED = 3;

export interface SummaryOptions {
  /** The process asked for (`ocid`), named when its rows carry no title. */
  ocid?: string;
  /** The ranking of the many-process chart. */
  sort: TimelineSort;
}

/**
 * The height the chart will take (src/charts/timeline.ts): 34 px a stage lane and the 140 px payments plot for one
 * process, 26 px a row for many, with the legend (more rows of it when narrow) and axes.
 */
export function reservedHeight(timeline: ContractTimeline, width: number, currency: string | undefined): number {
  const single = timeline.mode === 'process';
  // The legend takes one row on a wide chart, two or three on a narrow one (sooner beside many rows' labels).
  const around = width >= 700 ? 62 : width >= (single ? 360 : 450) ? 88 : 114;
  if (!single) return timeline.shown.length * 26 + around;
  const lanes = new Set(timeline.rows.map((row) => (row.kind === 'release' ? 'release' : row.stage))).size;
  const burnUp = currency !== undefined && timeline.rows.some((row) => row.paidToDate !== undefined && row.currency === currency);
  return lanes * 34 + (burnUp ? 140 + 43 : 0) + around;
}

/** The written summary: the chart's accessible description and the text under it. */
export function timelineSummary(timeline: ContractTimeline, rows: TimelineRow[], ctx: ChartContext, options: SummaryOptions): string[] {
  const date = (iso: string) => formatDate(iso, ctx.tag);
  const sentences: string[] = [];
  const events = rows.filter((row) => row.kind !== 'release');
  const span = timelineExtent(events);

  if (timeline.mode === 'process') {
    const ocid = rows[0]?.ocid ?? options.ocid ?? '';
    const title = processName({ title: rows[0]?.title, ocid });
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
      sentences.push(
        ctx.t('summary.overdue', { contract: overdue.title ?? overdue.contractId, date: date(overdue.endDate), asOf: date(timeline.asOf) }),
      );
    }
  } else {
    if (span) {
      sentences.push(
        ctx.t('summary.processes', {
          count: timeline.shown.length,
          first: date(span.first.iso),
          last: date(span.last.iso),
          sort: options.sort === 'value' && ctx.currency ? ctx.t('sort.value-in', { currency: ctx.currency }) : ctx.t(`sort.${options.sort}`),
        }),
      );
    }
    const longest = timeline.shown
      .map((p) => ({ title: processName(p), days: Math.round((dateTime(p.last) - dateTime(p.first)) / DAY) }))
      .sort((a, b) => b.days - a.days)[0];
    if (longest) sentences.push(ctx.t('summary.longest', longest));
    if (timeline.notShown) sentences.push(ctx.t('summary.not-shown', { count: timeline.notShown }));
    if (timeline.overdue.length) {
      sentences.push(ctx.t('summary.overdue-count', { count: timeline.overdue.length, asOf: date(timeline.asOf) }));
    }
  }
  if (timeline.mode === 'processes' && timeline.undated.length) sentences.push(undatedText(timeline, ctx));
  if (timeline.running) sentences.push(ctx.t('summary.running', { date: date(timeline.asOf) }));
  return sentences;
}

/** "2 processes have no dates and are not drawn: A, B and 3 more." */
export function undatedText(timeline: ContractTimeline, ctx: ChartContext): string {
  const names = timeline.undated.slice(0, UNDATED_LISTED).map(processName);
  const more = timeline.undated.length - names.length;
  if (more > 0) names.push(ctx.t('summary.more', { count: more }));
  return ctx.t('summary.undated', { count: timeline.undated.length, list: formatList(names, ctx.tag) });
}

/** One row in words, in the element's language. */
export function describeRow(row: TimelineRow, ctx: ChartContext): string {
  if (row.event === 'stage') return `${row.title ?? row.ocid} — ${ctx.t(`stage.${row.stage}`)}`;
  if (row.kind === 'release') {
    const tags = (row.tags ?? '').split(', ').filter(Boolean);
    // A tag outside the OCDS codelist is shown as published (the translator returns the key when it has none).
    const tagName = (tag: string) => (ctx.t(`tag.${tag}`) === `tag.${tag}` ? tag : ctx.t(`tag.${tag}`));
    const added = tags.length ? formatList(tags.map(tagName), ctx.tag) : ctx.t('release.nothing');
    const date = formatDate(row.start, ctx.tag);
    const published = row.subject ? ctx.t('release.added', { id: row.subject, date, added }) : ctx.t('release.added-no-id', { date, added });
    return row.contents ? `${published}. ${contentsText(row.contents, ctx)}` : published;
  }
  let what = ctx.t(`event.${row.event}`);
  if (row.edge) what = ctx.t(`edge.${row.edge}`, { what });
  return row.subject ? `${what}: ${row.subject}` : what;
}

/** What a release carries, in words: "Contains planning (budget £6,700,000), tender (£1,000,000) and 2 documents." */
function contentsText(contents: ReleaseContents, ctx: ChartContext): string {
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

/** The currency behind the most processes' amounts (contracts first, then awards, tender, planning, payments). */
export function mostUsedCurrency(processes: Process[]): string | undefined {
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
