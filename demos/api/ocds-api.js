// The local OCDS API: one implementation shared by the Vite dev server (npm start) and the test runner.
// It serves the real publisher files in demos/data/ (see demos/data/SOURCES.md) in the shapes real publishers
// use, plus fault injection by query parameter for tests and demos. Files are read once and served from memory.
//
// Endpoints
//   /api/                                  index of the endpoints (JSON)
//   /api/releases?page=N&limit=K[&source=S] release packages with OCDS links.next / links.prev
//   /api/records/{ocid}                    a record package (ocids with "/" URL-encoded)
//   /api/packages                          a JSON array of release packages (one per bundled file)
//   /api/releases.jsonl                    JSON Lines, one release per line
//   /api/edca/contractingprocess/{year}    {"arrayReleasePackage": [...]}, one package per ocid (Mexico's EDCA shape)
//   /api/files/<path>                      a bundled file as-is
//   /api/_stats?key=K                      how many requests carried key=K
//
// Fault injection (any endpoint)
//   delay=ms            wait before answering
//   drip=ms             send the body in 8 chunks, ms apart
//   status=N            answer with that status (429 and 503 add Retry-After)
//   retryAfter=S        Retry-After value: seconds, or `date:S` for an HTTP date S seconds ahead (default 1)
//   failFirst=N&key=K   the first N requests carrying key=K answer `status` (default 503)
//   truncate=1          cut the body in half
//   html=1              an HTML error page with status 200
//   loop=1              the last page's links.next points back to page 1
//   next=<url>          links.next is this URL instead
//   onlyPage=N          apply delay/drip/status/truncate/html/drop/redirect/huge only to page N
//   drop=1              send half the body, then cut the connection (a connection dropped mid-body)
//   redirect=<url>      answer 302 with Location: <url>
//   huge=MB             a 200 release package padded to MB megabytes, streamed without Content-Length
//   cors=0              no CORS headers (a server that does not allow embedding from other sites)
// Every parameter except page and next is carried into links.next/prev, so a walk keeps its faults and key.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';

const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;
const DRIP_CHUNKS = 8;
const MAX_HUGE_MB = 200;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Cache-Control': 'no-store',
};
const JSON_TYPE = 'application/json; charset=utf-8';

/** @typedef {Record<string, unknown>} JsonObject */
/**
 * @typedef {{ publisher?: JsonObject, license?: string, uri?: string, publishedDate?: string, version?: string }} PackageMeta
 * @typedef {{ name: string, source: string, meta: PackageMeta, releases: JsonObject[], records: JsonObject[] }} BundledFile
 * @typedef {{ release: JsonObject, file: BundledFile }} BundledRelease
 * @typedef {{ files: Map<string, Uint8Array>, parsed: BundledFile[], releases: BundledRelease[], years: string[] }} Bundle
 * @typedef {{ status: number, headers: Record<string, string>, body: string | Uint8Array, drip?: { chunks: number, intervalMs: number }, drop?: boolean, padding?: { bytes: number, suffix: string } }} ApiAnswer
 */

/** @type {Promise<Bundle> | undefined} */
let bundlePromise;
/** @type {Map<string, number>} */
const requestCounts = new Map();

/** @returns {Promise<Bundle>} */
function bundle() {
  bundlePromise ??= loadBundle().catch((error) => {
    bundlePromise = undefined;
    throw error;
  });
  return bundlePromise;
}

/** @param {string} dir @returns {Promise<string[]>} */
async function listJson(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      // summaries/ holds ocds-widgets summary documents (not OCDS): demos load them by URL, the API does not serve them.
      if (entry.isDirectory()) return entry.name === 'summaries' ? Promise.resolve([]) : listJson(path);
      return Promise.resolve(entry.name.endsWith('.json') ? [path] : []);
    }),
  );
  return nested.flat();
}

/** @param {unknown} value @returns {value is JsonObject} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} pkg @returns {PackageMeta} */
function metaOf(pkg) {
  if (!isObject(pkg)) return {};
  /** @type {PackageMeta} */
  const meta = {};
  if (isObject(pkg.publisher)) meta.publisher = pkg.publisher;
  for (const field of /** @type {const} */ (['license', 'uri', 'publishedDate', 'version'])) {
    const value = pkg[field];
    if (typeof value === 'string' && value !== '') meta[field] = value;
  }
  return meta;
}

