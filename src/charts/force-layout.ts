// A seeded, incremental force-directed layout (no DOM, no Vega), fast enough for thousands of nodes on the main
// thread: a warm start (hubs on a phyllotaxis spiral, every other node beside its hubs) needs far fewer iterations
// than a random start, repulsion uses a Barnes–Hut quadtree (O(n log n) per tick), and `tick(n)` runs a few ticks at
// a time so an element can lay out between frames and draw positions as they settle.
// The forces follow d3-force (link springs, many-body charge, x/y gravity, velocity Verlet with decay), so the result
// looks like Vega's `force` transform. Same graph + same seed = same positions. d3-force itself, run with the same warm
// start, forces and seed (bench/force-layout-d3.ts), measures 2.5–3.7× slower at 1,000 and 3,000 nodes
// (`node bench/network-layout.mjs --d3`): its quadtree is built of objects each tick, this one of typed arrays.

import { mulberry32 } from './random.js';

export interface LayoutNode {
  /** Stable id: seeds the node's initial offset, so positions do not depend on node order. */
  id: string;
  /** Drawn radius in layout units; bigger nodes repel more and sit further from their neighbours. Default 4. */
  radius?: number;
  /** Hubs (e.g. buyers) are placed first on a spiral; other nodes start beside the hubs they link to. */
  hub?: boolean;
}

export interface LayoutLink {
  /** Index into the nodes array. */
  source: number;
  target: number;
}

export interface ForceLayoutOptions {
  /** Seed of the deterministic jitter. Default 1. */
  seed?: number;
  /** Ticks from the warm start to rest. Default 120 (d3/Vega use 300 from a random start). */
  iterations?: number;
  /** Width / height of the drawing area: gravity shapes the cloud to it. Default 1. */
  aspect?: number;
  /** Index of a node pinned at the origin (a focused organisation). */
  centre?: number;
  /** Barnes–Hut accuracy: larger is faster and coarser. Default 0.9 (as d3). */
  theta?: number;
}

export interface ForceLayout {
  /** Positions, updated in place by `tick`. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly alpha: number;
  readonly ticks: number;
  readonly done: boolean;
  /** Runs up to `count` ticks (default 1); returns `done`. */
  tick(count?: number): boolean;
}

const ALPHA_START = 0.5;
const ALPHA_MIN = 0.001;
const VELOCITY_DECAY = 0.4;
const GRAVITY = 0.08;
const LINK_GAP = 18;
const MAX_DEPTH = 32;
/** Hubs start this much further apart than their neighbourhoods' area alone asks: about where the forces settle. */
const WARM_SPREAD = 2;

