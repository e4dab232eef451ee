// The benchmark's own server (loopback only, random free port): the bench pages (bench/ as /bench/), one run's builds
// (its folder as /run/), and the generated datasets as a paginated OCDS API (PAGE_SIZE releases a page, `links.next`)
// and as one file.
//   /api/releases?size=N&page=P   release package of page P (size=real-N: the real-shaped releases, bench/real-shaped.mjs), with links.next (extra query parameters are kept,
//                                 so a cache-busting `run=` follows the whole walk)
//   /api/releases.json?size=N     the same releases in one release package
//   /api/network.json?nodes=N     the supplier-network dataset of about N nodes
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { DEFAULT_SEED, PAGE_SIZE, generateReleases, packageEnvelope } from './generate.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' };

/**
 * Writes `count` generated releases (or `makeReleases(count, seed)`'s, e.g. the real-shaped ones) into `dir` as page files of PAGE_SIZE releases (`page-N.json`: a JSON array),
 * which the bench server wraps in a package with `links.next`, or joins into one whole-file package.
 */
export async function writeDataset(dir, count, makeReleases = generateReleases) {
  await mkdir(dir, { recursive: true });
  const releases = makeReleases(count, DEFAULT_SEED);
  const pages = Math.ceil(count / PAGE_SIZE);
  for (let page = 1; page <= pages; page++) {
    await writeFile(join(dir, `page-${page}.json`), JSON.stringify(releases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)));
  }
  return { count, pages, ocids: new Set(releases.map((r) => r.ocid)).size };
}

/**
 * @param {{ benchDir: string, runDir: string, datasets: Map<number, { dir: string, pages: number }>, networkReleases: (nodes: number) => object[] }} options
 */
export async function startServer({ benchDir, runDir, datasets, networkReleases }) {
  // The envelope is serialised and the releases spliced in as the generator wrote them: no re-serialisation per request.
  const wrap = (releasesJson, extra) => {
    const head = JSON.stringify({ ...packageEnvelope(), ...extra, releases: [] });
    return Buffer.from(`${head.slice(0, -'[]}'.length)}${releasesJson}}`);
  };
  // Everything is read and assembled before the first request, so no timed request pays for the disk or a join.
  const pageTexts = new Map();
  const wholeFiles = new Map();
  for (const [size, { dir, pages }] of datasets) {
    const texts = [];
    for (let page = 1; page <= pages; page++) texts.push(await readFile(join(dir, `page-${page}.json`), 'utf8'));
    // Keyed as the `size` query parameter reads: `10000`, or `real-10000` for the real-shaped releases.
    pageTexts.set(String(size), texts);
    wholeFiles.set(String(size), wrap(`[${texts.map((text) => text.slice(1, -1)).join(',')}]`, {}));
  }
  const networkFiles = new Map();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, `http://${req.headers.host}`);
      const send = (status, body, type = 'application/json') => {
        // no-store: every repetition reads the bytes from the network again, never from Chromium's cache.
        res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
        res.end(body);
      };
      if (url.pathname === '/api/releases') {
        const size = url.searchParams.get('size');
        const page = Number(url.searchParams.get('page') ?? 1);
        const texts = pageTexts.get(size);
        if (!texts || !(page >= 1 && page <= texts.length)) return send(404, '{"error":"no such page"}');
        const extra = {};
        if (page < texts.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          extra.links = { next: next.href };
        }
        return send(200, wrap(texts[page - 1], extra));
      }
      if (url.pathname === '/api/releases.json') {
        const whole = wholeFiles.get(url.searchParams.get('size'));
        return whole ? send(200, whole) : send(404, '{"error":"no such dataset"}');
      }
      if (url.pathname === '/api/network.json') {
        const nodes = Number(url.searchParams.get('nodes'));
        if (!networkFiles.has(nodes)) networkFiles.set(nodes, wrap(JSON.stringify(networkReleases(nodes)), {}));
        return send(200, networkFiles.get(nodes));
      }
      for (const [prefix, dir] of [['/bench/', benchDir], ['/run/', runDir]]) {
        if (!url.pathname.startsWith(prefix)) continue;
        const path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!path.startsWith(dir + sep)) return send(403, 'forbidden', 'text/plain');
        const body = await readFile(path).catch(() => null);
        if (!body) return send(404, 'not found', 'text/plain');
        return send(200, body, TYPES[extname(path)] ?? 'application/octet-stream');
      }
      return send(404, 'not found', 'text/plain');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
