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
    'filter.ocid': 'Process: {value}',
    'filter.remove': 'Remove filter {filter}',
    'filter.supplier-note':
      'Awarded, contracted and paid are this supplier’s own awards and contracts; planned and tendered are whole-process amounts.',
    'filter.date-note':
      'A process started on its tender period’s start, else the tender’s publication, else its first award, else its first contract date, else its first release.',
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
    'filter.ocid': 'Proceso: {value}',
    'filter.remove': 'Quitar el filtro {filter}',
    'filter.supplier-note':
      'Adjudicado, contratado y pagado son las adjudicaciones y contratos propios de este proveedor; planeado y licitado son montos del proceso completo.',
    'filter.date-note':
      'Un proceso se inicia con el comienzo del periodo de licitación; si no consta, con la publicación de la licitación, su primera adjudicación, su primera fecha de contrato o, en último lugar, su primera entrega.',
    'filter.processes': { zero: 'Ningún proceso coincide.', one: '{count} proceso coincide.', other: '{count} procesos coinciden.' },
  },
};
