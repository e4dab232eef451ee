// Red flags as cardinal (open-contracting/cardinal-rs) computes them from compiled releases: the same exclusions,
// main currency, settings and dataset-relative fences (statrs' quartile estimator), and cardinal's output shape.
import type { Dataset, JsonObject } from '../data/types.js';
import { OcdsError } from '../data/types.js';

import { RED_FLAG_CODES } from './red-flag-constants.js';

export const RED_FLAG_INDICATORS = RED_FLAG_CODES;
export type RedFlagIndicator = (typeof RED_FLAG_INDICATORS)[number];
export type RedFlagGroup = 'OCID' | 'Buyer' | 'ProcuringEntity' | 'Tenderer';

/** Cardinal's settings, as its INI file names them; an indicator runs when its section is present. */
export interface RedFlagSettings {
  currency?: string;
  no_price_comparison_procurement_methods?: string;
  price_comparison_procurement_methods?: string;
  exclusions?: { procurement_method_details?: string };
  R003?: { threshold?: number; procurement_methods?: string; procurement_method_details?: Record<string, number> };
  R018?: { procurement_methods?: string };
  R024?: { threshold?: number };
  R025?: { percentile?: number; threshold?: number };
  R028?: Record<string, never>;
  R030?: Record<string, never>;
  R035?: { threshold?: number };
  R036?: Record<string, never>;
  R038?: { threshold?: number; minimum_submitted_bids?: number; minimum_contracting_processes?: number };
  R048?: { digits?: number; threshold?: number; minimum_contracting_processes?: number };
  R058?: { threshold?: number };
}

export type RedFlagResults = Partial<Record<RedFlagGroup, Record<string, Partial<Record<RedFlagIndicator, number>>>>>;

/** Per indicator: processes that had the fields it reads, and processes it flagged (directly or through a party). */
export interface RedFlagCoverage {
  evaluable: number;
  flagged: number;
  /** The ocids counted in `evaluable` and `flagged`, as published. */
  evaluableOcids: string[];
  flaggedOcids: string[];
}

export interface RedFlagsResult extends RedFlagResults {
  Meta: Partial<Record<RedFlagIndicator, Record<string, number>>>;
  /** Beside cardinal's output: what could be evaluated, and what was flagged, per indicator run. */
  coverage: Partial<Record<RedFlagIndicator, RedFlagCoverage>>;
  /** For each flagged process, per indicator, the numbers behind the flag (for a reason in words). */
  reasons: Record<string, Partial<Record<RedFlagIndicator, Record<string, number | string>>>>;
  /** The main currency of the price comparisons (setting, else the first seen). */
  currency?: string;
}

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: Json): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: Json): Json[] | undefined => (Array.isArray(v) ? v : undefined);
const obj = (v: Json): Obj | undefined => (isObj(v) ? v : undefined);
const pipeSet = (value: string | undefined, fallback = '') =>
  new Set((value ?? fallback).split('|').filter((part, i, all) => part !== '' || i < all.length - 1));

