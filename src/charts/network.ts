// Vega spec of the supplier network. Positions come from the force layout (src/charts/force-layout.ts), computed
// before the spec is built; Vega only draws: it scales layout units uniformly into the view (so a resize keeps the
// shape), sizes nodes by value, colours them by role and highlights the hovered or selected node's neighbours.
import type { NetworkNode, NetworkRole, SupplierNetwork } from '../analysis/network.js';
import type { LayoutLink, LayoutNode } from './force-layout.js';

/** Radius (layout units, ~pixels) of a node: by the square root of its value, so area follows value. */
const MIN_RADIUS = 4;
const MAX_RADIUS = 20;
const MIN_EDGE_WIDTH = 0.75;
const MAX_EDGE_WIDTH = 8;
/** Names drawn beside the largest nodes; the rest are in tooltips, the node list and the table. */
const LABELLED_NODES = 8;

export interface NetworkLayoutInput {
  nodes: LayoutNode[];
  links: LayoutLink[];
}

/** The force layout's input for a network: buyers are hubs, radius by value, one link per buyer–supplier pair. */
export function networkLayoutInput(network: Pick<SupplierNetwork, 'nodes' | 'edges'>): NetworkLayoutInput {
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  const max = Math.max(0, ...network.nodes.map((node) => node.amount));
  const nodes = network.nodes.map((node) => ({ id: node.id, hub: node.role === 'buyer' || node.role === 'both', radius: nodeRadius(node, max) }));
  const pairs = new Set<string>();
  const links: LayoutLink[] = [];
  for (const edge of network.edges) {
    const source = index.get(edge.buyerId);
    const target = index.get(edge.supplierId);
    if (source === undefined || target === undefined || pairs.has(`${source} ${target}`)) continue;
    pairs.add(`${source} ${target}`);
    links.push({ source, target });
  }
  return { nodes, links };
}

function nodeRadius(node: NetworkNode, max: number): number {
  return max > 0 && node.amount > 0 ? MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(node.amount / max) : MIN_RADIUS;
}

export interface NetworkSpecOptions {
  /** View height in pixels (the width comes from the element). */
  height: number;
  /** Fill per role, plus text and muted (edges) colours. */
  colours: Record<NetworkRole, string> & { text: string; muted: string };
  /** Translated role names (legend, tooltips). */
  roles: Record<NetworkRole, string>;
  /** Translated tooltip field names. */
  fields: { organisation: string; role: string; amount: string; awards: string; buyer: string; supplier: string; split: string };
  /** Money as the reader reads it (Intl, the element's language). */
  formatAmount: (amount: number) => string;
  /** How an edge's value was split, as a sentence for its tooltip ('' when not split). */
  describeSplit: (edge: SupplierNetwork['edges'][number]) => string;
  /** A node to mark as the centre (the `focus` attribute). */
  focus?: string;
}

