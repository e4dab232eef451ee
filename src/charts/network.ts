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
/** A drawn name's box at the 11 px label font, estimated generously so that estimated boxes apart are apart (Firefox's
 * text boxes are taller than Chromium's: at 14 px, a name under one node touched a name beside the next). */
const LABEL_HEIGHT = 18;

/** A name's width at the 11 px label font, estimated generously: capitals (common in suppliers' names) are wider. */
function nameWidth(name: string): number {
  let width = 0;
  for (const char of name) width += char === ' ' ? 4 : /[MW]/.test(char) ? 11 : /[A-Z0-9]/.test(char) ? 8.5 : /[il.,:;'|!]/.test(char) ? 4 : 7;
  return width;
}

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
    return {
      id: node.id,
      role: options.roles[node.role],
      colour: options.colours[node.role],
      x: left,
      y: py(y),
      radius,
      size: round(Math.PI * radius * radius),
      // The name whole; Vega cuts it (with an ellipsis) only where it is wider than the room beside the node.
      short: node.label,
      // Where its name goes when hovered or focused: beside it, as placeLabels would put it with no other names to
      // avoid (a name placeLabels draws keeps its place when hovered).
      ...labelSides(left, radius, node.label, options.width)[0]!,
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
  const labels = placeLabels(nodes, edges, labelled, { width: options.width, height: options.height, top }, options.focus);
  const nodeFields = ['id', 'x', 'y', 'size', 'colour', 'short', 'dx', 'dy', 'align', 'baseline', 'room'];
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
    dy: { field: 'dy' },
    align: { field: 'align' },
    baseline: { field: 'baseline' },
    limit: { field: 'room' },
    text: { field: 'short' },
    fill: { value: text },
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
          // A drawn name is its node's too: hovering it highlights the node and shows the tooltip (the name whole).
          { events: '@label:mouseover', update: 'datum.id' },
          { events: '@label:mouseout', update: 'null' },
        ],
      },
      { name: 'ocds_selected', value: null },
      { name: 'active', update: 'ocds_hovered || ocds_selected' },
    ],
    data: [
      { name: 'nodes', values: nodes },
      { name: 'edges', values: edges },
      { name: 'edgePaths', values: edgePaths },
      { name: 'labels', values: labels },
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
      { type: 'text', name: 'label', from: { data: 'labels' }, aria: false, encode: { update: { ...label, tooltip: { field: 'tooltip' } } } },
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

type Side = 'left' | 'right';

/** Where a name is drawn from its node's centre (dx, dy), how it aligns, and its room in pixels (Vega's limit). */
interface Place {
  dx: number;
  dy: number;
  align: string;
  baseline: string;
  room: number;
}

/** Names go away from the middle of the view, where the network is densest and the other side's names run. */
function outwardSide(x: number, width: number): Side {
  return x < width / 2 ? 'left' : 'right';
}

/**
 * The sides a node's name may go, best first: those where it fits whole (outward first), else the wider one, where it
 * is cut to the room.
 */
function labelSides(x: number, radius: number, name: string, width: number): Place[] {
  const wanted = nameWidth(name);
  const sides = sidePlaces(x, radius, width);
  const whole = sides.filter((side) => side.room >= wanted);
  if (whole.length) return whole;
  return [sides.reduce((a, b) => (b.room > a.room ? b : a))];
}

/** Both sides of a node, outward first. */
function sidePlaces(x: number, radius: number, width: number): Place[] {
  const outward = outwardSide(x, width);
  return [outward, outward === 'left' ? 'right' : 'left'].map((side) => labelSide(x, radius, side as Side, width));
}

/** Where a name drawn on `side` of a node starts (dx), how it aligns, and the room it has to the view's edge. */
function labelSide(x: number, radius: number, side: Side, width: number): Place {
  const gap = radius + 3;
  const room = side === 'left' ? x - gap - MARGIN : width - MARGIN - x - gap;
  // At least a pixel: Vega reads a limit of 0 as no limit.
  return { dx: round(side === 'left' ? -gap : gap), dy: 0, align: side === 'left' ? 'right' : 'left', baseline: 'middle', room: round(Math.max(1, room)) };
}

/**
 * A name centred under (or over) its node, moved sideways as far as it must to stay inside the view: where two nodes
 * sit side by side on a phone-width view, the room beside each is the other node, the room under it the whole width.
 */
function verticalPlace(x: number, radius: number, name: string, width: number, below: boolean): Place {
  const drawn = Math.min(nameWidth(name), width - 2 * MARGIN);
  const centre = Math.min(Math.max(x, MARGIN + drawn / 2), width - MARGIN - drawn / 2);
  // Clear of the node by more than a side name is: a text box reaches above its "top" baseline (in Firefox most).
  const gap = radius + 4;
  return {
    dx: round(centre - x),
    dy: round(below ? gap : -gap),
    align: 'center',
    baseline: below ? 'top' : 'bottom',
    // Vega cuts the name (with an ellipsis) to this: the width it may take centred there without leaving the view.
    room: round(Math.max(1, 2 * Math.min(centre - MARGIN, width - MARGIN - centre))),
  };
}

interface LabelledNode {
  id: string;
  x: number;
  y: number;
  radius: number;
  short: string;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface Segment {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/** Narrowest room worth a cut name: a few letters and the ellipsis. */
const MIN_LABEL_ROOM = 48;

/** The box a name drawn at `place` takes (estimated). */
function labelBox(node: LabelledNode, place: Place): Box {
  const drawn = Math.min(place.room, nameWidth(node.short));
  const x = node.x + place.dx;
  const x0 = place.align === 'right' ? x - drawn : place.align === 'center' ? x - drawn / 2 : x;
  const y = node.y + place.dy;
  // A name under or over its node: its text box reaches a few pixels past the baseline it hangs from (Firefox).
  if (place.baseline === 'top') return { x0, x1: x0 + drawn, y0: y - 3, y1: y + LABEL_HEIGHT };
  if (place.baseline === 'bottom') return { x0, x1: x0 + drawn, y0: y - LABEL_HEIGHT, y1: y + 3 };
  return { x0, x1: x0 + drawn, y0: y - LABEL_HEIGHT / 2, y1: y + LABEL_HEIGHT / 2 };
}

/** Whether the segment passes through the box (Liang–Barsky clipping). */
function segmentCrosses(segment: Segment, box: Box): boolean {
  const dx = segment.x2 - segment.x;
  const dy = segment.y2 - segment.y;
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, segment.x - box.x0],
    [dx, box.x1 - segment.x],
    [-dy, segment.y - box.y0],
    [dy, box.y1 - segment.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * The nodes whose names are drawn without hovering, each where it fits: the labelled ones, largest first (the
 * focused one before all). A name goes beside its node, outward (away from the middle) if it fits whole there, else on
 * the other side; else under or over the node; else cut to the widest room. It goes where its box crosses no name
 * already placed, no other node, the legend and no edge — or, where every place crosses an edge (a dense network),
 * where it crosses no name, node or legend. A name with no such place is left out: it still shows on hover and focus,
 * and in the list and the table. A node whose name is drawn keeps that place when hovered (its `Place` fields are
 * updated in `nodes`).
 */
function placeLabels<T extends LabelledNode & Place>(
  nodes: T[],
  edges: Segment[],
  labelled: Set<string>,
  view: { width: number; height: number; top: number },
  focus?: string,
): T[] {
  const order = [...labelled].sort((a, b) => Number(b === focus) - Number(a === focus));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const nodeBoxes = nodes.map((node) => ({ id: node.id, x0: node.x - node.radius, x1: node.x + node.radius, y0: node.y - node.radius, y1: node.y + node.radius }));
  // The legend's band, across the view: names stay under it.
  const placed: Box[] = view.top > MARGIN ? [{ x0: 0, x1: view.width, y0: 0, y1: view.top }] : [];
  const shown: T[] = [];
  const crosses = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const inside = (box: Box) => box.x0 >= 0 && box.x1 <= view.width && box.y0 >= 0 && box.y1 <= view.height;
  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    const wanted = nameWidth(node.short);
    const sides = sidePlaces(node.x, node.radius, view.width);
    const vertical = [true, false].map((below) => verticalPlace(node.x, node.radius, node.short, view.width, below));
    const whole = [...sides, ...vertical].filter((place) => place.room >= wanted);
    const cut = [...sides, ...vertical].filter((place) => place.room < wanted && place.room >= MIN_LABEL_ROOM).sort((a, b) => b.room - a.room);
    const free = [...whole, ...cut]
      .map((place) => ({ place, box: labelBox(node, place) }))
      .filter(({ box }) => inside(box) && !placed.some((other) => crosses(box, other)) && !nodeBoxes.some((other) => other.id !== id && crosses(box, other)));
    const best = free.find(({ box }) => !edges.some((edge) => segmentCrosses(edge, box))) ?? free[0];
    if (!best) continue;
    placed.push(best.box);
    Object.assign(node, best.place);
    shown.push({ ...node });
  }
  return shown;
}
