// The supplier network from a summary document: its edges as supplierNetwork gives them (the summary's kept
// suppliers, the others grouped per buyer), nodes and concentration figures built from those edges.
import type { BuyerConcentration, NetworkEdge, NetworkNode, SupplierNetwork, SupplierNetworkOptions } from '../analysis/network.js';
import { isOthersId } from '../analysis/network-constants.js';
import { DecimalSum, sumDecimal } from '../analysis/decimal-sum.js';
import type { SummaryDocument } from './format.js';
import { needsProcesses } from './needs.js';
import { summaryLabel, summaryNetworkEdges } from './rows.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * supplierNetwork's answer from a summary. Exact: edges, node amounts, supplier nodes' awards, totals, the top five
 * and each buyer's amount. Counted from edges, so an award shared by several suppliers counts once per supplier in a
 * buyer node's awards and in `summary.awards`. A `focus` or another `limit` than the summary's needs the processes.
 */
export function summaryNetwork(document: SummaryDocument, options: SupplierNetworkOptions = {}): SupplierNetwork {
  if (options.focus !== undefined || (options.limit !== undefined && options.limit !== document.network.limit)) needsProcesses();
  // As supplierNetwork ranks them: awards without a value (the '' row) are no currency to show.
  const currencies = document.network.currencies.rows
    .filter(([currency]) => currency !== '')
    .map(([currency, processes]) => ({ currency, processes }))
    .sort((a, b) => b.processes - a.processes || a.currency.localeCompare(b.currency));
  const wanted = options.currency?.trim().toUpperCase();
  const currency = wanted ?? currencies[0]?.currency ?? '';
  const edges = summaryNetworkEdges(document, { currency: wanted });
  const names = (id: string) => document.organisations[id]?.map(([name]) => name).filter((name) => name) ?? [];

  const nodes = new Map<string, { node: NetworkNode; sum: DecimalSum }>();
  const touch = (id: string, label: string, role: 'buyer' | 'supplier', edge: NetworkEdge) => {
    let entry = nodes.get(id);
    if (!entry) {
      const others = isOthersId(id);
      const known = others ? [] : names(id);
      entry = { node: { id, label, role: others ? 'others' : role, amount: 0, names: known.length ? known : [label], awards: 0 }, sum: new DecimalSum() };
      if (others) Object.assign(entry.node, { buyerId: edge.buyerId, count: edge.others });
      nodes.set(id, entry);
    } else if (entry.node.role !== role && entry.node.role !== 'others') entry.node.role = 'both';
    if (edge.currency !== currency) return;
    entry.sum.add(edge.amount);
    entry.node.awards += edge.awards;
  };
  for (const edge of edges) {
    touch(edge.buyerId, edge.buyer, 'buyer', edge);
    if (edge.supplierId !== edge.buyerId) touch(edge.supplierId, edge.supplier, 'supplier', edge);
  }
  const nodeList = [...nodes.values()].map(({ node, sum }) => ({ ...node, amount: sum.value })).sort((a, b) => b.amount - a.amount || compare(a.id, b.id));

  const inCurrency = edges.filter((edge) => edge.currency === currency);
  const total = new DecimalSum();
  const buyers = new Map<string, { buyer: string; sum: DecimalSum; suppliers: number; top?: NetworkEdge }>();
  for (const edge of inCurrency) {
    total.add(edge.amount);
    const buyer = buyers.get(edge.buyerId) ?? { buyer: edge.buyer, sum: new DecimalSum(), suppliers: 0 };
    buyers.set(edge.buyerId, buyer);
    buyer.sum.add(edge.amount);
    buyer.suppliers += edge.others ?? 1;
    if (edge.others === undefined && (!buyer.top || edge.amount > buyer.top.amount)) buyer.top = edge;
  }
  const buyerRows: BuyerConcentration[] = [...buyers].map(([buyerId, { buyer, sum, suppliers, top }]) => {
    const amount = sum.value;
    const topAmount = top?.amount ?? 0;
    return { buyerId, buyer, amount, suppliers, topSupplierId: top?.supplierId ?? '', topSupplier: top?.supplier ?? '', topAmount, share: amount > 0 && top ? topAmount / amount : undefined };
  });
  buyerRows.sort((a, b) => b.amount - a.amount || compare(a.buyerId, b.buyerId));
  const top5 = document.network.suppliers.rows
    .filter((row) => row[0] === currency)
    .slice(0, 5)
    .map(([, id, amount]) => ({ id, label: summaryLabel(document, id), amount: Number(amount) }));
  const totalValue = total.value;
  const otherCurrencies = wanted === undefined ? [] : summaryNetworkEdges(document).filter((edge) => edge.currency !== wanted);
  return {
    nodes: nodeList,
    edges,
    currency,
    currencies,
    summary: {
      currency,
      total: totalValue,
      awards: inCurrency.reduce((sum, edge) => sum + edge.awards, 0),
      // Kept suppliers once; grouped ones as each buyer's group counts them (one grouped under two buyers counts twice).
      suppliers: new Set(inCurrency.filter((edge) => edge.others === undefined).map((edge) => edge.supplierId)).size + inCurrency.reduce((sum, edge) => sum + (edge.others ?? 0), 0),
      buyers: buyerRows,
      top5,
      top5Share: totalValue > 0 ? sumDecimal(top5.map((row) => row.amount)) / totalValue : undefined,
    },
    excluded: {
      ...document.network.excluded,
      otherCurrency: otherCurrencies.filter((edge) => edge.currency !== '').reduce((sum, edge) => sum + edge.awards, 0),
      unvalued: otherCurrencies.filter((edge) => edge.currency === '').reduce((sum, edge) => sum + edge.awards, 0),
    },
  };
}
