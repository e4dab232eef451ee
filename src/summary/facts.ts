// The flat facts `ocds-widgets summarize` hands the engine for each batch of processes: read from the same model
// (src/data) and the same analysis rules (processAmounts, breakdown's facts, the network's contributions) as the
// elements use in the browser, so the cubes the SQL builds from them (sql/*.sql) hold the browser's numbers.
import type { Dataset, Process } from '../data/types.js';
import { processAmounts } from '../analysis/spending.js';
import { categoryOf, facts, furthestStage, methodOf } from '../analysis/breakdown.js';
import { BREAKDOWN_MEASURES, NOT_STATED } from '../analysis/breakdown-constants.js';
import { contributions } from '../analysis/network.js';
import { processStartDay } from '../analysis/process-start.js';
import { sumDecimal } from '../analysis/decimal-sum.js';
import { fieldCoverage } from '../analysis/coverage.js';
import { coverageRows } from '../analysis/data-quality.js';
import { COVERAGE_FIELDS } from '../analysis/data-quality-keys.js';
import { redFlagGroups, redFlags } from '../analysis/red-flags.js';

/** Places kept per amount, as src/analysis/decimal-sum.ts keeps them. */
const MAX_DECIMALS = 6;
const POWERS = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 10 ** i);

/**
 * An amount as the exact decimal text DecimalSum adds for it (the fewest places up to 6 that hold it), so the
 * engine's DECIMAL sums equal the browser's sums.
 */
