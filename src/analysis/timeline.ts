// Timeline of contracting processes: when each stage happened, from the model's dates.
// One process (`ocid`): every dated span, point and release. Many processes: one Gantt row per
// process, its segments coloured by the stage the process had reached.
import type { Award, Contract, DataIssue, Dataset, Milestone, Money, Period, Process, ReleaseContents } from '../data/types.js';
import { dateTime } from '../data/dates.js';
import { DecimalSum } from './decimal-sum.js';

export type TimelineStage = 'planning' | 'tender' | 'award' | 'contract' | 'implementation';

/** Lifecycle order, used for lanes, colours and ties. */
export const TIMELINE_STAGES: readonly TimelineStage[] = ['planning', 'tender', 'award', 'contract', 'implementation'];

/** What a row stands for (elements translate by this code). */
export type TimelineEvent =
  | 'enquiryPeriod'
  | 'tenderPeriod'
  | 'awardPeriod'
  | 'contractPeriod'
  | 'contractExtension'
  | 'awardContractPeriod'
  | 'milestoneDue'
  | 'milestoneMet'
  | 'awardDate'
  | 'contractSigned'
  | 'transaction'
  | 'amendment'
  | 'release'
  | 'stage';

export type TimelineSort = 'value' | 'recent' | 'duration';

export interface TimelineRow {
  ocid: string;
  kind: 'span' | 'point' | 'release';
  stage: TimelineStage;
  event: TimelineEvent;
  /** English description, e.g. `Contract signed: A-013/2016`. */
  label: string;
  /** ISO 8601, as published (validated). */
  start: string;
  end?: string;
  value?: number;
  currency?: string;
  /** The process title. */
  title?: string;
  /** What the row is about: the contract, award, milestone or release (title or id). */
  subject?: string;
  /** Milestone or contract status, as published. */
  status?: string;
  /** For a period with only one date: which end of the period `start` is. */
  edge?: 'start' | 'end';
  /** Transactions: paid so far in `currency` (this payment included), contracts not cancelled. */
  paidToDate?: number;
  /** Releases: the release tags, comma separated. */
  tags?: string;
  /** Releases: what the release carries (undefined for a release only linked to). */
  contents?: ReleaseContents;
}

export interface TimelineOptions {
  /** One process, matched exactly as published. */
  ocid?: string;
  /** Many processes: how many rows (default 20). */
  limit?: number;
  /** Many processes: which come first (default `recent`). */
  sort?: TimelineSort;
  /** Currency for `sort=value` and for the contract segment's value. */
  currency?: string;
  /**
   * The day statements about now (running, overdue) are made as of. Default: the data's date — its
   * `publishedDate`, else its latest release date — so old data is not judged against the reader's clock; the
   * reader's clock only when the data has neither.
   */
  now?: string | Date;
}

export interface OverdueContract {
  ocid: string;
  contractId: string;
  title?: string;
  endDate: string;
}

export interface ContractTimeline {
  mode: 'process' | 'processes';
  rows: TimelineRow[];
  /** Dates that could not be placed (the model's own issues are in `dataset.issues`). */
  issues: DataIssue[];
  /** Processes drawn, in row order, with their first and last dated event (ISO) and contracted value. */
  shown: ShownProcess[];
  /** Dated processes left out by `limit`. */
  notShown: number;
  /** Processes with no dated event at all: listed, never drawn. */
  undated: { ocid: string; title?: string }[];
  /** Contracts whose end date has passed while their status is still `active`. */
  overdue: OverdueContract[];
  /** ISO date the running/overdue statements are made as of (options.now, by default the data's date). */
  asOf: string;
  /** A shown process is still running as of `asOf` (draw a rule there). */
  running: boolean;
  /** One process: contracted value per currency (contracts not cancelled), the burn-up's target. */
  contracted: Money[];
}

export interface ShownProcess {
  ocid: string;
  title?: string;
  first: string;
  last: string;
  /** Contracted value in the chosen currency (or the process's only one). */
  contracted?: Money;
}

export const DEFAULT_TIMELINE_LIMIT = 20;

/** The public rows (the rows every element shows: its table, CSV and `rows`). */
export function timelineRows(dataset: Dataset, options: TimelineOptions = {}): TimelineRow[] {
  return contractTimeline(dataset, options).rows;
}

