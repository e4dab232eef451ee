// The embed builder (demos/builder.html): data URL or bundled sample, chart and options (controls generated from
// the element options' zod schema), a report of what the data holds, live preview, script-tag and iframe snippets,
// and a snapshot download.
import '../components/all.js';
import { WIDGETS, elementOptions, type ElementOptions, type Widget } from '../schemas/element-options.js';
import { parseEmbedParams } from '../schemas/embed-params.js';
import { SPENDING_STAGES, spendingByStage, spendingCurrencies } from '../src/analysis/spending.js';
import { loadOcds } from '../src/data/load.js';
import { snapshotRecordPackage } from '../src/data/snapshot.js';
import type { Dataset } from '../src/data/types.js';

/** Data bundled with the demos, served by the local OCDS API. */
const SAMPLES: [label: string, url: string][] = [
  ['Paraguay DNCP: one tender, four suppliers (record package)', '/api/files/paraguay-dncp/sample-data/records/277004.json'],
  ['Armenia: 100 processes, several buyers (release package)', '/api/files/armenia/sample-data/6.json'],
  ['Mexico City: releases through a paginated API', '/api/releases?source=mexico-cdmx&limit=25&page=1'],
  ['Every bundled publisher, several currencies (paginated API)', '/api/releases?limit=50&page=1'],
  ['Mexico EDCA: packages wrapped in arrayReleasePackage', '/api/edca/contractingprocess/2017'],
  ['Armenia as a summary document (ocds-widgets summarize)', '/demos/data/summaries/armenia-6.summary.json'],
];

/** What each option does, shown beside its control. */
const HINTS: Record<string, string> = {
  ocid: 'one contracting process, exactly as published',
  lang: 'language tag: en, es, es-MX, en-GB…',
  theme: 'light, dark, or follow the reader (auto)',
  currency: 'ISO 4217 code; default: the one most processes use',
  heading: 'replaces the chart’s heading',
  'max-pages': 'pages of an API to read at most',
  root: 'property wrapping the packages, e.g. arrayReleasePackage',
  'follow-origins': 'other origins whose next-page links may be followed',
  timeout: 'milliseconds per request',
  limit: 'how many rows or suppliers to draw',
  interval: 'with by=time: year (default), quarter or month',
  sort: 'order of the processes',
  drill: 'choosing a process shows it alone',
  focus: 'an organisation id from the network’s table',
  columns: 'process table columns, e.g. title buyer awarded paid',
  query: 'search words the process table starts with',
  'sort-by': 'process table column to sort by',
  'sort-direction': 'ascending or descending',
  group: 'red flags per buyer, procuring-entity or supplier',
  indicators: 'red-flag codes, e.g. R018 R003 (default: all 11)',
  settings: 'URL of a cardinal settings (INI) file on the page’s or the data’s site',
};

