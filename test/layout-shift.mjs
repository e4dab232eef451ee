// The demo pages (`npm start`'s Vite dev server, bundled data) at phone (360, 400, 480 px), tablet (768 px) and desktop
// (1280 px) width, in Chromium and then Firefox: each page is loaded, every element's `rendered` awaited (those in
// same-origin iframe embeds too), then the page is scrolled to the bottom a half screen at a time, waiting at each step
// for the elements near the view to draw. Then:
// - no page is wider than the screen (no sideways scroll);
// - no console error and no uncaught error, and every element drawn (none in its error state), except the failures a
//   page shows on purpose (EXPECTED_FAILURES), which must fail;
// - Chromium only: the sum of every `layout-shift` entry without recent input (PerformanceObserver, buffered) stays
//   under 0.1, the "good" CLS threshold, so a chart that loads, draws or fails does not push the text a reader is
//   looking at. Firefox has no `layout-shift` entries (the Layout Instability API is Chromium's): there the other
//   checks run;
// - demos/dashboard.html at 400 px: each chart fits the screen budget of DASHBOARD_LIMITS.
// Every demos/*.html page must be on DEMO_PAGES: a new demo is checked, or this fails.
// One browser per engine; two pages at a time, each in a window of its own (OCDS_TABS=1: one at a time).
//   node test/layout-shift.mjs                  every page and width, Chromium then Firefox (part of `npm test`)
//   OCDS_ENGINE=firefox node test/layout-shift.mjs   one engine
//   node test/layout-shift.mjs dashboard 400    one page / one width, with the shifted nodes printed
//   --port 8751                                 the dev server's port (else any free one)
//   OCDS_SCROLL_PAUSE=150 node test/layout-shift.mjs   scroll as a reader would, pausing 150 ms a step without
//                                                     waiting for the charts to draw (those in view draw in view)
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, enginesToRun, requireChrome, requireFirefox } from './find-chrome.mjs';

const DEMO_PAGES = [
  '/demos/index.html',
  '/demos/gallery.html',
  '/demos/spending-by-stage.html',
  '/demos/contract-timeline.html',
  '/demos/supplier-network.html',
  '/demos/dashboard.html',
  '/demos/national.html',
  '/demos/newsroom.html',
  '/demos/single-bid.html',
  '/demos/agency.html',
  '/demos/strict-csp.html',
  '/demos/builder.html',
  '/demos/embed.html?widget=spending-by-stage&src=%2Fapi%2Freleases%3Fsource%3Dmexico-inai&lang=es',
];
/** What a page shows failing on purpose: the elements in their error state, and the console errors that go with it. */
const EXPECTED_FAILURES = {
  // "A source that answers 404": the browser logs the failed request.
  '/demos/spending-by-stage.html': {
    elements: ['ocds-spending-by-stage[src="/api/releases?status=404"]', 'ocds-spending-by-stage[src="/api/releases?html=1"]', 'ocds-spending-by-stage[src="/api/releases?truncate=1"]'],
    console: /status=404|404 \(Not Found\)/,
  },
};
const WIDTHS = [360, 400, 480, 768, 1280];
const VIEWPORT_HEIGHT = 800;
const LIMIT = 0.1;
// demos/dashboard.html at phone width, 400 × 800 px: a reader should take in each chart within about a screen.
// - its figure (part=chart) fits one screen (800 px), else it cannot be seen whole;
// - the keyboard list (one listbox line) and the on-screen summary (part=summary: a caption's few sentences and a
//   "More" button) take at most half a screen together — the 1,400 px of buttons and 12-sentence summary of issue 12
//   are several screens;
// - the rest (heading, controls, notes, source line, a report's lists) half a screen more: so an element is at most
//   two screens (1,600 px) tall.
// The process table is as long as its page of rows (titles wrap at phone width): it must show one page (50 rows) of
// its 135, not every row.
const DASHBOARD_LIMITS = { width: 400, figure: 1, aids: 0.5, element: 2, tableRows: 50 };

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 0;
const [onlyPage, onlyWidth] = args;
const engines = enginesToRun();