/** @returns {Promise<Bundle>} */
async function loadBundle() {
  const paths = (await listJson(DATA_DIR)).map((path) => relative(DATA_DIR, path).split(sep).join('/')).sort();
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  /** @type {BundledFile[]} */
  const parsed = [];
  for (const name of paths) {
    const bytes = new Uint8Array(await readFile(join(DATA_DIR, name)));
    files.set(name, bytes);
    const json = JSON.parse(new TextDecoder().decode(bytes));
    const source = name.split('/')[0] ?? name;
    if (Array.isArray(json.records)) {
      // Full releases embedded in records join the release list; linked ones ({url}) cannot.
      const releases = json.records.flatMap((/** @type {JsonObject} */ record) =>
        Array.isArray(record.releases) ? record.releases.filter((release) => isObject(release) && 'ocid' in release) : [],
      );
      parsed.push({ name, source, meta: metaOf(json), releases, records: json.records });
    } else if (Array.isArray(json.releases)) {
      parsed.push({ name, source, meta: metaOf(json), releases: json.releases, records: [] });
    } else {
      parsed.push({ name, source, meta: metaOf(json.packageInfo), releases: [json], records: [] });
    }
  }
  const releases = parsed.flatMap((file) => file.releases.map((release) => ({ release, file })));
  const years = [...new Set(releases.map(({ release }) => String(release.date ?? '').slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))].sort();
  return { files, parsed, releases, years };
}

/**
 * Answers a request to the local OCDS API, or null when the URL is not an API URL.
 * @param {URL} url the full request URL (its origin is used for absolute links)
 * @returns {Promise<null | ApiAnswer>}
 */
export async function handleOcdsApi(url) {
  if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return null;
  const params = url.searchParams;
  const key = params.get('key');
  if (url.pathname === '/api/_stats') {
    return json(200, { key, requests: key ? (requestCounts.get(key) ?? 0) : 0 });
  }
  let count = 0;
  if (key) {
    count = (requestCounts.get(key) ?? 0) + 1;
    requestCounts.set(key, count);
  }
  const page = positiveInt(params.get('page'), 1);
  const onlyPage = params.get('onlyPage');
  const faulty = onlyPage === null || positiveInt(onlyPage, 0) === page;

  const delay = faulty ? positiveInt(params.get('delay'), 0) : 0;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 60_000)));

  let answer = await faultAnswer(params, faulty, count);
  if (!answer) {
    answer = await route(url, page);
    if (faulty && params.get('truncate') === '1' && answer.status === 200) {
      const body = typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : answer.body;
      answer.body = body.subarray(0, Math.floor(body.length / 2));
    }
  }
  const drip = faulty ? positiveInt(params.get('drip'), 0) : 0;
  if (drip > 0) answer.drip = { chunks: DRIP_CHUNKS, intervalMs: Math.min(drip, 10_000) };
  if (faulty && params.get('drop') === '1' && answer.status === 200) answer.drop = true;
  if (params.get('cors') === '0') {
    for (const name of Object.keys(answer.headers)) if (name.startsWith('Access-Control-')) delete answer.headers[name];
  }
  return answer;
}

/**
 * @param {URLSearchParams} params @param {boolean} faulty @param {number} count
 * @returns {Promise<ApiAnswer | null>}
 */
