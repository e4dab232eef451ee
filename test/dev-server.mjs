// `npm start` (the Vite dev server of vite.config.ts): the CDN URLs the embed builder's snippets name answer with
// the kit from source, with no build; and the dev server adds no CORS headers of its own, so the local API's
// `cors=0` fault is what a page on another origin sees.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromeArgs, requireChrome } from './find-chrome.mjs';

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, server: { port: 0 }, logLevel: 'error' });
await server.listen();
const { port } = server.httpServer.address();
const origin = `http://127.0.0.1:${port}`;
const get = (path, headers = {}) => fetch(origin + path, { headers, redirect: 'manual' });
try {
  for (const [path, type] of [
    ['/dist/cdn/ocds-widgets.js', /javascript/],
    ['/dist/cdn/embed-resize.js', /javascript/],
    ['/dist/cdn/embed-frame.js', /javascript/],
    ['/dist/cdn/embed.html?widget=spending-by-stage&src=%2Fapi%2Freleases', /html/],
  ]) {
    const answer = await get(path);
    assert.equal(answer.status, 200, `${path} answers 200`);
    assert.match(answer.headers.get('content-type') ?? '', type, `${path} content type`);
    const body = await answer.text();
    if (path.startsWith('/dist/cdn/embed.html')) assert.match(body, /components\/embed\/frame\.ts/, 'embed.html loads the frame script');
    else assert.ok(body.length > 0 && !/<html/i.test(body), `${path} is a script`);
  }
  // The module the script snippet loads defines the elements from source: its imports resolve too.
  const kit = await (await get('/dist/cdn/ocds-widgets.js')).text();
  const imported = [...kit.matchAll(/from\s+["']([^"']+)["']/g)].map((match) => new URL(match[1], `${origin}/components/cdn.ts`).pathname);
  assert.ok(imported.length > 0, 'the kit imports its loader');
  for (const path of imported) assert.equal((await get(path)).status, 200, `${path} (imported by the kit) answers 200`);

  const otherSite = { Origin: 'http://localhost:9999' };
  const open = await get('/api/releases?source=armenia', otherSite);
  assert.equal(open.status, 200);
  assert.equal(open.headers.get('access-control-allow-origin'), '*', 'the local API allows other sites');
  const refused = await get('/api/releases?source=armenia&cors=0', otherSite);
  assert.equal(refused.status, 200);
  assert.equal(refused.headers.get('access-control-allow-origin'), null, 'cors=0: no CORS header from the API nor the dev server');

  // Every data request a demo page makes completes: none is reported cancelled after its body was read (Chromium's
  // network panel said "(canceled)" for pages read through a stream reader). The spending page's deliberate 404 is
  // the one request whose body the loader discards.
  const browser = await chromium.launch({ executablePath: requireChrome(), args: chromeArgs });
  try {
    for (const [page, expectedFailures] of [['/demos/spending-by-stage.html', ['/api/releases?status=404']], ['/demos/gallery.html', []]]) {
      const tab = await browser.newPage();
      const failed = [];
      tab.on('requestfailed', (request) => {
        const path = new URL(request.url()).pathname + new URL(request.url()).search;
        if (path.startsWith('/api/')) failed.push(path);
      });
      await tab.goto(origin + page);
      // Until every element on the page has settled (ready or error).
      await tab.waitForFunction(() => [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset').every((element) => ['ready', 'error'].includes(element.status)), null, { timeout: 60_000 });
      assert.deepEqual(failed, expectedFailures, `${page}: data requests that did not complete`);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  console.log('Dev server: CDN URLs served from source; cors=0 sends no CORS headers; demo data requests complete.');
} finally {
  await server.close();
}
