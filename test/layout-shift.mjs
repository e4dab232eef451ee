// Layout shift on the demo pages (`npm start`'s Vite dev server, bundled data), in Chromium at phone (360 and 400 px)
// and desktop (1280 px) width: the page is loaded, every element's `rendered` awaited, then the page scrolled to the bottom
// a half screen at a time, waiting at each step for the elements in view to draw. The sum of every `layout-shift`
// entry without recent input (PerformanceObserver, buffered) stays under 0.1 — the "good" CLS threshold — so a chart
// that loads, draws or fails does not push the text a reader is looking at. And no page is wider than the screen.
//   node test/layout-shift.mjs                 every demo page, both widths (part of `npm test`)
//   node test/layout-shift.mjs dashboard 400   one page / one width, with the shifted nodes printed
//   OCDS_SCROLL_PAUSE=150 node test/layout-shift.mjs   scroll as a reader would, pausing 150 ms a step without
//                                                     waiting for the charts to draw (those in view draw in view)
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromeArgs, requireChrome } from './find-chrome.mjs';

export const DEMO_PAGES = [
  '/demos/index.html',
  '/demos/gallery.html',
  '/demos/spending-by-stage.html',
  '/demos/contract-timeline.html',
  '/demos/supplier-network.html',
  '/demos/dashboard.html',
  '/demos/newsroom.html',
  '/demos/single-bid.html',
  '/demos/agency.html',
  '/demos/strict-csp.html',
  '/demos/builder.html',
  '/demos/embed.html?widget=spending-by-stage&src=%2Fapi%2Freleases%3Fsource%3Dmexico-inai&lang=es',
];
const WIDTHS = [360, 400, 1280];
const VIEWPORT_HEIGHT = 800;
const LIMIT = 0.1;

const [onlyPage, onlyWidth] = process.argv.slice(2);
const pages = onlyPage ? DEMO_PAGES.filter((page) => page.includes(onlyPage)) : DEMO_PAGES;
const widths = onlyWidth ? [Number(onlyWidth)] : WIDTHS;

/** In the page before any of its scripts: every layout shift, with the nodes it moved. */
function recordShifts() {
  window.__shifts = [];
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

/**
 * Resolves once every ocds element of the page (`near`: those within a screen of the viewport) is defined, has
 * loaded or failed, and its `rendered` promise has resolved (drawn, or its error or empty state shown).
 */
async function settledElements(tab, near) {
  await tab.evaluate(async (near) => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('elements did not settle in 120 s');
      const elements = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset');
      const waited = near
        ? elements.filter((element) => {
            const box = element.getBoundingClientRect();
            return box.bottom > -innerHeight && box.top < 2 * innerHeight;
          })
        : elements;
      const loaded = (element) => customElements.get(element.localName) && (['ready', 'error'].includes(element.status) || (element.status === 'idle' && !element.closest('ocds-dataset')));
      if (!waited.every(loaded)) {
        await pause();
        continue;
      }
      await Promise.all(waited.map((element) => element.rendered));
      // Drawn, and nothing new queued since (a draw can queue a resize).
      await pause();
      if (waited.every((element) => loaded(element))) return;
    }
  }, near);
}

const frames = (tab, count = 3) =>
  tab.evaluate((count) => new Promise((resolve) => {
    const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  }), count);

async function measure(browser, origin, page, width) {
  const context = await browser.newContext({ viewport: { width, height: VIEWPORT_HEIGHT } });
  await context.addInitScript(recordShifts);
  const tab = await context.newPage();
  try {
    await tab.goto(origin + page, { waitUntil: 'load', timeout: 120_000 });
    await settledElements(tab, true);
    await frames(tab);
    for (let y = 0; ; y += VIEWPORT_HEIGHT / 2) {
      const bottom = await tab.evaluate((y) => {
        window.scrollTo(0, y);
        return window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
      }, y);
      if (!process.env.OCDS_SCROLL_PAUSE) await settledElements(tab, true);
      await frames(tab);
      if (process.env.OCDS_SCROLL_PAUSE) await tab.waitForTimeout(Number(process.env.OCDS_SCROLL_PAUSE));
      if (bottom) break;
    }
    await settledElements(tab, false);
    await frames(tab, 5);
    await tab.waitForTimeout(300);
    const shifts = await tab.evaluate(() => window.__shifts);
    // Nothing on the page is wider than the screen: no sideways scroll.
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    return { total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts, overflow };
  } finally {
    await context.close();
  }
}

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, server: { port: 0, hmr: false, watch: null }, logLevel: 'error' });
await server.listen();
const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
const browser = await chromium.launch({ executablePath: requireChrome(), args: chromeArgs });
const failures = [];
try {
  // The dev server compiles modules on first request (and may reload a page once it has optimised a new
  // dependency): one visit to each page first, so the measured visits see what a reader's would.
  for (const page of pages) await measure(browser, origin, page, 1280);
  for (const page of pages) {
    for (const width of widths) {
      const { total, shifts, overflow } = await measure(browser, origin, page, width);
      console.log(`${page} at ${width} px: layout shift ${total.toFixed(4)}, ${overflow} px wider than the screen`);
      if (overflow > 0) failures.push(`${page} at ${width} px: ${overflow} px of sideways scroll`);
      if (onlyPage || total >= LIMIT) for (const shift of shifts) console.log(`  ${shift.value.toFixed(4)} at ${shift.at} ms, scrollY ${shift.scrollY}: ${shift.sources.join('; ')}`);
      if (total >= LIMIT) failures.push(`${page} at ${width} px: ${total.toFixed(3)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
assert.deepEqual(failures, [], `layout shift of ${LIMIT} or more, or a page wider than the screen`);
console.log(`Layout shift under ${LIMIT} and no sideways scroll on ${pages.length} demo pages at ${widths.join(', ')} px.`);
