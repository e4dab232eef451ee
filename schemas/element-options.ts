// The options of each chart element as attribute values (strings), keyed by attribute name: what the iframe embed
// page accepts as query parameters (demos/embed.html, dist/cdn/embed.html) and what the embed builder offers as
// controls and writes into snippets. Unknown keys are errors, so a typo in an embed URL is reported, not ignored.
import { z } from 'zod/mini';
import { translator, type Catalogues, type MessageParams } from '../src/i18n/index.js';

// Same setting as schemas/ocds.ts: no `new Function` probe under a strict Content-Security-Policy.
z.config({ jitless: true });

/** Chart tags without their `ocds-` prefix: the embed page's `widget` parameter. */
export const WIDGETS = ['spending-by-stage', 'contract-timeline', 'supplier-network'] as const;
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
 * The embed page's messages: its error box and what is wrong with each parameter. The checks below carry the English
 * texts (the elements' console warnings show them); parseEmbedParams gives them in the page's language.
 */
export const embedMessages: Catalogues = {
  en: {
    'embed.cannot-show': 'This chart cannot be shown: the embed address has a problem.',
    'embed.load-failed': 'the chart’s code could not be loaded ({error})',
    'embed.widget-missing': 'widget: missing; one of {widgets}',
    'embed.widget-unknown': 'widget: “{widget}” is not an ocds-widgets chart; one of {widgets}',
    'embed.unknown-options': { one: '{keys}: not an option of {widget}', other: '{keys}: not options of {widget}' },
    'embed.missing': '{key}: missing',
    'option.src': 'must be an http: or https: URL, or a path on this site',
    'option.lang': 'must be a language tag such as en, es or es-MX',
    'option.currency': 'must be a three-letter currency code such as MXN',
    'option.root': 'must be a property name such as arrayReleasePackage',
    'option.follow-origins': 'must be origins such as https://api.example.org, separated by spaces',
    'option.whole-number': 'must be a whole number from 1',
    'option.at-most': 'must be at most {max}',
    'option.one-of': 'must be one of {values}',
    'option.empty': 'must not be empty',
    'option.too-long': 'must be at most {max} characters long',
  },
  es: {
    'embed.cannot-show': 'No se puede mostrar este gráfico: la dirección de inserción tiene un problema.',
    'embed.load-failed': 'no se pudo cargar el código del gráfico ({error})',
    'embed.widget-missing': 'widget: falta; uno de {widgets}',
    'embed.widget-unknown': 'widget: «{widget}» no es un gráfico de ocds-widgets; uno de {widgets}',
    'embed.unknown-options': { one: '{keys}: no es una opción de {widget}', other: '{keys}: no son opciones de {widget}' },
    'embed.missing': '{key}: falta',
    'option.src': 'debe ser una URL http: o https:, o una ruta de este sitio',
    'option.lang': 'debe ser una etiqueta de idioma como en, es o es-MX',
    'option.currency': 'debe ser un código de moneda de tres letras como MXN',
    'option.root': 'debe ser un nombre de propiedad como arrayReleasePackage',
    'option.follow-origins': 'deben ser orígenes como https://api.example.org, separados por espacios',
    'option.whole-number': 'debe ser un número entero desde 1',
    'option.at-most': 'debe ser como máximo {max}',
    'option.one-of': 'debe ser uno de {values}',
    'option.empty': 'no debe estar vacío',
    'option.too-long': 'debe tener como máximo {max} caracteres',
  },
};

/** The English text of a message, as the schema's checks carry it. */
const english = (key: string, params?: MessageParams) => translator(embedMessages, 'en')(key, params);

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

// The raw number in the English text: console warnings quote the limit as the attribute takes it ("at most 5000").
const count = (max: number) =>
  z.string().check(z.regex(/^[1-9]\d*$/, english('option.whole-number')), z.refine((value) => Number(value) <= max, { message: `must be at most ${max}`, params: { max } }));

/** Options every chart element takes. */
export const commonOptions = {
  src: z.string().check(z.refine(isDataUrl, english('option.src'))),
  ocid: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  lang: z.optional(z.string().check(z.refine(isLanguageTag, english('option.lang')))),
  theme: z.optional(z.enum(['light', 'dark', 'auto'])),
  currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, english('option.currency')))),
  heading: z.optional(z.string().check(z.maxLength(200))),
  'max-pages': z.optional(count(1000)),
  root: z.optional(z.string().check(z.regex(/^[A-Za-z_][\w-]*$/, english('option.root')))),
  'follow-origins': z.optional(z.string().check(z.refine(isOriginList, english('option.follow-origins')))),
  timeout: z.optional(count(600_000)),
};

/** Each chart element's options: the common ones and its own. */
export const elementOptions = {
  'spending-by-stage': z.strictObject(commonOptions),
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
} satisfies Record<Widget, z.ZodMiniObject>;

export type ElementOptions = Record<string, string>;

export type ParsedEmbed = { ok: true; widget: Widget; options: ElementOptions } | { ok: false; errors: string[] };

/** The English texts of the checks' messages, back to their keys. */
const keyOfEnglish = new Map(Object.entries(embedMessages.en).flatMap(([key, message]) => (typeof message === 'string' ? [[message, key] as const] : [])));

type Issue = z.core.$ZodIssue;

/** What is wrong with one parameter, in the language of `t`. */
function problem(issue: Issue, t: ReturnType<typeof translator>): string {
  if (issue.code === 'custom' && typeof issue.params?.max === 'number') return t('option.at-most', { max: issue.params.max });
  if (issue.code === 'invalid_value') return t('option.one-of', { values: issue.values.map(String).join(', ') });
  if (issue.code === 'too_small' && issue.origin === 'string') return t('option.empty');
  if (issue.code === 'too_big' && issue.origin === 'string') return t('option.too-long', { max: Number(issue.maximum) });
  const key = keyOfEnglish.get(issue.message);
  return key ? t(key) : issue.message;
}

/**
 * Validates embed parameters (`widget` plus the element's options as strings): a widget we do not have, a URL that
 * is not http(s), an unknown parameter or a bad value each give one readable line, in the language of `tag`.
 */
export function parseEmbedParams(params: Record<string, string>, tag = 'en'): ParsedEmbed {
  const t = translator(embedMessages, tag);
  const { widget, ...options } = params;
  const widgets = WIDGETS.join(', ');
  if (!widget) return { ok: false, errors: [t('embed.widget-missing', { widgets })] };
  if (!(WIDGETS as readonly string[]).includes(widget)) {
    return { ok: false, errors: [t('embed.widget-unknown', { widget, widgets })] };
  }
  const result = elementOptions[widget as Widget].safeParse(options);
  if (result.success) return { ok: true, widget: widget as Widget, options: result.data as ElementOptions };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return t('embed.unknown-options', { keys: issue.keys.join(', '), widget, count: issue.keys.length });
      const key = issue.path.join('.');
      return issue.code === 'invalid_type' && issue.input === undefined ? t('embed.missing', { key }) : `${key}: ${problem(issue, t)}`;
    }),
  };
}
