// OCDS dates as published: ISO 8601 in theory; in practice date-only values, missing offsets,
// stray dots before the offset, empty strings and 1970-01-01 placeholders.

export type OcdsDate = { iso: string; time: number; dateOnly: boolean };
export type OcdsDateError = { error: 'empty' | 'invalid' | 'epoch' };

// date, then optional time (T or space), optional fraction (possibly empty: "00:00:00.-06:00"), optional offset.
const DATE_PATTERN =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d*))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

// Dates publishers write when they have none. Any time of these days counts.
const PLACEHOLDER_DAYS = new Set(['1970-01-01', '1900-01-01', '0001-01-01', '0000-00-00']);

/**
 * Parses and normalises one published date.
 * - `2016-12-31` is a calendar date: `iso` stays `2016-12-31`, `time` is `Date.UTC(2016, 11, 31)`.
 * - Full timestamps keep their offset in `iso`; `time` is the instant.
 * - Unambiguous junk is repaired: `2015-11-09T00:00:00.-06:00` -> `2015-11-09T00:00:00-06:00`, `+0000` -> `+00:00`,
 *   a space instead of `T`, missing seconds, `2016/12/31` (year first); a timestamp without offset is read as
 *   UTC (`Z` appended).
 * A caller detects a repair by comparing `iso` with the input.
 */
export function parseOcdsDate(value: unknown): OcdsDate | OcdsDateError {
  if (value === null || value === undefined) return { error: 'empty' };
  if (typeof value !== 'string') return { error: 'invalid' };
  const canonical = canonicalTime(value);
  if (!Number.isNaN(canonical)) return { iso: value, time: canonical, dateOnly: value.length === 10 };
  const text = value.trim();
  if (text === '') return { error: 'empty' };
  if (PLACEHOLDER_DAYS.has(text.slice(0, 10))) return { error: 'epoch' };
  const match = DATE_PATTERN.exec(text);
  if (!match) return { error: 'invalid' };
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { error: 'invalid' };
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { iso: date, time: Date.UTC(year, month - 1, day), dateOnly: true };

  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return { error: 'invalid' };
  const zone = normaliseOffset(offset);
  if (zone === undefined) return { error: 'invalid' };
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const time =
    Date.UTC(year, month - 1, day, hours, minutes, seconds, millis) - zone.minutes * 60_000;
  const iso = `${date}T${h}:${mi}:${s ?? '00'}${fraction ? `.${fraction}` : ''}${zone.text}`;
  return { iso, time, dateOnly: false };
}

/**
 * The dates most data holds, and every date once repaired (`2016-12-31`, `2016-12-31T10:00:00Z`,
 * `2016-12-31T10:00:00-06:00`, and these with a fraction of a second, `2017-10-04T00:53:18.722Z`), read without the
 * pattern: their instant, as the general reading finds it, found character by character (the text is its own
 * `iso`). Anything else (and the placeholder days) is NaN: left to the general reading.
 */
function canonicalTime(text: string): number {
  const length = text.length;
  if (length !== 10 && length < 20) return Number.NaN;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  // PLACEHOLDER_DAYS (0000-00-00 has no month already), without cutting the text.
  if (month === 1 && day === 1 && (year === 1970 || year === 1900 || year === 1)) return Number.NaN;
  if (length === 10) return utc(year, month, day, 0, 0, 0, 0);
  if (text.charCodeAt(10) !== 0x54 /* T */ || text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return Number.NaN;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return Number.NaN;
  // A fraction of at least one digit (an empty one is a repair): its first three digits are the milliseconds.
  let zoneAt = 19;
  let millis = 0;
  if (text.charCodeAt(19) === 0x2e /* . */) {
    zoneAt = 20;
    while (zoneAt < length && isDigit(text.charCodeAt(zoneAt))) zoneAt++;
    if (zoneAt === 20) return Number.NaN;
    for (let i = 20; i < 23; i++) millis = millis * 10 + (i < zoneAt ? text.charCodeAt(i) - 0x30 : 0);
  }
  let offset = 0;
  if (length === zoneAt + 1) {
    if (text.charCodeAt(zoneAt) !== 0x5a /* Z */) return Number.NaN;
  } else if (length === zoneAt + 6) {
    const sign = text.charCodeAt(zoneAt);
    if ((sign !== 0x2b /* + */ && sign !== DASH) || text.charCodeAt(zoneAt + 3) !== COLON) return Number.NaN;
    const offsetHours = digits(text, zoneAt + 1, 2);
    const offsetMinutes = digits(text, zoneAt + 4, 2);
    if (offsetHours < 0 || offsetHours > 14 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
    offset = (sign === DASH ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else {
    return Number.NaN;
  }
  return utc(year, month, day, hours, minutes, seconds, millis) - offset * 60_000;
}

/**
 * `Date.UTC(year, month - 1, …)` for a valid date, by arithmetic (days from the civil date): `Date.UTC` is a call
 * into the runtime, and every date of every release is read. Years 0–99 are left to `Date.UTC`, which reads them as
 * 1900–1999.
 */
function utc(year: number, month: number, day: number, hours: number, minutes: number, seconds: number, millis: number): number {
  if (year < 100) return Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}

/** Whether a date is one `canonicalTime` reads (valid, and its own `iso`: nothing to repair). */
export function isCanonicalDate(text: string): boolean {
  return !Number.isNaN(canonicalTime(text));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DASH = 0x2d;
const COLON = 0x3a;

/** The number written by `count` ASCII digits from `start`; -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Milliseconds since the epoch for a normalised date (a date-only value is UTC midnight); NaN when invalid. */
export function dateTime(iso: string): number {
  // Dates are compared many times (ordering, merging): the canonical ones without building a parse result.
  const time = canonicalTime(iso);
  if (!Number.isNaN(time)) return time;
  const parsed = parseOcdsDate(iso);
  return 'time' in parsed ? parsed.time : Number.NaN;
}

function normaliseOffset(offset: string | undefined): { text: string; minutes: number } | undefined {
  if (offset === undefined || offset === 'Z' || offset === 'z') return { text: 'Z', minutes: 0 };
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return {
    text: `${offset[0]}${digits.slice(0, 2)}:${digits.length > 2 ? digits.slice(2, 4) : '00'}`,
    minutes: sign * (hours * 60 + minutes),
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