/** Options whose values the checked data suggests: its currencies, its processes. */
const SUGGESTED: Record<string, (dataset: Dataset) => [value: string, label: string][]> = {
  currency: (dataset) => (dataset.summary ? dataset.summary.currencies() : spendingCurrencies(dataset)).map((entry) => [entry.currency, `${entry.processes} processes`]),
  ocid: (dataset) => dataset.processes.slice(0, 500).map((process) => [process.ocid, process.title ?? '']),
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const srcInput = byId<HTMLInputElement>('src');
const sampleSelect = byId<HTMLSelectElement>('sample');
const widgetSelect = byId<HTMLSelectElement>('widget');
const kitInput = byId<HTMLInputElement>('kit');
const optionsBox = byId<HTMLDivElement>('options');
const errorsBox = byId<HTMLDivElement>('errors');
const report = byId<HTMLDivElement>('report');
const preview = byId<HTMLDivElement>('preview');
const snapshotButton = byId<HTMLButtonElement>('snapshot');
const scriptSnippet = byId<HTMLTextAreaElement>('script-snippet');
const iframeSnippet = byId<HTMLTextAreaElement>('iframe-snippet');

/** Option values typed so far, kept across chart changes. */
const typed = new Map<string, string>();
let previewed = '';
let checked: { url: string; dataset: Dataset } | undefined;
let checking: AbortController | undefined;

const absolute = (url: string) => new URL(url, location.href).href;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How a schema field is edited: a choice among an enum's values, or free text. */
function control(schema: unknown): { values?: string[] } {
  type Def = { type: string; innerType?: { _zod: { def: Def } }; entries?: Record<string, string> };
  let def = (schema as { _zod: { def: Def } })._zod.def;
  if (def.type === 'optional' && def.innerType) def = def.innerType._zod.def;
  return def.type === 'enum' ? { values: Object.values(def.entries ?? {}) } : {};
}

function renderOptions(widget: Widget): void {
  const fields = Object.entries(elementOptions[widget].shape).filter(([name]) => name !== 'src');
  optionsBox.replaceChildren(
    ...fields.map(([name, schema]) => {
      const label = document.createElement('label');
      const { values } = control(schema);
      let input: HTMLInputElement | HTMLSelectElement;
      if (values) {
        input = document.createElement('select');
        input.append(new Option('(default)', ''), ...values.map((value) => new Option(value, value)));
      } else {
        input = document.createElement('input');
        input.type = 'text';
        input.size = 24;
      }
      input.name = name;
      // Suggestions from the checked data (see `suggest`).
      if (name in SUGGESTED) input.setAttribute('list', `suggest-${name}`);
      input.value = typed.get(name) ?? '';
      input.title = HINTS[name] ?? '';
      label.append(`${name} `, input);
      return label;
    }),
  );
}

/** The builder's choices as embed parameters (empty options left out). */
function parameters(): Record<string, string> {
  const params: Record<string, string> = { widget: widgetSelect.value, src: srcInput.value.trim() };
  for (const input of optionsBox.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    typed.set(input.name, input.value);
    if (input.value.trim()) params[input.name] = input.value.trim();
  }
  return params;
}

function kitBase(): string {
  const base = absolute(kitInput.value.trim() || '/dist/cdn/');
  return base.endsWith('/') ? base : `${base}/`;
}

function attributes(options: ElementOptions): string {
  return Object.entries(options)
    .map(([name, value]) => {
      if (name === 'drill') return value === 'true' ? ' drill' : '';
      return ` ${name}="${escapeHtml(name === 'src' ? absolute(value) : value)}"`;
    })
    .join('');
}

/** Snippets are written only for data that passed its check: a pasted chart must not show an error. */
function updateSnippets(widget: Widget, options: ElementOptions): void {
  if (checked?.url !== absolute(options.src)) {
    scriptSnippet.value = iframeSnippet.value = '';
    return;
  }
  const kit = kitBase();
  const tag = `ocds-${widget}`;
  scriptSnippet.value = `<script type="module" src="${kit}ocds-widgets.js"></script>\n<${tag}${attributes(options)}></${tag}>`;
  const element = preview.firstElementChild as HTMLElement | null;
  const title = options.heading || element?.shadowRoot?.querySelector('h2')?.textContent?.trim() || 'Chart of public contracting data';
  // A script-tag element follows its page's language; a frame cannot see the page, so it is told the preview's.
  const lang = options.lang ?? (element as { languageTag?: string } | null)?.languageTag ?? (document.documentElement.lang || 'en');
  const query = new URLSearchParams({ widget, ...options, lang, src: absolute(options.src) });
  const url = `${kit}embed.html?${query}`;
  measurePhoneHeight(url);
  // The height a phone-width reader needs (measured in a hidden frame as wide as a phone) until embed-resize.js
  // sets the frame's own; the preview's desktop height until that frame has drawn.
  const height = phoneHeight?.url === url ? phoneHeight.height : Math.max(200, Math.ceil(element?.getBoundingClientRect().height ?? 0)) || 480;
  iframeSnippet.value =
    `<iframe title="${escapeHtml(title)}" src="${escapeHtml(url)}" style="width:100%;border:0" height="${height}" loading="lazy"></iframe>\n` +
    `<script type="module" src="${kit}embed-resize.js"></script>`;
}

/** Width of the narrowest common phone screen, at which the iframe snippet's height is measured. */
const PHONE_WIDTH = 360;
/** Taller than any chart, so the measuring frame never shows a scrollbar that would narrow its content. */
const MEASURE_HEIGHT = 8000;
let phoneHeight: { url: string; height: number } | undefined;
let phoneFrame: HTMLIFrameElement | undefined;

/** Opens the snippet's embed page in a hidden phone-wide frame; each height it reports rewrites the snippet. */
function measurePhoneHeight(url: string): void {
  if (phoneFrame?.dataset.url === url) return;
  phoneFrame?.remove();
  phoneHeight = undefined;
  const frame = Object.assign(document.createElement('iframe'), { title: 'Phone-width measurement', tabIndex: -1, width: String(PHONE_WIDTH), height: String(MEASURE_HEIGHT) });
  frame.className = 'phone-measure';
  frame.dataset.url = url;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = url;
  phoneFrame = frame;
  document.body.append(frame);
}

window.addEventListener('message', (event) => {
  const height = (event.data as { 'ocds-height'?: unknown } | null)?.['ocds-height'];
  if (!phoneFrame || event.source !== phoneFrame.contentWindow || typeof height !== 'number' || !(height > 0)) return;
  phoneHeight = { url: phoneFrame.dataset.url!, height: Math.max(200, Math.ceil(height)) };
  const parsed = parseEmbedParams(parameters());
  if (parsed.ok) updateSnippets(parsed.widget, parsed.options);
});

function update(): void {
  const parsed = parseEmbedParams(parameters());
  if (!parsed.ok) {
    errorsBox.replaceChildren(...parsed.errors.map((error) => Object.assign(document.createElement('p'), { textContent: error })));
    scriptSnippet.value = iframeSnippet.value = '';
    return;
  }
  errorsBox.replaceChildren();
  const key = JSON.stringify([parsed.widget, parsed.options]);
  if (key !== previewed) {
    previewed = key;
    const element = document.createElement(`ocds-${parsed.widget}`);
    for (const [name, value] of Object.entries(parsed.options)) {
      if (name !== 'drill') element.setAttribute(name, value);
      else if (value === 'true') element.setAttribute('drill', '');
    }
    // The snippets carry the drawn chart's title and height.
    element.addEventListener('ocds-render', () => updateSnippets(parsed.widget, parsed.options));
    preview.replaceChildren(element);
  }
  updateSnippets(parsed.widget, parsed.options);
}

function row(term: string, detail: string): HTMLElement[] {
  return [Object.assign(document.createElement('dt'), { textContent: term }), Object.assign(document.createElement('dd'), { textContent: detail })];
}

function suggest(dataset: Dataset): void {
  for (const [name, values] of Object.entries(SUGGESTED)) {
    let list = document.getElementById(`suggest-${name}`);
    if (!list) {
      list = Object.assign(document.createElement('datalist'), { id: `suggest-${name}` });
      document.body.append(list);
    }
    list.replaceChildren(...values(dataset).map(([value, label]) => Object.assign(document.createElement('option'), { value, label })));
  }
}

/** A summary document (`ocds-widgets summarize`): what it holds, and which charts can answer from it. */
function showSummaryReport(dataset: Dataset): void {
  const summary = dataset.summary!;
  const { meta } = summary.document;
  const list = document.createElement('dl');
  list.append(
    ...row('Data', `a summary document (${summary.document.type}, version ${summary.document.version}), not OCDS`),
    ...row('Generated', `${meta.generatedAt} by ${meta.generator.name} ${meta.generator.version}`),
    ...row('Contracting processes', `${meta.processes} (from ${meta.releases} releases)`),
    ...row('Process start dates', meta.dateRange ? `${meta.dateRange.first} to ${meta.dateRange.last}` : 'none'),
    ...row('Currencies', summary.currencies().map((entry) => entry.currency).join(', ') || 'no amounts'),
    ...row('Complete', meta.complete ? 'yes: every input was usable' : `no: ${meta.errorCount} input errors were left out`),
    ...row(
      'Charts that read it',
      'spending by stage, breakdown (method, category, stage, buyer, time by year, quarter or month; no split), supplier network; in a dashboard, filters by buyer, method, category and whole years. Single-process views, the timeline, the process table, red flags and data quality need the OCDS data.',
    ),
  );
  report.replaceChildren(list);
}

function showReport(dataset: Dataset): void {
  if (dataset.summary) return showSummaryReport(dataset);
  const { meta } = dataset;
  const currencies = spendingCurrencies(dataset);
  const stages = new Set(spendingByStage(dataset).map((entry) => entry.stage));
  const codes = new Map<string, number>();
  for (const issue of dataset.issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
  const list = document.createElement('dl');
  list.append(
    ...row('Publisher', meta.publisher ?? 'not given'),
    ...row('Data as of', meta.publishedDate ?? 'not given'),
    ...row('Licence', meta.license ?? 'not given'),
    ...row('Releases', `${meta.releases} (${meta.pages} page${meta.pages === 1 ? '' : 's'})`),
    ...row('Contracting processes', String(dataset.processes.length)),
    ...row('Currencies', currencies.map((entry) => `${entry.currency} (${entry.processes} ${entry.processes === 1 ? 'process' : 'processes'})`).join(', ') || 'no amounts'),
    ...row('Stages with amounts', SPENDING_STAGES.filter((stage) => stages.has(stage)).join(', ') || 'none'),
    ...row('Data issues', dataset.issues.length ? [...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} × ${count}`).join(', ') : 'none'),
    ...row('Complete', meta.complete ? 'yes: every page was read' : `no (${meta.incompleteReason ?? 'stopped early'}): charts will say “first ${meta.releases} releases”`),
  );
  report.replaceChildren(list);
}

function warn(...lines: string[]): void {
  report.replaceChildren(...lines.map((text) => Object.assign(document.createElement('p'), { className: 'warning', textContent: text })));
}

/** Loads the URL as the chart will, and says what it holds; a URL the browser may not read is explained. */
async function check(): Promise<void> {
  checking?.abort();
  checked = undefined;
  snapshotButton.disabled = true;
  scriptSnippet.value = iframeSnippet.value = '';
  const src = srcInput.value.trim();
  const parsed = parseEmbedParams({ widget: widgetSelect.value, src });
  if (!parsed.ok) return warn(...parsed.errors);
  const url = absolute(src);
  const controller = new AbortController();
  checking = controller;
  report.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
  try {
    const maxPages = Number(typed.get('max-pages')) || undefined;
    const dataset = await loadOcds(url, {
      signal: controller.signal,
      maxPages,
      root: typed.get('root') || undefined,
      onProgress: (progress) => {
        if (!controller.signal.aborted) report.firstElementChild!.textContent = `Loading… ${progress.pages} pages, ${progress.releases} releases`;
      },
    });
    if (controller.signal.aborted) return;
    checked = { url, dataset };
    // A snapshot is of OCDS processes; a summary holds none.
    snapshotButton.disabled = dataset.summary !== undefined;
    showReport(dataset);
    suggest(dataset);
    update();
  } catch (error) {
    if (controller.signal.aborted) return;
    const code = (error as { code?: string }).code;
    if (code === 'network' && new URL(url).origin !== location.origin) {
      // A refused cross-origin read and an unreachable server look the same to fetch(); an opaque request tells them apart.
      const reachable = await fetch(url, { mode: 'no-cors', credentials: 'omit', signal: controller.signal }).then(
        () => true,
        () => false,
      );
      if (controller.signal.aborted) return;
      return warn(
        reachable
          ? 'The server answered, but it does not let other websites read its data (no CORS headers), so a chart on your page cannot load it.'
          : 'The server could not be reached (or it refused the request).',
        'What to do: download the data and host a copy on your own site, or load it once from a page that can read it and download a snapshot, then point src at your copy. You can also ask the publisher to send the header Access-Control-Allow-Origin: *.',
      );
    }
    warn(`The data could not be used: ${(error as Error).message}`);
  }
}

function downloadSnapshot(): void {
  if (!checked) return;
  const snapshot = snapshotRecordPackage(checked.dataset, { source: checked.url });
  const blob = new Blob([JSON.stringify(snapshot)], { type: 'application/json' });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `ocds-snapshot-${new URL(checked.url).hostname}-${new Date().toISOString().slice(0, 10)}.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

sampleSelect.append(new Option('(choose)', ''), ...SAMPLES.map(([label, url]) => new Option(label, url)));
widgetSelect.append(...WIDGETS.map((widget) => new Option(`<ocds-${widget}>`, widget)));
kitInput.placeholder = absolute('/dist/cdn/');
const initial = new URLSearchParams(location.search);
srcInput.value = initial.get('src') ?? SAMPLES[0][1];
if (WIDGETS.includes(initial.get('widget') as Widget)) widgetSelect.value = initial.get('widget')!;
// Other parameters of the address fill the options, so a page can link to the builder with a chart's options chosen.
for (const [name, value] of initial) if (name !== 'widget' && name !== 'src') typed.set(name, value);
renderOptions(widgetSelect.value as Widget);

sampleSelect.addEventListener('change', () => {
  if (!sampleSelect.value) return;
  srcInput.value = sampleSelect.value;
  update();
  void check();
});
widgetSelect.addEventListener('change', () => {
  renderOptions(widgetSelect.value as Widget);
  update();
});
srcInput.addEventListener('change', () => {
  update();
  void check();
});
byId('builder').addEventListener('input', (event) => {
  if (event.target !== srcInput) update();
});
byId('check').addEventListener('click', () => void check());
snapshotButton.addEventListener('click', downloadSnapshot);
for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
  button.addEventListener('click', async () => {
    const text = byId<HTMLTextAreaElement>(button.dataset.copy!);
    text.select();
    await navigator.clipboard?.writeText(text.value).catch(() => undefined);
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
}
update();
void check();
