/**
 * OcdsChartElement — the base every ocds-widgets chart shares (the README, "Elements").
 *
 * It owns: attributes (`src`, `ocid`, `lang`, `theme`, `currency`, `heading`, `max-pages`, `root`,
 * `follow-origins`, `timeout`), the `data` and `sharedDataset` (a Dataset from `<ocds-dataset>`) properties, `status`,
 * `rows`, `issues`, `rendered`, `select(id)`, `csv()`, `imageURL(type)`, loading through the shared loader with
 * progress, errors with a translated message, retry and `ocds-error`, the empty / unknown-ocid / unknown-currency
 * states, the currency
 * switcher, heading, written summary (the chart's accessible description; its first sentences on screen, the rest
 * behind "More"), "show table", CSV/PNG/SVG downloads, the source line, one keyboard listbox over the selectable items
 * (one tab stop; arrow keys move, Enter/Space select), lazy Vega embedding (CSP-safe, SVG, tooltips inside the
 * shadow root, width from a ResizeObserver, per-view locale and theme colours, `finalize()` on disconnect).
 *
 * A chart subclass plugs in with (generic `Row` = one row of its public `rows`; `Code` = its data code module):
 *
 *   const thingCode = lazy(() => import('./thing-code.js'));             // its analysis and chart spec, loaded
 *                                                                       // with the data, not with the element
 *   export class OcdsThing extends OcdsChartElement<ThingRow, typeof ThingCode> {
 *     protected override dataCode = thingCode;                         // then `this.code` in analyse, chartSpec
 *                                                                       // and whatever renders rows
 *     static override styles = [chartElementStyles, css`…`];           // optional extra styles
 *     protected override messages = thingMessages;                      // Catalogues {en, es}; must have `heading`
 *     protected override selectKind = 'supplier';                       // `kind` of its ocds-select events
 *     protected override usesCurrency = true;                           // rows carry `currency`: base picks the
 *                                                                       // shown one, renders the switcher, checks it
 *     protected analyse(dataset: Dataset): ThingRow[]                   // -> this.rows (call the src/analysis fn;
 *                                                                       // read this.ocid etc. as options)
 *     protected chartSpec(rows: ThingRow[], ctx: ChartContext): object  // Vega-Lite or Vega spec (src/charts);
 *                                                                       // the base adds config (colours, font,
 *                                                                       // locale), width, autosize fit-x and the
 *                                                                       // summary as description (unless set)
 *     protected summaryText(rows: ThingRow[], ctx: ChartContext): string[]  // its sentences (or one string);
 *                                                                       // the first two (summaryShown) are shown, the
 *                                                                       // rest on "More"
 *     protected tableColumns(ctx: ChartContext): TableColumn<ThingRow>[]  // table view and CSV columns
 *     // optional:
 *     protected selectableItems(rows, ctx): SelectableItem[]            // the keyboard listbox under the chart
 *     protected selectionFromDatum(datum): string | undefined           // clicked Vega datum -> item id
 *     protected renderExtraControls(ctx): TemplateResult | typeof nothing  // more controls in part="controls"
 *     protected renderDetails(rows, ctx): TemplateResult | typeof nothing  // above the chart (e.g. process title)
 *     protected renderMainView(rows, ctx): TemplateResult | undefined   // the element's own main view instead of
 *                                                                       // a Vega chart (e.g. a table): no Vega
 *                                                                       // is loaded, chartSpec is never called
 *     protected emptyMessage(rows, ctx): string | undefined             // extra "nothing to show" cases; with no
 *                                                                       // rows, said instead of "nothing to chart"
 *     protected analysisProperties = ['ocid', 'sort']                   // properties whose change re-runs analyse()
 *   }
 *   // components/thing/define.ts:  defineElement('ocds-thing', OcdsThing);
 *
 * `ctx` (ChartContext) holds the full language tag, `t()` for messages, the shown `currency`, resolved theme
 * colours, the container width and the selected item id. The rows given to chartSpec/summaryText/selectableItems
 * are ALL rows; filter by `ctx.currency` yourself. Selection: declare a top-level Vega-Lite param (or Vega signal)
 * named `ocds_selected` (value null) to highlight the selected id; the base sets it without re-embedding. Likewise a
 * Vega signal `ocds_hovered` (value null), if declared, is set to the id of the listbox's active item while the listbox
 * has keyboard focus (null when it loses it), so the keys move a visible focus over the marks, as hover does. A
 * subclass that must draw again although nothing the base watches changed (e.g. an animation step) calls
 * `requestDraw()`.
 * Clicking a mark calls `selectionFromDatum(item.datum)`, then fires `ocds-select { kind, id, label, value }` with
 * the matching SelectableItem (its `label` names it; its optional `detail`, e.g. an amount, is shown in the listbox). Messages: `this.t(key, params)`; base keys are in src/i18n/messages.ts.
 * For the currency default, override `defaultCurrency(dataset, rows)` (default: the currency in the most rows'
 * `processes`, else in the most rows).
 */
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DataIssue, Dataset, LoadProgress } from '../../src/data/types.js';
import {
  baseMessages,
  canonicalTag,
  formatDate,
  formatList,
  mergeCatalogues,
  translator,
  type Catalogues,
  type MessageParams,
  type Translate,
} from '../../src/i18n/index.js';
import { DataReading, retryMayHelp } from './data-reading.js';
import type { ErrorPhase, OcdsErrorDetail, OcdsEventMap, OcdsRenderDetail, OcdsSelectDetail } from './events.js';
import { downloadText, download, rowsToCsv, type TableColumn } from './export.js';
import { lazy, type Lazy } from './lazy.js';
import { optionWarningsSaid, refuseAttribute, rejectInvalidOptions } from './options.js';
import { chartElementStyles } from './styles.js';
import { resolveColours, type ThemeColours } from './theme.js';
import type { EmbedResult } from './vega.js';
import { VERSION } from './version.js';