export function createForceLayout(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  options: ForceLayoutOptions = {},
): ForceLayout {
  const n = nodes.length;
  const seed = options.seed ?? 1;
  const iterations = Math.max(1, Math.floor(options.iterations ?? 120));
  const aspect = options.aspect && options.aspect > 0 ? options.aspect : 1;
  const theta2 = (options.theta ?? 0.9) ** 2;
  const centre = options.centre !== undefined && options.centre >= 0 && options.centre < n ? options.centre : -1;
  const alphaDecay = 1 - (ALPHA_MIN / ALPHA_START) ** (1 / iterations);
  const gravityX = GRAVITY / aspect;
  const gravityY = GRAVITY * aspect;

  const radius = new Float64Array(n);
  const charge = new Float64Array(n);
  nodes.forEach((node, i) => {
    const r = node.radius !== undefined && Number.isFinite(node.radius) && node.radius > 0 ? node.radius : 4;
    radius[i] = r;
    charge[i] = -(20 + 3 * r * r);
  });

  const validLinks = links.filter((l) => l.source !== l.target && inRange(l.source, n) && inRange(l.target, n));
  const degree = new Float64Array(n);
  for (const l of validLinks) {
    degree[l.source]++;
    degree[l.target]++;
  }
  const linkSource = Int32Array.from(validLinks, (l) => l.source);
  const linkTarget = Int32Array.from(validLinks, (l) => l.target);
  const linkBias = Float64Array.from(validLinks, (l) => degree[l.source] / (degree[l.source] + degree[l.target]));
  const linkStrength = Float64Array.from(validLinks, (l) => 1 / Math.min(degree[l.source], degree[l.target]));
  const linkDistance = Float64Array.from(validLinks, (l) => radius[l.source] + radius[l.target] + LINK_GAP);

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const random = mulberry32(seed);
  warmStart(nodes, validLinks, radius, seed, aspect, x, y);
  if (centre >= 0) {
    const cx = x[centre];
    const cy = y[centre];
    for (let i = 0; i < n; i++) {
      x[i] -= cx;
      y[i] -= cy;
    }
  }
  const tree = new QuadTree(n);
  let alpha = ALPHA_START;
  let ticks = 0;

  const step = () => {
    alpha += -alpha * alphaDecay;
    // Link springs (d3-force's forceLink).
    for (let k = 0; k < linkSource.length; k++) {
      const s = linkSource[k];
      const t = linkTarget[k];
      let dx = x[t] + vx[t] - x[s] - vx[s];
      let dy = y[t] + vy[t] - y[s] - vy[s];
      if (dx === 0) dx = jiggle(random);
      if (dy === 0) dy = jiggle(random);
      const l = Math.sqrt(dx * dx + dy * dy);
      const f = ((l - linkDistance[k]) / l) * alpha * linkStrength[k];
      dx *= f;
      dy *= f;
      const b = linkBias[k];
      vx[t] -= dx * b;
      vy[t] -= dy * b;
      vx[s] += dx * (1 - b);
      vy[s] += dy * (1 - b);
    }
    // Many-body repulsion through the quadtree (d3-force's forceManyBody).
    tree.build(x, y, charge);
    for (let i = 0; i < n; i++) tree.apply(i, x, y, vx, vy, charge, alpha, theta2, random);
    for (let i = 0; i < n; i++) {
      vx[i] += -x[i] * gravityX * alpha;
      vy[i] += -y[i] * gravityY * alpha;
      vx[i] *= 1 - VELOCITY_DECAY;
      vy[i] *= 1 - VELOCITY_DECAY;
      x[i] += vx[i];
      y[i] += vy[i];
    }
    if (centre >= 0) {
      x[centre] = 0;
      y[centre] = 0;
      vx[centre] = 0;
      vy[centre] = 0;
    }
    ticks++;
  };

  const layout: ForceLayout = {
    x,
    y,
    get alpha() {
      return alpha;
    },
    get ticks() {
      return ticks;
    },
    get done() {
      return ticks >= iterations || n < 2;
    },
    tick(count = 1) {
      for (let k = 0; k < count && !layout.done; k++) step();
      return layout.done;
    },
  };
  return layout;
}

/** Runs a layout to rest in one go (Node scripts, tests, small graphs). */
export function forceLayout(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  options: ForceLayoutOptions = {},
): { x: Float64Array; y: Float64Array; ticks: number } {
  const layout = createForceLayout(nodes, links, options);
  while (!layout.tick(32));
  return { x: layout.x, y: layout.y, ticks: layout.ticks };
}

/**
 * Hubs on a golden-angle spiral, biggest first (in the middle), spaced by their neighbourhood's size; every other
 * node at a seeded angle around the mean of its hubs, so the layout starts close to its rest state.
 */
