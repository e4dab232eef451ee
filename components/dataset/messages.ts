import type { Catalogues } from '../../src/i18n/index.js';

export const datasetMessages: Catalogues = {
  en: {
    'filters.label': 'Filters',
    'filter.buyer': 'Buyer: {value}',
    'filter.supplier': 'Supplier: {value}',
    'filter.from': 'From {value}',
    'filter.to': 'To {value}',
    'filter.method': 'Method: {value}',
    'filter.ocid': 'Process: {value}',
    'filter.remove': 'Remove filter {filter}',
    'filter.supplier-note':
      'Awarded, contracted and paid are this supplier’s own awards and contracts; planned and tendered are whole-process amounts.',
    'filter.processes': { zero: 'No process matches.', one: '{count} process matches.', other: '{count} processes match.' },
  },
  es: {
    'filters.label': 'Filtros',
    'filter.buyer': 'Comprador: {value}',
    'filter.supplier': 'Proveedor: {value}',
    'filter.from': 'Desde {value}',
    'filter.to': 'Hasta {value}',
    'filter.method': 'Método: {value}',
    'filter.ocid': 'Proceso: {value}',
    'filter.remove': 'Quitar el filtro {filter}',
    'filter.supplier-note':
      'Adjudicado, contratado y pagado son las adjudicaciones y contratos propios de este proveedor; planeado y licitado son montos del proceso completo.',
    'filter.processes': { zero: 'Ningún proceso coincide.', one: '{count} proceso coincide.', other: '{count} procesos coinciden.' },
  },
};