/** statrs' `OrderStatistics::quantile` (the R-8 estimator): NaN when empty. */
export function statrsQuantile(values: readonly number[], tau: number): number {
  if (values.length === 0 || tau < 0 || tau > 1) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const h = (n + 1 / 3) * tau + 1 / 3;
  const hf = Math.trunc(h);
  if (hf <= 0 || tau === 0) return sorted[0]!;
  if (hf >= n || tau === 1) return sorted[n - 1]!;
  const a = sorted[hf - 1]!;
  const b = sorted[hf]!;
  return a + (h - hf) * (b - a);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const parseRfc3339 = (v: Json): number | undefined => {
  const s = str(v);
  if (!s || !RFC3339.test(s)) return undefined;
  const t = Date.parse(s.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : t;
};

function matchesMethod(tender: Obj, set: Set<string>): boolean {
  if (set.size === 0) return true;
  const method = str(tender.procurementMethod);
  return method !== undefined && set.has(method);
}

function matchesMethodDetails(release: Obj, include: Set<string>, exclude: Set<string>): boolean {
  const details = str(obj(release.tender)?.procurementMethodDetails);
  if (details === undefined) return include.size === 0;
  return include.size === 0 ? !exclude.has(details) : include.has(details);
}

const submittedBids = (release: Obj): Obj[] =>
  (arr(obj(release.bids)?.details) ?? []).filter(
    (bid): bid is Obj => isObj(bid) && str(bid.status) !== undefined && bid.status !== 'invited' && bid.status !== 'withdrawn',
  );

/** Awards in a final state and the bids, or undefined when an award is pending (or there are no awards/bids). */
function finalAwardsAndBids(release: Obj): { active: Obj[]; bids: Json[] } | undefined {
  const awards = arr(release.awards);
  const bids = arr(obj(release.bids)?.details);
  if (!awards || !bids) return undefined;
  const active: Obj[] = [];
  for (const award of awards) {
    const status = isObj(award) ? str(award.status) : undefined;
    if (status === undefined) continue;
    if (status === 'active') active.push(award as Obj);
    else if (status !== 'cancelled' && status !== 'unsuccessful') return undefined;
  }
  return { active, bids };
}

/** The single supplier id of the only active award, as the bid comparisons need. */
function soleSupplier(release: Obj): { id: string; bids: Json[] } | undefined {
  const final = finalAwardsAndBids(release);
  if (!final || final.active.length !== 1) return undefined;
  const suppliers = arr(final.active[0]!.suppliers);
  const id = suppliers?.length === 1 ? str(obj(suppliers[0])?.id) : undefined;
  return id === undefined ? undefined : { id, bids: final.bids };
}

const soleTenderer = (bid: Obj): string | undefined => {
  const tenderers = arr(bid.tenderers);
  return tenderers?.length === 1 ? str(obj(tenderers[0])?.id) : undefined;
};

const tendererIds = (bid: Obj): string[] =>
  (arr(bid.tenderers) ?? []).map((t) => str(obj(t)?.id)).filter((id): id is string => id !== undefined);

interface Fraction {
  numerator: number;
  denominator: number;
}
const addFraction = (map: Map<string, Fraction>, key: string, numerator: number, denominator: number) => {
  const f = map.get(key) ?? { numerator: 0, denominator: 0 };
  f.numerator += numerator;
  f.denominator += denominator;
  map.set(key, f);
};

/** Compiled releases of the dataset, as cardinal reads them (one per contracting process). */
export const compiledReleases = (dataset: Dataset): JsonObject[] => dataset.processes.map((p) => p.compiledRelease);

/** Cardinal's indicators on a dataset (its processes' compiled releases). Without settings, every indicator runs. */
export function redFlags(dataset: Dataset, settings?: RedFlagSettings | string): RedFlagsResult {
  return redFlagsOfReleases(compiledReleases(dataset), settings);
}

/** Cardinal's indicators on compiled releases. */
export function redFlagsOfReleases(releases: readonly Json[], input?: RedFlagSettings | string): RedFlagsResult {
  const steps = redFlagsInSteps(releases, input);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Releases read between two steps of redFlagsInSteps. */
const RELEASES_PER_STEP = 100;

/**
 * redFlagsOfReleases a step at a time (every RELEASES_PER_STEP releases, then the totals), for a caller that works
 * in slices between the page's other tasks: the result, once done, is the same.
 */
export function* redFlagsInSteps(releases: readonly Json[], input?: RedFlagSettings | string): Generator<void, RedFlagsResult> {
  const settings: RedFlagSettings =
    typeof input === 'string' ? parseRedFlagSettings(input).settings : input ?? Object.fromEntries(RED_FLAG_INDICATORS.map((code) => [code, {}]));
  const results: RedFlagResults = {};
  const meta: RedFlagsResult['Meta'] = {};
  const evaluable = new Map<RedFlagIndicator, Set<string>>();
  const flaggedOcids = new Map<RedFlagIndicator, Set<string>>();
  const run = (code: RedFlagIndicator) => settings[code] !== undefined;
  const setResult = (group: RedFlagGroup, key: string, code: RedFlagIndicator, value: number) => {
    ((results[group] ??= {})[key] ??= {})[code] = value;
  };
  const setMeta = (code: RedFlagIndicator, key: string, value: number) => {
    (meta[code] ??= {})[key] = Math.round(value * 10_000) / 10_000;
  };
  const mark = (map: Map<RedFlagIndicator, Set<string>>, code: RedFlagIndicator, ocid: string) => {
    let set = map.get(code);
    if (!set) map.set(code, (set = new Set()));
    set.add(ocid);
  };
  const reasons: RedFlagsResult['reasons'] = {};
  const flagProcess = (code: RedFlagIndicator, ocid: string, value: number, reason: Record<string, number | string> = {}) => {
    setResult('OCID', ocid, code, value);
    mark(flaggedOcids, code, ocid);
    (reasons[ocid] ??= {})[code] = reason;
  };
  const bidAmounts = new Map<string, [number, number]>();

  const excluded = pipeSet(settings.exclusions?.procurement_method_details);
  const priceInclude = pipeSet(settings.price_comparison_procurement_methods);
  const priceExclude = pipeSet(settings.no_price_comparison_procurement_methods);
  let currency: string | undefined;
  const isMainCurrency = (c: string) => c === (currency ??= settings.currency ?? c);

  const r003 = settings.R003;
  const r003Methods = pipeSet(r003?.procurement_methods);
  const r018Methods = pipeSet(settings.R018?.procurement_methods, 'open|selective');
  const r035Threshold = Math.max(settings.R035?.threshold ?? 1, 1);
  const r048Digits = settings.R048?.digits ?? 2;

  const secondLowestRatios = new Map<string, number>();
  const winnerAndLowest = new Map<string, [string, string]>();
  const r025 = new Map<string, Fraction>();
  const r025Ocids = new Map<string, Set<string>>();
  const r038 = { Buyer: new Map<string, Fraction>(), ProcuringEntity: new Map<string, Fraction>(), Tenderer: new Map<string, Fraction>() };
  const r038Ocids = { Buyer: new Map<string, Set<string>>(), ProcuringEntity: new Map<string, Set<string>>(), Tenderer: new Map<string, Set<string>>() };
  const r048 = new Map<string, { count: number; codes: Set<string>; ocids: Set<string> }>();
  const addOcid = (map: Map<string, Set<string>>, key: string, ocid: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(ocid);
  };

  let read = 0;
  for (const value of releases) {
    if (++read % RELEASES_PER_STEP === 0) yield;
    if (!isObj(value)) continue;
    const release = value;
    const ocid = str(release.ocid);
    if (ocid === undefined) continue;
    const tender = obj(release.tender);
    if (str(tender?.status) === 'cancelled') continue;
    if (!matchesMethodDetails(release, new Set(), excluded)) continue;
    const priceComparable = matchesMethodDetails(release, priceInclude, priceExclude);

    // Second-lowest bid ratio (R024, R058): the sole winner's lowest valid bid against the lowest other valid bid.
    if ((run('R024') || run('R058')) && priceComparable) {
      const sole = soleSupplier(release);
      let winner: [string, number] | undefined;
      let other: [string, number] | undefined;
      if (sole) {
        for (const bid of sole.bids) {
          if (!isObj(bid) || str(bid.status) !== 'valid') continue;
          const money = obj(bid.value);
          const amount = num(money?.amount);
          const c = str(money?.currency);
          const tenderer = soleTenderer(bid);
          if (amount === undefined || c === undefined || tenderer === undefined || !isMainCurrency(c)) continue;
          if (tenderer === sole.id) {
            if (!winner || amount < winner[1]) winner = [tenderer, amount];
          } else if (!other || amount < other[1]) other = [tenderer, amount];
        }
      }
      if (winner && other) {
        for (const code of ['R024', 'R058'] as const) if (run(code)) mark(evaluable, code, ocid);
        if (other[1] >= winner[1]) {
          secondLowestRatios.set(ocid, (other[1] - winner[1]) / winner[1]);
          winnerAndLowest.set(ocid, [winner[0], other[0]]);
          bidAmounts.set(ocid, [winner[1], other[1]]);
        }
      }
    }

    if (r003 && tender && matchesMethod(tender, r003Methods)) {
      const period = obj(tender.tenderPeriod);
      const start = parseRfc3339(period?.startDate);
      const end = parseRfc3339(period?.endDate);
      if (start !== undefined && end !== undefined) {
        mark(evaluable, 'R003', ocid);
        const days = Math.trunc((end - start) / 86_400_000);
        const details = str(tender.procurementMethodDetails);
        const table = r003.procurement_method_details ?? {};
        const threshold = details !== undefined && Object.hasOwn(table, details) ? table[details]! : r003.threshold ?? 15;
        if (days < threshold) flagProcess('R003', ocid, 1, { days, threshold });
      }
    }

    if (run('R018') && tender && matchesMethod(tender, r018Methods)) {
      const tenderers = tender.numberOfTenderers;
      if (typeof tenderers === 'number') {
        mark(evaluable, 'R018', ocid);
        if (tenderers === 1) flagProcess('R018', ocid, 1, { tenderers });
      }
    }

    if (run('R025')) {
      const sole = soleSupplier(release);
      if (sole) {
        const valid = new Set<string>();
        for (const bid of sole.bids) {
          const tenderer = isObj(bid) && str(bid.status) === 'valid' ? soleTenderer(bid) : undefined;
          if (tenderer !== undefined) valid.add(tenderer);
        }
        if (valid.size > 0) mark(evaluable, 'R025', ocid);
        for (const tenderer of valid) {
          addFraction(r025, tenderer, tenderer === sole.id ? 1 : 0, 1);
          addOcid(r025Ocids, tenderer, ocid);
        }
      }
    }

    if (run('R028') && priceComparable) {
      const prices = new Map<string, Set<string>>();
      let compared = false;
      for (const bid of submittedBids(release)) {
        const money = obj(bid.value);
        const amount = num(money?.amount);
        const c = str(money?.currency);
        if (!arr(bid.tenderers) || amount === undefined || c === undefined) continue;
        const ids = new Set(tendererIds(bid));
        if (ids.size === 0) continue;
        const price = JSON.stringify([amount === 0 ? 0 : amount, c]);
        const previous = prices.get(price);
        if (prices.size > 0) compared = true;
        if (previous && !sameSet(ids, previous)) {
          flagProcess('R028', ocid, 1, { amount, currency: c });
          for (const id of [...ids, ...previous]) setResult('Tenderer', id, 'R028', 1);
        }
        prices.set(price, ids);
      }
      if (compared) mark(evaluable, 'R028', ocid);
    }

    if (run('R030')) {
      const end = str(obj(tender?.tenderPeriod)?.endDate);
      const awards = arr(release.awards);
      const details = arr(obj(release.bids)?.details);
      if (end !== undefined && awards && details) {
        mark(evaluable, 'R030', ocid);
        const winners = activeSupplierIds(awards);
        for (const bid of details) {
          if (!isObj(bid) || str(bid.status) !== 'valid' || !arr(bid.tenderers)) continue;
          const date = str(bid.date);
          if (date === undefined || !(date > end)) continue;
          for (const id of tendererIds(bid)) {
            if (winners.has(id)) {
              flagProcess('R030', ocid, 1, { bidDate: date, tenderEnd: end });
              setResult('Tenderer', id, 'R030', 1);
            }
          }
        }
      }
    }

    if (run('R035')) {
      const final = finalAwardsAndBids(release);
      if (final) {
        const winners = new Set<string>();
        for (const award of final.active) for (const s of arr(award.suppliers) ?? []) { const id = str(obj(s)?.id); if (id !== undefined) winners.add(id); }
        const valid = new Set<string>();
        const disqualified = new Set<string>();
        for (const bid of final.bids) {
          if (!isObj(bid) || !arr(bid.tenderers)) continue;
          const status = str(bid.status);
          const set = status === 'valid' ? valid : status === 'disqualified' ? disqualified : undefined;
          if (set) for (const id of tendererIds(bid)) set.add(id);
        }
        if (valid.size === 1 && sameSet(valid, winners)) {
          mark(evaluable, 'R035', ocid);
          const difference = [...disqualified].filter((id) => !valid.has(id)).length;
          if (difference >= r035Threshold) {
            flagProcess('R035', ocid, difference, { disqualified: difference, threshold: r035Threshold });
            setResult('Tenderer', [...valid][0]!, 'R035', 0);
          }
        }
      }
    }

    if (run('R036') && priceComparable) {
      const awards = arr(release.awards);
      if (awards?.some((a) => isObj(a) && a.status === 'active')) {
        let lowest: number | undefined;
        let lowestDisqualified = false;
        let hasValid = false;
        for (const bid of submittedBids(release)) {
          const money = obj(bid.value);
          const amount = num(money?.amount);
          const c = str(money?.currency);
          if (amount === undefined || c === undefined || !isMainCurrency(c)) continue;
          if (lowest === undefined || amount < lowest) {
            lowest = amount;
            lowestDisqualified = bid.status === 'disqualified';
          }
          if (bid.status === 'valid') hasValid = true;
        }
        if (hasValid) mark(evaluable, 'R036', ocid);
        if (hasValid && lowestDisqualified) flagProcess('R036', ocid, 1, { lowest: lowest!, currency: currency! });
      }
    }

    if (run('R038')) {
      const bids = submittedBids(release);
      if (bids.length > 0) {
        mark(evaluable, 'R038', ocid);
        let disqualifiedCount = 0;
        for (const bid of bids) {
          const increment = bid.status === 'disqualified' ? 1 : 0;
          disqualifiedCount += increment;
          for (const id of arr(bid.tenderers) ? tendererIds(bid) : []) {
            addFraction(r038.Tenderer, id, increment, 1);
            addOcid(r038Ocids.Tenderer, id, ocid);
          }
        }
        const buyer = str(obj(release.buyer)?.id);
        if (buyer !== undefined) {
          addFraction(r038.Buyer, buyer, disqualifiedCount, bids.length);
          addOcid(r038Ocids.Buyer, buyer, ocid);
        }
        const entity = str(obj(tender?.procuringEntity)?.id);
        if (entity !== undefined) {
          addFraction(r038.ProcuringEntity, entity, disqualifiedCount, bids.length);
          addOcid(r038Ocids.ProcuringEntity, entity, ocid);
        }
      }
    }

    if (run('R048')) {
      const observed = new Set<string>();
      for (const award of arr(release.awards) ?? []) {
        if (!isObj(award) || str(award.status) !== 'active') continue;
        const items = arr(award.items);
        const suppliers = arr(award.suppliers);
        const supplier = suppliers?.length === 1 ? str(obj(suppliers[0])?.id) : undefined;
        if (!items || supplier === undefined) continue;
        for (const item of items) {
          const code = str(obj(obj(item)?.classification)?.id);
          if (code === undefined) continue;
          let entry = r048.get(supplier);
          if (!entry) r048.set(supplier, (entry = { count: 0, codes: new Set(), ocids: new Set() }));
          if (!observed.has(supplier)) {
            observed.add(supplier);
            entry.count += 1;
          }
          entry.codes.add([...code].slice(0, r048Digits).join(''));
          entry.ocids.add(ocid);
          mark(evaluable, 'R048', ocid);
        }
      }
    }
  }

  yield; // the totals are steps of their own, an indicator a step
  const quartiles = (code: RedFlagIndicator, values: number[], prefix = '') => {
    const q1 = statrsQuantile(values, 0.25);
    const q3 = statrsQuantile(values, 0.75);
    setMeta(code, `${prefix}q1`, q1);
    setMeta(code, `${prefix}q3`, q3);
    return { q1, q3 };
  };
  const flagOrganisationOcids = (code: RedFlagIndicator, ocids: Set<string> | undefined) => {
    for (const ocid of ocids ?? []) mark(flaggedOcids, code, ocid);
  };

  if (run('R024')) {
    const threshold = settings.R024?.threshold;
    let lowerFence: number;
    let q1 = 1;
    if (threshold === undefined) {
      const q = quartiles('R024', [...secondLowestRatios.values()]);
      q1 = q.q1;
      lowerFence = q.q1 - 1.5 * (q.q3 - q.q1);
    } else lowerFence = threshold;
    setMeta('R024', 'lower_fence', lowerFence);
    if (q1 > 0 && lowerFence > 0) {
      for (const [ocid, ratio] of secondLowestRatios) {
        if (ratio > lowerFence) continue;
        const [winning, second] = bidAmounts.get(ocid)!;
        flagProcess('R024', ocid, ratio, { ratio, fence: lowerFence, winning, second, currency: currency! });
        for (const id of winnerAndLowest.get(ocid)!) setResult('Tenderer', id, 'R024', 0);
      }
    }
  }

  yield;
  if (run('R025')) {
    const upperFence = statrsQuantile([...r025.values()].map((f) => f.denominator), (settings.R025?.percentile ?? 75) / 100);
    const threshold = settings.R025?.threshold;
    let lowerFence: number;
    let q1 = 1;
    if (threshold === undefined) {
      const q = quartiles('R025', [...r025.values()].map((f) => f.numerator / f.denominator));
      q1 = q.q1;
      lowerFence = q.q1 - 1.5 * (q.q3 - q.q1);
    } else lowerFence = threshold;
    setMeta('R025', 'upper_fence', upperFence);
    setMeta('R025', 'lower_fence', lowerFence);
    if (q1 > 0 && lowerFence > 0) {
      for (const [id, f] of r025) {
        const ratio = f.numerator / f.denominator;
        if (f.denominator >= upperFence && ratio <= lowerFence) {
          setResult('Tenderer', id, 'R025', ratio);
          flagOrganisationOcids('R025', r025Ocids.get(id));
        }
      }
    }
  }

  yield;
  if (run('R038')) {
    const minimumProcesses = settings.R038?.minimum_contracting_processes ?? 2;
    const minimumBids = settings.R038?.minimum_submitted_bids ?? 2;
    for (const group of ['Buyer', 'ProcuringEntity', 'Tenderer'] as const) {
      const minimum = group === 'Tenderer' ? minimumBids : minimumProcesses;
      const ratios = [...r038[group]].filter(([, f]) => f.denominator >= minimum).map(([id, f]) => [id, f.numerator / f.denominator] as const);
      if (ratios.length === 0) continue;
      let upperFence = settings.R038?.threshold;
      if (upperFence === undefined) {
        const q = quartiles('R038', ratios.map(([, r]) => r), `${group}_`);
        upperFence = q.q3 + 1.5 * (q.q3 - q.q1);
      }
      setMeta('R038', `${group}_upper_fence`, upperFence);
      if (upperFence > 0) {
        for (const [id, ratio] of ratios) {
          if (ratio < upperFence) continue;
          setResult(group, id, 'R038', ratio);
          flagOrganisationOcids('R038', r038Ocids[group].get(id));
        }
      }
    }
  }

  yield;
  if (run('R048')) {
    const minimum = settings.R048?.minimum_contracting_processes ?? 20;
    const lengths = [...r048].filter(([, e]) => e.count >= minimum);
    let upperFence = settings.R048?.threshold;
    if (upperFence === undefined) {
      const q = quartiles('R048', lengths.map(([, e]) => e.codes.size));
      upperFence = q.q3 + 1.5 * (q.q3 - q.q1);
    }
    setMeta('R048', 'upper_fence', upperFence);
    for (const [id, entry] of lengths) {
      if (entry.codes.size >= upperFence) {
        setResult('Tenderer', id, 'R048', entry.codes.size);
        flagOrganisationOcids('R048', entry.ocids);
      }
    }
  }

  yield;
  if (run('R058')) {
    let upperFence = settings.R058?.threshold;
    if (upperFence === undefined) {
      const q = quartiles('R058', [...secondLowestRatios.values()]);
      upperFence = q.q3 + 1.5 * (q.q3 - q.q1);
    }
    setMeta('R058', 'upper_fence', upperFence);
    if (upperFence > 0) {
      for (const [ocid, ratio] of secondLowestRatios) {
        if (ratio < upperFence) continue;
        const [winning, second] = bidAmounts.get(ocid)!;
        flagProcess('R058', ocid, ratio, { ratio, fence: upperFence, winning, second, currency: currency! });
        setResult('Tenderer', winnerAndLowest.get(ocid)![0], 'R058', 0);
      }
    }
  }

  yield;
  const coverage: RedFlagsResult['coverage'] = {};
  for (const code of RED_FLAG_INDICATORS) {
    if (!run(code)) continue;
    const evaluableOcids = [...(evaluable.get(code) ?? [])];
    const flagged = [...(flaggedOcids.get(code) ?? [])];
    coverage[code] = { evaluable: evaluableOcids.length, flagged: flagged.length, evaluableOcids, flaggedOcids: flagged };
  }
  return { ...results, Meta: meta, coverage, reasons, ...(currency === undefined ? {} : { currency }) };
}

export type RedFlagGrouping = 'buyer' | 'procuring-entity' | 'supplier';

/** One organisation's share of its evaluable processes flagged by one indicator. */
export interface RedFlagGroupRow {
  /** Page-wide organisation key (as in the other elements' rows). */
  id: string;
  name: string;
  indicator: RedFlagIndicator;
  evaluable: number;
  flagged: number;
  share: number;
}

/**
 * Per buyer (procuring entity, or awarded supplier) and indicator: how many of its evaluable processes were flagged,
 * ranked by share, then by flagged count; processes naming none are grouped under id ''. Organisations with no
 * evaluable process are left out.
 */
/**
 * The result narrowed to the processes of `dataset` (e.g. a filtered part of the data it was computed on): coverage
 * and reasons of those processes only; fences (`Meta`) and organisation-level results stay those of the whole.
 */
export function redFlagsWithin(result: RedFlagsResult, dataset: Dataset): RedFlagsResult {
  const ocids = new Set(dataset.processes.map((process) => process.ocid));
  const coverage: RedFlagsResult['coverage'] = {};
  for (const [code, full] of Object.entries(result.coverage) as [RedFlagIndicator, RedFlagCoverage][]) {
    const evaluableOcids = full.evaluableOcids.filter((ocid) => ocids.has(ocid));
    const flaggedOcids = full.flaggedOcids.filter((ocid) => ocids.has(ocid));
    coverage[code] = { evaluable: evaluableOcids.length, flagged: flaggedOcids.length, evaluableOcids, flaggedOcids };
  }
  const reasons = Object.fromEntries(Object.entries(result.reasons).filter(([ocid]) => ocids.has(ocid)));
  return { ...result, coverage, reasons };
}

export function redFlagGroups(dataset: Dataset, result: RedFlagsResult, grouping: RedFlagGrouping = 'buyer'): RedFlagGroupRow[] {
  const orgsOf = new Map<string, { key: string; name: string }[]>();
  for (const process of dataset.processes) {
    const orgs =
      grouping === 'buyer' ? (process.buyer ? [process.buyer] : [])
      : grouping === 'procuring-entity' ? (process.procuringEntity ? [process.procuringEntity] : [])
      : process.awards.flatMap((award) => award.suppliers);
    const unique = new Map(orgs.map((org) => [org.key, { key: org.key, name: org.name }]));
    // Processes naming no such organisation are counted together (key ''), so no evaluable process goes missing.
    orgsOf.set(process.ocid, unique.size ? [...unique.values()] : [{ key: '', name: '' }]);
  }
  const rows: RedFlagGroupRow[] = [];
  for (const code of RED_FLAG_INDICATORS) {
    const coverage = result.coverage[code];
    if (!coverage) continue;
    const flagged = new Set(coverage.flaggedOcids);
    const byOrg = new Map<string, RedFlagGroupRow>();
    for (const ocid of coverage.evaluableOcids) {
      for (const org of orgsOf.get(ocid) ?? []) {
        let row = byOrg.get(org.key);
        if (!row) byOrg.set(org.key, (row = { id: org.key, name: org.name, indicator: code, evaluable: 0, flagged: 0, share: 0 }));
        row.evaluable += 1;
        if (flagged.has(ocid)) row.flagged += 1;
      }
    }
    for (const row of byOrg.values()) rows.push({ ...row, share: row.flagged / row.evaluable });
  }
  return rows.sort((a, b) => b.share - a.share || b.flagged - a.flagged || a.name.localeCompare(b.name));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function activeSupplierIds(awards: Json[]): Set<string> {
  const ids = new Set<string>();
  for (const award of awards) {
    if (!isObj(award) || str(award.status) !== 'active') continue;
    const suppliers = arr(award.suppliers);
    if (!suppliers) continue;
    for (const s of suppliers) { const id = str(obj(s)?.id); if (id !== undefined) ids.add(id); }
  }
  return ids;
}

// ---- Settings file (cardinal's INI) ----

export interface RedFlagSettingsIssue {
  line: number;
  key: string;
  message: string;
}

const TOP_KEYS = new Set(['currency', 'no_price_comparison_procurement_methods', 'price_comparison_procurement_methods']);
const SECTION_KEYS: Record<string, Record<string, 'int' | 'float' | 'string'>> = {
  exclusions: { procurement_method_details: 'string' },
  R003: { threshold: 'int', procurement_methods: 'string' },
  R018: { procurement_methods: 'string' },
  R024: { threshold: 'float' },
  R025: { percentile: 'int', threshold: 'float' },
  R028: {},
  R030: {},
  R035: { threshold: 'int' },
  R036: {},
  R038: { threshold: 'float', minimum_submitted_bids: 'int', minimum_contracting_processes: 'int' },
  R048: { digits: 'int', threshold: 'int', minimum_contracting_processes: 'int' },
  R058: { threshold: 'float' },
};
/** A settings line that cannot be read: `syntax` (not `key = value`, `[section]`, a comment or blank) or `number`. */
export class RedFlagSettingsError extends OcdsError {
  constructor(message: string, readonly line: number, readonly reason: 'syntax' | 'number') {
    super('bad-settings', message);
  }
}

// Sections cardinal's `prepare` command reads: accepted, and not used by the indicators.
const PREPARE_SECTIONS = /^(output|defaults|redactions|corrections|modifications|codelists\..+)$/;

/**
 * Reads cardinal's settings file. A line that is not a section, a `key = value` pair, a comment or blank, or a value
 * of the wrong type, throws a `RedFlagSettingsError` (an `OcdsError`, code `bad-settings`) with its `line`; unknown keys and sections are returned
 * in `unknown` and ignored.
 */
export function parseRedFlagSettings(text: string): { settings: RedFlagSettings; unknown: RedFlagSettingsIssue[] } {
  const settings: Record<string, unknown> = {};
  const unknown: RedFlagSettingsIssue[] = [];
  let section: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      if (section in SECTION_KEYS) settings[section] ??= {};
      else if (section === 'R003.procurement_method_details') ((settings.R003 ??= {}) as Obj).procurement_method_details ??= {};
      else if (!PREPARE_SECTIONS.test(section)) unknown.push({ line: number, key: `[${section}]`, message: `unknown section [${section}]` });
      return;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!pair) throw new RedFlagSettingsError(`Line ${number} of the settings file is not "key = value" or "[section]": ${line}`, number, 'syntax');
    const key = pair[1]!.trim();
    const value = pair[2]!.trim();
    const where = section === undefined ? key : `[${section}] ${key}`;
    const typed = (type: 'int' | 'float' | 'string'): string | number => {
      if (type === 'string') return value;
      const n = type === 'int' ? (/^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
      if (Number.isNaN(n)) throw new RedFlagSettingsError(`Line ${number} of the settings file: ${where} must be ${type === 'int' ? 'a whole number' : 'a number'}, not "${value}"`, number, 'number');
      return n;
    };
    if (section === undefined) {
      if (TOP_KEYS.has(key)) settings[key] = value;
      else unknown.push({ line: number, key, message: `unknown setting ${key}` });
    } else if (section === 'R003.procurement_method_details') {
      ((settings.R003 as Obj).procurement_method_details as Obj)[key] = typed('int');
    } else if (section in SECTION_KEYS) {
      const type = SECTION_KEYS[section]![key];
      if (type) (settings[section] as Obj)[key] = typed(type);
      else unknown.push({ line: number, key: where, message: `unknown setting ${where}` });
    }
  });
  return { settings: settings as RedFlagSettings, unknown };
}
