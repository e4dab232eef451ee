// The options of each chart element as attribute values (strings), keyed by attribute name: what the elements
// check their attributes against, what the iframe embed page accepts as query parameters (schemas/embed-params.ts)
// and what the embed builder offers as controls and writes into snippets. Unknown keys are errors, so a typo in an
// embed URL is reported, not ignored.
import { z } from 'zod/mini';
import { BREAKDOWN_BY, BREAKDOWN_INTERVALS, BREAKDOWN_MEASURES, BREAKDOWN_SPLITS } from '../src/analysis/breakdown-constants.js';
import { PROCESS_COLUMNS } from '../src/analysis/process-table-keys.js';
import { RED_FLAG_CODES } from '../src/analysis/red-flag-constants.js';

// Same setting as schemas/ocds.ts: no `new Function` probe under a strict Content-Security-Policy.
z.config({ jitless: true });

/** Chart tags without their `ocds-` prefix: the embed page's `widget` parameter. */
export const WIDGETS = [
  'spending-by-stage',
  'contract-timeline',
  'supplier-network',
  'breakdown',
  'data-quality',
  'process-table',
  'red-flags',
] as const;
export type Widget = (typeof WIDGETS)[number];

/** An http(s) URL or a relative one (a path on the embedding site); never `javascript:`, `data:` or `file:`. */
export function isDataUrl(value: string): boolean {
  if (!value.trim()) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}

/**
 * What is wrong with a value, in English: the checks carry these texts; schemas/option-messages.ts says them in the
 * element's or the embed page's language (loaded only when a value is wrong).
 */
export const optionMessages = {
  'option.src': 'must be an http: or https: URL, or a path on this site',
  'option.lang': 'must be a language tag such as en, es or es-MX',
  'option.currency': 'must be a three-letter currency code such as MXN',
  'option.root': 'must be a property name such as arrayReleasePackage',
  'option.follow-origins': 'must be origins such as https://api.example.org, separated by spaces',
  'option.whole-number': 'must be a whole number from 1',
  'option.at-most': 'must be at most {max}',
  'option.one-of': 'must be one of {values}',
  'option.some-of': 'must be one or more of {values}, separated by spaces',
  'option.empty': 'must not be empty',
  'option.too-long': 'must be at most {max} characters long',
};

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isOriginList(value: string): boolean {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .every((origin) => {
      try {
        const url = new URL(origin);
        return ['http:', 'https:'].includes(url.protocol) && url.origin === origin.replace(/\/$/, '');
      } catch {
        return false;
      }
    });
}

// `params.max`: describeOptionIssue says the limit in the reader's language.
const count = (max: number) =>
  z.string().check(z.regex(/^[1-9]\d*$/, optionMessages['option.whole-number']), z.refine((value) => Number(value) <= max, { message: `must be at most ${max}`, params: { max } }));

/** Options every chart element takes. */
export const commonOptions = {
  src: z.string().check(z.refine(isDataUrl, optionMessages['option.src'])),
  ocid: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  lang: z.optional(z.string().check(z.refine(isLanguageTag, optionMessages['option.lang']))),
  theme: z.optional(z.enum(['light', 'dark', 'auto'])),
  currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, optionMessages['option.currency']))),
  heading: z.optional(z.string().check(z.maxLength(200))),
  'max-pages': z.optional(count(1000)),
  root: z.optional(z.string().check(z.regex(/^[A-Za-z_][\w-]*$/, optionMessages['option.root']))),
  'follow-origins': z.optional(z.string().check(z.refine(isOriginList, optionMessages['option.follow-origins']))),
  timeout: z.optional(count(600_000)),
};

/** Options that are booleans: like an attribute, a bare parameter (`&drill`, value '') means true. */
export const BOOLEAN_OPTIONS: ReadonlySet<string> = new Set(['drill']);

/** Each chart element's options: the common ones and its own. */
export const elementOptions = {
  'spending-by-stage': z.strictObject(commonOptions),
  'data-quality': z.strictObject(commonOptions),
  'contract-timeline': z.strictObject({
    ...commonOptions,
    limit: z.optional(count(500)),
    sort: z.optional(z.enum(['recent', 'value', 'duration'])),
    drill: z.optional(z.enum(['true', 'false'])),
  }),
  'supplier-network': z.strictObject({
    ...commonOptions,
    // Networks of 3,000 nodes are measured to settle in seconds (README); the cap keeps `limit="1000000"` from
    // freezing the page on a large dataset.
    limit: z.optional(count(5000)),
    focus: z.optional(z.string().check(z.minLength(1))),
  }),
  breakdown: z.strictObject({
    ...commonOptions,
    by: z.optional(z.enum(BREAKDOWN_BY)),
    interval: z.optional(z.enum(BREAKDOWN_INTERVALS)),
    measure: z.optional(z.enum(BREAKDOWN_MEASURES)),
    split: z.optional(z.enum(BREAKDOWN_SPLITS)),
    limit: z.optional(count(1000)),
  }),
  'process-table': z.strictObject({
    ...commonOptions,
    columns: z.optional(z.string().check(z.refine((value) => value.split(/\s+/).filter(Boolean).every((c) => (PROCESS_COLUMNS as readonly string[]).includes(c)), { message: `must be columns among ${PROCESS_COLUMNS.join(' ')}`, params: { values: PROCESS_COLUMNS } }))),
    query: z.optional(z.string().check(z.maxLength(500))),
    'sort-by': z.optional(z.enum(PROCESS_COLUMNS)),
    'sort-direction': z.optional(z.enum(['ascending', 'descending'])),
  }),
  'red-flags': z.strictObject({
    ...commonOptions,
    group: z.optional(z.enum(['buyer', 'procuring-entity', 'supplier'])),
    indicators: z.optional(z.string().check(z.refine((value) => value.split(/\s+/).filter(Boolean).every((code) => (RED_FLAG_CODES as readonly string[]).includes(code.toUpperCase())), { message: `must be indicator codes among ${RED_FLAG_CODES.join(' ')}`, params: { values: RED_FLAG_CODES } }))),
    // A cardinal settings file: a URL (fetched like src) or the INI text itself.
    settings: z.optional(z.string().check(z.maxLength(20_000))),
  }),
} satisfies Record<Widget, z.ZodMiniObject>;

export type ElementOptions = Record<string, string>;