// Every demo page is checked: one not on the list fails here, before anything is measured.
const pathOf = (page) => page.split('?')[0];
const onDisk = readdirSync(new URL('../demos/', import.meta.url)).filter((name) => name.endsWith('.html')).map((name) => `/demos/${name}`);
assert.deepEqual(onDisk.filter((page) => !DEMO_PAGES.some((listed) => pathOf(listed) === page)), [], 'demo pages missing from DEMO_PAGES in test/layout-shift.mjs');
assert.deepEqual(DEMO_PAGES.filter((page) => !onDisk.includes(pathOf(page))), [], 'DEMO_PAGES names pages that are not in demos/');

const pages = onlyPage ? DEMO_PAGES.filter((page) => page.includes(onlyPage)) : DEMO_PAGES;
const widths = onlyWidth ? [Number(onlyWidth)] : WIDTHS;
const browsers = {
  chromium: () => puppeteer.launch({ browser: 'chrome', executablePath: requireChrome(), headless: true, args: chromeArgs, protocolTimeout: 90_000 }),
  firefox: () => puppeteer.launch({ browser: 'firefox', executablePath: requireFirefox(), headless: true, protocolTimeout: 90_000 }),
};

/**
 * In the page before any of its scripts (an init script, so a strict CSP does not block it): `__settle`, and every
 * layout shift with the nodes it moved in `__shifts`.
 */
