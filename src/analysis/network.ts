// Buyer -> supplier network of awarded value, with concentration figures.
//
// Money rules: awards with status `cancelled` or `unsuccessful` are left out; amounts in different currencies are
// never added. An award with several suppliers is split EQUALLY among its distinct suppliers, so the edges of one
// award add up to the award's value once (totals stay honest); each such edge says so (`split: 'equal'`,
// `sharedAwards`). Awards published without a value still draw an edge (who sells to whom), in the `NO_VALUE`
// currency bucket with amount 0 and `unvalued` counting them.
import type { Award, Dataset, OrgRef } from '../data/types.js';
import { DecimalSum, sumDecimal } from './decimal-sum.js';
import { DEFAULT_NETWORK_LIMIT, isOthersId, NO_VALUE, OTHERS_PREFIX } from './network-constants.js';

export { DEFAULT_NETWORK_LIMIT, isOthersId, NO_VALUE } from './network-constants.js';

export type NetworkRole = 'buyer' | 'supplier' | 'both' | 'others';

/** One organisation (or one buyer's "others" group) in the network. */
export interface NetworkNode {
  /** The organisation's page-wide identity key; `others:<buyer id>` for a buyer's "others" group. */
  id: string;
  label: string;
  role: NetworkRole;
  /** Sum of the node's edge amounts in the network's `currency`. */
  amount: number;
  /** Every name variant seen for the organisation. */
  names: string[];
  /** Distinct awards the node takes part in (in the network's `currency`). */
  awards: number;
  /** For an "others" node: how many suppliers it groups. */
  count?: number;
  /** For an "others" node: the buyer whose smaller suppliers it groups. */
  buyerId?: string;
}

/**
 * How the value of the edge's awards was attributed: `sole` = each award had this one supplier; `equal` = at least
 * one award had several suppliers and its value was divided equally among them.
 */
export type NetworkSplit = 'sole' | 'equal';

/** One buyer -> supplier relation in one currency: the element's `rows`. */
export interface NetworkEdge {
  buyerId: string;
  buyer: string;
  supplierId: string;
  supplier: string;
  /** ISO 4217 code, or `NO_VALUE` ('') for awards published without a value. */
  currency: string;
  amount: number;
  /** Distinct awards on this edge. */
  awards: number;
  split: NetworkSplit;
  /** Awards on this edge shared with other suppliers (their value divided equally). */
  sharedAwards: number;
  /** Awards on this edge published without a value. */
  unvalued: number;
  /** For an edge to an "others" node: how many suppliers it groups. */
  others?: number;
}

export interface BuyerConcentration {
  buyerId: string;
  buyer: string;
  amount: number;
  suppliers: number;
  topSupplierId: string;
  topSupplier: string;
  topAmount: number;
  /** The top supplier's share of the buyer's awarded value (0–1); undefined when the buyer's total is not positive. */
  share?: number;
}

export interface NetworkSummary {
  currency: string;
  /** Awarded value in `currency` (before grouping into "others"). */
  total: number;
  /** Distinct awards in `currency`. */
  awards: number;
  suppliers: number;
  buyers: BuyerConcentration[];
  top5: { id: string; label: string; amount: number }[];
  /** The five largest suppliers' share of `total` (0–1); undefined when the total is not positive. */
  top5Share?: number;
}

export interface SupplierNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The currency of node amounts and of the summary: the one asked for, else the one used by the most processes. */
  currency: string;
  /** Currencies with awarded value, by number of processes (most first). */
  currencies: { currency: string; processes: number }[];
  summary: NetworkSummary;
  /**
   * Awards left out: without a buyer or without a supplier; with a value in another currency than the one asked
   * for; without a value when a currency was asked for.
   */
  excluded: { noBuyer: number; noSupplier: number; otherCurrency: number; unvalued: number };
}

export interface SupplierNetworkOptions {
  /** Only this currency (`NO_VALUE` for awards without a value); all currencies when omitted. */
  currency?: string;
  /** At most this many suppliers per currency, by value; the rest are grouped into one "others" node per buyer. */
  limit?: number;
  /** Only this node's neighbourhood (its edges); a node `id` exactly as in `nodes`. */
  focus?: string;
}

const EXCLUDED_AWARD_STATUSES = new Set(['cancelled', 'unsuccessful']);

/** One award's share for one supplier. */
export interface Contribution {
  award: string;
  buyer: OrgRef;
  supplier: OrgRef;
  currency: string;
  amount: number;
  shared: boolean;
  unvalued: boolean;
}

