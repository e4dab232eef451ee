// Message catalogues shared by every element (en, es). Elements add their own keys on top (see
// components/base/chart-element.ts). A message is a string with `{name}` placeholders, or plural forms chosen by
// the `count` parameter through Intl.PluralRules.

export type Message = string | { one: string; other: string; zero?: string };
export type Catalogue = Record<string, Message>;
/** One catalogue per supported language. English is complete; a key missing in another language falls back to it. */
export interface Catalogues {
  en: Catalogue;
  es: Catalogue;
}
export type MessageLanguage = keyof Catalogues;

export const baseMessages: Catalogues = {
  en: {
    'state.loading': 'Loading data…',
    'state.pages': { one: 'Loaded {count} page', other: 'Loaded {count} pages' },
    'state.releases': { one: '{count} release', other: '{count} releases' },
    'state.empty': 'There is nothing to chart in this data.',
    'state.ocid-missing': 'No contracting process with the ocid “{ocid}” is in this data.',
    'state.currency-missing': 'There are no amounts in {currency} in this data. It has amounts in: {currencies}.',
    'state.idle': 'There is no data to show yet.',
    'action.retry': 'Try again',
    'action.show-table': 'Show table',
    'action.hide-table': 'Hide table',
    'action.csv': 'Download CSV',
    'action.png': 'Download PNG',
    'action.svg': 'Download SVG',
    'control.currency': 'Currency',
    'control.select': 'Select a bar',
    'error.not-json': 'The data could not be read: it is not JSON.',
    'error.not-ocds': 'The data is JSON but not Open Contracting (OCDS) data.',
    'error.http-status': 'The server answered with an error (HTTP {status}).',
    'error.too-large': 'The data is too large to load in the browser.',
    'error.network': 'Could not reach the server, or it does not allow embedding from this site.',
    'error.timeout': 'The server took too long to answer.',
    'error.aborted': 'Loading was cancelled.',
    'error.bad-url': 'The data address is not a valid http or https URL.',
    'error.html': 'The server sent a web page instead of data.',
    'error.truncated': 'The data ended too early: the download was cut off.',
    'error.encoding': 'The data could not be decoded as text.',
    'error.redirect': 'The server sent the request on to another site, which this page does not read data from.',
    'error.render': 'The chart could not be drawn.',
    'error.unknown': 'The data could not be loaded.',
    'source.publisher': 'Source: {publisher}',
    'source.as-of': 'data as of {date}',
    'source.licence': 'licence',
    'source.link': 'data',
    'source.incomplete': { one: 'first {count} release only', other: 'first {count} releases only' },
    'issues.left-out': {
      one: '{count} release could not be read and was left out.',
      other: '{count} releases could not be read and were left out.',
    },
    'issues.repaired': {
      one: '{count} problem in the data was repaired or left out.',
      other: '{count} problems in the data were repaired or left out.',
    },
    'table.caption': 'The numbers behind the chart',
  },
  es: {
    'state.loading': 'Cargando datos…',
    'state.pages': { one: '{count} página cargada', other: '{count} páginas cargadas' },
    'state.releases': { one: '{count} entrega', other: '{count} entregas' },
    'state.empty': 'No hay nada que graficar en estos datos.',
    'state.ocid-missing': 'Ningún proceso de contratación con el ocid «{ocid}» está en estos datos.',
    'state.currency-missing': 'No hay importes en {currency} en estos datos. Hay importes en: {currencies}.',
    'state.idle': 'Todavía no hay datos que mostrar.',
    'action.retry': 'Reintentar',
    'action.show-table': 'Mostrar tabla',
    'action.hide-table': 'Ocultar tabla',
    'action.csv': 'Descargar CSV',
    'action.png': 'Descargar PNG',
    'action.svg': 'Descargar SVG',
    'control.currency': 'Moneda',
    'control.select': 'Seleccionar una barra',
    'error.not-json': 'No se pudieron leer los datos: no son JSON.',
    'error.not-ocds': 'Los datos son JSON pero no son datos de Contrataciones Abiertas (OCDS).',
    'error.http-status': 'El servidor respondió con un error (HTTP {status}).',
    'error.too-large': 'Los datos son demasiado grandes para cargarlos en el navegador.',
    'error.network': 'No se pudo conectar con el servidor, o este no permite insertar sus datos en este sitio.',
    'error.timeout': 'El servidor tardó demasiado en responder.',
    'error.aborted': 'Se canceló la carga.',
    'error.bad-url': 'La dirección de los datos no es una URL http o https válida.',
    'error.html': 'El servidor envió una página web en lugar de datos.',
    'error.truncated': 'Los datos terminan antes de tiempo: la descarga se interrumpió.',
    'error.encoding': 'No se pudieron decodificar los datos como texto.',
    'error.redirect': 'El servidor redirigió la solicitud a otro sitio, del que esta página no lee datos.',
    'error.render': 'No se pudo dibujar el gráfico.',
    'error.unknown': 'No se pudieron cargar los datos.',
    'source.publisher': 'Fuente: {publisher}',
    'source.as-of': 'datos al {date}',
    'source.licence': 'licencia',
    'source.link': 'datos',
    'source.incomplete': { one: 'solo la primera entrega', other: 'solo las primeras {count} entregas' },
    'issues.left-out': {
      one: '{count} entrega no se pudo leer y se dejó fuera.',
      other: '{count} entregas no se pudieron leer y se dejaron fuera.',
    },
    'issues.repaired': {
      one: 'Se corrigió o se dejó fuera {count} problema en los datos.',
      other: 'Se corrigieron o se dejaron fuera {count} problemas en los datos.',
    },
    'table.caption': 'Las cifras detrás del gráfico',
  },
};
