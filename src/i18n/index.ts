// Language resolution, message lookup and Intl formatting. Messages are chosen by language (en, es);
// numbers and dates by the full BCP 47 tag, so `es-MX` formats as Mexico does and `es` as generic Spanish.
import type { Catalogue, Catalogues, Message, MessageLanguage } from './messages.js';

export * from './messages.js';
export type { VegaLocale } from './vega-locale.js';

export type MessageParams = Record<string, string | number | undefined>;
export type Translate = (key: string, params?: MessageParams) => string;

/** A valid, canonical BCP 47 tag, or `en` when the tag is missing or malformed. */
export function canonicalTag(tag: string | null | undefined): string {
  if (!tag) return 'en';
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function messageLanguage(tag: string): MessageLanguage {
  return tag.toLowerCase().split('-')[0] === 'es' ? 'es' : 'en';
}

/** Merges catalogues key by key (later ones win), per language. */
export function mergeCatalogues(...catalogues: Catalogues[]): Catalogues {
  return {
    en: Object.assign({}, ...catalogues.map((c) => c.en)) as Catalogue,
    es: Object.assign({}, ...catalogues.map((c) => c.es)) as Catalogue,
  };
}

/**
 * The Intl formatter of a kind for a tag and options, built once: building one costs far more than formatting with it,
 * and a chart formats thousands of values. A tag or options that Intl refuses throw the same error on every call.
 */
const intlCache = new Map<string, object | { refused: unknown }>();
function cachedIntl<T extends object, O extends object>(kind: new (tag: string, options?: O) => T, tag: string, options?: O): T {
  const key = `${kind.name} ${tag} ${JSON.stringify(options ?? {})}`;
  let cached = intlCache.get(key);
  if (cached === undefined) {
    try {
      cached = new kind(tag, options);
    } catch (error) {
      cached = { refused: error };
    }
    // Keys follow the data (currency codes as published): a bound keeps hostile data from growing the cache.
    if (intlCache.size >= 1000) intlCache.clear();
    intlCache.set(key, cached);
  }
  if ('refused' in cached) throw cached.refused;
  return cached as T;
}

/** `t(key, params)` for a tag: plural forms by `params.count`, numbers formatted for the tag. */
export function translator(catalogues: Catalogues, tag: string): Translate {
  const language = messageLanguage(tag);
  const plurals = cachedIntl(Intl.PluralRules, tag);
  const numbers = cachedIntl(Intl.NumberFormat, tag);
  return (key, params = {}) => {
    const message: Message | undefined = catalogues[language][key] ?? catalogues.en[key];
    if (message === undefined) return key;
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = Number(params.count ?? 0);
      text = count === 0 && message.zero !== undefined ? message.zero : plurals.select(count) === 'one' ? message.one : message.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** Money in a currency; `compact` for axes ("1.2 M"), full precision otherwise (tooltips, table). */
export function formatMoney(amount: number, currency: string, tag: string, options: { compact?: boolean } = {}): string {
  const compact = options.compact ? ({ notation: 'compact', maximumFractionDigits: 1 } as const) : {};
  try {
    return cachedIntl(Intl.NumberFormat, tag, { style: 'currency', currency, ...compact }).format(amount);
  } catch {
    // Not a well-formed ISO 4217 code: show the number and the code as published.
    return `${cachedIntl(Intl.NumberFormat, tag, compact).format(amount)} ${currency}`;
  }
}

export function formatNumber(value: number, tag: string): string {
  return cachedIntl(Intl.NumberFormat, tag).format(value);
}

/** A ratio (1 = 100 %); may exceed 100 %. */
export function formatPercent(ratio: number, tag: string): string {
  return cachedIntl(Intl.NumberFormat, tag, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** A date as published. Date-only strings are calendar dates and are shown in UTC, so they keep their day. */
export function formatDate(iso: string, tag: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return cachedIntl(Intl.DateTimeFormat, tag, { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) } as const).format(date);
}

/** A list ("MXN, USD and EUR" / "MXN, USD y EUR"). */
export function formatList(items: string[], tag: string): string {
  return cachedIntl(Intl.ListFormat, tag, { type: 'conjunction' } as const).format(items);
}