interface EdgeBuild {
  edge: NetworkEdge;
  /** The edge's amount, summed without binary noise (`edge.amount` is its value once all are added). */
  sum: DecimalSum;
  awards: Set<string>;
  suppliers: Set<string>;
}

/**
 * The buyer -> supplier network of awarded value: one edge per buyer, supplier and currency (all currencies unless
 * `currency` is given), nodes with their value in one currency (`currency`, else the one used by the most
 * processes), suppliers beyond `limit` per currency grouped per buyer, concentration figures in `summary`.
 */
export function supplierNetwork(dataset: Dataset, options: SupplierNetworkOptions = {}): SupplierNetwork {
  return supplierNetworks(dataset)(options);
}

/**
 * `supplierNetwork` of one Dataset for any options, reading its awards once: an element asks for the network in all
 * currencies (its rows) and again in the one it shows. The edges in one currency are those of all currencies in that
 * currency (suppliers are kept per currency, edges are per currency, and the order is by currency first), so they
 * are built once per `limit` and `focus`.
 */
export function supplierNetworks(dataset: Dataset): SupplierNetworks {
  const read = { noBuyer: 0, noSupplier: 0, otherCurrency: 0, unvalued: 0 };
  const all = contributions(dataset, read);
  const currencies = currencyRanking(all);
  const labels = labelLookup(dataset);
  const built = new Map<string, EdgeBuild[]>();
  const edgesFor = (options: SupplierNetworkOptions, focused: (list: Contribution[]) => Contribution[]) => {
    const limit = options.limit === undefined || !(options.limit >= 0) ? DEFAULT_NETWORK_LIMIT : Math.floor(options.limit);
    const key = `${limit}\u0001${options.focus ?? ''}`;
    let edges = built.get(key);
    if (!edges) {
      const everyCurrency = focused(all);
      built.set(key, (edges = buildEdges(everyCurrency, keptSuppliers(everyCurrency, limit), labels)));
    }
    const wanted = options.currency?.trim().toUpperCase();
    return wanted === undefined ? edges : edges.filter((e) => e.edge.currency === wanted);
  };
  const focusing = (focus: string | undefined) => (list: Contribution[]) =>
    focus === undefined ? list : list.filter((c) => c.buyer.key === focus || c.supplier.key === focus);
  const network = (options: SupplierNetworkOptions = {}): SupplierNetwork => {
    const excluded = { ...read };
    const wanted = options.currency?.trim().toUpperCase();
    const currency = wanted ?? currencies[0]?.currency ?? NO_VALUE;
    let selected = all;
    if (wanted !== undefined) {
      selected = all.filter((c) => c.currency === wanted);
      const outside = all.filter((c) => c.currency !== wanted);
      excluded.otherCurrency = new Set(outside.filter((c) => !c.unvalued).map((c) => c.award)).size;
      excluded.unvalued = new Set(outside.filter((c) => c.unvalued).map((c) => c.award)).size;
    }
    const focused = focusing(options.focus);
    selected = focused(selected);
    const summary = concentration(selected, currency, labels);
    const edges = edgesFor(options, focused);
    const nodes = buildNodes(edges, currency, dataset);
    // Each network its own edge objects and ranking, as when each was worked out alone.
    return { nodes, edges: edges.map((e) => ({ ...e.edge })), currency, currencies: currencies.map((c) => ({ ...c })), summary, excluded };
  };
  network.edges = (options: SupplierNetworkOptions = {}) => ({
    edges: edgesFor(options, focusing(options.focus)).map((e) => ({ ...e.edge })),
    currencies: currencies.map((c) => ({ ...c })),
  });
  return network;
}

/** `supplierNetworks`' answer: the network for any options, and (`edges`) its edges and currencies alone. */
export interface SupplierNetworks {
  (options?: SupplierNetworkOptions): SupplierNetwork;
  /** The network's `edges` and `currencies`, without its nodes and summary. */
  edges(options?: SupplierNetworkOptions): Pick<SupplierNetwork, 'edges' | 'currencies'>;
}

/** Every live award's share per distinct supplier (`award` is `process index/award index`); also read by the summary. */
export function contributions(dataset: Dataset, excluded: SupplierNetwork['excluded']): Contribution[] {
  const out: Contribution[] = [];
  dataset.processes.forEach((process, p) => {
    const buyer = process.buyer ?? process.procuringEntity;
    process.awards.forEach((award, a) => {
      if (award.status && EXCLUDED_AWARD_STATUSES.has(award.status.trim().toLowerCase())) return;
      const suppliers = distinctSuppliers(award);
      if (!buyer) {
        excluded.noBuyer++;
        return;
      }
      if (suppliers.length === 0) {
        excluded.noSupplier++;
        return;
      }
      const amount = award.value?.amount;
      const valued = typeof amount === 'number' && Number.isFinite(amount);
      const id = `${p}/${a}`;
      for (const supplier of suppliers) {
        out.push({
          award: id,
          buyer,
          supplier,
          currency: valued ? award.value!.currency : NO_VALUE,
          amount: valued ? amount / suppliers.length : 0,
          shared: suppliers.length > 1,
          unvalued: !valued,
        });
      }
    });
  });
  return out;
}

