import type { Catalogues } from '../../src/i18n/index.js';

/**
 * What <ocds-red-flags> says before its data code has loaded: its heading and what can go wrong with the settings. The
 * rest of its words (components/red-flags/data-messages.ts) arrive with that code.
 */
export const redFlagsMessages: Catalogues = {
  en: {
    heading: 'Red flags: where to look closer',
    'settings.http': 'The settings file {url} could not be read (HTTP {status}).',
    'settings.unreachable': 'The settings file {url} could not be reached.',
    'settings.blocked': 'The settings file {url} is not allowed: it must be on the site of the page or the data.',
    'settings.syntax': 'Line {line} of the settings file is not "key = value", "[section]" or a comment.',
    'settings.number': 'Line {line} of the settings file needs a number.',
    'settings.unreadable': 'The settings could not be read.',
    'settings.defaults': 'The default settings are used.',
    'settings.unknown': 'Ignored in the settings file, not cardinal settings: {list}.',
    'settings.unknown-item': 'line {line}, {key}',
  },
  es: {
    heading: 'Señales de alerta: dónde mirar con más atención',
    'settings.http': 'No se pudo leer el archivo de configuración {url} (HTTP {status}).',
    'settings.unreachable': 'No se pudo acceder al archivo de configuración {url}.',
    'settings.blocked': 'El archivo de configuración {url} no está permitido: debe estar en el sitio de la página o de los datos.',
    'settings.syntax': 'La línea {line} del archivo de configuración no es «clave = valor», «[sección]» ni un comentario.',
    'settings.number': 'La línea {line} del archivo de configuración necesita un número.',
    'settings.unreadable': 'No se pudo leer la configuración.',
    'settings.defaults': 'Se usa la configuración predeterminada.',
    'settings.unknown': 'Ignorado en el archivo de configuración, no son opciones de cardinal: {list}.',
    'settings.unknown-item': 'línea {line}, {key}',
  },
};
