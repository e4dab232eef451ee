import { expect } from '@open-wc/testing';
import { createForceLayout, forceLayout, type LayoutLink, type LayoutNode } from '../../src/charts/force-layout.js';

/** Star-shaped buyer/supplier graph: `buyers` hubs, each with `perBuyer` suppliers; every 5th supplier also sells to the next buyer. */
function graph(buyers: number, perBuyer: number): { nodes: LayoutNode[]; links: LayoutLink[] } {
  const nodes: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  for (let b = 0; b < buyers; b++) nodes.push({ id: `b${b}`, hub: true, radius: 6 + b });
  for (let b = 0; b < buyers; b++) {
    for (let k = 0; k < perBuyer; k++) {
      const index = nodes.push({ id: `s${b}-${k}`, radius: 2 + (k % 4) }) - 1;
      links.push({ source: b, target: index });
      if (k % 5 === 0 && buyers > 1) links.push({ source: (b + 1) % buyers, target: index });
    }
  }
  return { nodes, links };
}

const distance = (x: Float64Array, y: Float64Array, i: number, j: number) => Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);

describe('force layout', () => {
  it('gives the same positions for the same graph and seed', () => {
    const { nodes, links } = graph(6, 20);
    const a = forceLayout(nodes, links, { seed: 3 });
    const b = forceLayout(structuredClone(nodes), structuredClone(links), { seed: 3 });
    expect(Array.from(a.x)).to.deep.equal(Array.from(b.x));
    expect(Array.from(a.y)).to.deep.equal(Array.from(b.y));
    const other = forceLayout(nodes, links, { seed: 4 });
    expect(Array.from(other.x)).to.not.deep.equal(Array.from(a.x));
  });

  it('reaches the same result in slices of ticks as in one go', () => {
    const { nodes, links } = graph(4, 15);
    const whole = forceLayout(nodes, links);
    const sliced = createForceLayout(nodes, links);
    const slices: number[] = [];
    while (!sliced.tick(7)) slices.push(sliced.ticks);
    expect(slices.length).to.be.greaterThan(3);
    expect(sliced.ticks).to.equal(whole.ticks);
    expect(Array.from(sliced.x)).to.deep.equal(Array.from(whole.x));
    expect(sliced.tick(5)).to.equal(true);
    expect(sliced.ticks).to.equal(whole.ticks);
  });

  it('has finite positions before the first tick and after the last, even for awkward input', () => {
    const nodes: LayoutNode[] = [
      { id: 'same', hub: true },
      { id: 'same', hub: true },
      { id: 'same' },
      { id: 'same' },
      { id: 'lonely', radius: Number.NaN },
      { id: 'huge', radius: 1e6 },
    ];
    const links: LayoutLink[] = [
      { source: 0, target: 2 },
      { source: 1, target: 3 },
      { source: 2, target: 2 },
      { source: 0, target: 99 },
      { source: -1, target: 3 },
    ];
    const layout = createForceLayout(nodes, links);
    const finite = () => [...layout.x, ...layout.y].every(Number.isFinite);
    expect(finite()).to.equal(true);
    while (!layout.tick(10));
    expect(finite()).to.equal(true);
    expect(forceLayout([], []).x).to.have.length(0);
    const single = forceLayout([{ id: 'only' }], []);
    expect([single.x[0], single.y[0]].every(Number.isFinite)).to.equal(true);
  });

  it('keeps linked nodes closer than unlinked ones and separates every pair', () => {
    const { nodes, links } = graph(8, 25);
    const { x, y } = forceLayout(nodes, links);
    const linked = links.reduce((sum, l) => sum + distance(x, y, l.source, l.target), 0) / links.length;
    let all = 0;
    let pairs = 0;
    let closest = Infinity;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const d = distance(x, y, i, j);
        all += d;
        pairs++;
        closest = Math.min(closest, d);
      }
    }
    expect(linked).to.be.lessThan(all / pairs / 2);
    expect(closest).to.be.greaterThan(0.5);
  });

  it('pins the centre node at the origin', () => {
    const { nodes, links } = graph(3, 10);
    const layout = createForceLayout(nodes, links, { centre: 1 });
    expect([layout.x[1], layout.y[1]]).to.deep.equal([0, 0]);
    while (!layout.tick(20));
    expect([layout.x[1], layout.y[1]]).to.deep.equal([0, 0]);
  });

  it('approximates exact repulsion closely with the quadtree', () => {
    const { nodes, links } = graph(5, 12);
    const exact = forceLayout(nodes, links, { theta: 0 });
    const approximate = forceLayout(nodes, links);
    const spread = Math.max(...exact.x) - Math.min(...exact.x);
    let worst = 0;
    for (let i = 0; i < nodes.length; i++) worst = Math.max(worst, distance(exact.x, exact.y, i, i) + Math.hypot(exact.x[i]! - approximate.x[i]!, exact.y[i]! - approximate.y[i]!));
    expect(worst).to.be.lessThan(spread * 0.15);
  });
});
