// What is wrong with an element option, in English and Spanish: the elements' console warnings for a bad attribute
// (components/base/options.ts loads this module only when a value is refused, keeping it out of the elements' first
// chunk) and the embed page's error box (schemas/embed-params.ts).
import type { z } from 'zod/mini';
import { translator, type Catalogues, type Translate } from '../src/i18n/index.js';
import { optionMessages } from './element-options.js';

/** The checks' texts (schemas/element-options.ts) in both languages, and how an element's console warning ends. */
export const optionCatalogues: Catalogues = {
  en: { ...optionMessages, 'option.default-used': 'the default is used', 'option.kept': '"{value}" is kept' },
  es: {
    'option.src': 'debe ser una URL http: o https:, o una ruta de este sitio',
    'option.lang': 'debe ser una etiqueta de idioma como en, es o es-MX',
    'option.currency': 'debe ser un código de moneda de tres letras como MXN',
    'option.root': 'debe ser un nombre de propiedad como arrayReleasePackage',
    'option.follow-origins': 'deben ser orígenes como https://api.example.org, separados por espacios',
    'option.whole-number': 'debe ser un número entero desde 1',
    'option.at-most': 'debe ser como máximo {max}',
    'option.one-of': 'debe ser uno de {values}',
    'option.some-of': 'debe ser uno o más de {values}, separados por espacios',
    'option.empty': 'no debe estar vacío',
    'option.too-long': 'debe tener como máximo {max} caracteres',
    'option.default-used': 'se usa el valor predeterminado',
    'option.kept': 'se mantiene "{value}"',
  },
};

/** The English texts of the checks' messages, back to their keys. */
const keyOfEnglish = new Map(Object.entries(optionMessages).map(([key, message]) => [message, key] as const));

/** What is wrong with one value, in the language of `t` (a translator over optionCatalogues); an enum names its values. */
export function describeOptionIssue(issue: z.core.$ZodIssue, t: Translate): string {
  // The limit as the attribute takes it ("at most 5000"), not grouped as a number.
  if (issue.code === 'custom' && typeof issue.params?.max === 'number') return t('option.at-most', { max: String(issue.params.max) });
  if (issue.code === 'invalid_value') return t('option.one-of', { values: issue.values.map(String).join(', ') });
  if (issue.code === 'custom' && Array.isArray(issue.params?.values)) return t('option.some-of', { values: issue.params.values.join(' ') });
  if (issue.code === 'too_small' && issue.origin === 'string') return t('option.empty');
  if (issue.code === 'too_big' && issue.origin === 'string') return t('option.too-long', { max: String(issue.maximum) });
  const key = keyOfEnglish.get(issue.message);
  return key ? t(key) : issue.message;
}

/** An element's console warning after `<tag> attribute="value"`: what is wrong and what is used, in `language`. */
export function optionWarning(issue: z.core.$ZodIssue, previous: unknown, language: string): string {
  const t = translator(optionCatalogues, language);
  return `${describeOptionIssue(issue, t)}; ${previous === undefined ? t('option.default-used') : t('option.kept', { value: String(previous) })}`;
}