function currencyRanking(all: Contribution[]): SupplierNetwork['currencies'] {
  const processes = new Map<string, Set<string>>();
  for (const c of all) {
    if (c.currency === NO_VALUE) continue;
    const process = c.award.slice(0, c.award.indexOf('/'));
    if (!processes.has(c.currency)) processes.set(c.currency, new Set());
    processes.get(c.currency)!.add(process);
  }
  return [...processes]
    .map(([currency, set]) => ({ currency, processes: set.size }))
    .sort((a, b) => b.processes - a.processes || compare(a.currency, b.currency));
}

type Labels = (ref: OrgRef) => string;

/** An award's suppliers, each once (a supplier listed twice in one award is one supplier); its value is split equally among them. */
export function distinctSuppliers(award: Award): OrgRef[] {
  return [...new Map(award.suppliers.map((s) => [s.key, s])).values()];
}

/** An organisation's label: the first name the dataset holds for its identity, else the name as referenced. */
export function labelLookup(dataset: Dataset): Labels {
  return (ref) => dataset.organisations.get(ref.key)?.names.find((n) => n) || ref.name || ref.key;
}

/** Suppliers to draw, per currency: the `limit` largest by value (then by awards, then by id). */
function keptSuppliers(selected: Contribution[], limit: number): Set<string> {
  const byCurrency = new Map<string, Map<string, { sum: DecimalSum; awards: number }>>();
  for (const c of selected) {
    if (!byCurrency.has(c.currency)) byCurrency.set(c.currency, new Map());
    const totals = byCurrency.get(c.currency)!;
    const t = totals.get(c.supplier.key) ?? { sum: new DecimalSum(), awards: 0 };
    t.sum.add(c.amount);
    t.awards++;
    totals.set(c.supplier.key, t);
  }
  const kept = new Set<string>();
  for (const [currency, totals] of byCurrency) {
    const ranked = [...totals].sort(
      ([ia, a], [ib, b]) => b.sum.value - a.sum.value || b.awards - a.awards || compare(ia, ib),
    );
    for (const [id] of ranked.slice(0, limit)) kept.add(`${currency}\u0001${id}`);
  }
  return kept;
}

function buildEdges(selected: Contribution[], kept: Set<string>, label: Labels): EdgeBuild[] {
  const edges = new Map<string, EdgeBuild>();
  for (const c of selected) {
    const grouped = !kept.has(`${c.currency}\u0001${c.supplier.key}`);
    const supplierId = grouped ? OTHERS_PREFIX + c.buyer.key : c.supplier.key;
    const key = `${c.buyer.key}\u0001${supplierId}\u0001${c.currency}`;
    let build = edges.get(key);
    if (!build) {
      build = {
        edge: {
          buyerId: c.buyer.key,
          buyer: label(c.buyer),
          supplierId,
          supplier: grouped ? '' : label(c.supplier),
          currency: c.currency,
          amount: 0,
          awards: 0,
          split: 'sole',
          sharedAwards: 0,
          unvalued: 0,
        },
        sum: new DecimalSum(),
        awards: new Set(),
        suppliers: new Set(),
      };
      edges.set(key, build);
    }
    const { edge } = build;
    build.sum.add(c.amount);
    if (!build.awards.has(c.award)) {
      build.awards.add(c.award);
      edge.awards++;
      if (c.shared) edge.sharedAwards++;
      if (c.unvalued) edge.unvalued++;
    }
    if (c.shared) edge.split = 'equal';
    build.suppliers.add(c.supplier.key);
  }
  for (const build of edges.values()) {
    build.edge.amount = build.sum.value;
    if (!build.edge.supplierId.startsWith(OTHERS_PREFIX) || build.edge.supplier) continue;
    build.edge.others = build.suppliers.size;
    build.edge.supplier = othersLabel(build.suppliers.size);
  }
  return [...edges.values()].sort(
    (a, b) =>
      compare(a.edge.currency, b.edge.currency) ||
      b.edge.amount - a.edge.amount ||
      compare(a.edge.buyerId, b.edge.buyerId) ||
      compare(a.edge.supplierId, b.edge.supplierId),
  );
}

