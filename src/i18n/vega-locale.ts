// Vega number and time locales (d3 locale objects) for a BCP 47 tag, imported lazily so a page in one
// language loads only that locale. Vega takes them per view through `config.locale`.

export interface VegaLocale {
  number: { decimal: string; thousands: string; grouping: number[]; currency: string[]; [key: string]: unknown };
  time: {
    dateTime: string;
    date: string;
    time: string;
    periods: string[];
    days: string[];
    shortDays: string[];
    months: string[];
    shortMonths: string[];
  };
}

const loaders: Record<string, () => Promise<{ default: VegaLocale }>> = {
  'en-US': () => import('./d3-locales/en-US.js'),
  'en-GB': () => import('./d3-locales/en-GB.js'),
  'es-ES': () => import('./d3-locales/es-ES.js'),
  'es-MX': () => import('./d3-locales/es-MX.js'),
};

/** Language (first subtag) -> the locale used when the full tag has no d3 locale of its own. */
const byLanguage: Record<string, string> = { en: 'en-US', es: 'es-ES' };

/** The d3 locale tag used for a BCP 47 tag: exact match, else the language's default, else `en-US`. */
export function vegaLocaleTag(tag: string): string {
  const canonical = Object.keys(loaders).find((known) => known.toLowerCase() === tag.toLowerCase());
  return canonical ?? byLanguage[tag.split('-')[0].toLowerCase()] ?? 'en-US';
}

const loaded = new Map<string, VegaLocale>();

export async function loadVegaLocale(tag: string): Promise<VegaLocale> {
  const key = vegaLocaleTag(tag);
  // Kept once loaded: import() of a module already there still waits for a task, often behind a frame.
  let locale = loaded.get(key);
  if (!locale) loaded.set(key, (locale = (await loaders[key]()).default));
  return locale;
}