export function contractTimeline(dataset: Dataset, options: TimelineOptions = {}): ContractTimeline {
  const now = new Date(options.now ?? dataDate(dataset) ?? Date.now());
  const nowTime = now.getTime();
  const issues: DataIssue[] = [];
  const currency = options.currency?.trim().toUpperCase() || undefined;

  if (options.ocid !== undefined) {
    const process = dataset.processes.find((p) => p.ocid === options.ocid);
    const empty: ContractTimeline = {
      mode: 'process', rows: [], issues, shown: [], notShown: 0, undated: [], overdue: [], contracted: [],
      asOf: now.toISOString(), running: false,
    };
    if (!process) return empty;
    const rows = processRows(process, issues);
    const events = rows.filter((row) => row.kind !== 'release');
    return {
      ...empty,
      rows,
      shown: events.length ? [shownProcess(rankedProcess(process, events, currency))] : [],
      undated: events.length ? [] : [{ ocid: process.ocid, ...(process.title ? { title: process.title } : {}) }],
      overdue: overdueContracts(process, nowTime),
      running: isRunning(process, events, nowTime),
      contracted: contractedValues(process),
    };
  }

  const limit = validLimit(options.limit);
  const dated: RankedProcess[] = [];
  const undated: { ocid: string; title?: string }[] = [];
  for (const process of dataset.processes) {
    // Dates alone: the ranking, the stage segments and the running rule read nothing else.
    const dates = processRows(process, issues, true);
    if (dates.length === 0) undated.push({ ocid: process.ocid, ...(process.title ? { title: process.title } : {}) });
    else dated.push(rankedProcess(process, dates, currency));
  }
  dated.sort(byRank(options.sort ?? 'recent'));
  const shown = dated.slice(0, limit);
  return {
    mode: 'processes',
    rows: shown.flatMap((ranked) => stageSegments(ranked, currency)),
    issues,
    shown: shown.map(shownProcess),
    notShown: dated.length - shown.length,
    undated,
    overdue: shown.flatMap(({ process }) => overdueContracts(process, nowTime)),
    asOf: now.toISOString(),
    running: shown.some(({ process, events }) => isRunning(process, events, nowTime)),
    contracted: [],
  };
}

function validLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit) || limit < 1) return DEFAULT_TIMELINE_LIMIT;
  return Math.floor(limit);
}

/**
 * Every dated event of one process, oldest first. `datesOnly` (many processes, which draw only their stage segments):
 * each row holds only its kind, stage and dates (with their times) — what the ranking, the stage segments and the
 * running rule read — in the same order; the release rows and the payments' running totals are left out, not built
 * to be thrown away, and the release dates are still checked, so the issues are the same.
 */
