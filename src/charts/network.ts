// Vega spec of the supplier network. Positions come from the force layout (src/charts/force-layout.ts), computed
// before the spec is built; Vega only draws: it scales layout units uniformly into the view (so a resize keeps the
// shape), sizes nodes by value, colours them by role and highlights the hovered or selected node's neighbours.
import { balanceBidi } from '../data/bidi.js';
import type { NetworkNode, NetworkRole, SupplierNetwork } from '../analysis/network.js';
import type { LayoutLink, LayoutNode } from './force-layout.js';

/** Radius (layout units, ~pixels) of a node: by the square root of its value, so area follows value. */
const MIN_RADIUS = 4;
const MAX_RADIUS = 20;
const MIN_EDGE_WIDTH = 0.75;
const MAX_EDGE_WIDTH = 8;
/** Names drawn beside the largest nodes; the rest are in tooltips, the node list and the table. */
const LABELLED_NODES = 8;
/** A drawn name's box at the 11 px label font, estimated generously so that estimated boxes apart are apart. */
const LABEL_HEIGHT = 14;
const LABEL_CHAR_WIDTH = 6.5;

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
  /** View size in pixels: positions and sizes are computed for it. */
  width: number;
  height: number;
  /** Fill per role, plus text and muted (edges) colours. */
  colours: Record<NetworkRole, string> & { text: string; muted: string; background: string };
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

/** Largest scale from layout units to pixels. */
const MAX_ZOOM = 2;
/** Pixels kept free around the network, and above it for the legend. */
const MARGIN = 8;
const LEGEND_HEIGHT = 22;
/** Neighbours whose names the highlight shows; a hub with more keeps only its own name. */
const LABELLED_NEIGHBOURS = 25;
/** Edge widths are drawn in these steps, one SVG path per step, so thousands of edges cost a handful of marks. */
const EDGE_WIDTH_STEPS = [0.75, 1.5, 2.5, 4, 6, 8];