export type { TableColumn } from './export.js';
export type { ThemeColours } from './theme.js';

const mergedCatalogues = new WeakMap<Catalogues, Catalogues>();
/** Vega and the code that draws with it (~290 KB gzip): fetched only for charts a reader may see. */
const vega = lazy(() => import('./vega.js'));
/** The keyboard list and the on-screen summary (components/base/list-and-summary.ts): loaded with the data. */
const listAndSummary = lazy(() => import('./list-and-summary.js'));

export type ElementStatus = 'idle' | 'loading' | 'ready' | 'error';
export type Theme = 'light' | 'dark' | 'auto';

export interface ChartContext {
  /** Full BCP 47 tag for Intl (`es-MX`, `es`, `en`). */
  tag: string;
  t: Translate;
  /** The currency shown (elements with `usesCurrency`). */
  currency?: string;
  colours: ThemeColours;
  /** Container width in CSS pixels. */
  width: number;
  selected?: string;
}

/** One keyboard-selectable thing (usually one bar or node). `colour` names a stage colour or the accent. */
export interface SelectableItem {
  id: string;
  /** Name of the item: the `label` of its `ocds-select` event. */
  label: string;
  /** Shown after the label on its button (e.g. the formatted amount). */
  detail?: string;
  value?: number;
  colour?: 'planning' | 'tender' | 'award' | 'contract' | 'implementation' | 'accent';
}

const PHASE_BY_CODE: Record<string, ErrorPhase> = {
  'not-json': 'parse',
  truncated: 'parse',
  encoding: 'parse',
  'not-ocds': 'validate',
};

/** The box is laid out and within a screen's height above or below the viewport (the observer's `100% 0px` margin). */
function withinAScreen(box: DOMRect): boolean {
  if (box.width === 0 && box.height === 0) return false;
  const height = window.innerHeight;
  return box.bottom >= -height && box.top <= 2 * height && box.right >= 0 && box.left <= window.innerWidth;
}

/**
 * Resolves after the next frame has been painted: a frame's callbacks run before its paint, the task after one runs
 * after it. A hidden page paints no frames: a timer stands in.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Issue codes (src/data) meaning a whole release, record or item was left out rather than repaired. */
const LEFT_OUT = new Set(['release-not-object', 'release-missing-ocid', 'record-missing-ocid', 'item-not-object', 'item-not-ocds']);

export abstract class OcdsChartElement<Row extends object = Record<string, unknown>, Code = unknown> extends LitElement {
  static version = VERSION;
  static override styles: CSSResultGroup = chartElementStyles;

  /** URL of OCDS data (release/record package, API page, JSON Lines…). */
  @property({ reflect: true }) src?: string;
  /** Focus one contracting process, matched exactly as published. */
  @property({ reflect: true }) ocid?: string;
  /** BCP 47 tag; else the nearest ancestor's `lang`; else `en`. Set as a property (as frameworks do), it reflects, like built-in `lang`. */
  @property({ reflect: true }) override lang!: string;
  /** `light` (when unset), `dark`, or `auto` (the reader's system setting). Set values reflect; the default is not written back. */
  @property({ reflect: true }) theme?: Theme;
  /** ISO 4217 code to show; default the one used by the most processes. */
  @property({ reflect: true }) currency?: string;
  @property({ reflect: true }) heading?: string;
  @property({ type: Number, attribute: 'max-pages', reflect: true }) maxPages?: number;
  @property({ reflect: true }) root?: string;
  /** Per-request timeout in milliseconds (default: the loader's, 30 s). */
  @property({ type: Number, reflect: true }) timeout?: number;
  /** Space-separated origins besides the `src` origin whose `links.next` may be followed. */
  @property({ attribute: 'follow-origins', reflect: true }) followOrigins?: string;
  /** An OCDS value (package, release, record, arrays, JSON text or bytes) instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** An already loaded Dataset (e.g. from `<ocds-dataset>`) instead of `src`/`data`. */
  @property({ attribute: false }) sharedDataset?: Dataset;

