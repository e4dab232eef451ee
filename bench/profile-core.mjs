// The data core in Node, without a browser: how `fromOcds(bytes)` compares with decoding and `JSON.parse` of the same bytes (in
// the same run), where its time goes (a CPU profile, self time by function), the heap it keeps, and the longest
// stretch `buildDatasetAsync` holds the event loop. For the data-core engineer's loop; `npm run bench` is the record.
//   node --expose-gc bench/profile-core.mjs [releases=10000] [--real] [--runs=5] [--profile] [--allocations] [--heap] [--async] [--digest]
// --real: the real-shaped releases (bench/real-shaped.mjs) instead of the generated ones; --digest: SHA-256 of the
// Dataset's canonical parts (test/helpers/canonical.ts), to tell that a change to the core left its output alone.
import { build } from 'esbuild';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateReleases, packageEnvelope } from './generate.mjs';
import { realShapedEnvelope, realShapedReleases } from './real-shaped.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const size = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5);
const flag = (name) => process.argv.includes(`--${name}`);
const TOP = 30;

// Unminified, so the profile names functions as the sources do.
const outfile = join(root, 'bench', 'tmp', 'profile-core', 'core.mjs');
await build({
  stdin: {
    contents: `export { fromOcds } from './src/data/from-ocds.ts';
      export { buildDataset, buildDatasetAsync } from './src/data/dataset.ts';
      export { decodeOcdsBytes, parseOcdsText } from './src/data/read.ts';
      export { readOcdsContent } from './src/data/shapes.ts';
      export { canonicalParts, sha256 } from './test/helpers/canonical.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile,
  logLevel: 'error',
});
const core = await import(pathToFileURL(outfile).href);

// Bytes, as the loader reads them; the floor decodes and parses them, as the benchmark's floor does.
const real = flag('real');
const bytes = new TextEncoder().encode(
  JSON.stringify(real ? { ...realShapedEnvelope(), releases: realShapedReleases(size) } : { ...packageEnvelope(), releases: generateReleases(size) }),
);
const decoder = new TextDecoder();
const gc = globalThis.gc ?? (() => {});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(fn) {
  gc();
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
}

console.log(`${size.toLocaleString('en')} ${real ? 'real-shaped' : 'generated'} releases, ${(bytes.length / 1e6).toFixed(1)} MB, node ${process.version}`);
const parse = [];
const load = [];
let dataset;
for (let i = 0; i < runs; i++) {
  parse.push(time(() => JSON.parse(decoder.decode(bytes)))[0]);
  let ms;
  [ms, dataset] = time(() => core.fromOcds(bytes));
  load.push(ms);
}
const p = median(parse);
const l = median(load);
console.log(`decode+JSON.parse ${p.toFixed(0)} ms; fromOcds(bytes) ${l.toFixed(0)} ms = ${(l / p).toFixed(2)}x (median of ${runs})`);
console.log(`processes ${dataset.processes.length}, releases ${dataset.meta.releases}, issues ${dataset.issues.length}`);

// Where one fromOcds(bytes) spends its time, step by step (the same steps fromOcds takes), median of the runs.
const phaseRuns = [];
for (let i = 0; i < runs; i++) {
  gc();
  const phases = {};
  let start = performance.now();
  const text = core.decodeOcdsBytes(bytes, () => {});
  phases.decode = performance.now() - start;
  start = performance.now();
  const documents = core.parseOcdsText(text, () => {});
  phases.parse = performance.now() - start;
  start = performance.now();
  const contents = documents.map((document) => core.readOcdsContent(document, {}, () => {}));
  phases.shapes = performance.now() - start;
  core.buildDataset(contents, { phases, bytes: bytes.length });
  phaseRuns.push(phases);
}
const phaseNames = Object.keys(phaseRuns[0]);
console.log(`phases (median ms): ${phaseNames.map((name) => `${name} ${median(phaseRuns.map((r) => r[name] ?? 0)).toFixed(0)}`).join(', ')}`);

if (flag('digest')) {
  const parts = core.canonicalParts(dataset);
  for (const [part, text] of Object.entries(parts)) console.log(`digest ${part} ${await core.sha256(text)}`);
}

if (flag('heap')) {
  dataset = undefined;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let kept = core.fromOcds(bytes);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`heap kept after fromOcds / bytes: ${((after - before) / bytes.length).toFixed(2)}x (${kept.processes.length} processes)`);
  kept = undefined;
}

if (flag('async')) {
  // The loader's path: parse and read shapes in one task, then buildDatasetAsync in slices.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const slices = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    slices.push(now - last);
    last = now;
  }, 1);
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const contents = core.parseOcdsText(decoder.decode(bytes), () => {}).map((doc) => core.readOcdsContent(doc, {}, () => {}));
  await core.buildDatasetAsync(contents, { bytes: bytes.length });
  delay.disable();
  clearInterval(ticker);
  const gaps = slices.slice(1).sort((a, b) => b - a);
  console.log(`buildDatasetAsync: longest gaps between timer turns ${gaps.slice(0, 5).map((g) => g.toFixed(0)).join(', ')} ms (first includes JSON.parse)`);
}

if (flag('profile')) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  gc();
  await session.post('Profiler.start');
  for (let i = 0; i < 3; i++) core.fromOcds(bytes);
  const { profile } = await session.post('Profiler.stop');
  // Saved for Chrome DevTools (Performance > Load profile) or a closer look at who calls what.
  writeFileSync(join(root, 'bench', 'tmp', 'profile-core', 'core.cpuprofile'), JSON.stringify(profile));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? ` (${url.split('/').pop()}:${lineNumber + 1})` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  console.log(`profile of three fromOcds: ${total.toFixed(0)} ms sampled; self time by function:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

if (flag('allocations')) {
  // Where the garbage comes from: sampled allocations of one fromOcds, by function (bytes allocated, kept or not).
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  gc();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  core.fromOcds(bytes);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const bytesBy = new Map();
  let total = 0;
  const visit = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` (${url.split('/').pop()}:${lineNumber + 1})` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    const size = node.selfSize;
    total += size;
    bytesBy.set(key, (bytesBy.get(key) ?? 0) + size);
    node.children.forEach(visit);
  };
  visit(profile.head);
  console.log(`allocations of one fromOcds: ${(total / 1e6).toFixed(0)} MB sampled; by function:`);
  for (const [name, size] of [...bytesBy].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${(size / 1e6).toFixed(1).padStart(7)} MB ${((100 * size) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}