/** Builds the Vega spec; `x`/`y` are the layout's positions, in the order of `network.nodes`. */
export function networkSpec(
  network: Pick<SupplierNetwork, 'nodes' | 'edges'>,
  positions: { x: ArrayLike<number>; y: ArrayLike<number> },
  options: NetworkSpecOptions,
): object {
  const max = Math.max(0, ...network.nodes.map((node) => node.amount));
  const labelled = new Set(
    [...network.nodes]
      .filter((node) => node.amount > 0 || network.nodes.length <= LABELLED_NODES)
      .sort((a, b) => b.amount - a.amount)
      .slice(0, LABELLED_NODES)
      .map((node) => node.id),
  );
  if (options.focus) labelled.add(options.focus);
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const nodes = network.nodes.map((node, i) => {
    const r = nodeRadius(node, max);
    const x = finite(positions.x[i]);
    const y = finite(positions.y[i]);
    minX = Math.min(minX, x - r);
    maxX = Math.max(maxX, x + r);
    minY = Math.min(minY, y - r);
    maxY = Math.max(maxY, y + r);
    return {
      id: node.id,
      label: node.label,
      role: options.roles[node.role],
      amount: node.amount,
      amountText: options.formatAmount(node.amount),
      awards: node.awards,
      x,
      y,
      r,
      labelled: labelled.has(node.id),
      short: node.label.length > 28 ? `${node.label.slice(0, 27)}…` : node.label,
    };
  });
  const maxEdge = Math.max(0, ...network.edges.map((edge) => edge.amount));
  const edges = network.edges.flatMap((edge) => {
    const s = index.get(edge.buyerId);
    const t = index.get(edge.supplierId);
    if (s === undefined || t === undefined) return [];
    return [
      {
        source: edge.buyerId,
        target: edge.supplierId,
        buyer: edge.buyer,
        supplier: edge.supplier,
        amountText: options.formatAmount(edge.amount),
        awards: edge.awards,
        split: options.describeSplit(edge),
        sx: nodes[s]!.x,
        sy: nodes[s]!.y,
        tx: nodes[t]!.x,
        ty: nodes[t]!.y,
        width: maxEdge > 0 && edge.amount > 0 ? MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * (edge.amount / maxEdge) : MIN_EDGE_WIDTH,
      },
    ];
  });
  if (nodes.length === 0) minX = maxX = minY = maxY = 0;
  // Layout units -> pixels: one uniform factor `k`, centred, so the network keeps its shape at every width.
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const px = (field: string) => `width / 2 + (datum.${field} - ${cx}) * k`;
  const py = (field: string) => `height / 2 + (datum.${field} - ${cy}) * k`;
  const f = options.fields;
  const key = (text: string) => JSON.stringify(text);
  const roleOrder: NetworkRole[] = ['buyer', 'supplier', 'both', 'others'];
  const present = roleOrder.filter((role) => network.nodes.some((node) => node.role === role));
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    height: options.height,
    padding: 8,
    signals: [
      { name: 'k', update: `min(width / ${spanX}, height / ${spanY})` },
      {
        name: 'hovered',
        value: null,
        on: [
          { events: '@node:mouseover', update: 'datum.id' },
          { events: '@node:mouseout', update: 'null' },
        ],
      },
      { name: 'ocds_selected', value: null },
      { name: 'active', update: 'hovered || ocds_selected' },
    ],
    data: [
      { name: 'nodes', values: nodes },
      { name: 'edges', values: edges },
      {
        name: 'activeEdges',
        source: 'edges',
        transform: [{ type: 'filter', expr: 'active && (datum.source === active || datum.target === active)' }],
      },
      {
        name: 'activeNodes',
        source: 'activeEdges',
        transform: [
          { type: 'fold', fields: ['source', 'target'], as: ['end', 'nodeId'] },
          { type: 'aggregate', groupby: ['nodeId'] },
        ],
      },
      { name: 'labels', source: 'nodes', transform: [{ type: 'filter', expr: 'datum.labelled' }] },
    ],
    scales: [
      {
        name: 'colour',
        type: 'ordinal',
        domain: present.map((role) => options.roles[role]),
        range: present.map((role) => options.colours[role]),
      },
    ],
    legends: present.length > 1 ? [{ fill: 'colour', orient: 'top', direction: 'horizontal', symbolType: 'circle', aria: false }] : [],
    marks: [
      {
        type: 'rule',
        name: 'edge',
        from: { data: 'edges' },
        aria: false,
        encode: {
          update: {
            x: { signal: px('sx') },
            y: { signal: py('sy') },
            x2: { signal: px('tx') },
            y2: { signal: py('ty') },
            stroke: { value: options.colours.muted },
            strokeWidth: { field: 'width' },
            strokeOpacity: { signal: '!active ? 0.45 : datum.source === active || datum.target === active ? 0.9 : 0.06' },
            tooltip: {
              signal: `{${key(f.buyer)}: datum.buyer, ${key(f.supplier)}: datum.supplier, ${key(f.amount)}: datum.amountText, ${key(f.awards)}: datum.awards, ${key(f.split)}: datum.split || null}`,
            },
          },
        },
      },
      {
        type: 'symbol',
        name: 'node',
        from: { data: 'nodes' },
        aria: false,
        encode: {
          update: {
            x: { signal: px('x') },
            y: { signal: py('y') },
            shape: { value: 'circle' },
            size: { signal: 'PI * pow(clamp(datum.r * k, 2.5, datum.r * 1.5), 2)' },
            fill: { scale: 'colour', field: 'role' },
            fillOpacity: {
              signal: '!active || datum.id === active || indata("activeNodes", "nodeId", datum.id) ? 0.9 : 0.15',
            },
            stroke: { signal: `datum.id === ocds_selected || datum.id === ${JSON.stringify(options.focus ?? null)} ? ${key(options.colours.text)} : null` },
            strokeWidth: { value: 2 },
            cursor: { value: 'pointer' },
            tooltip: {
              signal: `{${key(f.organisation)}: datum.label, ${key(f.role)}: datum.role, ${key(f.amount)}: datum.amountText, ${key(f.awards)}: datum.awards}`,
            },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'labels' },
        aria: false,
        interactive: false,
        encode: {
          update: {
            x: { signal: `${px('x')} + clamp(datum.r * k, 2.5, datum.r * 1.5) + 3` },
            y: { signal: py('y') },
            baseline: { value: 'middle' },
            text: { field: 'short' },
            fill: { value: options.colours.text },
            fontSize: { value: 11 },
            opacity: { signal: '!active || datum.id === active || indata("activeNodes", "nodeId", datum.id) ? 1 : 0.2' },
          },
        },
      },
    ],
  };
}

function finite(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