  @state() private currentStatus: ElementStatus = 'idle';
  @state() private progress?: { pages: number; releases: number; bytes: number };
  /** What failed; the message is translated when shown, so it follows `lang`. */
  @state() private error?: { phase: ErrorPhase; code?: string; status?: number; retry: boolean };
  @state() private loaded?: Dataset;
  @state() private currentRows: Row[] = [];
  @state() private tableShown = false;
  /**
   * A Vega view is drawn: the PNG and SVG buttons work. Not reactive: drawing (and every redraw) would render the whole
   * element again to enable two buttons (3–5 ms after each draw); `setChartDrawn` sets them directly.
   */
  private chartDrawn = false;
  @state() protected selected?: string;
  @state() private tooltip?: [string, string][];
  /** Id of the keyboard list's active item (kept while focus is elsewhere). */
  @state() protected activeItem?: string;
  /** The written summary is shown whole ("More"), not only its first sentences. */
  @state() private summaryOpen = false;
  /** Sentences of `summaryText` shown before "More": a caption's worth. */
  protected summaryShown = 2;
  /**
   * The keyboard list, the written summary and the source line wait for the chart's first frame when data first
   * arrives: the chart is what a reader looks for, and drawing it first keeps their render and layout (3–7 ms) out of
   * that frame. They follow one frame later, below the chart (nothing above it moves), and at once when the chart
   * cannot be drawn now (far from the viewport, an error, nothing to chart, an element's own main view).
   */
  @state() private aidsAfterChart = false;
  /** `summary()` of the last draw, kept for the render that follows it (cleared whenever anything changes). */
  private summaryMemo?: { rows: Row[]; tag: string; currency?: string; sentences: readonly string[] };

  private get chartContainer(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.chart');
  }
  private get tooltipElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  /** Catalogues of this element, merged over the base ones. */
  protected messages: Catalogues = { en: {}, es: {} };
  protected selectKind = 'item';
  protected usesCurrency = false;
  /** False for an element whose main view is its rows already (renderMainView): no "Show table" toggle. */
  protected hasTableToggle = true;
  /**
   * The element's own code for data (its analysis and chart spec), kept out of the element's chunk: loaded with the
   * data, before `analyse` or `chartSpec` runs.
   */
  protected dataCode?: Lazy<Code>;
  /** The loaded `dataCode`: there wherever there is data (in analyse, chartSpec and whatever renders rows). */
  protected get code(): Code {
    return this.dataCode!.value!;
  }
  /** Properties that change the rows: a change re-runs `analyse` on the loaded data (a subclass adds its options). */
  protected analysisProperties: readonly string[] = ['ocid'];

