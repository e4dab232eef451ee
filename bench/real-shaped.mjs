// Real-shaped benchmark datasets: releases as the real publishers in test/fixtures/ocds/real publish them (integer
// ids, accented text, 1.0-era inline organisations and `amendment`, amounts as strings, each publisher's own extra
// fields), copied into as many contracting processes as the size needs. Seeded (mulberry32) and deterministic.
//
// A process is the set of releases one fixture ocid has (from release packages, single releases and the releases
// embedded in records; a record with only linked releases gives its compiled release). Each copy keeps every field as
// published, with two changes so copies are distinct processes: the ocid (and each release id) gets a suffix, and
// numeric amounts are scaled by a seeded factor, so totals are not the same process repeated.
//
//   node bench/real-shaped.mjs 10000 > releases.json   (one release package on stdout; optional second argument: seed)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, mulberry32 } from './generate.mjs';

const REAL = fileURLToPath(new URL('../test/fixtures/ocds/real/', import.meta.url));

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A release as published, not a link to one (`{ url, date, tag }` in a record). */
const isFullRelease = (value) => isObject(value) && 'ocid' in value && Object.keys(value).some((key) => !['url', 'date', 'tag'].includes(key));

function releasesOf(document, out) {
  if (Array.isArray(document)) return document.forEach((item) => releasesOf(item, out));
  if (!isObject(document)) return;
  if (Array.isArray(document.records)) return document.records.forEach((record) => releasesOf(record, out));
  if (Array.isArray(document.releases) || isObject(document.compiledRelease)) {
    const full = (document.releases ?? []).filter(isFullRelease);
    if (full.length) full.forEach((release) => out.push(release));
    else if (isObject(document.compiledRelease)) out.push(document.compiledRelease);
    return;
  }
  if (typeof document.ocid === 'string' || typeof document.ocid === 'number') out.push(document);
}

let templates;
/**
 * The real fixtures' contracting processes, each a list of releases as published, in a fixed order (publisher
 * folder, file, position). Read once.
 */
export function realProcesses() {
  if (templates) return templates;
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.jsonl?$/.test(name)) files.push(path);
    }
  };
  walk(REAL);
  const byOcid = new Map();
  const seen = new Set();
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    let documents;
    try {
      documents = file.endsWith('.jsonl') ? text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line)) : [JSON.parse(text)];
    } catch {
      continue; // a fixture that is not JSON at all is a test of its own, not data to copy
    }
    const releases = [];
    documents.forEach((document) => releasesOf(document, releases));
    for (const release of releases) {
      // The same release is often published twice (alone and inside its record): keep it once.
      const key = `${release.ocid}\u0000${release.id}\u0000${release.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ocid = String(release.ocid);
      if (!byOcid.has(ocid)) byOcid.set(ocid, { publisher: relative(REAL, file).split('/')[0], releases: [] });
      byOcid.get(ocid).releases.push(JSON.stringify(release));
    }
  }
  templates = [...byOcid.values()];
  return templates;
}

/** Every numeric `amount` scaled by `factor` (two decimals), everything else as it is. */
function scaleAmounts(value, factor) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = scaleAmounts(value[i], factor);
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (key === 'amount' && typeof child === 'number' && Number.isFinite(child)) value[key] = Math.round(child * factor * 100) / 100;
      else if (typeof child === 'object' && child !== null) scaleAmounts(child, factor);
    }
  }
  return value;
}

/**
 * Exactly `count` releases, newest first (by `date` as published; undated last), copied from the real fixtures'
 * processes: each copy picks a process at random (every publisher's processes equally likely, so a big file does not
 * crowd out the others), gives its ocid and release ids a suffix and scales its amounts. Same count and seed: same
 * releases, byte for byte.
 */
export function realShapedReleases(count, seed = DEFAULT_SEED) {
  const random = mulberry32(seed ^ 0x5ea1);
  const processes = realProcesses();
  const publishers = [...new Set(processes.map((p) => p.publisher))].map((name) => processes.filter((p) => p.publisher === name));
  const releases = [];
  for (let copy = 1; releases.length < count; copy++) {
    const group = publishers[Math.floor(random() * publishers.length)];
    const template = group[Math.floor(random() * group.length)];
    const factor = 0.25 + random() * 1.75;
    const suffix = `-rs${copy}`;
    for (const text of template.releases) {
      const release = scaleAmounts(JSON.parse(text), factor);
      // Integer ocids and ids stay what they were, only longer: strings get the suffix, numbers are offset.
      release.ocid = typeof release.ocid === 'number' ? release.ocid * 1_000_000 + copy : `${release.ocid}${suffix}`;
      if (typeof release.id === 'number') release.id = release.id * 1_000_000 + copy;
      else if (typeof release.id === 'string') release.id = `${release.id}${suffix}`;
      releases.push(release);
    }
  }
  releases.length = count;
  const dateOf = (r) => (typeof r.date === 'string' ? r.date : '');
  return releases.map((r, i) => [r, i]).sort((a, b) => (dateOf(a[0]) < dateOf(b[0]) ? 1 : dateOf(a[0]) > dateOf(b[0]) ? -1 : a[1] - b[1])).map(([r]) => r);
}

/** The envelope of the real-shaped package: a 1.1 package, as an aggregator republishing several publishers would. */
export function realShapedEnvelope(extra = {}) {
  return {
    uri: 'https://contratos.example.org/api/real-shaped',
    version: '1.1',
    publishedDate: '2024-12-31T12:00:00Z',
    publisher: { name: 'Benchmark publisher (copies of real publishers\u2019 releases)' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
    ...extra,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? DEFAULT_SEED);
  if (process.argv.includes('--stats')) {
    const processes = realProcesses();
    const by = new Map();
    for (const p of processes) by.set(p.publisher, [(by.get(p.publisher)?.[0] ?? 0) + 1, (by.get(p.publisher)?.[1] ?? 0) + p.releases.length, (by.get(p.publisher)?.[2] ?? 0) + p.releases.reduce((s, t) => s + t.length, 0)]);
    for (const [name, [n, r, bytes]] of by) console.log(`${name}: ${n} processes, ${r} releases, ${Math.round(bytes / r)} bytes/release`);
  } else process.stdout.write(JSON.stringify({ ...realShapedEnvelope(), releases: realShapedReleases(count, seed) }));
}