/**
 * Builds the Vega spec for a view of `width` × `height` pixels; `x`/`y` are the layout's positions, in the order of
 * `network.nodes`. Vega's CSP-safe expression interpreter evaluates every encoding channel of every item, slowly,
 * so everything is precomputed here in pixels: nodes have five plain fields, edges are drawn as one path per width
 * step, and the highlight is an overlay (a veil, then the active node, its edges and neighbours) found by lookups —
 * a few expressions per hover instead of several per item. A new width needs a new spec (the element redraws).
 */
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
  const f = options.fields;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const placed = network.nodes.map((node, i) => {
    const r = nodeRadius(node, max);
    const x = finite(positions.x[i]);
    const y = finite(positions.y[i]);
    minX = Math.min(minX, x - r);
    maxX = Math.max(maxX, x + r);
    minY = Math.min(minY, y - r);
    maxY = Math.max(maxY, y + r);
    return { node, r, x, y };
  });
  if (placed.length === 0) minX = maxX = minY = maxY = 0;
  // Layout units -> pixels: one factor for both axes, centred, so the network keeps its shape.
  const roleOrder: NetworkRole[] = ['buyer', 'supplier', 'both', 'others'];
  const present = roleOrder.filter((role) => network.nodes.some((node) => node.role === role));
  // The network fills the view inside a margin (and below the legend). The view is exactly `width` wide, with no
  // autosize padding, so resizing it to the container's width (as the element base does) keeps it in place.
  const top = MARGIN + (present.length > 1 ? LEGEND_HEIGHT : 0);
  const boxWidth = Math.max(options.width - 2 * MARGIN, 1);
  const boxHeight = Math.max(options.height - top - MARGIN, 1);
  // At most twice the layout's scale: a small network stays compact in the middle rather than stretched edge to edge.
  const k = Math.min(boxWidth / Math.max(maxX - minX, 1), boxHeight / Math.max(maxY - minY, 1), MAX_ZOOM);
  const px = (x: number) => round(MARGIN + boxWidth / 2 + (x - (minX + maxX) / 2) * k);
  const py = (y: number) => round(top + boxHeight / 2 + (y - (minY + maxY) / 2) * k);
  const nodes = placed.map(({ node, r, x, y }) => {
    const radius = Math.min(Math.max(r * k, 2.5), r * 1.5);
    const left = px(x);
    // Names go right of the node, or left of it in the right quarter, and are cut to the room left in the view.
    const flip = left > options.width * 0.75;
    return {
      id: node.id,
      role: options.roles[node.role],
      colour: options.colours[node.role],
      x: left,
      y: py(y),
      size: round(Math.PI * radius * radius),
      dx: round(flip ? -radius - 3 : radius + 3),
      align: flip ? 'right' : 'left',
      room: round(Math.max(40, flip ? left - radius - 3 : options.width - MARGIN - left - radius - 3)),
      short: node.label.length > 28 ? `${balanceBidi(node.label.slice(0, 27))}…` : node.label,
      links: [] as { edge: number; other: string }[],
      tooltip: {
        [f.organisation]: node.label,
        [f.role]: options.roles[node.role],
        [f.amount]: options.formatAmount(node.amount),
        [f.awards]: node.awards,
      },
    };
  });
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  const maxEdge = Math.max(0, ...network.edges.map((edge) => edge.amount));
  const paths = EDGE_WIDTH_STEPS.map(() => [] as string[]);
  const edges: { index: number; x: number; y: number; x2: number; y2: number; width: number }[] = [];
  for (const edge of network.edges) {
    const s = index.get(edge.buyerId);
    const t = index.get(edge.supplierId);
    if (s === undefined || t === undefined) continue;
    const width = maxEdge > 0 && edge.amount > 0 ? MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * (edge.amount / maxEdge) : MIN_EDGE_WIDTH;
    const step = nearestStep(width);
    const from = nodes[s]!;
    const to = nodes[t]!;
    paths[step]!.push(`M${from.x},${from.y}L${to.x},${to.y}`);
    const i = edges.push({ index: edges.length, x: from.x, y: from.y, x2: to.x, y2: to.y, width: EDGE_WIDTH_STEPS[step]! }) - 1;
    from.links.push({ edge: i, other: to.id });
    if (s !== t) to.links.push({ edge: i, other: from.id });
  }
  const edgePaths = paths.flatMap((segments, step) => (segments.length ? [{ d: segments.join(''), width: EDGE_WIDTH_STEPS[step] }] : []));
  const nodeFields = ['id', 'x', 'y', 'size', 'colour', 'short', 'dx', 'align', 'room'];
  /** A dataset of `fields` lifted out of the looked-up object `key` of each row of `from`. */
  const lookUp = (data: string, from: string, key: string, fields: string[]) => ({
    name: data,
    source: from,
    transform: [{ type: 'project', fields: fields.map((field) => `${key}.${field}`), as: fields }],
  });
  const text = options.colours.text;
  const position = { x: { field: 'x' }, y: { field: 'y' } };
  const dot = { ...position, size: { field: 'size' }, fill: { field: 'colour' } };
  const label = {
    ...position,
    dx: { field: 'dx' },
    align: { field: 'align' },
    limit: { field: 'room' },
    text: { field: 'short' },
    fill: { value: text },
    baseline: { value: 'middle' },
    fontSize: { value: 11 },
  };
  const overlay = (type: string, data: string, encode: object) => ({ type, from: { data }, interactive: false, aria: false, encode: { update: encode } });
  const ring = { ...position, size: { field: 'size' }, fill: { value: null }, stroke: { value: text }, strokeWidth: { value: 2 } };
  const focused = options.focus ? nodes.find((node) => node.id === options.focus) : undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: options.width,
    height: options.height,
    autosize: 'none',
    padding: 0,
    signals: [
      // The element base also sets it to the node whose list button has keyboard focus.
      {
        name: 'ocds_hovered',
        value: null,
        on: [
          { events: '@node:mouseover', update: 'datum.id' },
          { events: '@node:mouseout', update: 'null' },
        ],
      },
      { name: 'ocds_selected', value: null },
      { name: 'active', update: 'ocds_hovered || ocds_selected' },
    ],
    data: [
      { name: 'nodes', values: nodes },
      { name: 'edges', values: edges },
      { name: 'edgePaths', values: edgePaths },
      { name: 'labels', values: withoutOverlap(nodes, labelled, options.focus) },
      { name: 'focused', values: focused ? [focused] : [] },
      {
        name: 'activeRow',
        values: [{}],
        transform: [
          { type: 'formula', as: 'key', expr: 'active' },
          { type: 'lookup', from: 'nodes', key: 'id', fields: ['key'], as: ['node'] },
          { type: 'filter', expr: 'datum.node' },
        ],
      },
      lookUp('activeNode', 'activeRow', 'node', [...nodeFields, 'links']),
      {
        name: 'activeLinks',
        source: 'activeNode',
        transform: [
          { type: 'flatten', fields: ['links'], as: ['link'] },
          { type: 'project', fields: ['link.edge', 'link.other', 'links.length'], as: ['edge', 'other', 'count'] },
          { type: 'lookup', from: 'edges', key: 'index', fields: ['edge'], as: ['e'] },
          { type: 'lookup', from: 'nodes', key: 'id', fields: ['other'], as: ['n'] },
        ],
      },
      lookUp('activeEdges', 'activeLinks', 'e', ['x', 'y', 'x2', 'y2', 'width']),
      lookUp('neighbours', 'activeLinks', 'n', nodeFields),
      {
        name: 'neighbourLabels',
        source: 'activeLinks',
        transform: [
          { type: 'filter', expr: `datum.count <= ${LABELLED_NEIGHBOURS}` },
          { type: 'project', fields: nodeFields.map((field) => `n.${field}`), as: nodeFields },
        ],
      },
      {
        name: 'selectedRow',
        values: [{}],
        transform: [
          { type: 'formula', as: 'key', expr: 'ocds_selected' },
          { type: 'lookup', from: 'nodes', key: 'id', fields: ['key'], as: ['node'] },
          { type: 'filter', expr: 'datum.node' },
          { type: 'project', fields: ['node.x', 'node.y', 'node.size'], as: ['x', 'y', 'size'] },
        ],
      },
    ],
    scales: [
      // For the legend only: nodes carry their colour.
      { name: 'colour', type: 'ordinal', domain: present.map((role) => options.roles[role]), range: present.map((role) => options.colours[role]) },
    ],
    legends:
      present.length > 1
        ? [{ fill: 'colour', orient: 'none', legendX: MARGIN, legendY: MARGIN, direction: 'horizontal', symbolType: 'circle', aria: false }]
        : [],
    marks: [
      {
        type: 'path',
        from: { data: 'edgePaths' },
        interactive: false,
        aria: false,
        encode: { enter: { path: { field: 'd' }, strokeWidth: { field: 'width' }, stroke: { value: options.colours.muted }, strokeOpacity: { value: 0.45 } } },
      },
      { type: 'symbol', name: 'node', from: { data: 'nodes' }, aria: false, encode: { enter: { ...dot, tooltip: { field: 'tooltip' } } } },
      overlay('text', 'labels', label),
      // The highlight: a veil over the network, then the active node's edges, neighbours and names on top. None of
      // it takes the pointer, so hovering and clicking keep reaching the nodes underneath.
      overlay('rect', 'activeNode', { x: { value: 0 }, y: { value: 0 }, x2: { signal: 'width' }, y2: { signal: 'height' }, fill: { value: options.colours.background }, fillOpacity: { value: 0.75 } }),
      overlay('rule', 'activeEdges', { x: { field: 'x' }, y: { field: 'y' }, x2: { field: 'x2' }, y2: { field: 'y2' }, stroke: { value: options.colours.muted }, strokeWidth: { field: 'width' } }),
      overlay('symbol', 'neighbours', dot),
      overlay('symbol', 'activeNode', dot),
      overlay('text', 'neighbourLabels', label),
      overlay('text', 'activeNode', label),
      overlay('symbol', 'focused', ring),
      overlay('symbol', 'selectedRow', ring),
    ],
  };
}

