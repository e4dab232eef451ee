import type { Catalogues } from '../../src/i18n/index.js';

/**
 * <ocds-supplier-network>'s words that only its written summary needs,
 * loaded with its data code: nothing before the first render waits for them.
 */
export const supplierNetworkDataMessages: Catalogues = {
  en: {
    'summary.overview': '{buyers} awarded {total} to {suppliers} in {awards}.',
    'summary.overview-unvalued': '{buyers} made {awards} to {suppliers}, {unvalued}.',
    'summary.published-unvalued': 'published without a value',
    'summary.buyers': { one: '{count} buyer', other: '{count} buyers' },
    'summary.suppliers': { one: '{count} supplier', other: '{count} suppliers' },
    'summary.awards': { one: '{count} award', other: '{count} awards' },
    'summary.top5': 'The five largest suppliers received {share} of the value.',
    'summary.top-supplier': '{supplier} received {share} of the value awarded by {buyer}.',
    'summary.more-buyers': { one: 'The table lists {count} more buyer.', other: 'The table lists {count} more buyers.' },
    'summary.split': 'An award with several suppliers counts once: its value is divided equally among them.',
    'summary.others': 'Suppliers beyond the {limit} largest are grouped per buyer as “other suppliers”.',
    'summary.other-currency': { one: '{count} award in other currencies is not shown.', other: '{count} awards in other currencies are not shown.' },
    'summary.unvalued': { one: '{count} award published without a value is not shown.', other: '{count} awards published without a value are not shown.' },
    'summary.focus': 'Only the organisations linked to {label} are shown.',
  },
  es: {
    'summary.overview': { one: '{buyers} adjudicó {total} a {suppliers} en {awards}.', other: '{buyers} adjudicaron {total} a {suppliers} en {awards}.' },
    'summary.overview-unvalued': { one: '{buyers} hizo {awards} a {suppliers}, {unvalued}.', other: '{buyers} hicieron {awards} a {suppliers}, {unvalued}.' },
    'summary.published-unvalued': { one: 'publicada sin valor', other: 'publicadas sin valor' },
    'summary.buyers': { one: '{count} comprador', other: '{count} compradores' },
    'summary.suppliers': { one: '{count} proveedor', other: '{count} proveedores' },
    'summary.awards': { one: '{count} adjudicación', other: '{count} adjudicaciones' },
    'summary.top5': 'Los cinco mayores proveedores recibieron el {share} del valor.',
    'summary.top-supplier': '{supplier} recibió el {share} del valor adjudicado por {buyer}.',
    'summary.more-buyers': { one: 'La tabla muestra {count} comprador más.', other: 'La tabla muestra {count} compradores más.' },
    'summary.split': 'Una adjudicación con varios proveedores cuenta una vez: su valor se divide a partes iguales entre ellos.',
    'summary.others': 'Los proveedores fuera de los {limit} mayores se agrupan por comprador como «otros proveedores».',
    'summary.other-currency': { one: '{count} adjudicación en otras monedas no se muestra.', other: '{count} adjudicaciones en otras monedas no se muestran.' },
    'summary.unvalued': { one: '{count} adjudicación publicada sin valor no se muestra.', other: '{count} adjudicaciones publicadas sin valor no se muestran.' },
    'summary.focus': 'Solo se muestran las organizaciones vinculadas con {label}.',
  },
};
