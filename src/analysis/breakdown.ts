// Breakdowns of processes or money by one dimension (method, buyer, supplier, category, classification, stage, or
// time), optionally split by a second one, following the README's "Money rules": statuses left out as in
// spendingByStage, `pending` counted, currencies never added, sums with DecimalSum. An amount shared by several
// suppliers (or classifications) is divided equally among them, as supplierNetwork does, so totals stay honest.
import type { Award, Contract, Dataset, Money, OrgRef, Process } from '../data/types.js';
import {
  breakdownDimension,
  DEFAULT_BREAKDOWN_LIMIT,
  LIMITED_DIMENSIONS,
  NOT_STATED,
  OTHERS,
  stageOrder,
  TIME_DIMENSIONS,
  UNDATED,
  type BreakdownBy,
  type BreakdownInterval,
  type BreakdownMeasure,
  type BreakdownSplit,
} from './breakdown-constants.js';
import { DecimalSum } from './decimal-sum.js';
import { EXCLUDED_AWARD, EXCLUDED_CONTRACT, EXCLUDED_TENDER, statusOf } from './stage-status.js';
import { distinctSuppliers, labelLookup } from './network.js';
import { processStartDay } from './process-start.js';

export * from './breakdown-constants.js';

export interface BreakdownOptions {
  /** `time` is by `interval`; `year`, `quarter` and `month` are its shorthands. */
  by: BreakdownBy;
  /** The period of `by: 'time'` (default `year`); ignored for any other `by`. */
  interval?: BreakdownInterval;
  measure?: BreakdownMeasure;
  /** Only this currency (trimmed, upper-cased); all currencies when omitted. */
  currency?: string;
  split?: BreakdownSplit;
  /** Rows kept per currency for buyer, procuring-entity, supplier and classification (default 10). */
  limit?: number;
  /** Only this contracting process, matched exactly as published. */
  ocid?: string;
}

export interface BreakdownRow {
  /** The category: a code (`direct`), an organisation key, `scheme:code`, a period (`2016`, `2016-Q1`, `2016-01`), `NOT_STATED`, `OTHERS` or `UNDATED`. */
  key: string;
  label: string;
  /** Processes (measure `processes`) or the amount in `currency`. */
  value: number;
  /** Distinct processes contributing. */
  processes: number;
  /** Share (0–1) of the currency's total (of all processes for counts). */
  share: number;
  currency?: string;
  /** The split category's key and label. */
  split?: string;
  splitLabel?: string;
  /** For time rows: the period (the same as `key`, absent for `UNDATED`). */
  period?: string;
  /** For method rows: the publisher's `procurementMethodDetails` wordings, with the processes using each (most first). */
  details?: { wording: string; processes: number }[];
  /** For an `OTHERS` row: how many categories it groups. */
  count?: number;
}

/** One amount (or, for `processes`, one process) with the date of the thing measured and the awards it belongs to. */
export interface Fact {
  money?: Money;
  date?: string;
  /** The awards whose suppliers receive it; undefined = all the process's awards. */
  awards?: Award[];
}

interface Part {
  key: string;
  label: string;
  weight: number;
}

const valued = (money: Money | undefined): money is Money => Boolean(money && Number.isFinite(money.amount));

const liveAwards = (process: Process) => process.awards.filter((award) => !EXCLUDED_AWARD.has(statusOf(award.status)));
const liveContracts = (process: Process) => process.contracts.filter((contract) => !EXCLUDED_CONTRACT.has(statusOf(contract.status)));
const tenderLive = (process: Process) => Boolean(process.tender) && !EXCLUDED_TENDER.has(statusOf(process.tender?.status));

/** A contract's award: the one it names, else the only award of the process. */
function contractAwards(process: Process, contract: Contract): Award[] {
  const id = contract.awardID ?? (process.awards.length === 1 ? process.awards[0].id : undefined);
  return process.awards.filter((award) => award.id === id);
}

function tenderDate(process: Process): string | undefined {
  return process.tender?.tenderPeriod?.startDate ?? process.releases.find((release) => release.contents?.tender)?.date;
}

/** What a process contributes to `measure` (also read by the summary's cubes, so both count alike). */
export function facts(process: Process, measure: BreakdownMeasure): Fact[] {
  switch (measure) {
    case 'processes':
      return [{ date: processStartDay(process) }];
    case 'planned':
      return valued(process.planning?.budget) ? [{ money: process.planning.budget, date: processStartDay(process) }] : [];
    case 'tendered':
      return tenderLive(process) && valued(process.tender?.value) ? [{ money: process.tender.value, date: tenderDate(process) }] : [];
    case 'awarded':
      return liveAwards(process)
        .filter((award) => valued(award.value))
        .map((award) => ({ money: award.value, date: award.date, awards: [award] }));
    case 'contracted':
      return liveContracts(process)
        .filter((contract) => valued(contract.value))
        .map((contract) => ({ money: contract.value, date: contract.dateSigned ?? contract.period?.startDate, awards: contractAwards(process, contract) }));
    case 'paid':
      return liveContracts(process).flatMap((contract) =>
        contract.transactions
          .filter((transaction) => valued(transaction.value))
          .map((transaction) => ({ money: transaction.value, date: transaction.date, awards: contractAwards(process, contract) })),
      );
  }
}