export function decimalText(x: number): string {
  let units = Math.round(x * POWERS[MAX_DECIMALS]);
  let places = MAX_DECIMALS;
  for (let p = 0; p < MAX_DECIMALS; p++) {
    const u = Math.round(x * POWERS[p]);
    if (u / POWERS[p] === x) {
      units = u;
      places = p;
      break;
    }
  }
  const negative = units < 0;
  const digits = BigInt(Math.abs(units)).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A calendar day (`YYYY-MM-DD`) from an OCDS date, or null, as breakdown's periods read it. */
function dayOf(date: string | undefined): string | null {
  const day = date?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

export interface StageFact {
  ocid: string;
  year: string;
  method: string;
  buyer: string;
  category: string;
  stage: string;
  currency: string;
  amount: string;
  pending: number;
}

export interface MeasureFact {
  ocid: string;
  measure: string;
  /** `''` for the `processes` measure. */
  currency: string;
  amount: string | null;
  day: string | null;
  method: string;
  category: string;
  stage: string;
  buyer: string;
  wording: string;
}

export interface ShareFact {
  ocid: string;
  award: string;
  buyer: string;
  supplier: string;
  currency: string;
  amount: string;
  shared: boolean;
  unvalued: boolean;
}

export interface LargestFact {
  currency: string;
  amount: string;
  ocid: string;
  title: string;
  buyer: string;
  method: string;
  start: string;
  tenderEnd: string;
  awarded: string;
  contractStart: string;
  contractEnd: string;
}

export interface NameFact {
  key: string;
  name: string;
  count: number;
}

export interface RedFlagFact {
  buyer: string;
  indicator: string;
  evaluable: number;
  flagged: number;
}

export interface SummaryFacts {
  stages: StageFact[];
  measures: MeasureFact[];
  shares: ShareFact[];
  largest: LargestFact[];
  names: NameFact[];
  redFlags: RedFlagFact[];
  coverage: Record<string, number>;
  /** Processes publishing each field `<ocds-data-quality>` charts (coverageRows' counts). */
  fields: Record<string, number>;
  excluded: { noBuyer: number; noSupplier: number };
  /** Process start days, for the date range. */
  days: string[];
}

const buyerOf = (process: Process) => (process.buyer ?? process.procuringEntity)?.key ?? NOT_STATED;

/** The facts of one batch's processes. `batch` keeps award ids apart across batches. */
export function summaryFacts(dataset: Dataset, batch: number, options: { redFlags?: boolean } = {}): SummaryFacts {
  const out: SummaryFacts = { stages: [], measures: [], shares: [], largest: [], names: [], redFlags: [], coverage: {}, fields: {}, excluded: { noBuyer: 0, noSupplier: 0 }, days: [] };
  for (const process of dataset.processes) {
    const buyer = buyerOf(process);
    const method = methodOf(process);
    const category = categoryOf(process);
    const stage = furthestStage(process);
    const start = processStartDay(process);
    if (start) out.days.push(start);
    const year = start?.slice(0, 4) ?? 'undated';
    const byStage = new Map<string, number[]>();
    for (const { stage: spendingStage, money, pending } of processAmounts(process)) {
      out.stages.push({ ocid: process.ocid, year, method, buyer, category, stage: spendingStage, currency: money.currency, amount: decimalText(money.amount), pending: pending ? 1 : 0 });
      if (spendingStage === 'paid') continue;
      const key = `${money.currency}\u0000${spendingStage}`;
      byStage.set(key, [...(byStage.get(key) ?? []), money.amount]);
    }
    const wording = (process.procurementMethodDetails ?? process.tender?.procurementMethodDetails)?.trim() ?? '';
    for (const measure of BREAKDOWN_MEASURES) {
      for (const fact of facts(process, measure)) {
        out.measures.push({
          ocid: process.ocid,
          measure,
          currency: fact.money?.currency ?? '',
          amount: fact.money ? decimalText(fact.money.amount) : null,
          day: dayOf(fact.date),
          method,
          category,
          stage,
          buyer,
          wording,
        });
      }
    }
    // Its size in each currency: the largest of its planned, tendered, awarded and contracted totals.
    const size = new Map<string, number>();
    for (const [key, amounts] of byStage) {
      const currency = key.slice(0, key.indexOf('\u0000'));
      const total = sumDecimal(amounts);
      if (!size.has(currency) || total > size.get(currency)!) size.set(currency, total);
    }
    const day = (date: string | undefined) => dayOf(date) ?? '';
    const earliest = (dates: (string | undefined)[]) => dates.map(day).filter(Boolean).sort()[0] ?? '';
    const latest = (dates: (string | undefined)[]) => dates.map(day).filter(Boolean).sort().at(-1) ?? '';
    for (const [currency, amount] of size) {
      out.largest.push({
        currency,
        amount: decimalText(amount),
        ocid: process.ocid,
        title: process.title ?? '',
        buyer,
        method,
        start: start ?? '',
        tenderEnd: day(process.tender?.tenderPeriod?.endDate),
        awarded: earliest(process.awards.map((award) => award.date)),
        contractStart: earliest(process.contracts.map((contract) => contract.period?.startDate ?? contract.dateSigned)),
        contractEnd: latest(process.contracts.map((contract) => contract.period?.endDate)),
      });
    }
  }
  const excluded = { noBuyer: 0, noSupplier: 0, otherCurrency: 0, unvalued: 0 };
  for (const c of contributions(dataset, excluded)) {
    const processIndex = Number(c.award.slice(0, c.award.indexOf('/')));
    out.shares.push({
      ocid: dataset.processes[processIndex].ocid,
      award: `${batch}:${c.award}`,
      buyer: c.buyer.key,
      supplier: c.supplier.key,
      currency: c.currency,
      amount: decimalText(c.amount),
      shared: c.shared,
      unvalued: c.unvalued,
    });
  }
  out.excluded = { noBuyer: excluded.noBuyer, noSupplier: excluded.noSupplier };
  // Every organisation's names, as the browser's registry counts them over the whole dataset: the summary keeps those
  // of the organisations its cubes name (namedOrganisations), whichever batch (or the engine) saw them.
  for (const organisation of dataset.organisations.values()) {
    organisation.names.forEach((name, index) => out.names.push({ key: organisation.key, name, count: organisation.nameCounts?.[index] ?? 1 }));
  }
  out.coverage = fieldCoverage(dataset.processes.map((process) => process.compiledRelease));
  for (const row of coverageRows(dataset)) out.fields[row.field] = row.processes;
  if (options.redFlags) {
    for (const row of redFlagGroups(dataset, redFlags(dataset), 'buyer')) {
      out.redFlags.push({ buyer: row.id, indicator: row.indicator, evaluable: row.evaluable, flagged: row.flagged });
    }
  }
  return out;
}

/**
 * Adds (`sign` -1: takes back) one compiled release the engine reads to the per-process field counts, as coverageRows
 * counts a process: a field once if its path is non-empty; `supplier-identifier` from the model's reading of the suppliers.
 */
export function addReleaseFields(fields: Record<string, number>, release: unknown, supplierIdentified: boolean, sign = 1): void {
  const present = fieldCoverage([release]);
  for (const { field, path } of COVERAGE_FIELDS) {
    const counted = field === 'supplier-identifier' ? supplierIdentified : (present[path] ?? 0) > 0;
    if (counted) fields[field] = (fields[field] ?? 0) + sign;
    else fields[field] ??= 0;
  }
}
