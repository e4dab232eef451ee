// Measurements of the elements (the CDN build a newsroom page loads), run inside bench.html.
export { timeReadPages } from './read-pages.js';

const CDN_BUILD = '/run/dist/cdn/ocds-widgets.js'; // the run's folder (bench/server.mjs)
const VEGA_EMBED = '/run/bundle/vega.js';
// The options the elements give vega-embed (components/base/vega.ts), so the floor renders the same way.
const EMBED_OPTIONS = { renderer: 'svg', actions: false, ast: true, defaultStyle: false, logLevel: 0, tooltip: () => {} };

/**
 * Imports the CDN build's entry, as its script tag would: the entry defines each element the page uses from chunks
 * loaded on first use, and Vega stays unloaded until an element draws.
 */
export async function loadCdnEntry() {
  await import(CDN_BUILD);
}

/** Which of `tags` the CDN build defines (loading every element's chunks: use a page of its own). */
export async function definedTags(tags) {
  const entry = await import(CDN_BUILD);
  if (typeof entry.loadAllElements === 'function') await entry.loadAllElements();
  return tags.filter((tag) => customElements.get(tag));
}

/**
 * Milliseconds from connecting `<tag attributes…>` to its first `ocds-render` (`total`), and to its `ocds-load`
 * (`loaded`: the data part; the rest is analysis, spec and drawing).
 */
export async function timeToFirstChart(tag, attributes, timeoutMs) {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  let loadedAt;
  element.addEventListener('ocds-load', () => { loadedAt ??= performance.now(); });
  const rendered = new Promise((resolve, reject) => {
    element.addEventListener('ocds-render', () => resolve(performance.now()), { once: true });
    element.addEventListener('ocds-error', (event) => reject(new Error(`ocds-error (${event.detail?.phase}): ${event.detail?.message}`)), { once: true });
    setTimeout(() => reject(new Error(`no ocds-render within ${timeoutMs} ms`)), timeoutMs);
  });
  const start = performance.now();
  stage.append(element);
  const end = await rendered;
  return { total: end - start, loaded: loadedAt === undefined ? undefined : loadedAt - start };
}

/**
 * `<ocds-supplier-network>` draws at once from a warm start and redraws while its layout settles: milliseconds from
 * connecting to the first picture (`total`), and to the layout at rest and drawn (`settled`), with the node count.
 */
export async function timeToSettledNetwork(attributes, timeoutMs) {
  const first = await timeToFirstChart('ocds-supplier-network', attributes, timeoutMs);
  const element = document.querySelector('#stage > ocds-supplier-network');
  const start = performance.now() - first.total;
  await Promise.race([element.layoutSettled, new Promise((_, reject) => setTimeout(() => reject(new Error(`layout not settled within ${timeoutMs} ms`)), timeoutMs))]);
  return { ...first, settled: performance.now() - start, nodes: element.network?.nodes.length, edges: element.network?.edges.length };
}

/**
 * The spec the element last drew: its `spec` property when it has one, else the vega-embed result it keeps
 * (an own property holding `{ view, spec }`).
 */
function drawnSpec(element) {
  if (element.spec && typeof element.spec === 'object') return element.spec;
  for (const key of Object.keys(element)) {
    const value = element[key];
    if (value && typeof value === 'object' && 'view' in value && value.spec && typeof value.spec === 'object') return value.spec;
  }
  return undefined;
}

/**
 * The rendering floor: vega-embed called directly with the spec (inline data) the element in #stage drew,
 * into a container of the same width. One untimed warm-up, then `repetitions` timed embeds.
 */
export async function embedFloor(repetitions) {
  const element = document.querySelector('#stage > *');
  const spec = element && drawnSpec(element);
  if (!spec) return { unavailable: 'the element exposes neither `spec` nor its vega-embed result' };
  const { embed } = await import(VEGA_EMBED);
  const floor = document.getElementById('floor');
  const once = async () => {
    const container = document.createElement('div');
    floor.replaceChildren(container);
    const copy = structuredClone(spec);
    const start = performance.now();
    const result = await embed(container, copy, EMBED_OPTIONS);
    const ms = performance.now() - start;
    result.finalize();
    return ms;
  };
  await once();
  const times = [];
  for (let i = 0; i < repetitions; i++) times.push(await once());
  floor.replaceChildren();
  return { times };
}

/** A Dataset loaded by the CDN build itself (an `<ocds-dataset src>`, as a dashboard would hold one), and its element chunks. */
async function loadedDataset(src, timeoutMs) {
  const entry = await import(CDN_BUILD);
  await Promise.all([entry.loadElement('ocds-dataset'), entry.loadElement('ocds-process-table')]);
  const holder = document.createElement('ocds-dataset');
  const loaded = new Promise((resolve, reject) => {
    holder.addEventListener('ocds-load', resolve, { once: true });
    holder.addEventListener('ocds-error', (event) => reject(new Error(`ocds-error (${event.detail?.phase}): ${event.detail?.message}`)), { once: true });
    setTimeout(() => reject(new Error(`no ocds-load within ${timeoutMs} ms`)), timeoutMs);
  });
  holder.setAttribute('src', src);
  holder.hidden = true;
  document.getElementById('floor').append(holder);
  await loaded;
  const dataset = holder.loadedDataset;
  holder.remove();
  return dataset;
}

