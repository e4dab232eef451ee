// The iframe embed page's parameters (demos/embed.html, dist/cdn/embed.html): `widget` plus the element's options
// as strings, checked against schemas/element-options.ts, with what is wrong said in the page's language. Only the
// embed page and the builder need this, so the elements do not carry it.
import { translator, type Catalogues } from '../src/i18n/index.js';
import { BOOLEAN_OPTIONS, WIDGETS, elementOptions, type ElementOptions, type Widget } from './element-options.js';
import { describeOptionIssue, optionCatalogues } from './option-messages.js';

/**
 * The embed page's messages: its error box and what is wrong with each parameter (the option texts of
 * schemas/option-messages.ts, which the elements' console warnings use too).
 */
export const embedMessages: Catalogues = {
  en: {
    'embed.cannot-show': 'This chart cannot be shown: the embed address has a problem.',
    'embed.load-failed': 'the chart’s code could not be loaded ({error})',
    'embed.widget-missing': 'widget: missing; one of {widgets}',
    'embed.widget-unknown': 'widget: “{widget}” is not an ocds-widgets chart; one of {widgets}',
    'embed.unknown-options': { one: '{keys}: not an option of {widget}', other: '{keys}: not options of {widget}' },
    'embed.missing': '{key}: missing',
    ...optionCatalogues.en,
  },
  es: {
    'embed.cannot-show': 'No se puede mostrar este gráfico: la dirección de inserción tiene un problema.',
    'embed.load-failed': 'no se pudo cargar el código del gráfico ({error})',
    'embed.widget-missing': 'widget: falta; uno de {widgets}',
    'embed.widget-unknown': 'widget: «{widget}» no es un gráfico de ocds-widgets; uno de {widgets}',
    'embed.unknown-options': { one: '{keys}: no es una opción de {widget}', other: '{keys}: no son opciones de {widget}' },
    'embed.missing': '{key}: falta',
    ...optionCatalogues.es,
  },
};


export type ParsedEmbed = { ok: true; widget: Widget; options: ElementOptions } | { ok: false; errors: string[] };

/**
 * Validates embed parameters (`widget` plus the element's options as strings): a widget we do not have, a URL that
 * is not http(s), an unknown parameter or a bad value each give one readable line, in the language of `tag`. A
 * boolean option given bare (`&drill`) is true, as the attribute would be.
 */
export function parseEmbedParams(params: Record<string, string>, tag = 'en'): ParsedEmbed {
  const t = translator(embedMessages, tag);
  const { widget, ...given } = params;
  const options = Object.fromEntries(
    Object.entries(given).map(([key, value]) => [key, value === '' && BOOLEAN_OPTIONS.has(key) ? 'true' : value]),
  );
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
      return issue.code === 'invalid_type' && issue.input === undefined ? t('embed.missing', { key }) : `${key}: ${describeOptionIssue(issue, t)}`;
    }),
  };
}