const KNOWN_METHODS = new Set(['open', 'selective', 'limited', 'direct']);

export function methodOf(process: Process): string {
  const method = (process.procurementMethod ?? process.tender?.procurementMethod)?.trim().toLowerCase();
  return method && KNOWN_METHODS.has(method) ? method : method || NOT_STATED;
}

export function categoryOf(process: Process): string {
  return (process.mainProcurementCategory ?? process.tender?.mainProcurementCategory)?.trim().toLowerCase() || NOT_STATED;
}

/** The furthest stage a process reached; a cancelled, unsuccessful or withdrawn tender with no contract is `cancelled`. */
export function furthestStage(process: Process): string {
  const contracts = liveContracts(process);
  if (contracts.some((contract) => contract.transactions.length > 0)) return 'implementation';
  if (contracts.length) return 'contract';
  if (process.tender && !tenderLive(process)) return 'cancelled';
  if (liveAwards(process).length) return 'award';
  if (process.awards.length) return 'cancelled';
  if (process.tender) return 'tender';
  return 'planning';
}

interface Classification {
  scheme?: string;
  id?: string | number;
  description?: string;
}

/** The top level of a code where its scheme has one: UNSPSC segment, CPV division (first two digits). */
function topLevel(scheme: string, id: string): string {
  const digits = id.replace(/-\d$/, '');
  if (scheme === 'UNSPSC' && /^\d{8}$/.test(digits)) return `${digits.slice(0, 2)}000000`;
  if (scheme === 'CPV' && /^\d{8}$/.test(digits)) return `${digits.slice(0, 2)}000000`;
  return id;
}

/** The items' distinct top-level classifications (`scheme:code`), with every description seen for each. */
function classificationsOf(process: Process): Map<string, string[]> {
  const release = process.compiledRelease as { tender?: { items?: { classification?: Classification }[] }; awards?: { items?: { classification?: Classification }[] }[] };
  let items = release.tender?.items ?? [];
  if (!Array.isArray(items) || !items.length) items = (release.awards ?? []).flatMap((award) => (Array.isArray(award?.items) ? award.items : []));
  const found = new Map<string, string[]>();
  for (const item of Array.isArray(items) ? items : []) {
    const classification = item?.classification;
    if (classification?.id === undefined || classification.id === '') continue;
    const scheme = String(classification.scheme ?? '').trim().toUpperCase();
    const key = `${scheme}:${topLevel(scheme, String(classification.id).trim())}`;
    if (!found.has(key)) found.set(key, []);
    if (typeof classification.description === 'string' && classification.description.trim()) found.get(key)!.push(classification.description.trim());
  }
  return found;
}

/** A `by` as the rows are built (`time` read as its interval). */
type By = Exclude<BreakdownBy, 'time'>;
/** A `by` as the rows are built, or a split. */
type Dimension = By | BreakdownSplit;

/** The categories a fact belongs to on one dimension, each with the part of the fact it gets. */
function partsOf(dimension: Dimension, process: Process, fact: Fact, interval: (date: string | undefined) => string, labels: (ref: OrgRef) => string, classifications: (process: Process) => Map<string, string[]>): Part[] {
  const one = (key: string, label = key): Part[] => [{ key, label, weight: 1 }];
  const org = (ref: OrgRef | undefined) => (ref ? one(ref.key, labels(ref)) : one(NOT_STATED));
  switch (dimension) {
    case 'method':
      return one(methodOf(process));
    case 'category':
      return one(categoryOf(process));
    case 'stage':
      return one(furthestStage(process));
    case 'buyer':
      return org(process.buyer ?? process.procuringEntity);
    case 'procuring-entity':
      return org(process.procuringEntity);
    case 'supplier': {
      const suppliers = [...new Map((fact.awards ?? liveAwards(process)).flatMap(distinctSuppliers).map((s) => [s.key, s])).values()];
      if (!suppliers.length) return one(NOT_STATED);
      return suppliers.map((supplier) => ({ key: supplier.key, label: labels(supplier), weight: 1 / suppliers.length }));
    }
    case 'classification': {
      const found = classifications(process);
      if (!found.size) return one(NOT_STATED);
      return [...found.keys()].map((key) => ({ key, label: key, weight: 1 / found.size }));
    }
    case 'year':
    case 'quarter':
    case 'month':
      return one(interval(fact.date));
  }
}