/** Style and layout of what the element rendered, done now (it is what a reader waits for before the next paint). */
const laidOut = (element) => element.shadowRoot.querySelector('tbody')?.getBoundingClientRect();

/**
 * `<ocds-process-table>` given a Dataset already in hand (`sharedDataset`, loaded beforehand by the same build, so
 * neither the network nor the data core is in the figure): milliseconds from handing it over to the first rows
 * drawn (`ocds-render`, then style and layout forced); then `query` typed a key at a time into its search box,
 * `gapMs` apart as a quick typist's keys are: per keystroke, milliseconds from the input event to the results drawn
 * (`rendered`: the element settled with the results, style and layout forced); the longest task (Long Tasks API) that started while typing, which
 * includes any work the element left for later (e.g. its red-flags column); and the DOM nodes under the element.
 * The first table of the page (a warm-up on `warmUpSrc`) loads the element's data code, so only warm runs are timed.
 * Each repetition also times the floor (tableFloor) just before the element, in the same page: the same numbers
 * measured on a machine whose load changes from one second to the next.
 */
export async function timeProcessTable(src, warmUpSrc, query, { gapMs = 50, repetitions = 1, timeoutMs = 120_000 } = {}) {
  const dataset = await loadedDataset(src, timeoutMs);
  const stage = document.getElementById('stage');
  const drawTable = async (given) => {
    stage.replaceChildren();
    const element = document.createElement('ocds-process-table');
    const rendered = new Promise((resolve, reject) => {
      element.addEventListener('ocds-render', resolve, { once: true });
      element.addEventListener('ocds-error', (event) => reject(new Error(`ocds-error (${event.detail?.phase}): ${event.detail?.message}`)), { once: true });
      setTimeout(() => reject(new Error(`no ocds-render within ${timeoutMs} ms`)), timeoutMs);
    });
    const start = performance.now();
    element.sharedDataset = given;
    stage.append(element);
    await rendered;
    laidOut(element);
    return { element, firstRows: performance.now() - start };
  };
  const warmUp = await drawTable(await loadedDataset(warmUpSrc, timeoutMs));
  await warmUp.element.rendered;
  await tableFloor(dataset, query, gapMs); // its code warm too
  const runs = [];
  for (let run = 0; run < repetitions; run++) {
    await new Promise((resolve) => setTimeout(resolve, 100)); // the last run's leftovers are not this one's
    const floor = await tableFloor(dataset, query, gapMs);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { element, firstRows } = await drawTable(dataset);
    const rowsDrawn = element.shadowRoot.querySelectorAll('tbody tr').length;
    const input = element.shadowRoot.querySelector('input[type="search"]');
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const typingStarted = performance.now();
    const keystrokes = [];
    for (let i = 1; i <= query.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      const start = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await element.rendered; // the results shown, not only the update done
      laidOut(element);
      keystrokes.push(performance.now() - start);
    }
    await element.rendered; // whatever the element still had to do (e.g. the red flags) is done, or shown in `tasks`
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last long-task entries arrive as a task
    observer.disconnect();
    // Only tasks that started after the first rows were drawn: the observer also reports the task it was created in.
    const whileTyping = tasks.filter((task) => task.startTime >= typingStarted);
    runs.push({
      firstRows,
      rowsDrawn,
      keystrokes,
      longestTask: Math.max(0, ...whileTyping.map((task) => task.duration)),
      longTasks: whileTyping.length,
      domNodes: element.shadowRoot.querySelectorAll('*').length,
      rows: element.rows.length,
      flagged: element.rows.filter((row) => row.flags).length,
      floor,
    });
  }
  return runs;
}

/** The floor's cells: eight short texts of a process, read straight from the Dataset. */
const floorCells = (process) => [
  process.title ?? process.tender?.title ?? '',
  process.buyer?.name ?? '',
  process.awards.flatMap((award) => award.suppliers.map((supplier) => supplier.name)).join('; '),
  process.tender?.status ?? '',
  process.tender?.procurementMethod ?? '',
  process.ocid,
  process.date ?? '',
  String(process.releases.length),
];

/**
 * The floor of the process-table figures, in the same page just before each repetition: the least any table of
 * these processes could do. First rows: a plain table (no framework, no formatting) of the first 50 processes' eight
 * short texts, in a shadow root with one style rule, laid out, plus `JSON.parse` of the Dataset's processes' titles
 * as one JSON array (every process touched once). Keystroke: `query` typed a key at a time, `gapMs` apart: each key a
 * case-folded `includes` over every process's title, buyer and ocid (lower-cased once beforehand), and the first 50
 * matches drawn as that table, laid out. The longest task while typing is the Long Tasks API's, as for the element.
 */
