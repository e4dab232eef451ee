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

const earliest = (dates: (string | undefined)[]): string | undefined =>
  dates.filter((date): date is string => Boolean(date)).sort()[0];

/**
 * The day a process started: its tender period start, else the tender's publication date (`tender.datePublished`),
 * else its earliest award date, else its earliest contract signature or start, else (last) its first release date.
 */
export function processStart(process: Process): ProcessStart | undefined {
  const published = process.compiledRelease.tender as { datePublished?: unknown } | undefined;
  const candidates: [ProcessStartSource, string | undefined][] = [
    ['tender-period', process.tender?.tenderPeriod?.startDate],
    ['tender-published', typeof published?.datePublished === 'string' ? published.datePublished : undefined],
    ['award', earliest(process.awards.map((award) => award.date))],
    ['contract', earliest(process.contracts.flatMap((contract) => [contract.dateSigned, contract.period?.startDate]))],
    ['release', process.releases.find((release) => release.date)?.date],
  ];
  for (const [source, date] of candidates) {
    const day = date?.slice(0, 10);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) return { day, source };
  }
  return undefined;
}

/** The calendar day (`YYYY-MM-DD`) a process started (see processStart). */
export function processStartDay(process: Process): string | undefined {
  return processStart(process)?.day;
}
