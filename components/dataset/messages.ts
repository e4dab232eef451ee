import type { Catalogues } from '../../src/i18n/index.js';

export const datasetMessages: Catalogues = {
  en: {
    'filters.label': 'Filters',
    'filter.buyer': 'Buyer: {value}',
    'filter.procuringEntity': 'Procuring entity: {value}',
    'filter.supplier': 'Supplier: {value}',
    'filter.from': 'Started from {value}',
    'filter.to': 'Started until {value}',
    'filter.method': 'Method: {value}',
    'filter.category': 'Category: {value}',
    'category.goods': 'Goods',
    'category.works': 'Works',
    'category.services': 'Services',
    'filter.ocid': 'Process: {value}',
    'filter.remove': 'Remove filter {filter}',
    'filter.supplier-note':
      'Awarded, contracted and paid are this supplier’s own awards and contracts; planned and tendered are whole-process amounts.',
    'filter.date-note':
      'A process started on its tender period’s start, else the tender’s publication, else its first award, else its first contract date, else its first release. A year, quarter or month chosen in a breakdown filters by this date too.',
    'filter.summary-refused':
      'Not applied: {filters}. The data is a summary, whose totals can be filtered by buyer, method, category and whole years only; this filter needs the process data.',
    'filter.processes': { zero: 'No process matches.', one: '{count} process matches.', other: '{count} processes match.' },
  },
  es: {
    'filters.label': 'Filtros',
    'filter.buyer': 'Comprador: {value}',
    'filter.procuringEntity': 'Entidad contratante: {value}',
    'filter.supplier': 'Proveedor: {value}',
    'filter.from': 'Iniciados desde el {value}',
    'filter.to': 'Iniciados hasta el {value}',
    'filter.method': 'Método: {value}',
    'filter.category': 'Categoría: {value}',
    'category.goods': 'Bienes',
    'category.works': 'Obras',
    'category.services': 'Servicios',
    'filter.ocid': 'Proceso: {value}',
    'filter.remove': 'Quitar el filtro {filter}',
    'filter.supplier-note':
      'Adjudicado, contratado y pagado son las adjudicaciones y contratos propios de este proveedor; planeado y licitado son montos del proceso completo.',
    'filter.date-note':
      'Un proceso se inicia con el comienzo del periodo de licitación; si no consta, con la publicación de la licitación, su primera adjudicación, su primera fecha de contrato o, en último lugar, su primera entrega. Un año, trimestre o mes elegido en un desglose filtra también por esta fecha.',
    'filter.summary-refused':
      'No aplicado: {filters}. Los datos son un resumen, cuyos totales solo se filtran por comprador, método, categoría y años completos; este filtro necesita los datos de los procesos.',
    'filter.processes': { zero: 'Ningún proceso coincide.', one: '{count} proceso coincide.', other: '{count} procesos coinciden.' },
  },
};