function processRows(process: Process, issues: DataIssue[], datesOnly = false): TimelineRow[] {
  const rows: TimelineRow[] = [];
  // Dates only: each row keeps the times its dates were checked with, for ordering and the extent.
  const times = new Map<string, number>();
  const add = (kind: TimelineRow['kind'], stage: TimelineStage, start: string, end: string | undefined, row: () => TimelineRow): TimelineRow => {
    const added = datesOnly
      ? ({ kind, stage, start, time: times.get(start), ...(end === undefined ? {} : { end, endTime: times.get(end) }) } as DatedRow)
      : row();
    rows.push(added);
    return added;
  };
  // Payments that count as "paid" (money rules: contracts not cancelled).
  const paid = new Set<TimelineRow>();
  const base = { ocid: process.ocid, ...(process.title ? { title: process.title } : {}) };

  const date = (value: string | undefined, path: string): string | undefined => {
    if (value === undefined) return undefined;
    const time = dateTime(value);
    if (!Number.isNaN(time)) {
      if (datesOnly) times.set(value, time);
      return value;
    }
    issues.push({
      code: 'date-invalid',
      path,
      ocid: process.ocid,
      message: `Date "${value}" cannot be placed on the timeline; left out.`,
    });
    return undefined;
  };

  const money = (value: Money | undefined) => (value ? { value: value.amount, currency: value.currency } : {});

  const period = (
    p: Period | undefined,
    path: string,
    stage: TimelineStage,
    event: TimelineEvent,
    label: string,
    extra: Partial<TimelineRow> = {},
  ) => {
    if (!p) return;
    const start = date(p.startDate, `${path}.startDate`);
    const end = date(p.endDate, `${path}.endDate`);
    const fields = () => ({ ...base, stage, event, label, ...extra });
    if (start && end && dateTime(end) < dateTime(start)) {
      issues.push({
        code: 'period-end-before-start',
        path,
        ocid: process.ocid,
        message: `${label} ends (${end}) before it starts (${start}); left out.`,
      });
      return;
    }
    if (start && end) add('span', stage, start, end, () => ({ kind: 'span', ...fields(), start, end }));
    else if (start) add('point', stage, start, undefined, () => ({ kind: 'point', ...fields(), start, edge: 'start' }));
    else if (end) add('point', stage, end, undefined, () => ({ kind: 'point', ...fields(), start: end, edge: 'end' }));
    const maxExtent = date(p.maxExtentDate, `${path}.maxExtentDate`);
    const extendFrom = end ?? start;
    if (maxExtent && extendFrom && dateTime(maxExtent) > dateTime(extendFrom)) {
      add('span', stage, extendFrom, maxExtent, () => ({
        kind: 'span', ...fields(), event: 'contractExtension', label: `${label} (longest extension)`,
        start: extendFrom, end: maxExtent,
      }));
    }
  };

  const milestones = (list: Milestone[], path: string, stage: TimelineStage) =>
    list.forEach((m, i) => {
      const subject = m.title ?? m.id;
      const fields = () => ({ ...base, kind: 'point' as const, stage, ...(subject ? { subject } : {}), ...(m.status ? { status: m.status } : {}) });
      const due = date(m.dueDate, `${path}[${i}].dueDate`);
      const met = date(m.dateMet, `${path}[${i}].dateMet`);
      if (due) add('point', stage, due, undefined, () => ({ ...fields(), event: 'milestoneDue', label: labelled('Milestone due', subject), start: due }));
      if (met) add('point', stage, met, undefined, () => ({ ...fields(), event: 'milestoneMet', label: labelled('Milestone met', subject), start: met }));
    });

  const amendments = (list: { date?: string; id?: string; rationale?: string }[], path: string, stage: TimelineStage) =>
    list.forEach((a, i) => {
      const start = date(a.date, `${path}[${i}].date`);
      const subject = a.rationale ?? a.id;
      if (start) add('point', stage, start, undefined, () => ({ ...base, kind: 'point', stage, event: 'amendment', label: labelled('Amendment', subject), start, ...(subject ? { subject } : {}) }));
    });

  if (process.planning) milestones(process.planning.milestones, 'planning.milestones', 'planning');

  const tender = process.tender;
  if (tender) {
    period(tender.enquiryPeriod, 'tender.enquiryPeriod', 'tender', 'enquiryPeriod', 'Enquiry period');
    period(tender.tenderPeriod, 'tender.tenderPeriod', 'tender', 'tenderPeriod', 'Tender period', money(tender.value));
    period(tender.awardPeriod, 'tender.awardPeriod', 'award', 'awardPeriod', 'Award period');
    milestones(tender.milestones, 'tender.milestones', 'tender');
    amendments(tender.amendments, 'tender.amendments', 'tender');
  }

  const contractedAwards = new Set(process.contracts.map((c) => c.awardID).filter((id) => id !== undefined));
  process.awards.forEach((award, i) => {
    const path = `awards[${i}]`;
    const subject = awardName(award);
    const extra = { subject, ...(award.status ? { status: award.status } : {}), ...money(award.value) };
    const start = date(award.date, `${path}.date`);
    if (start) add('point', 'award', start, undefined, () => ({ ...base, kind: 'point', stage: 'award', event: 'awardDate', label: labelled('Award', subject), start, ...extra }));
    if (!contractedAwards.has(award.id)) {
      period(award.contractPeriod, `${path}.contractPeriod`, 'contract', 'awardContractPeriod', labelled('Contract period (award)', subject), extra);
    }
    amendments(award.amendments, `${path}.amendments`, 'award');
  });

  process.contracts.forEach((contract, i) => {
    const path = `contracts[${i}]`;
    const subject = contractName(contract);
    const extra = { subject, ...(contract.status ? { status: contract.status } : {}), ...money(contract.value) };
    const signed = date(contract.dateSigned, `${path}.dateSigned`);
    if (signed) add('point', 'contract', signed, undefined, () => ({ ...base, kind: 'point', stage: 'contract', event: 'contractSigned', label: labelled('Contract signed', subject), start: signed, ...extra }));
    period(contract.period, `${path}.period`, 'contract', 'contractPeriod', labelled('Contract period', subject), extra);
    // The model keeps contract and implementation milestones in one list, each in published order.
    milestones(contract.milestones.filter((m) => m.source === 'contract'), `${path}.milestones`, 'contract');
    milestones(contract.milestones.filter((m) => m.source === 'implementation'), `${path}.implementation.milestones`, 'implementation');
    amendments(contract.amendments, `${path}.amendments`, 'contract');
    contract.transactions.forEach((t, j) => {
      const start = date(t.date, `${path}.implementation.transactions[${j}].date`);
      if (!start) return;
      const row = add('point', 'implementation', start, undefined, () => ({
        ...base, kind: 'point', stage: 'implementation', event: 'transaction', label: labelled('Payment', subject), start,
        subject, ...money(t.value), ...(contract.status ? { status: contract.status } : {}),
      }));
      if (contract.status !== 'cancelled') paid.add(row);
    });
  });

  process.releases.forEach((release, i) => {
    const start = date(release.date, `releases[${i}].date`);
    if (!start || datesOnly) return;
    rows.push({
      ...base, kind: 'release', stage: releaseStage(release.tags), event: 'release',
      label: labelled('Release', `${release.id}${release.tags.length ? ` (${release.tags.join(', ')})` : ''}`.trim()),
      start, ...(release.id ? { subject: release.id } : {}), tags: release.tags.join(', '),
      ...(release.contents ? { contents: release.contents } : {}),
    });
  });

  const ordered = chronological(rows);
  if (!datesOnly) addPaidToDate(ordered, paid);
  return ordered;
}