/** English label of an "others" group; elements translate it from `count`. */
export function othersLabel(count: number): string {
  return count === 1 ? '1 other supplier' : `${count} other suppliers`;
}

function buildNodes(edges: EdgeBuild[], currency: string, dataset: Dataset): NetworkNode[] {
  const nodes = new Map<string, { node: NetworkNode; sum: DecimalSum; awards: Set<string>; suppliers: Set<string> }>();
  const touch = (id: string, name: string, as: 'buyer' | 'supplier', build: EdgeBuild) => {
    let entry = nodes.get(id);
    if (!entry) {
      const others = isOthersId(id);
      const names = others ? [] : (dataset.organisations.get(id)?.names.filter((n) => n) ?? []);
      entry = {
        node: { id, label: name, role: others ? 'others' : as, amount: 0, names: names.length ? names : [name], awards: 0 },
        sum: new DecimalSum(),
        awards: new Set(),
        suppliers: new Set(),
      };
      if (others) entry.node.buyerId = build.edge.buyerId;
      nodes.set(id, entry);
    } else if (entry.node.role !== as && entry.node.role !== 'others') {
      entry.node.role = 'both';
    }
    for (const supplier of build.suppliers) entry.suppliers.add(supplier);
    if (build.edge.currency !== currency) return;
    entry.sum.add(build.edge.amount);
    for (const award of build.awards) entry.awards.add(award);
  };
  for (const build of edges) {
    touch(build.edge.buyerId, build.edge.buyer, 'buyer', build);
    // A self-loop (an organisation buying from itself) counts its amount once on the node.
    if (build.edge.supplierId !== build.edge.buyerId) touch(build.edge.supplierId, build.edge.supplier, 'supplier', build);
  }
  const out: NetworkNode[] = [];
  for (const { node, sum, awards, suppliers } of nodes.values()) {
    node.amount = sum.value;
    node.awards = awards.size;
    if (node.role === 'others') {
      node.count = suppliers.size;
      node.label = othersLabel(suppliers.size);
    }
    out.push(node);
  }
  return out.sort((a, b) => b.amount - a.amount || compare(a.id, b.id));
}

function concentration(selected: Contribution[], currency: string, label: Labels): NetworkSummary {
  const inCurrency = selected.filter((c) => c.currency === currency);
  type Summed = { label: string; sum: DecimalSum };
  const suppliers = new Map<string, Summed>();
  const buyers = new Map<string, Summed & { suppliers: Map<string, Summed> }>();
  const total = new DecimalSum();
  for (const c of inCurrency) {
    total.add(c.amount);
    const s = suppliers.get(c.supplier.key) ?? { label: label(c.supplier), sum: new DecimalSum() };
    s.sum.add(c.amount);
    suppliers.set(c.supplier.key, s);
    const b = buyers.get(c.buyer.key) ?? { label: label(c.buyer), sum: new DecimalSum(), suppliers: new Map() };
    b.sum.add(c.amount);
    const bs = b.suppliers.get(c.supplier.key) ?? { label: s.label, sum: new DecimalSum() };
    bs.sum.add(c.amount);
    b.suppliers.set(c.supplier.key, bs);
    buyers.set(c.buyer.key, b);
  }
  const ranked = (m: Map<string, Summed>) =>
    [...m]
      .map(([id, v]) => ({ id, label: v.label, amount: v.sum.value }))
      .sort((a, b) => b.amount - a.amount || compare(a.id, b.id));
  const top5 = ranked(suppliers).slice(0, 5);
  const top5Amount = sumDecimal(top5.map((s) => s.amount));
  const buyerRows: BuyerConcentration[] = [...buyers].map(([buyerId, { label: buyer, sum, suppliers: bySupplier }]) => {
    const top = ranked(bySupplier)[0]!;
    const amount = sum.value;
    return {
      buyerId,
      buyer,
      amount,
      suppliers: bySupplier.size,
      topSupplierId: top.id,
      topSupplier: top.label,
      topAmount: top.amount,
      share: amount > 0 ? top.amount / amount : undefined,
    };
  });
  buyerRows.sort((a, b) => b.amount - a.amount || compare(a.buyerId, b.buyerId));
  return {
    currency,
    total: total.value,
    awards: new Set(inCurrency.map((c) => c.award)).size,
    suppliers: suppliers.size,
    buyers: buyerRows,
    top5,
    top5Share: total.value > 0 ? top5Amount / total.value : undefined,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