function warmStart(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  radius: Float64Array,
  seed: number,
  aspect: number,
  x: Float64Array,
  y: Float64Array,
): void {
  const n = nodes.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) {
    neighbours[l.source].push(l.target);
    neighbours[l.target].push(l.source);
  }
  const hubs: number[] = [];
  for (let i = 0; i < n; i++) if (nodes[i].hub) hubs.push(i);
  const placed = new Uint8Array(n);
  // Area a hub's neighbourhood needs: its neighbours' discs plus the link gap.
  const footprint = (i: number) => {
    let area = (radius[i] + LINK_GAP) ** 2;
    for (const j of neighbours[i]) if (!nodes[j].hub) area += (2 * radius[j] + LINK_GAP) ** 2 / Math.max(1, neighbours[j].length);
    return area;
  };
  const hubOrder = hubs
    .map((i) => ({ i, area: footprint(i) }))
    .sort((a, b) => b.area - a.area || compareIds(nodes[a.i].id, nodes[b.i].id));
  const sx = Math.sqrt(aspect);
  const sy = 1 / sx;
  let covered = 0;
  hubOrder.forEach(({ i, area }, k) => {
    // Spiral radius grows with the area covered so far, so big neighbourhoods get room.
    const r = WARM_SPREAD * Math.sqrt((covered + area / 2) / Math.PI);
    covered += area;
    const angle = k * GOLDEN_ANGLE;
    x[i] = r * Math.cos(angle) * sx;
    y[i] = r * Math.sin(angle) * sy;
    placed[i] = 1;
  });
  const loose: number[] = [];
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    const anchors = neighbours[i].filter((j) => placed[j] && nodes[j].hub);
    if (anchors.length === 0) {
      loose.push(i);
      continue;
    }
    let mx = 0;
    let my = 0;
    for (const j of anchors) {
      mx += x[j];
      my += y[j];
    }
    const random = mulberry32(hashId(nodes[i].id) ^ seed);
    const angle = random() * 2 * Math.PI;
    const hub = anchors[0];
    const distance = (radius[hub] + radius[i] + LINK_GAP) * (0.6 + 0.8 * random());
    x[i] = mx / anchors.length + distance * Math.cos(angle);
    y[i] = my / anchors.length + distance * Math.sin(angle);
  }
  // Nodes without a hub neighbour: a spiral of their own around everything placed so far.
  const inner = Math.sqrt(covered / Math.PI);
  loose.forEach((i, k) => {
    const random = mulberry32(hashId(nodes[i].id) ^ seed);
    const r = inner + 10 * Math.sqrt(k + 0.5) + random();
    const angle = k * GOLDEN_ANGLE;
    x[i] = r * Math.cos(angle) * sx;
    y[i] = r * Math.sin(angle) * sy;
  });
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Barnes–Hut quadtree over flat typed arrays, rebuilt each tick. A cell is empty, a leaf holding a linked list of
 * points (several only when they coincide or the depth limit is hit), or internal with up to four children.
 */
class QuadTree {
  private capacity = 0;
  private count = 0;
  private x0 = new Float64Array(0);
  private y0 = new Float64Array(0);
  private size = new Float64Array(0);
  private child = new Int32Array(0);
  /** First point of a leaf, EMPTY, or INTERNAL. */
  private first = new Int32Array(0);
  private parent = new Int32Array(0);
  private value = new Float64Array(0);
  private weight = new Float64Array(0);
  private cx = new Float64Array(0);
  private cy = new Float64Array(0);
  private readonly next: Int32Array;
  private readonly stack = new Int32Array(4 * MAX_DEPTH + 8);

  constructor(points: number) {
    this.next = new Int32Array(points);
    this.grow(Math.max(16, 2 * points));
  }