function nearestStep(width: number): number {
  let best = 0;
  for (let i = 1; i < EDGE_WIDTH_STEPS.length; i++) {
    if (Math.abs(EDGE_WIDTH_STEPS[i]! - width) < Math.abs(EDGE_WIDTH_STEPS[best]! - width)) best = i;
  }
  return best;
}

/** Pixels to a tenth: shorter SVG and spec, no visible difference. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function finite(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

interface LabelledNode {
  id: string;
  x: number;
  y: number;
  dx: number;
  align: string;
  room: number;
  short: string;
}

/**
 * The nodes whose names are drawn without hovering: the labelled ones, largest first (the focused one before all),
 * leaving out a name that would overlap one already placed — on a phone-width view the largest nodes crowd together.
 * A name left out still shows on hover and focus, and in the list and the table.
 */
function withoutOverlap<T extends LabelledNode>(nodes: T[], labelled: Set<string>, focus?: string): T[] {
  const order = [...labelled].sort((a, b) => Number(b === focus) - Number(a === focus));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const shown: T[] = [];
  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    const width = Math.min(node.room, node.short.length * LABEL_CHAR_WIDTH);
    const x0 = node.align === 'right' ? node.x + node.dx - width : node.x + node.dx;
    const box = { x0, x1: x0 + width, y0: node.y - LABEL_HEIGHT / 2, y1: node.y + LABEL_HEIGHT / 2 };
    if (placed.some((other) => box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1)) continue;
    placed.push(box);
    shown.push(node);
  }
  return shown;
}