function labelled(what: string, subject: string | undefined): string {
  return subject ? `${what}: ${subject}` : what;
}

function awardName(award: Award): string {
  return award.title ?? award.id;
}

function contractName(contract: Contract): string {
  return contract.title ?? contract.id;
}

/** A row of `processRows(…, datesOnly)`: its dates' times, as checked. */
type DatedRow = TimelineRow & { time?: number; endTime?: number };

const KIND_ORDER = { span: 0, point: 1, release: 2 } as const;

/** Oldest first; same instant: spans, then points, then releases, then lifecycle stage; otherwise as found. */
function chronological(rows: TimelineRow[]): TimelineRow[] {
  return rows
    .map((row, index) => ({ row, index, time: (row as DatedRow).time ?? dateTime(row.start) }))
    .sort(
      (a, b) =>
        a.time - b.time ||
        KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind] ||
        TIMELINE_STAGES.indexOf(a.row.stage) - TIMELINE_STAGES.indexOf(b.row.stage) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** The data's own date: the publication date of its package, else its latest release date. */
function dataDate(dataset: Dataset): string | undefined {
  if (dataset.meta.publishedDate && Number.isFinite(dateTime(dataset.meta.publishedDate))) return dataset.meta.publishedDate;
  let latest: string | undefined;
  let latestTime = -Infinity;
  for (const process of dataset.processes) {
    for (const release of process.releases) {
      const time = release.date === undefined ? NaN : dateTime(release.date);
      if (time > latestTime) [latest, latestTime] = [release.date, time];
    }
  }
  return latest;
}

/** Running total per currency, in time order. */
function addPaidToDate(rows: TimelineRow[], paid: Set<TimelineRow>): void {
  const totals = new Map<string, DecimalSum>();
  for (const row of rows) {
    if (!paid.has(row) || row.value === undefined || row.currency === undefined) continue;
    const total = totals.get(row.currency) ?? new DecimalSum();
    totals.set(row.currency, total.add(row.value));
    row.paidToDate = total.value;
  }
}

function contractedValues(process: Process): Money[] {
  const totals = new Map<string, DecimalSum>();
  for (const contract of process.contracts) {
    if (contract.status === 'cancelled' || !contract.value) continue;
    const { amount, currency } = contract.value;
    totals.set(currency, (totals.get(currency) ?? new DecimalSum()).add(amount));
  }
  return [...totals].map(([currency, sum]) => ({ amount: sum.value, currency }));
}

function releaseStage(tags: string[]): TimelineStage {
  const stages = tags.map((tag) => TIMELINE_STAGES.find((stage) => tag.startsWith(stage))).filter((s) => s !== undefined);
  // A release tagged with several stages is shown at the furthest one it reached.
  return stages.sort((a, b) => TIMELINE_STAGES.indexOf(b) - TIMELINE_STAGES.indexOf(a))[0] ?? 'planning';
}

function overdueContracts(process: Process, now: number): OverdueContract[] {
  return process.contracts.flatMap((contract) => {
    const end = contract.period?.endDate;
    if (contract.status !== 'active' || end === undefined || !(dateTime(end) < now)) return [];
    return [{ ocid: process.ocid, contractId: contract.id, ...(contract.title ? { title: contract.title } : {}), endDate: end }];
  });
}

const FINISHED_TENDER = new Set(['cancelled', 'unsuccessful', 'withdrawn', 'complete']);
const FINISHED_CONTRACT = new Set(['terminated', 'cancelled']);

/**
 * Still running: today lies between the first and the last dated event (planned ends included), and the
 * process has not ended by status (every contract terminated/cancelled, or a finished tender with no contract).
 */
function isRunning(process: Process, events: TimelineRow[], now: number): boolean {
  if (events.length === 0) return false;
  const { first, last } = timelineExtent(events)!;
  if (now < first.time || now > last.time) return false;
  if (process.contracts.length > 0) return process.contracts.some((c) => !FINISHED_CONTRACT.has(c.status ?? ''));
  return !FINISHED_TENDER.has(process.tender?.status ?? '');
}

interface RankedProcess {
  process: Process;
  events: TimelineRow[];
  first: { time: number; iso: string };
  last: { time: number; iso: string };
  /** Contracted value in the chosen currency (or the only currency), when there is one. */
  contracted?: Money;
}

function rankedProcess(process: Process, events: TimelineRow[], currency: string | undefined): RankedProcess {
  const values = contractedValues(process);
  const contracted = currency ? values.find((v) => v.currency === currency) : values.length === 1 ? values[0] : undefined;
  return { process, events, ...timelineExtent(events)!, ...(contracted ? { contracted } : {}) };
}

function shownProcess({ process, first, last, contracted }: RankedProcess): ShownProcess {
  return {
    ocid: process.ocid,
    ...(process.title ? { title: process.title } : {}),
    first: first.iso,
    last: last.iso,
    ...(contracted ? { contracted } : {}),
  };
}

/** The earliest and latest date among rows (starts and ends), or undefined for no rows. */
export function timelineExtent(rows: TimelineRow[]): { first: { time: number; iso: string }; last: { time: number; iso: string } } | undefined {
  let first: { time: number; iso: string } | undefined;
  let last: { time: number; iso: string } | undefined;
  const at = (iso: string, time: number) => {
    if (!first || time < first.time) first = { time, iso };
    if (!last || time > last.time) last = { time, iso };
  };
  for (const row of rows) {
    at(row.start, (row as DatedRow).time ?? dateTime(row.start));
    if (row.end) at(row.end, (row as DatedRow).endTime ?? dateTime(row.end));
  }
  return first && last ? { first, last } : undefined;
}

function byRank(sort: TimelineSort): (a: RankedProcess, b: RankedProcess) => number {
  const recent = (a: RankedProcess, b: RankedProcess) => b.last.time - a.last.time;
  const tie = (a: RankedProcess, b: RankedProcess) => (a.process.ocid < b.process.ocid ? -1 : a.process.ocid > b.process.ocid ? 1 : 0);
  switch (sort) {
    case 'value':
      // Processes without a contracted value in the currency come after those with one.
      return (a, b) =>
        (b.contracted?.amount ?? -Infinity) - (a.contracted?.amount ?? -Infinity) || recent(a, b) || tie(a, b);
    case 'duration':
      return (a, b) => b.last.time - b.first.time - (a.last.time - a.first.time) || recent(a, b) || tie(a, b);
    case 'recent':
      return (a, b) => recent(a, b) || tie(a, b);
  }
}

/**
 * Gantt segments of one process: each stage runs from its first dated event to the next stage's first
 * event (in time order, so out-of-order publisher dates never make negative segments); the last stage
 * runs to the last dated event.
 */
function stageSegments(ranked: RankedProcess, currency: string | undefined): TimelineRow[] {
  const { process, events } = ranked;
  const firstOfStage = new Map<TimelineStage, { time: number; iso: string }>();
  for (const row of events) {
    const time = (row as DatedRow).time ?? dateTime(row.start);
    const seen = firstOfStage.get(row.stage);
    if (!seen || time < seen.time) firstOfStage.set(row.stage, { time, iso: row.start });
  }
  const starts = [...firstOfStage]
    .map(([stage, at]) => ({ stage, ...at }))
    .sort((a, b) => a.time - b.time || TIMELINE_STAGES.indexOf(a.stage) - TIMELINE_STAGES.indexOf(b.stage));
  const title = process.title ?? process.ocid;
  return starts.map((segment, i) => {
    const end = starts[i + 1]?.iso ?? ranked.last.iso;
    const value = segment.stage === 'contract' && ranked.contracted && (!currency || ranked.contracted.currency === currency)
      ? { value: ranked.contracted.amount, currency: ranked.contracted.currency }
      : {};
    return {
      ocid: process.ocid,
      kind: 'span' as const,
      stage: segment.stage,
      event: 'stage' as const,
      label: `${title}: ${segment.stage}`,
      start: segment.iso,
      end,
      ...(process.title ? { title: process.title } : {}),
      ...value,
    };
  });
}