function periodOf(by: By): (date: string | undefined) => string {
  return (date) => {
    const day = date?.slice(0, 10);
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return UNDATED;
    if (by === 'year') return day.slice(0, 4);
    if (by === 'quarter') return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    return day.slice(0, 7);
  };
}

interface Build {
  row: BreakdownRow;
  sum: DecimalSum;
  ocids: Set<string>;
  details: Map<string, Set<string>>;
}

/**
 * Processes or money by `by` (and `split`): one row per category (and split category) and currency. Categories are
 * ranked by value within each currency (time in order, stages in lifecycle order, `UNDATED` last); beyond `limit` organisations or
 * classifications, one `OTHERS` row per currency. `share` is of the currency's total, or of all processes counted.
 */
export function breakdown(dataset: Dataset, options: BreakdownOptions): BreakdownRow[] {
  const measure = options.measure ?? 'processes';
  const counting = measure === 'processes';
  const currency = options.currency?.trim().toUpperCase();
  const by = breakdownDimension(options.by, options.interval);
  const interval = periodOf(by);
  // An organisation's label, looked up once per organisation (its key) rather than for every amount.
  const lookup = labelLookup(dataset);
  const seenLabels = new Map<string, string>();
  const labels = (ref: OrgRef) => {
    let label = seenLabels.get(ref.key);
    if (label === undefined && dataset.organisations.get(ref.key)?.names.some((name) => name)) seenLabels.set(ref.key, (label = lookup(ref)));
    return label ?? lookup(ref);
  };
  // Each code's descriptions, counted once per item of each process (however many amounts the process has): the
  // label is the description most used for that code, the same for every measure.
  const descriptions = new Map<string, Map<string, number>>();
  let classified: { process: Process; found: Map<string, string[]> } | undefined;
  const classifications = (process: Process) => {
    if (classified?.process === process) return classified.found;
    const found = classificationsOf(process);
    for (const [key, seen] of found) {
      if (!descriptions.has(key)) descriptions.set(key, new Map());
      const counts = descriptions.get(key)!;
      for (const description of seen) counts.set(description, (counts.get(description) ?? 0) + 1);
    }
    classified = { process, found };
    return found;
  };
  const builds = new Map<string, Build>();
  const totals = new Map<string, { sum: DecimalSum; ocids: Set<string> }>();
  for (const process of dataset.processes) {
    if (options.ocid !== undefined && process.ocid !== options.ocid) continue;
    for (const fact of facts(process, measure)) {
      const money = fact.money;
      if (currency !== undefined && money && money.currency !== currency) continue;
      const rowCurrency = money?.currency;
      const total = totals.get(rowCurrency ?? '') ?? { sum: new DecimalSum(), ocids: new Set<string>() };
      totals.set(rowCurrency ?? '', total);
      total.ocids.add(process.ocid);
      if (money) total.sum.add(money.amount);
      const splits = options.split ? partsOf(options.split, process, fact, interval, labels, classifications) : [undefined];
      for (const part of partsOf(by, process, fact, interval, labels, classifications)) {
        for (const split of splits) {
          const id = `${rowCurrency ?? ''}\u0000${part.key}\u0000${split?.key ?? ''}`;
          let build = builds.get(id);
          if (!build) {
            const row: BreakdownRow = { key: part.key, label: part.label, value: 0, processes: 0, share: 0 };
            if (rowCurrency !== undefined) row.currency = rowCurrency;
            if (split) Object.assign(row, { split: split.key, splitLabel: split.label });
            if (TIME_DIMENSIONS.includes(by) && part.key !== UNDATED) row.period = part.key;
            build = { row, sum: new DecimalSum(), ocids: new Set(), details: new Map() };
            builds.set(id, build);
          }
          if (money) build.sum.add(money.amount * part.weight * (split?.weight ?? 1));
          build.ocids.add(process.ocid);
          const wording = by === 'method' ? (process.procurementMethodDetails ?? process.tender?.procurementMethodDetails) : undefined;
          if (wording?.trim()) {
            if (!build.details.has(wording.trim())) build.details.set(wording.trim(), new Set());
            build.details.get(wording.trim())!.add(process.ocid);
          }
        }
      }
    }
  }
  const rowOcids = new Map<BreakdownRow, Set<string>>();
  let rows = [...builds.values()].map(({ row, sum, ocids, details }) => {
    rowOcids.set(row, ocids);
    row.processes = ocids.size;
    row.value = counting ? ocids.size : sum.value;
    if (details.size) {
      row.details = [...details]
        .map(([wording, set]) => ({ wording, processes: set.size }))
        .sort((a, b) => b.processes - a.processes || compare(a.wording, b.wording));
    }
    if (by === 'classification' && row.key !== NOT_STATED) row.label = mostUsed(descriptions.get(row.key)) ?? row.key;
    return row;
  });
  rows = rank(rows, by);
  if (LIMITED_DIMENSIONS.includes(by)) {
    const limit = options.limit === undefined || !(options.limit >= 0) ? DEFAULT_BREAKDOWN_LIMIT : Math.floor(options.limit);
    rows = grouped(rows, limit, counting, rowOcids, by);
  }
  for (const row of rows) {
    const total = totals.get(row.currency ?? '');
    const whole = counting ? (total?.ocids.size ?? 0) : (total?.sum.value ?? 0);
    row.share = whole > 0 ? row.value / whole : 0;
  }
  return rows;
}