function instrument() {
  /**
   * In the page: resolves once every ocds element (`near`: those within a screen of the viewport) is defined, has
   * loaded or failed, its `rendered` promise has resolved (drawn, or its error or empty state shown), and nothing was
   * queued in the frames after (a draw resizes its container; the width observer redraws at the next frame).
   */
  window.__settle = function settle(near) {
    const started = performance.now();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    const frame = () =>
      new Promise((resolve, reject) => {
        const late = setTimeout(() => reject(new Error('no animation frame in 10 s: is the page hidden?')), 10_000);
        requestAnimationFrame(() => resolve(clearTimeout(late)));
      });
    // The page's elements and those of its iframe embeds (same origin), each with the box it takes in the page.
    const ocdsElements = () => [
      ...[...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset').map((element) => ({ element, box: element })),
      ...[...document.querySelectorAll('iframe')].flatMap((frame) => {
        const inner = frame.contentDocument;
        // Not loaded yet: stands for its element until it is. When a lazy iframe loads is the browser's choice
        // (Firefox waits until it is about in view, Chromium loads it further ahead): waited for once in view.
        if (!inner || inner.readyState !== 'complete' || inner.URL === 'about:blank') return [{ element: { localName: 'iframe', status: 'loading' }, box: frame, inView: true }];
        return [...inner.querySelectorAll('*')].filter((element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset').map((element) => ({ element, box: frame }));
      }),
    ];
    const waitedFor = () =>
      (near
        ? ocdsElements().filter(({ box, inView }) => {
            const rect = box.getBoundingClientRect();
            return inView ? rect.bottom > 0 && rect.top < innerHeight : rect.bottom > -innerHeight && rect.top < 2 * innerHeight;
          })
        : ocdsElements()
      ).map(({ element }) => element);
    const loaded = (element) =>
      element.ownerDocument?.defaultView.customElements.get(element.localName) && (['ready', 'error'].includes(element.status) || (element.status === 'idle' && !element.closest('ocds-dataset')));
    // `rendered` resolves within microtasks when the element has settled: before a timer does.
    const settledNow = (elements) => Promise.race([Promise.all(elements.map((element) => element.rendered)).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 0))]);
    return (async () => {
      for (;;) {
        if (performance.now() - started > 60_000) throw new Error(`elements did not settle in 60 s: ${waitedFor().filter((element) => !loaded(element)).map((element) => `${element.localName} (${element.status})`).join(', ')}`);
        const waited = waitedFor();
        if (!waited.every(loaded)) {
          await tick();
          continue;
        }
        await Promise.all(waited.map((element) => element.rendered));
        for (let i = 0; i < 3; i++) await frame();
        const again = waitedFor();
        if (again.length === waited.length && again.every(loaded) && (await settledNow(again))) return;
      }
    })();
  };

  window.__shifts = [];
  if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const describe = (node) => {
        if (!node || node.nodeType !== 1) return node?.nodeName ?? '?';
        const root = node.getRootNode();
        const host = root instanceof ShadowRoot ? `${root.host.localName} > ` : '';
        return `${host}${node.localName}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`;
      };
      window.__shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        scrollY: Math.round(window.scrollY),
        sources: entry.sources.map((source) => `${describe(source.node)} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)} (h ${Math.round(source.previousRect.height)}→${Math.round(source.currentRect.height)})`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const frames = (tab, count) =>
  tab.evaluate((count) => new Promise((resolve) => {
    const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  }), count);

/** What the page shows once loaded and scrolled through: elements in their error state, heights, sideways scroll. */
function pageState() {
  const ocds = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter(Boolean)].flatMap((doc) =>
    [...doc.querySelectorAll('*')].filter((element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset'),
  );
  const name = (element) => `${element.localName}${[...element.attributes].filter((a) => ['src', 'by', 'heading', 'widget'].includes(a.name)).map((a) => `[${a.name}="${a.value}"]`).join('')}`;
  const scroller = document.scrollingElement;
  return {
    shifts: window.__shifts ?? [],
    overflow: scroller.scrollWidth - scroller.clientWidth,
    height: scroller.scrollHeight,
    elements: ocds.map((element) => {
      const height = (selector) => [...element.shadowRoot.querySelectorAll(selector)].reduce((sum, part) => sum + part.getBoundingClientRect().height, 0);
      return {
        name: name(element),
        status: element.status,
        height: Math.round(element.getBoundingClientRect().height),
        figure: Math.round(height('[part=chart]')),
        aids: Math.round(height('.items') + height('.summary')),
        tableRows: element.shadowRoot.querySelectorAll('tbody tr').length,
        rows: element.rows?.length ?? 0,
      };
    }),
    errorElements: ocds.filter((element) => element.status === 'error').map((element) => `${element.localName}[src="${element.getAttribute('src')}"]`),
  };
}

async function visit(browser, origin, page, width, step = VIEWPORT_HEIGHT / 2) {
  // A window each: a tab behind another gets no animation frames (a Chromium run hung on one), so nothing would draw.
  const tab = await browser.newPage({ type: 'window' });
  const errors = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} ${message.location()?.url ?? ''}`.trim());
  });
  tab.on('pageerror', (error) => errors.push(`uncaught: ${error.message ?? error}`));
  try {
    await tab.setViewport({ width, height: VIEWPORT_HEIGHT });
    await tab.evaluateOnNewDocument(instrument);
    const started = Date.now();
    await tab.goto(origin + page, { waitUntil: 'load', timeout: 120_000 });
    const loaded = Date.now();
    await tab.evaluate(() => window.__settle(true));
    const drawn = Date.now();
    // A half screen at a time (`step`); each waits in the page (one round trip) for the elements near the view to draw.
    for (let y = step; ; y += step) {
      const bottom = await tab.evaluate(
        async (y, pause) => {
          window.scrollTo(0, y);
          const bottom = window.scrollY + innerHeight >= document.scrollingElement.scrollHeight - 1;
          if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
          else await window.__settle(true);
          return bottom;
        },
        y,
        Number(process.env.OCDS_SCROLL_PAUSE ?? 0),
      );
      if (bottom) break;
    }
    await tab.evaluate(() => window.__settle(false));
    await frames(tab, 5);
    const times = `load ${loaded - started} ms, first screen ${drawn - loaded} ms, scrolled in ${Date.now() - drawn} ms`;
    return { ...(await tab.evaluate(pageState)), errors, times };
  } finally {
    await tab.close();
  }
}

// Pages visited at once in the one browser: a visit mostly waits (module requests to the dev server, data, frames),
// so two share two cores well; a third gained nothing here.
const TABS = Number(process.env.OCDS_TABS ?? 2);
async function inTabs(jobs) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(TABS, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, server: { port, strictPort: port > 0, hmr: false, watch: null }, logLevel: 'error' });
await server.listen();
const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
const failures = [];
const report = [];
try {
  for (const [index, engine] of engines.entries()) {
    const started = Date.now();
    const browser = await browsers[engine]();
    try {
      // The dev server compiles modules on first request (and may reload a page once it has optimised a new
      // dependency): one visit to each page first, so the measured visits see what a reader's would. Two screens a
      // step: elements draw within a screen of the view, so every one is drawn (and its modules compiled) on the way.
      if (index === 0) await inTabs(pages.map((page) => () => visit(browser, origin, page, 1280, 2 * VIEWPORT_HEIGHT).catch((error) => failures.push(`${engine} ${page}, first visit: ${error.message}`))));
      const visits = pages.flatMap((page) => widths.map((width) => ({ page, width })));
      await inTabs(visits.map(({ page, width }) => async () => {
        const at = `${engine} ${page} at ${width} px`;
        let result;
        try {
          result = await visit(browser, origin, page, width);
        } catch (error) {
          failures.push(`${at}: ${error.message}`);
          return;
        }
        const { shifts, overflow, height, elements, errorElements, errors, times } = result;
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        report.push({ engine, page, width, total });
        const lines = [`${at}: ${engine === 'chromium' ? `layout shift ${total.toFixed(4)}, ` : ''}${overflow} px wider than the screen, ${height} px tall, ${elements.length} elements (${times})`];
        if (overflow > 0) failures.push(`${at}: ${overflow} px of sideways scroll`);
        if (engine === 'chromium') {
          if (onlyPage || total >= LIMIT) for (const shift of shifts) lines.push(`  ${shift.value.toFixed(4)} at ${shift.at} ms, scrollY ${shift.scrollY}: ${shift.sources.join('; ')}`);
          if (total >= LIMIT) failures.push(`${at}: layout shift ${total.toFixed(3)}`);
        }
        const expected = EXPECTED_FAILURES[pathOf(page)] ?? { elements: [], console: undefined };
        if (JSON.stringify([...errorElements].sort()) !== JSON.stringify([...expected.elements].sort())) failures.push(`${at}: elements in their error state ${JSON.stringify(errorElements)}, expected ${JSON.stringify(expected.elements)}`);
        const unexpected = errors.filter((error) => !expected.console?.test(error));
        if (unexpected.length) failures.push(`${at}: ${unexpected.join(' | ')}`);
        if (pathOf(page) === '/demos/dashboard.html' && width === DASHBOARD_LIMITS.width) {
          lines.push(`  ${height} px tall: ${elements.map((element) => `${element.name} ${element.height} (figure ${element.figure}, list and summary ${element.aids})`).join(', ')}`);
          const over = (element, what, value, screens) => value > screens * VIEWPORT_HEIGHT && failures.push(`${at}: ${element.name}: ${what} ${value} px, over ${screens} × ${VIEWPORT_HEIGHT} px`);
          for (const element of elements) {
            if (element.name === 'ocds-process-table') {
              if (element.tableRows > DASHBOARD_LIMITS.tableRows || element.rows <= DASHBOARD_LIMITS.tableRows) failures.push(`${at}: the process table shows ${element.tableRows} of its ${element.rows} rows, expected one page of ${DASHBOARD_LIMITS.tableRows}`);
              continue;
            }
            if (element.figure === 0) failures.push(`${at}: ${element.name}: no figure drawn`);
            over(element, 'figure', element.figure, DASHBOARD_LIMITS.figure);
            over(element, 'keyboard list and summary', element.aids, DASHBOARD_LIMITS.aids);
            over(element, 'height', element.height, DASHBOARD_LIMITS.element);
          }
        }
        console.log(lines.join('\n'));
      }));
    } finally {
      await browser.close();
    }
    console.log(`${engine}: ${Math.round((Date.now() - started) / 1000)} s`);
  }
} finally {
  await server.close();
}
for (const page of pages) {
  const worst = report.filter((entry) => entry.engine === 'chromium' && entry.page === page).sort((a, b) => b.total - a.total)[0];
  if (worst) console.log(`max CLS ${worst.total.toFixed(4)} (${worst.width} px) ${page}`);
}
assert.deepEqual(failures, [], 'a demo page wider than the screen, with errors, or with layout shift of 0.1 or more');
console.log(`No sideways scroll, no errors${engines.includes('chromium') ? `, layout shift under ${LIMIT} (Chromium)` : ''} on ${pages.length} demo pages at ${widths.join(', ')} px in ${engines.join(' and ')}.`);
