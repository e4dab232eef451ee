// `npm run bench`, national scale (issue 17): `ocds-widgets summarize` on a generated file of compiled releases as
// the Data Registry publishes them (gzip'd JSON Lines, seeded, from the shapes of bench/generate.mjs), measured in
// the same run against the kit's core (`fromOcds` in Node) on the file's first 20,000 lines. Each measurement runs
// in a child process of its own, so its peak memory (DuckDB's included) is its own. Needs `npm run build`.
//   node bench/summarize.mjs            200,000 processes
//   node bench/summarize.mjs --quick    20,000 processes: to try the harness, not to quote
// Writes bench/tmp/summarize-results.json (the generated files stay in bench/tmp/ for the next run).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { DEFAULT_SEED, generateProcesses } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const quick = process.argv.includes('--quick');
const PROCESSES = quick ? 20_000 : 200_000;
const CORE_LINES = 20_000;
const TARGETS = { ratio: 5, peakBytes: 2 * 1024 ** 3, summaryBytes: 2 * 1024 ** 2 };

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();

/** One measurement, in this (child) process: prints its figures as JSON. */
async function child(what, file) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let out = {};
  if (what === 'summarize') {
    const { parseArgs, summarize } = await import('../bin/summarize.mjs');
    const summary = await summarize(parseArgs(['summarize', '--quiet', file]));
    const text = JSON.stringify(summary);
    out = { processes: summary.meta.processes, summaryBytes: Buffer.byteLength(text), summaryGzipBytes: gzipSync(text).length };
    if (process.argv[5]) writeFileSync(process.argv[5], text);
  } else {
    const { fromOcds } = await import('../dist/index.js');
    const dataset = fromOcds(readFileSync(file, 'utf8'));
    out = { processes: dataset.processes.length };
  }
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ...out, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakBytes: process.resourceUsage().maxRSS * 1024 }));
}

function measure(what, file, output) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', what, file, ...(output ? [output] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** The national file: compiled releases, one per line, gzip'd; and its first lines uncompressed, for the core. */
async function generate() {
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, `national-${PROCESSES}-${DEFAULT_SEED}.jsonl.gz`);
  const first = join(tmp, `national-${PROCESSES}-${DEFAULT_SEED}-first-${CORE_LINES}.jsonl`);
  const sizes = join(tmp, `national-${PROCESSES}-${DEFAULT_SEED}.json`);
  if (existsSync(file) && existsSync(first) && existsSync(sizes)) return { file, first, ...JSON.parse(readFileSync(sizes, 'utf8')) };
  const { compileReleases } = await import('../dist/index.js');
  const gzip = createGzip({ level: 6 });
  const out = gzip.pipe(createWriteStream(file));
  const head = createWriteStream(first);
  let bytes = 0;
  let firstBytes = 0;
  let lines = 0;
  let chunk = '';
  for (const releases of generateProcesses(PROCESSES, DEFAULT_SEED)) {
    const compiled = compileReleases(releases);
    compiled.tag = ['compiled'];
    const line = `${JSON.stringify(compiled)}\n`;
    chunk += line;
    if (lines < CORE_LINES) {
      head.write(line);
      firstBytes += Buffer.byteLength(line);
    }
    lines++;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!gzip.write(chunk)) await once(gzip, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  gzip.end(chunk);
  head.end();
  await Promise.all([once(out, 'finish'), once(head, 'finish')]);
  writeFileSync(sizes, JSON.stringify({ bytes, firstBytes, lines }));
  return { file, first, bytes, firstBytes, lines };
}

async function main() {
  const log = (message) => console.log(`[summarize bench] ${message}`);
  const national = await generate();
  log(`${national.lines.toLocaleString('en')} compiled releases: ${(national.bytes / 1e6).toFixed(0)} MB of JSON, ${(statSync(national.file).size / 1e6).toFixed(0)} MB gzip'd`);
  const core = measure('fromOcds', national.first);
  log(`fromOcds, first ${CORE_LINES.toLocaleString('en')} lines: ${core.seconds.toFixed(1)} s (${core.cpuSeconds.toFixed(1)} s CPU)`);
  const head = measure('summarize', national.first);
  log(`summarize, first ${CORE_LINES.toLocaleString('en')} lines: ${head.seconds.toFixed(1)} s (${head.cpuSeconds.toFixed(1)} s CPU)`);
  const summaryPath = join(tmp, `national-${PROCESSES}-summary.json`);
  const full = measure('summarize', national.file, summaryPath);
  log(`summarize, whole file: ${full.seconds.toFixed(1)} s (${full.cpuSeconds.toFixed(1)} s CPU), peak ${(full.peakBytes / 1024 ** 2).toFixed(0)} MB, summary ${(full.summaryBytes / 1024).toFixed(0)} KB (${(full.summaryGzipBytes / 1024).toFixed(0)} KB gzip'd)`);
  const mbps = (bytes, seconds) => bytes / 1e6 / seconds;
  const figures = {
    processes: national.lines,
    jsonBytes: national.bytes,
    gzipBytes: statSync(national.file).size,
    summarizeMBps: mbps(national.bytes, full.seconds),
    summarizeCpuMBps: mbps(national.bytes, full.cpuSeconds),
    first20k: {
      bytes: national.firstBytes,
      fromOcdsMBps: mbps(national.firstBytes, core.seconds),
      summarizeMBps: mbps(national.firstBytes, head.seconds),
      fromOcdsCpuMBps: mbps(national.firstBytes, core.cpuSeconds),
      summarizeCpuMBps: mbps(national.firstBytes, head.cpuSeconds),
    },
    peakBytes: full.peakBytes,
    summaryBytes: full.summaryBytes,
    summaryGzipBytes: full.summaryGzipBytes,
  };
  figures.first20k.ratio = figures.first20k.summarizeMBps / figures.first20k.fromOcdsMBps;
  figures.first20k.cpuRatio = figures.first20k.summarizeCpuMBps / figures.first20k.fromOcdsCpuMBps;
  const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');
  console.log(`
| figure | value | target |
| --- | --- | --- |
| summarize, ${national.lines.toLocaleString('en')} compiled releases (${(national.bytes / 1e6).toFixed(0)} MB JSON) | ${figures.summarizeMBps.toFixed(1)} MB/s (${figures.summarizeCpuMBps.toFixed(1)} MB/s of CPU) | |
| ratio to fromOcds, first ${CORE_LINES.toLocaleString('en')} lines | ${figures.first20k.ratio.toFixed(2)}x (CPU: ${figures.first20k.cpuRatio.toFixed(2)}x) | ≥ ${TARGETS.ratio}x: ${verdict(figures.first20k.ratio >= TARGETS.ratio)} |
| peak memory | ${(figures.peakBytes / 1024 ** 2).toFixed(0)} MB | ≤ 2 GB: ${verdict(figures.peakBytes <= TARGETS.peakBytes)} |
| summary size | ${(figures.summaryBytes / 1024).toFixed(0)} KB (${(figures.summaryGzipBytes / 1024).toFixed(0)} KB gzip'd) | ≤ 2 MB: ${verdict(figures.summaryBytes <= TARGETS.summaryBytes)} |
`);
  writeFileSync(join(tmp, 'summarize-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
}