  build(x: Float64Array, y: Float64Array, strength: Float64Array): void {
    const n = x.length;
    if (n === 0) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i] < minX) minX = x[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i];
      if (y[i] > maxY) maxY = y[i];
    }
    this.count = 0;
    this.cell(minX, minY, Math.max(maxX - minX, maxY - minY, 1) * 1.0001, -1);
    for (let i = 0; i < n; i++) this.insert(i, x, y);
    // Children are created after their parents: one backwards pass sums charges and weighted centres.
    for (let c = 0; c < this.count; c++) {
      this.value[c] = 0;
      this.weight[c] = 0;
      this.cx[c] = 0;
      this.cy[c] = 0;
    }
    for (let c = this.count - 1; c >= 0; c--) {
      if (this.first[c] >= 0) {
        for (let i = this.first[c]; i >= 0; i = this.next[i]) {
          const w = Math.abs(strength[i]);
          this.value[c] += strength[i];
          this.weight[c] += w;
          this.cx[c] += w * x[i];
          this.cy[c] += w * y[i];
        }
      }
      const p = this.parent[c];
      if (p >= 0) {
        this.value[p] += this.value[c];
        this.weight[p] += this.weight[c];
        this.cx[p] += this.cx[c];
        this.cy[p] += this.cy[c];
      }
    }
    for (let c = 0; c < this.count; c++) {
      if (this.weight[c] > 0) {
        this.cx[c] /= this.weight[c];
        this.cy[c] /= this.weight[c];
      }
    }
  }

  apply(
    i: number,
    x: Float64Array,
    y: Float64Array,
    vx: Float64Array,
    vy: Float64Array,
    strength: Float64Array,
    alpha: number,
    theta2: number,
    random: () => number,
  ): void {
    const xi = x[i];
    const yi = y[i];
    let top = 0;
    this.stack[top++] = 0;
    while (top > 0) {
      const c = this.stack[--top];
      if (this.weight[c] === 0) continue;
      const first = this.first[c];
      if (first === INTERNAL) {
        let dx = this.cx[c] - xi;
        let dy = this.cy[c] - yi;
        const l = dx * dx + dy * dy;
        const w = this.size[c];
        if ((w * w) / theta2 < l) {
          push(vx, vy, i, dx, dy, l, this.value[c], alpha);
          continue;
        }
        for (let q = 0; q < 4; q++) {
          const child = this.child[4 * c + q];
          if (child >= 0) this.stack[top++] = child;
        }
        continue;
      }
      for (let j = first; j >= 0; j = this.next[j]) {
        if (j === i) continue;
        let dx = x[j] - xi;
        let dy = y[j] - yi;
        if (dx === 0) dx = jiggle(random);
        if (dy === 0) dy = jiggle(random);
        push(vx, vy, i, dx, dy, dx * dx + dy * dy, strength[j], alpha);
      }
    }
  }

  private insert(i: number, x: Float64Array, y: Float64Array): void {
    const xi = x[i];
    const yi = y[i];
    let c = 0;
    for (let depth = 0; ; depth++) {
      const first = this.first[c];
      if (first === EMPTY) {
        this.first[c] = i;
        this.next[i] = -1;
        return;
      }
      if (first >= 0) {
        if (depth >= MAX_DEPTH || (x[first] === xi && y[first] === yi)) {
          this.next[i] = first;
          this.first[c] = i;
          return;
        }
        // Split the leaf: its points (all at one spot) move down one level.
        this.first[c] = INTERNAL;
        const q = this.quadrant(c, x[first], y[first]);
        const child = this.childCell(c, q);
        this.first[child] = first;
      }
      c = this.childCell(c, this.quadrant(c, xi, yi));
    }
  }

  private quadrant(c: number, px: number, py: number): number {
    const half = this.size[c] / 2;
    return (px >= this.x0[c] + half ? 1 : 0) + (py >= this.y0[c] + half ? 2 : 0);
  }

  private childCell(c: number, q: number): number {
    const existing = this.child[4 * c + q];
    if (existing >= 0) return existing;
    const half = this.size[c] / 2;
    const created = this.cell(this.x0[c] + (q & 1 ? half : 0), this.y0[c] + (q & 2 ? half : 0), half, c);
    this.child[4 * c + q] = created;
    return created;
  }

  private cell(x0: number, y0: number, size: number, parent: number): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const c = this.count++;
    this.x0[c] = x0;
    this.y0[c] = y0;
    this.size[c] = size;
    this.parent[c] = parent;
    this.first[c] = EMPTY;
    this.child.fill(-1, 4 * c, 4 * c + 4);
    return c;
  }

  private grow(capacity: number): void {
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (size: number) => T, per = 1): T => {
      const array = make(capacity * per);
      array.set(old);
      return array;
    };
    const f64 = (size: number) => new Float64Array(size);
    const i32 = (size: number) => new Int32Array(size);
    this.x0 = grown(this.x0, f64);
    this.y0 = grown(this.y0, f64);
    this.size = grown(this.size, f64);
    this.value = grown(this.value, f64);
    this.weight = grown(this.weight, f64);
    this.cx = grown(this.cx, f64);
    this.cy = grown(this.cy, f64);
    this.child = grown(this.child, i32, 4);
    this.first = grown(this.first, i32);
    this.parent = grown(this.parent, i32);
    this.capacity = capacity;
  }
}

const EMPTY = -1;
const INTERNAL = -2;

/** d3-force's many-body step: velocity change towards (negative strength: away from) a charge at (dx, dy). */
function push(vx: Float64Array, vy: Float64Array, i: number, dx: number, dy: number, l: number, value: number, alpha: number) {
  // Closer than 1 unit: soften, as d3 does (distanceMin = 1).
  if (l < 1) l = Math.sqrt(l);
  const f = (value * alpha) / l;
  vx[i] += dx * f;
  vy[i] += dy * f;
}

function jiggle(random: () => number): number {
  return (random() - 0.5) * 1e-6;
}

function inRange(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** FNV-1a hash of an id, so a node's initial offset depends on its id, not its position in the array. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
