// The supplier-network layout with d3-force doing the physics instead of src/charts/force-layout.ts's own loop: the
// same warm start (the positions createForceLayout starts from), the same forces and constants (link springs with
// d3's default strength and bias, many-body charge, x/y gravity, velocity decay 0.4, alpha 0.5 -> 0.001 over the same
// ticks), the random source seeded, ticked in slices. Only for `node bench/network-layout.mjs --d3`, which measures
// both on the same graphs: d3-force measured 1.5–4× slower there, so the kit keeps its own (README, "Supplier
// network: layout and first render").
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { createForceLayout, type ForceLayout, type ForceLayoutOptions, type LayoutLink, type LayoutNode } from '../src/charts/force-layout.js';
import { mulberry32 } from '../src/charts/random.js';

const ALPHA_START = 0.5;
const ALPHA_MIN = 0.001;
const GRAVITY = 0.08;
const LINK_GAP = 18;

export function createD3ForceLayout(nodes: readonly LayoutNode[], links: readonly LayoutLink[], options: ForceLayoutOptions = {}): ForceLayout {
  const n = nodes.length;
  const start = createForceLayout(nodes, links, options); // its positions before the first tick: the warm start
  const x = Float64Array.from(start.x);
  const y = Float64Array.from(start.y);
  const iterations = Math.max(1, Math.floor(options.iterations ?? 120));
  const aspect = options.aspect && options.aspect > 0 ? options.aspect : 1;
  const centre = options.centre !== undefined && options.centre >= 0 && options.centre < n ? options.centre : -1;
  const radius = nodes.map((node) => (node.radius !== undefined && Number.isFinite(node.radius) && node.radius > 0 ? node.radius : 4));
  const valid = links.filter((l) => l.source !== l.target && Number.isInteger(l.source) && Number.isInteger(l.target) && l.source >= 0 && l.target >= 0 && l.source < n && l.target < n);
  const bodies: SimulationNodeDatum[] = Array.from({ length: n }, (_, i) => ({ x: x[i], y: y[i], vx: 0, vy: 0 }));
  if (centre >= 0) Object.assign(bodies[centre], { fx: 0, fy: 0 });
  const springs = valid.map((l) => ({ source: l.source, target: l.target }));
  const simulation = forceSimulation(bodies)
    .stop() // no d3 timer: ticked in slices by the caller
    .randomSource(mulberry32(options.seed ?? 1))
    .alpha(ALPHA_START)
    .alphaMin(ALPHA_MIN)
    .alphaDecay(1 - (ALPHA_MIN / ALPHA_START) ** (1 / iterations))
    .velocityDecay(0.4)
    .force('link', forceLink(springs).distance((_, k) => radius[valid[k].source] + radius[valid[k].target] + LINK_GAP))
    .force('charge', forceManyBody().strength((_, i) => -(20 + 3 * radius[i] ** 2)).theta(options.theta ?? 0.9))
    .force('x', forceX(0).strength(GRAVITY / aspect))
    .force('y', forceY(0).strength(GRAVITY * aspect));
  let ticks = 0;
  const layout: ForceLayout = {
    x,
    y,
    get alpha() {
      return simulation.alpha();
    },
    get ticks() {
      return ticks;
    },
    get done() {
      return ticks >= iterations || n < 2;
    },
    tick(count = 1) {
      const run = Math.min(Math.max(0, Math.floor(count)), iterations - ticks);
      if (run <= 0 || n < 2) return layout.done;
      simulation.tick(run);
      ticks += run;
      for (let i = 0; i < n; i++) {
        x[i] = bodies[i].x!;
        y[i] = bodies[i].y!;
      }
      return layout.done;
    },
  };
  return layout;
}