async function faultAnswer(params, faulty, count) {
  const failFirst = positiveInt(params.get('failFirst'), 0);
  const status = positiveInt(params.get('status'), 0);
  if (failFirst > 0 && params.get('key')) {
    if (count <= failFirst) return errorAnswer(status >= 400 ? status : 503, params);
    return null;
  }
  if (faulty && status >= 400) return errorAnswer(status, params);
  const redirect = params.get('redirect');
  if (faulty && redirect) return { status: 302, headers: { ...CORS, Location: redirect }, body: '' };
  const huge = faulty ? Math.min(positiveInt(params.get('huge'), 0), MAX_HUGE_MB) : 0;
  if (huge > 0) {
    // Valid JSON once complete: an empty release package whose padding string fills the size.
    const body = '{"version":"1.1","releases":[],"padding":"';
    const suffix = '"}';
    return {
      status: 200,
      headers: { ...CORS, 'Content-Type': JSON_TYPE },
      body,
      padding: { bytes: huge * 1024 * 1024 - body.length - suffix.length, suffix },
    };
  }
  if (faulty && params.get('html') === '1') {
    return {
      status: 200,
      headers: { ...CORS, 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head><body><h1>Service temporarily unavailable</h1><p>Please try again later.</p></body></html>\n',
    };
  }
  return null;
}

/** @param {number} status @param {URLSearchParams} params @returns {ApiAnswer} */
function errorAnswer(status, params) {
  const answer = json(status, { error: `Simulated error ${status}` });
  if (status === 429 || status === 503) answer.headers['Retry-After'] = retryAfterValue(params.get('retryAfter'));
  return answer;
}

/** @param {string | null} value */
function retryAfterValue(value) {
  if (value && /^date:\d+$/.test(value)) return new Date(Date.now() + Number(value.slice(5)) * 1000).toUTCString();
  if (value && /^\d+$/.test(value)) return value;
  return '1';
}

/** @param {string | null} value @param {number} fallback */
function positiveInt(value, fallback) {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= 0 ? number : fallback;
}

/** @param {number} status @param {unknown} body @returns {ApiAnswer} */
function json(status, body) {
  return { status, headers: { ...CORS, 'Content-Type': JSON_TYPE }, body: JSON.stringify(body) };
}

/** @param {URL} url @param {number} page @returns {Promise<ApiAnswer>} */
async function route(url, page) {
  const data = await bundle();
  const path = url.pathname;
  if (path === '/api' || path === '/api/') return json(200, index(url, data));
  if (path === '/api/releases') return releasesPage(url, data, page);
  if (path === '/api/packages') return json(200, data.parsed.filter((file) => file.releases.length > 0).map((file) => releasePackage(url, file.meta, file.releases)));
  if (path === '/api/releases.jsonl') {
    const lines = selectReleases(url, data).map(({ release }) => JSON.stringify(release));
    return { status: 200, headers: { ...CORS, 'Content-Type': 'application/x-ndjson; charset=utf-8' }, body: lines.join('\n') + '\n' };
  }
  if (path.startsWith('/api/records/')) return recordPackage(url, data, decodeURIComponent(path.slice('/api/records/'.length)));
  const edca = /^\/api\/edca\/contractingprocess\/(\d{4})$/.exec(path);
  if (edca) return edcaPackages(url, data, edca[1] ?? '');
  if (path.startsWith('/api/files/')) {
    const bytes = data.files.get(decodeURIComponent(path.slice('/api/files/'.length)));
    if (bytes) return { status: 200, headers: { ...CORS, 'Content-Type': JSON_TYPE }, body: bytes };
  }
  return json(404, { error: `No such endpoint: ${path}` });
}

/** @param {URL} url @param {Bundle} data */
function index(url, data) {
  const origin = url.origin;
  return {
    description: 'Local OCDS API serving real publisher data (see /demos/data/SOURCES.md).',
    releases: data.releases.length,
    sources: [...new Set(data.parsed.map((file) => file.source))],
    endpoints: {
      releases: `${origin}/api/releases?limit=${DEFAULT_LIMIT}&page=1`,
      record: `${origin}/api/records/${encodeURIComponent(String(data.releases[0]?.release.ocid ?? ''))}`,
      packages: `${origin}/api/packages`,
      jsonLines: `${origin}/api/releases.jsonl`,
      edca: data.years.map((year) => `${origin}/api/edca/contractingprocess/${year}`),
      files: [...data.files.keys()].map((name) => `${origin}/api/files/${name}`),
    },
  };
}

/** @param {URL} url @param {Bundle} data @returns {BundledRelease[]} */
function selectReleases(url, data) {
  const source = url.searchParams.get('source');
  return source ? data.releases.filter(({ file }) => file.source === source) : data.releases;
}

/** @param {URL} url @param {Bundle} data @param {number} page @returns {ApiAnswer} */
function releasesPage(url, data, page) {
  const selected = selectReleases(url, data);
  const limit = Math.min(positiveInt(url.searchParams.get('limit'), DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
  const pages = Math.max(1, Math.ceil(selected.length / limit));
  if (page < 1 || page > pages) return json(404, { error: `No page ${page}: there are ${pages} pages of ${limit}.` });
  const slice = selected.slice((page - 1) * limit, page * limit);
  // One publisher's pages keep that publisher's own metadata; mixed pages describe the collection.
  const meta = url.searchParams.get('source') ? mergedMeta(selected) : collectionMeta(url, selected);
  const pkg = releasePackage(url, meta, slice.map(({ release }) => release));
  /** @type {JsonObject} */
  const links = {};
  const override = url.searchParams.get('next');
  if (override !== null) links.next = override;
  else if (page < pages) links.next = pageUrl(url, page + 1);
  else if (url.searchParams.get('loop') === '1') links.next = pageUrl(url, 1);
  if (page > 1) links.prev = pageUrl(url, page - 1);
  if (Object.keys(links).length > 0) pkg.links = links;
  return json(200, pkg);
}

/** @param {BundledRelease[]} selected @returns {PackageMeta} */
function mergedMeta(selected) {
  return selected.map(({ file }) => file.meta).find((meta) => meta.publisher) ?? {};
}

/** @param {URL} url @param {BundledRelease[]} selected @returns {PackageMeta} */
function collectionMeta(url, selected) {
  const dates = selected.map(({ file }) => Date.parse(file.meta.publishedDate ?? '')).filter(Number.isFinite);
  return {
    publisher: { name: 'ocds-widgets local API (real data from several publishers)' },
    license: `${url.origin}/demos/data/SOURCES.md`,
    publishedDate: dates.length > 0 ? new Date(Math.max(...dates)).toISOString() : undefined,
  };
}

/** Canonical page URL: sorted parameters, so the same page always has the same address. */
/** @param {URL} url @param {number} page */
function pageUrl(url, page) {
  const next = new URL(url.pathname, url.origin);
  for (const [name, value] of url.searchParams) if (name !== 'page' && name !== 'next') next.searchParams.append(name, value);
  next.searchParams.set('page', String(page));
  next.searchParams.sort();
  return next.href;
}

/** Package metadata as OCDS packages carry it. @param {URL} url @param {PackageMeta} meta @returns {JsonObject} */
function packageHeader(url, meta) {
  return {
    uri: meta.uri ?? url.href,
    version: meta.version ?? '1.1',
    publishedDate: meta.publishedDate ?? '2026-01-01T00:00:00Z',
    publisher: meta.publisher ?? { name: 'ocds-widgets local API' },
    ...(meta.license ? { license: meta.license } : {}),
  };
}

/** @param {URL} url @param {PackageMeta} meta @param {JsonObject[]} releases @returns {JsonObject} */
function releasePackage(url, meta, releases) {
  return { ...packageHeader(url, meta), releases };
}

/** @param {URL} url @param {Bundle} data @param {string} ocid @returns {ApiAnswer} */
function recordPackage(url, data, ocid) {
  // The publisher's own record package when there is one (Paraguay, Mexico APF), else a record of the releases.
  for (const file of data.parsed) {
    const record = file.records.find((candidate) => candidate.ocid === ocid);
    if (record) {
      const { publisher, license, publishedDate, version } = file.meta;
      return json(200, { uri: url.href, version, publishedDate, publisher, license, records: [record] });
    }
  }
  const releases = data.releases.filter(({ release }) => release.ocid === ocid);
  if (releases.length === 0) return json(404, { error: `No record for ocid ${ocid}` });
  return json(200, { ...packageHeader(url, mergedMeta(releases)), uri: url.href, records: [{ ocid, releases: releases.map(({ release }) => release) }] });
}

/** @param {URL} url @param {Bundle} data @param {string} year @returns {ApiAnswer} */
function edcaPackages(url, data, year) {
  /** @type {Map<string, BundledRelease[]>} */
  const byOcid = new Map();
  for (const entry of data.releases) {
    if (String(entry.release.date ?? '').slice(0, 4) !== year) continue;
    const ocid = String(entry.release.ocid);
    byOcid.set(ocid, [...(byOcid.get(ocid) ?? []), entry]);
  }
  const packages = [...byOcid.values()].map((entries) => releasePackage(url, mergedMeta(entries), entries.map(({ release }) => release)));
  return json(200, { arrayReleasePackage: packages });
}