export async function tableFloor(dataset, query, gapMs) {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const draw = (processes) => {
    const table = document.createElement('table');
    const body = table.createTBody();
    for (const process of processes.slice(0, 50)) {
      const tr = body.insertRow();
      for (const text of floorCells(process)) tr.insertCell().textContent = text;
    }
    const style = document.createElement('style');
    style.textContent = 'td { padding: 0.25rem 0.5rem; border-bottom: 1px solid; overflow-wrap: anywhere; }';
    root.replaceChildren(style, table);
    return table.getBoundingClientRect();
  };
  const start = performance.now();
  JSON.parse(JSON.stringify(dataset.processes.map((process) => process.title ?? '')));
  stage.append(host);
  draw(dataset.processes);
  const firstRows = performance.now() - start;
  const texts = dataset.processes.map((process) => `${process.title ?? ''}\n${process.buyer?.name ?? ''}\n${process.ocid}`.toLowerCase());
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const typingStarted = performance.now();
  const keystrokes = [];
  for (let i = 1; i <= query.length; i++) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const keyStart = performance.now();
    const word = query.slice(0, i).toLowerCase();
    draw(dataset.processes.filter((_, index) => texts[index].includes(word)));
    keystrokes.push(performance.now() - keyStart);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  stage.replaceChildren();
  const whileTyping = tasks.filter((task) => task.startTime >= typingStarted);
  return { firstRows, keystrokes, longestTask: Math.max(0, ...whileTyping.map((task) => task.duration)) };
}

/**
 * Warm first chart with the data in hand (issue 19): the element defined, its chunks and Vega loaded, a Dataset
 * loaded already (`loadOcds` of `url`). Each repetition times, in turns going first, (a) setting `sharedDataset` on a
 * new `<tag>` and connecting it, to its `ocds-render` and the updates that follow it rendered, laid out; (b)
 * `vegaEmbed` of the very spec that element drew, into a container of the same width with the same options, laid
 * out: each side to what the reader's first frame would show. One untimed round of each first. Also (allMs) the
 * element to everything it shows (`rendered`: its list, summary and source line, which follow the chart's first
 * painted frame), laid out.
 */
export async function warmChartFromDataset(tag, url, repetitions, timeoutMs) {
  const core = await import('/run/bundle/core.js');
  const dataset = await core.loadOcds(url, { maxPages: 1000 });
  const { embed } = await import(VEGA_EMBED);
  const stage = document.getElementById('stage');
  const floorBox = document.getElementById('floor');
  const element = async () => {
    const chart = document.createElement(tag);
    const rendered = new Promise((resolve, reject) => {
      chart.addEventListener('ocds-render', () => resolve(performance.now()), { once: true });
      chart.addEventListener('ocds-error', (event) => reject(new Error(`ocds-error (${event.detail?.phase}): ${event.detail?.message}`)), { once: true });
      setTimeout(() => reject(new Error(`no ocds-render within ${timeoutMs} ms`)), timeoutMs);
    });
    const start = performance.now();
    chart.sharedDataset = dataset;
    stage.append(chart);
    await rendered;
    // What the reader's first frame holds: the element's pending updates rendered, then style and layout done.
    await chart.updateComplete;
    chart.getBoundingClientRect();
    const ms = performance.now() - start;
    // Everything the element shows (its list, summary and source line may follow the chart's first frame), laid out.
    await chart.rendered;
    chart.getBoundingClientRect();
    const allMs = performance.now() - start;
    const spec = structuredClone(drawnSpec(chart));
    stage.replaceChildren();
    return { ms, allMs, spec };
  };
  const floor = async (spec) => {
    const container = document.createElement('div');
    floorBox.replaceChildren(container);
    const start = performance.now();
    const result = await embed(container, structuredClone(spec), EMBED_OPTIONS);
    container.getBoundingClientRect(); // style and layout done, as for the element
    const ms = performance.now() - start;
    result.finalize();
    floorBox.replaceChildren();
    return ms;
  };
  // Both wait for the page to be quiet (two frames and a task) before the next timing: work either leaves behind (a
  // resize observed after the draw, a re-render) must not land inside the other's measurement.
  const quiet = async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  };
  const first = await element();
  if (!first.spec) return { unavailable: 'the element exposes neither `spec` nor its vega-embed result' };
  await floor(first.spec);
  const runs = [];
  for (let i = 0; i < repetitions; i++) {
    await quiet();
    if (i % 2) {
      const floorMs = await floor(first.spec);
      await quiet();
      const drawn = await element();
      runs.push({ elementMs: drawn.ms, allMs: drawn.allMs, floorMs });
    } else {
      const drawn = await element();
      await quiet();
      runs.push({ elementMs: drawn.ms, allMs: drawn.allMs, floorMs: await floor(drawn.spec) });
    }
  }
  return { runs };
}