function mostUsed(counts: Map<string, number> | undefined): string | undefined {
  return counts && [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0];
}

/** `localeCompare` with the default locale, as one collator: the sorts below compare tens of thousands of rows. */
let collator: Intl.Collator | undefined;
const compare = (a: string, b: string) => (collator ??= new Intl.Collator()).compare(a, b);

/** Currency, then categories by value (time in order, stages in lifecycle order, undated last), then split. */
function rank(rows: BreakdownRow[], by: By): BreakdownRow[] {
  // Totals per category key and currency, over split rows: worked out once, not in every comparison.
  const sums = new Map<string, DecimalSum>();
  const idOf = (row: BreakdownRow) => `${row.currency ?? ''}\u0000${row.key}`;
  for (const row of rows) {
    const id = idOf(row);
    if (!sums.has(id)) sums.set(id, new DecimalSum());
    sums.get(id)!.add(row.value);
  }
  const totals = new Map([...sums].map(([id, sum]) => [id, sum.value]));
  const time = TIME_DIMENSIONS.includes(by);
  const last = (row: BreakdownRow) => (row.key === NOT_STATED || row.key === UNDATED || row.key === OTHERS ? 1 : 0);
  const keyed = rows.map((row) => ({ row, total: totals.get(idOf(row)) ?? 0, last: last(row) }));
  keyed.sort(
    (a, b) =>
      compare(a.row.currency ?? '', b.row.currency ?? '') ||
      a.last - b.last ||
      (time ? compare(a.row.key, b.row.key) : by === 'stage' ? stageOrder(a.row.key) - stageOrder(b.row.key) : b.total - a.total || compare(a.row.label, b.row.label)) ||
      compare(a.row.split ?? '', b.row.split ?? ''),
  );
  return keyed.map(({ row }) => row);
}

/**
 * The `limit` largest categories per currency; the rest as one `OTHERS` row (per split category), its processes the
 * distinct processes behind the rows it groups (a process may reach several of them).
 */
function grouped(rows: BreakdownRow[], limit: number, counting: boolean, rowOcids: Map<BreakdownRow, Set<string>>, by: By): BreakdownRow[] {
  const kept: BreakdownRow[] = [];
  const others = new Map<string, { row: BreakdownRow; sum: DecimalSum; keys: Set<string>; ocids: Set<string> }>();
  // Per currency, each category's rank (categories in the order the ranked rows first show them).
  const seen = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const currency = row.currency ?? '';
    let ranks = seen.get(currency);
    if (!ranks) seen.set(currency, (ranks = new Map()));
    if (row.key !== NOT_STATED && !ranks.has(row.key)) ranks.set(row.key, ranks.size);
    if (row.key === NOT_STATED || ranks.get(row.key)! < limit) {
      kept.push(row);
      continue;
    }
    const id = `${currency}\u0000${row.split ?? ''}`;
    let other = others.get(id);
    if (!other) {
      const base: BreakdownRow = { key: OTHERS, label: OTHERS, value: 0, processes: 0, share: 0 };
      if (row.currency !== undefined) base.currency = row.currency;
      if (row.split !== undefined) Object.assign(base, { split: row.split, splitLabel: row.splitLabel });
      other = { row: base, sum: new DecimalSum(), keys: new Set(), ocids: new Set() };
      others.set(id, other);
    }
    other.sum.add(row.value);
    other.keys.add(row.key);
    for (const ocid of rowOcids.get(row) ?? []) other.ocids.add(ocid);
  }
  if (!others.size) return kept;
  for (const other of others.values()) {
    other.row.count = other.keys.size;
    other.row.processes = other.ocids.size;
    other.row.value = counting ? other.row.processes : other.sum.value;
    kept.push(other.row);
  }
  return rank(kept, by);
}