  private readonly reading = new DataReading({
    loading: () => this.startLoading(),
    accept: (dataset, shared) => this.accept(dataset, shared),
    fail: (error, phase) => this.fail(error, phase),
  });
  private view?: EmbedResult;
  private drawToken = 0;
  /** The last render showed the subclass's renderMainView instead of a Vega chart. */
  private ownMainView = false;
  private drawQueued = false;
  private renderedWaiters: (() => void)[] = [];
  private settled = false;
  private idleWarned = false;
  private resizeObserver?: ResizeObserver;
  private viewportReached?: Promise<void>;
  private observedContainer?: HTMLElement;
  /** Last observed width of the chart container. */
  private width = 0;
  /** The drawn view follows the container through `view.width()` (false: it is drawn again). */
  private viewResizes = true;
  /** Id of the listbox's active item while the listbox has focus (kept for a redraw). */
  private focusedItem?: string;
  private colourScheme?: MediaQueryList;
  private readonly onColourSchemeChange = () => this.requestDraw();
  /** Content shown on hover can be dismissed without moving the pointer (WCAG 1.4.13): Escape hides the tooltip. */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.tooltip) this.tooltip = undefined;
  };

  protected abstract analyse(dataset: Dataset): Row[];
  protected abstract chartSpec(rows: Row[], ctx: ChartContext): object;
  /** The written summary, sentence by sentence (or as one string): the first sentences on screen, all of it the chart's description. */
  protected abstract summaryText(rows: Row[], ctx: ChartContext): string | readonly string[];
  protected abstract tableColumns(ctx: ChartContext): TableColumn<Row>[];

  protected selectableItems(_rows: Row[], _ctx: ChartContext): SelectableItem[] {
    return [];
  }
  protected selectionFromDatum(datum: Record<string, unknown>): string | undefined {
    return typeof datum.id === 'string' ? datum.id : undefined;
  }
  protected renderExtraControls(_ctx: ChartContext): TemplateResult | typeof nothing {
    return nothing;
  }
  protected renderDetails(_rows: Row[], _ctx: ChartContext): TemplateResult | typeof nothing {
    return nothing;
  }
  protected renderMainView(_rows: Row[], _ctx: ChartContext): TemplateResult | undefined {
    return undefined;
  }
  protected emptyMessage(_rows: Row[], _ctx: ChartContext): string | undefined {
    return undefined;
  }
  /** The currency shown when `currency` is not set: the one behind the most processes (not the largest sum). */
  protected defaultCurrency(_dataset: Dataset, rows: Row[]): string | undefined {
    const weight = new Map<string, number>();
    for (const row of rows as Record<string, unknown>[]) {
      if (typeof row.currency !== 'string') continue;
      const processes = typeof row.processes === 'number' ? row.processes : 1;
      weight.set(row.currency, Math.max(weight.get(row.currency) ?? 0, processes));
    }
    return [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  }

  /** `idle` | `loading` | `ready` | `error`; `ready` once `rows` are final. */
  get status(): ElementStatus {
    return this.currentStatus;
  }
  /** The numbers the chart shows: the same rows as the table view and the CSV download. */
  get rows(): Row[] {
    return this.currentRows;
  }
  /** The Dataset being charted (after load or `data`), for subclasses that show more than `rows`. */
  protected get loadedDataset(): Dataset | undefined {
    return this.loaded;
  }
  /** Every repair or drop made while reading the data. */
  get issues(): DataIssue[] {
    return this.loaded?.issues ?? [];
  }
  /**
   * Resolves once the element has settled after its pending update: the chart drawn, or an error or empty state
   * shown (at once when nothing is pending).
   */
  get rendered(): Promise<void> {
    return this.updateComplete.then(() =>
      this.settled ? undefined : new Promise<void>((resolve) => this.renderedWaiters.push(resolve)),
    );
  }

  /** The BCP 47 tag in effect: own `lang`, else the nearest ancestor's (across shadow roots), else `en`. */
  get languageTag(): string {
    if (this.lang) return canonicalTag(this.lang);
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) return canonicalTag(node.getAttribute('lang'));
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return 'en';
  }

  /** The base catalogues with the element's own, merged once per element class (t() runs many times a render). */
  private get catalogues(): Catalogues {
    let merged = mergedCatalogues.get(this.messages);
    if (!merged) mergedCatalogues.set(this.messages, (merged = mergeCatalogues(baseMessages, this.messages)));
    return merged;
  }

  /** Translated message for the element's language. */
  protected t(key: string, params?: MessageParams): string {
    return translator(this.catalogues, this.languageTag)(key, params);
  }

  /** The shown currency (elements with `usesCurrency`). */
  get shownCurrency(): string | undefined {
    if (!this.usesCurrency) return undefined;
    if (this.currency) return this.currency.trim().toUpperCase();
    return this.loaded ? this.defaultCurrency(this.loaded, this.currentRows) : undefined;
  }

  /** Currencies present in `rows`, alphabetical. */
  get currencies(): string[] {
    const codes = new Set<string>();
    for (const row of this.currentRows as Record<string, unknown>[]) if (typeof row.currency === 'string') codes.add(row.currency);
    return [...codes].sort();
  }

  /** The CSV of `rows` (what "Download CSV" saves). */
  csv(): string {
    return rowsToCsv(this.currentRows, this.tableColumns(this.context()));
  }

  /** PNG (data URL) or SVG (blob URL) of the drawn chart. */
  async imageURL(type: 'png' | 'svg'): Promise<string> {
    if (!this.view) throw new Error('The chart has not been drawn yet.');
    return this.view.view.toImageURL(type, type === 'png' ? 2 : 1);
  }

  /** Loads `src` again (what the retry button does). */
  retry(): void {
    if (this.sharedDataset) this.useSharedDataset();
    else if (this.data !== undefined) this.useData();
    else if (this.src) this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.colourScheme = window.matchMedia('(prefers-color-scheme: dark)');
    this.colourScheme.addEventListener('change', this.onColourSchemeChange);
    document.addEventListener('keydown', this.onKeydown);
    // Reconnected after a move: the chart was finalized and a running load cancelled on disconnect.
    if (this.currentStatus === 'ready') this.requestDraw();
    if (this.currentStatus === 'loading') this.retry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.colourScheme?.removeEventListener('change', this.onColourSchemeChange);
    document.removeEventListener('keydown', this.onKeydown);
    this.reading.cancel();
    this.resizeObserver?.disconnect();
    this.observedContainer = undefined;
    this.finalizeView();
  }

  protected emit<K extends keyof OcdsEventMap>(
    type: K,
    detail: OcdsEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** A refused value stays in the attribute as written and is not used (options.ts). */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!refuseAttribute(this, name, value)) super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues): void {
    rejectInvalidOptions(this, changed);
    if (changed.size !== 1 || !changed.has('aidsAfterChart')) this.summaryMemo = undefined;
    const sourceChanged = ['src', 'maxPages', 'root', 'followOrigins', 'timeout'].some((key) => changed.has(key));
    if (changed.has('sharedDataset') && this.sharedDataset) this.useSharedDataset();
    else if (changed.has('data') && this.data !== undefined) this.useData();
    else if (sourceChanged && this.src && !this.sharedDataset && this.data === undefined) this.load();
    else if (this.loaded && this.analysisProperties.some((key) => changed.has(key))) this.currentRows = this.analyse(this.loaded);
    if (['lang', 'theme', 'currency', 'ocid', 'loaded', 'currentRows'].some((key) => changed.has(key))) {
      this.queueDraw();
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.observeWidth();
    if (changed.has('selected') && this.view) this.setSelectedSignal();
    if (this.drawQueued) {
      this.drawQueued = false;
      void this.draw();
    }
    // With no source (and no <ocds-dataset> bringing one) the reader's empty state is what renders; the page's
    // developer is told once, in the console, what is missing.
    if (this.currentStatus === 'idle' && !this.closest('ocds-dataset')) {
      if (!this.idleWarned) {
        this.idleWarned = true;
        console.warn(`<${this.localName}>: no data yet: set the src attribute or the data property.`);
      }
      this.settle();
    }
  }

  private queueDraw(): void {
    this.drawQueued = true;
    this.settled = false;
    this.summaryMemo = undefined;
  }

  /** Draws the chart again at the next update (the same spec path as a theme change). */
  protected requestDraw(): void {
    this.queueDraw();
    this.requestUpdate();
  }

  private load(): void {
    const options = {
      maxPages: this.maxPages,
      root: this.root,
      followOrigins: this.followOrigins?.split(/\s+/).filter(Boolean),
      timeout: this.timeout,
      onProgress: (progress: LoadProgress) => {
        this.progress = { ...progress };
      },
    };
    this.reading.load(this.src!, options, this.readingCode);
  }

  private useData(): void {
    this.reading.read(this.data, this.root, this.readingCode);
  }

  private useSharedDataset(): void {
    this.reading.take(this.sharedDataset!, this.readingCode);
  }

  /** What a reading waits for besides the data core: the element's data code and the list-and-summary module. */
  private get readingCode(): Lazy<unknown> {
    const code = this.dataCode;
    return {
      get value() {
        return code && !code.value ? undefined : listAndSummary.value;
      },
      load: () => Promise.all([listAndSummary.load(), code?.load()]),
    };
  }

  private summary(rows: Row[], ctx: ChartContext): readonly string[] {
    const memo = this.summaryMemo;
    if (memo && memo.rows === rows && memo.tag === ctx.tag && memo.currency === ctx.currency) return memo.sentences;
    const text = this.summaryText(rows, ctx);
    const sentences = typeof text === 'string' ? [text] : text;
    this.summaryMemo = { rows, tag: ctx.tag, currency: ctx.currency, sentences };
    return sentences;
  }

  /** Also waits for data given before its code had loaded to be read and shown, and for a refused attribute's warning. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.reading.settled(() => super.getUpdateComplete()).then((complete) => optionWarningsSaid().then(() => complete));
  }

  private startLoading(): void {
    this.settled = false;
    this.finalizeView();
    this.currentStatus = 'loading';
    this.progress = undefined;
    this.error = undefined;
    this.loaded = undefined;
    this.currentRows = [];
  }

  /** `shared`: given by <ocds-dataset> (or `sharedDataset`), whose loader fired `ocds-load`: this chart fires none. */
  private accept(dataset: Dataset, shared: boolean): void {
    // New data for an element showing none yet; new data for a shown chart (a filter) keeps its list in place.
    if (this.currentStatus !== 'ready') this.aidsAfterChart = true;
    this.error = undefined;
    this.loaded = dataset;
    try {
      this.currentRows = this.analyse(dataset);
    } catch (error) {
      // Nothing from this data is shown (nor asked of it, e.g. its default currency).
      this.loaded = undefined;
      this.fail(error, 'validate');
      return;
    }
    this.currentStatus = 'ready';
    if (shared) return;
    this.emit('ocds-load', {
      processes: dataset.summary?.document.meta.processes ?? dataset.processes.length,
      releases: dataset.meta.releases,
      issues: dataset.issues.length,
    });
  }

  private fail(error: unknown, phase: ErrorPhase): void {
    this.finalizeView();
    const code = (error as { name?: string; code?: string } | null)?.name === 'OcdsError' ? (error as { code: string }).code : undefined;
    const status = (error as { status?: number } | null)?.status;
    this.error = { phase: code ? (PHASE_BY_CODE[code] ?? (/^(summary|needs)-/.test(code) ? 'validate' : 'fetch')) : phase, code, status, retry: retryMayHelp(code, phase) };
    this.currentStatus = 'error';
    if (!code) console.error(error);
    const detail: OcdsErrorDetail = { phase: this.error.phase, message: this.errorMessage(this.t.bind(this)), ...(code ? { code } : {}) };
    this.emit('ocds-error', detail);
    this.settle();
  }

  private errorMessage(t: Translate): string {
    const { code, status, phase } = this.error!;
    return code ? t(`error.${code}`, { status }) : t(phase === 'render' ? 'error.render' : 'error.unknown');
  }

  private settle(): void {
    this.settled = true;
    const waiters = this.renderedWaiters;
    this.renderedWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  protected context(): ChartContext {
    const host = this;
    return {
      tag: this.languageTag,
      t: translator(this.catalogues, this.languageTag),
      currency: this.shownCurrency,
      // Read on use: getComputedStyle forces a style recalculation, and most renders need no colours.
      get colours() {
        return resolveColours(host);
      },
      width: this.width || this.chartContainer?.clientWidth || this.clientWidth || 400,
      selected: this.selected,
    };
  }

  /** Why there is nothing to chart, or undefined. */
  private problem(ctx: ChartContext): string | undefined {
    if (!this.loaded) return undefined;
    if (this.ocid && !this.loaded.processes.some((process) => process.ocid === this.ocid)) {
      return ctx.t('state.ocid-missing', { ocid: this.ocid });
    }
    if (this.currentRows.length === 0) return this.emptyMessage(this.currentRows, ctx) ?? ctx.t('state.empty');
    if (this.usesCurrency && ctx.currency && !this.currencies.includes(ctx.currency)) {
      return ctx.t('state.currency-missing', { currency: ctx.currency, currencies: formatList(this.currencies, ctx.tag) });
    }
    return this.emptyMessage(this.currentRows, ctx);
  }

  private async draw(): Promise<void> {
    const token = ++this.drawToken;
    const container = this.chartContainer;
    if (this.currentStatus === 'idle' || this.currentStatus === 'loading') return;
    // An element's own main view (renderMainView) is drawn by Lit: it is up once this update has rendered.
    if (this.currentStatus === 'ready' && this.ownMainView) {
      this.aidsAfterChart = false;
      this.settle();
      this.emit('ocds-render', this.shownCounts());
      return;
    }
    // Error, empty and "not in the data" states have no chart: the element has settled. An empty or "not in the
    // data" state shows the data too (none of it to chart): it is rendered, with counts of 0 or what is there.
    if (this.currentStatus === 'error' || !container) {
      this.aidsAfterChart = false;
      this.settle();
      if (this.currentStatus === 'ready') this.emit('ocds-render', this.shownCounts());
      return;
    }
    // Vega is fetched only for charts a reader may see; meanwhile the empty chart keeps its height, and the list,
    // summary and source line are shown without it.
    const near = this.nearViewport();
    if (!this.viewportNow) this.aidsAfterChart = false;
    await near;
    if (token !== this.drawToken) return;
    try {
      const { embedChart } = await vega.load();
      const ctx = this.context();
      const spec = this.chartSpec(this.currentRows, ctx) as Record<string, unknown>;
      const sized = {
        width: ctx.width,
        autosize: { type: 'fit-x', contains: 'padding' },
        // Vega labels its SVG with the description: the written summary is the chart's accessible description.
        ...(spec.description === undefined ? { description: this.summary(this.currentRows, ctx).join(' ') } : {}),
        ...spec,
      };
      // vega-embed owns its element's attributes and children: give it one Lit does not render.
      const target = document.createElement('div');
      const view = await embedChart(target, sized, { tag: ctx.tag, colours: ctx.colours, tooltip: this.showTooltip });
      if (token === this.drawToken && this.isConnected) container.replaceChildren(target);
      if (token !== this.drawToken || !this.isConnected) {
        view.finalize();
        return;
      }
      this.finalizeView();
      this.view = view;
      this.viewResizes = (sized as { autosize?: { type?: string } }).autosize?.type !== 'pad';
      // The container may have been resized while Vega was loading.
      if (this.width && this.width !== ctx.width) await this.resizeView(this.width);
      view.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
        const id = datum ? this.selectionFromDatum(datum) : undefined;
        if (id !== undefined) this.select(id);
      });
      this.setSelectedSignal();
      this.setSignal('ocds_hovered', this.focusedItem ?? null);
      this.setChartDrawn(true);
      this.emit('ocds-render', this.shownCounts());
      if (this.aidsAfterChart) {
        // Shown once this chart has been painted, even if a redraw has started since (it must not hold them back).
        await afterNextPaint();
        this.aidsAfterChart = false;
        await this.updateComplete;
        if (token !== this.drawToken) return;
      }
      this.settle();
    } catch (error) {
      if (token === this.drawToken) this.fail(error, 'render');
    }
  }

  /** What the element shows, for `ocds-render`: the processes it draws from (after the dataset's filters and `ocid`). */
  private shownCounts(): OcdsRenderDetail {
    const processes = (this.loaded?.processes ?? []).filter((process) => !this.ocid || process.ocid === this.ocid);
    return { processes: processes.length, releases: processes.reduce((sum, process) => sum + process.releases.length, 0), rows: this.currentRows.length };
  }

  /** The element has been within a screen's height of the viewport: drawing need not wait. */
  private viewportNow = false;
  /** Resolves once the element is within a screen's height of the viewport (at once after that). */
  private nearViewport(): Promise<void> {
    // Measured at once when the element is laid out near the viewport: an IntersectionObserver reports only after
    // the next frame, a wait as long as drawing a small chart. Not laid out (e.g. inside `display: none`), or far
    // away: the observer decides.
    if (!this.viewportReached && withinAScreen(this.getBoundingClientRect())) {
      this.viewportNow = true;
      this.viewportReached = Promise.resolve();
    }
    this.viewportReached ??= new Promise((resolve) => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          this.viewportNow = true;
          resolve();
        },
        { rootMargin: '100% 0px' },
      );
      observer.observe(this);
    });
    return this.viewportReached;
  }

  private finalizeView(): void {
    this.view?.finalize();
    this.view = undefined;
    this.setChartDrawn(false);
  }

  /** The DOM follows the field at once; a later render binds the same value, so Lit and the DOM agree. */
  private setChartDrawn(drawn: boolean): void {
    this.chartDrawn = drawn;
    for (const button of this.renderRoot?.querySelectorAll<HTMLButtonElement>('button[data-image]') ?? []) button.disabled = !drawn;
  }

  private setSelectedSignal(): void {
    this.setSignal('ocds_selected', this.selected ?? null);
  }

  private setSignal(name: 'ocds_selected' | 'ocds_hovered', value: string | null): void {
    const view = this.view?.view;
    if (!view) return;
    try {
      view.signal(name, value).runAsync();
    } catch {
      // The spec does not declare this signal: nothing to highlight.
    }
  }

  /** The listbox's active item, while it has focus, is highlighted in the chart as hovering its mark does (`ocds_hovered`). */
  private focusItem(id: string | undefined): void {
    this.focusedItem = id;
    this.setSignal('ocds_hovered', id ?? null);
  }

  /**
   * Fits the drawn view to a new container width. A spec sized by padding (e.g. a vertical concatenation, which
   * Vega-Lite cannot fit to a width) has no single width to set: `view.width()` would stretch a plot inside it past
   * the container, so it is built again for the new width.
   */
  private async resizeView(width: number): Promise<void> {
    if (!this.view) return;
    if (this.viewResizes) await this.view.view.width(width).runAsync();
    else this.requestDraw();
  }

  private observeWidth(): void {
    const container = this.chartContainer;
    // An update after removal (finalizing the view is one) must not observe again what disconnect let go.
    if (!container || container === this.observedContainer || !this.isConnected) return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width <= 0 || width === this.width) return;
      this.width = width;
      // Resizing the view changes the container's height: do it after this observation, not inside it.
      requestAnimationFrame(() => {
        if (this.width === width) void this.resizeView(width);
      });
    });
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(container);
    this.observedContainer = container;
  }

  /** Selects an item by id (as clicking its bar or choosing it in the listbox does) and fires `ocds-select`. */
  select(id: string): void {
    const ctx = this.context();
    const item = this.selectableItems(this.currentRows, ctx).find((candidate) => candidate.id === id);
    this.selected = this.selected === id ? undefined : id;
    const detail: OcdsSelectDetail = { kind: this.selectKind, id, label: item?.label ?? id, value: item?.value };
    this.emit('ocds-select', detail);
  }

  private readonly showTooltip = (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown): void => {
    if (value === null || value === undefined || value === '') {
      this.tooltip = undefined;
      return;
    }
    this.tooltip =
      typeof value === 'object'
        ? Object.entries(value as Record<string, unknown>).map(([key, text]) => [key, String(text)])
        : [['', String(value)]];
    const host = this.getBoundingClientRect();
    // CSSOM writes are allowed under `style-src 'self'` (inline style attributes are not).
    void this.updateComplete.then(() => {
      const tip = this.tooltipElement;
      if (!tip) return;
      tip.style.left = `${Math.min(event.clientX - host.left + 12, Math.max(0, host.width - tip.offsetWidth))}px`;
      tip.style.top = `${event.clientY - host.top + 12}px`;
    });
  };

  private onCurrencyChange(event: Event): void {
    this.currency = (event.target as HTMLSelectElement).value;
  }

  private downloadCsv(): void {
    // The BOM makes spreadsheet programs read the file as UTF-8 (accents in names).
    downloadText(`\uFEFF${this.csv()}`, `${this.localName}.csv`, 'text/csv;charset=utf-8');
  }

  private async downloadImage(type: 'png' | 'svg'): Promise<void> {
    download(await this.imageURL(type), `${this.localName}.${type}`);
  }

  override render(): TemplateResult {
    const ctx = this.context();
    return html`
      <h2 part="heading">${this.heading || ctx.t('heading')}</h2>
      ${this.renderBody(ctx)}
      <div class="tooltip" role="tooltip" ?hidden=${!this.tooltip}>
        ${this.tooltip
          ? html`<dl>${this.tooltip.map(([key, text]) => html`<dt>${key}</dt><dd>${text}</dd>`)}</dl>`
          : nothing}
      </div>
    `;
  }

  private renderBody(ctx: ChartContext): TemplateResult {
    if (this.currentStatus === 'error' && this.error) {
      return html`<div part="error" role="alert">
        ${this.errorMessage(ctx.t)}${this.error.retry ? html`<button type="button" @click=${this.retry}>${ctx.t('action.retry')}</button>` : nothing}
      </div>`;
    }
    if (this.currentStatus === 'idle') {
      // Inside <ocds-dataset> the data is on its way: a reader should not be asked for a `src`.
      const message = this.closest('ocds-dataset') ? ctx.t('state.loading') : ctx.t('state.idle');
      return html`<div part="status" role="status" class="pending">${message}</div>`;
    }
    if (this.currentStatus === 'loading') {
      const progress = this.progress;
      return html`<div part="status" role="status" class="pending">
        ${progress
          ? `${ctx.t('state.pages', { count: progress.pages })} · ${ctx.t('state.releases', { count: progress.releases })}`
          : ctx.t('state.loading')}
      </div>`;
    }
    const problem = this.problem(ctx);
    if (problem) {
      // No chart, but the rows there are (e.g. other currencies than the one asked for) can still be read.
      return html`${this.renderControls(ctx)}
        <div part="status" role="status">${problem}</div>
        ${this.tableShown && this.currentRows.length ? this.renderTable(this.currentRows, ctx) : nothing} ${this.renderSource(ctx)}`;
    }
    const rows = this.currentRows;
    const main = this.mainView(rows, ctx);
    return html`
      ${this.renderControls(ctx)} ${this.renderDetails(rows, ctx)} ${main}
      ${this.aidsAfterChart && !this.ownMainView ? nothing : this.renderAids(rows, ctx)}
    `;
  }

  /** Below the main view: the keyboard list, the written summary, the table when asked for, the source line. */
  private renderAids(rows: Row[], ctx: ChartContext): TemplateResult {
    const items = this.selectableItems(rows, ctx);
    // Loaded with the data: there whenever rows are; its styles join the shadow root's when it first renders.
    const aids = listAndSummary.value!;
    const root = this.shadowRoot!;
    const sheet = aids.styles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return html`
      ${items.length
        ? aids.renderItemList({
            items,
            active: this.activeItem,
            selected: this.selected,
            t: ctx.t,
            tag: ctx.tag,
            move: (id) => {
              if (id !== undefined) this.activeItem = id;
              this.focusItem(id);
            },
            choose: (id) => this.select(id),
          })
        : nothing}
      ${aids.renderSummary(this.summary(rows, ctx), this.summaryShown, this.summaryOpen, ctx.tag, () => (this.summaryOpen = !this.summaryOpen))}
      ${this.tableShown ? this.renderTable(rows, ctx) : nothing} ${this.renderSource(ctx)}
    `;
  }

  private mainView(rows: Row[], ctx: ChartContext): TemplateResult {
    const own = this.renderMainView(rows, ctx);
    this.ownMainView = own !== undefined;
    return own ?? html`<div class="chart" part="chart"></div>`;
  }

  private renderControls(ctx: ChartContext): TemplateResult {
    const currencies = this.currencies;
    // A `currency` not in the data is listed too: the switch shows what was asked for, not the first code.
    const choices = ctx.currency && !currencies.includes(ctx.currency) ? [ctx.currency, ...currencies] : currencies;
    return html`<div part="controls">
      ${this.usesCurrency && currencies.length > 1
        ? html`<label
            >${ctx.t('control.currency')}
            <select @change=${this.onCurrencyChange}>
              ${choices.map((code) => html`<option value=${code} ?selected=${code === ctx.currency}>${code}</option>`)}
            </select></label
          >`
        : nothing}
      ${this.renderExtraControls(ctx)}
      ${this.hasTableToggle
        ? html`<button type="button" aria-pressed=${this.tableShown ? 'true' : 'false'} ?disabled=${this.currentRows.length === 0}
            @click=${() => (this.tableShown = !this.tableShown)}>
            ${ctx.t(this.tableShown ? 'action.hide-table' : 'action.show-table')}
          </button>`
        : nothing}
      <button type="button" ?disabled=${this.currentRows.length === 0} @click=${this.downloadCsv}>${ctx.t('action.csv')}</button>
      <button type="button" data-image ?disabled=${!this.chartDrawn} @click=${() => this.downloadImage('png')}>${ctx.t('action.png')}</button>
      <button type="button" data-image ?disabled=${!this.chartDrawn} @click=${() => this.downloadImage('svg')}>${ctx.t('action.svg')}</button>
    </div>`;
  }

  private renderTable(rows: Row[], ctx: ChartContext): TemplateResult {
    const columns = this.tableColumns(ctx);
    // A table wider than a phone scrolls sideways in its own box (focusable, so the keyboard can scroll it).
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${ctx.t('table.caption')}><table part="table">
      <caption>${ctx.t('table.caption')}</caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : ''}>${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            ${columns.map(
              (column) => html`<td class=${column.numeric ? 'numeric' : ''}>
                ${column.format ? column.format(row) : String(row[column.key] ?? '')}
              </td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private renderSource(ctx: ChartContext): TemplateResult | typeof nothing {
    const dataset = this.loaded;
    if (!dataset) return nothing;
    const { meta } = dataset;
    const parts: (TemplateResult | string)[] = [];
    if (meta.publisher) parts.push(ctx.t('source.publisher', { publisher: meta.publisher }));
    if (meta.publishedDate) parts.push(ctx.t('source.as-of', { date: formatDate(meta.publishedDate, ctx.tag) }));
    if (meta.license) {
      parts.push(
        /^https?:\/\//.test(meta.license)
          ? html`<a href=${meta.license} rel="license noopener" target="_blank">${ctx.t('source.licence')}</a>`
          : `${ctx.t('source.licence')}: ${meta.license}`,
      );
    }
    const link = this.src ? new URL(this.src, document.baseURI).href : meta.uri;
    if (link && /^https?:\/\//.test(link)) {
      parts.push(html`<a href=${link} rel="noopener" target="_blank">${ctx.t('source.link')}</a>`);
    }
    if (dataset.summary) parts.push(dataset.summary.source(ctx.tag));
    if (!meta.complete) parts.push(ctx.t('source.incomplete', { count: meta.releases }));
    const leftOut = dataset.issues.filter((issue) => LEFT_OUT.has(issue.code)).length;
    return html`
      ${parts.length ? html`<p class="source">${parts.map((part, index) => html`${index ? ' · ' : ''}${part}`)}</p>` : nothing}
      ${leftOut ? html`<p class="note">${ctx.t('issues.left-out', { count: leftOut })}</p>` : nothing}
      ${dataset.issues.length > leftOut
        ? html`<p class="note">${ctx.t('issues.repaired', { count: dataset.issues.length - leftOut })}</p>`
        : nothing}
    `;
  }
}
