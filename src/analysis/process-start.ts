// When a contracting process started, for filters (`<ocds-dataset from/to>`) and time breakdowns. A release date
// says when data was published, not when anything happened (Armenia's 2016 tenders were published in 2018), so it
// is the last resort.
import type { Process } from '../data/types.js';

/** Which date a process's start was read from, in the order they are tried. */
export type ProcessStartSource = 'tender-period' | 'tender-published' | 'award' | 'contract' | 'release';

export interface ProcessStart {
  /** The calendar day as published (`YYYY-MM-DD`). */
  day: string;
  source: ProcessStartSource;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day a date starts with, if it is one. */
const day = (date: string | undefined) => {
  const value = date?.slice(0, 10);
  return value && DAY.test(value) ? value : undefined;
};

const earliest = (dates: (string | undefined)[]): string | undefined =>
  dates.filter((date): date is string => Boolean(date)).sort()[0];

/**
 * The day a process started: its tender period start, else the tender's publication date (`tender.datePublished`),
 * else its earliest award date, else its earliest contract signature or start, else (last) its first release date.
 */
export function processStart(process: Process): ProcessStart | undefined {
  // Tried in order, each worked out only when the ones before it gave no day (this runs for every process).
  let found = day(process.tender?.tenderPeriod?.startDate);
  if (found) return { day: found, source: 'tender-period' };
  const published = process.compiledRelease.tender as { datePublished?: unknown } | undefined;
  found = day(typeof published?.datePublished === 'string' ? published.datePublished : undefined);
  if (found) return { day: found, source: 'tender-published' };
  found = day(earliest(process.awards.map((award) => award.date)));
  if (found) return { day: found, source: 'award' };
  found = day(earliest(process.contracts.flatMap((contract) => [contract.dateSigned, contract.period?.startDate])));
  if (found) return { day: found, source: 'contract' };
  found = day(process.releases.find((release) => release.date)?.date);
  return found ? { day: found, source: 'release' } : undefined;
}

/** The calendar day (`YYYY-MM-DD`) a process started (see processStart). */
export function processStartDay(process: Process): string | undefined {
  return processStart(process)?.day;
}
