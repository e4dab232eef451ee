import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FILTER_KEYS, periodRange, type DatasetFilters } from '../../src/analysis/filter-keys.js';
import { isOthersId } from '../../src/analysis/network-constants.js';
import type { Dataset } from '../../src/data/types.js';
import { baseMessages, canonicalTag, formatDate, mergeCatalogues, translator, type Translate } from '../../src/i18n/index.js';
import type { ElementStatus } from '../base/chart-element.js';
import { DataReading, retryMayHelp, type ReadingPhase } from '../base/data-reading.js';
import { lazy } from '../base/lazy.js';
import type { ErrorPhase, OcdsEventMap } from '../base/events.js';
import { VERSION } from '../base/version.js';
import { visuallyHidden } from '../base/visually-hidden.js';
import { datasetMessages } from './messages.js';

type FilterKey = (typeof FILTER_KEYS)[number];

/** The filtering code: loaded with the data core, once the dataset has data to read. */
const filterCode = lazy(() => import('../../src/analysis/filter.js'));

/** Merged once: messages() runs on every render. */
const DATASET_CATALOGUES = mergeCatalogues(baseMessages, datasetMessages);

/** Which filter an `ocds-select` of each kind sets; a `year`, `quarter` or `month` sets `from` and `to` to that period. */
const FILTER_BY_KIND: Readonly<Record<string, FilterKey>> = {
  supplier: 'supplier',
  buyer: 'buyer',
  'procuring-entity': 'procuringEntity',
  process: 'ocid',
  method: 'method',
  category: 'category',
};
const PERIOD_KINDS = new Set(['year', 'quarter', 'month']);

/** The `ocds-error` phase of each OcdsError code that is not about fetching (as the charts report them). */
const PHASE_BY_CODE: Readonly<Record<string, ErrorPhase>> = { 'not-json': 'parse', truncated: 'parse', encoding: 'parse', 'not-ocds': 'validate', 'summary-version': 'validate', 'summary-invalid': 'validate' };

/** A chart element (upgraded or not yet) inside the dataset. */
type Chart = HTMLElement & { sharedDataset?: Dataset; contextDataset?: Dataset; select?: (id: string) => void; requestUpdate?: (name: string, old: unknown) => void };
/** The previous value a chart is told its `lang` had when the language it inherits changes (never equal to its own). */
const INHERITED_LANGUAGE = Symbol('inherited language');

/**
 * Loads OCDS data once and gives it to every ocds-widgets chart inside it (they need no `src`). A selection in one
 * chart — a supplier or buyer in the network, a process in the timeline — filters its siblings, and shows as a
 * removable filter chip; filters can also be set by attribute.
 *
 * @summary One load for a dashboard of charts, with cross-filters.
 * A bar chosen in `<ocds-breakdown>` filters by its method, category, buyer or supplier; a year, quarter or month
 * sets `from`/`to` to that period, read by each process's start (as `from`/`to` always are), whatever date the
 * breakdown's measure placed it by.
 *
 * @slot - The charts (`<ocds-spending-by-stage>`, `<ocds-contract-timeline>`, `<ocds-supplier-network>`, `<ocds-process-table>`, `<ocds-breakdown>`), at any depth.
 * @event ocds-load - `{ processes, releases, issues }` of everything read, before filters: once per load (`src` or `data`).
 * The charts inside fire no `ocds-load` of their own; a filter change loads nothing: each chart it changes fires
 * `ocds-render` with the counts it then shows.
 * @event ocds-error - `{ phase, message, code? }` when the data cannot be loaded.
 * @csspart filters - The row of filter chips.
 * @csspart chip - One filter chip.
 * @csspart note - The notes under the chips: which date `from`/`to` use, and what a supplier filter changes.
 * @csspart status - The loading message (visually hidden: the charts inside show theirs).
 * @csspart error - The error message, with a retry button where trying again can help (the network or the server).
 * @cssproperty --ocds-color-accent - Chip border colour.
 */
export class OcdsDataset extends LitElement {
  static version = VERSION;
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    :host([hidden]) {
      display: none;
    }
    [part~='filters'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      margin: 0 0 0.5rem;
      font-family: var(--ocds-font-family, system-ui, sans-serif);
      font-size: 0.875rem;
    }
    [part~='chip'] {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      padding: 0.1rem 0.2rem 0.1rem 0.6rem;
      border: 1px solid var(--ocds-color-accent, #0b6bcb);
      border-radius: 1rem;
    }
    [part~='chip'] button {
      font: inherit;
      border: 0;
      border-radius: 1rem;
      background: none;
      color: inherit;
      cursor: pointer;
      padding: 0 0.4rem;
    }
    [part~='chip'] button:focus-visible {
      outline: 2px solid var(--ocds-color-accent, #0b6bcb);
    }
    [part~='note'] {
      flex-basis: 100%;
      margin: 0;
      color: var(--ocds-color-muted, #59636e);
    }
    [part~='error'] {
      padding: 0.5rem 0;
    }
    /* The charts inside say "Loading data…" in their own place; a visible line here would vanish when the data
       arrives and pull every chart up (layout shift). Screen readers still hear it. */
    [part~='status'] {
      ${visuallyHidden}
    }
  `;

  /** URL of OCDS data, loaded once for every chart inside. */
  @property({ reflect: true }) src?: string;
  /** BCP 47 tag of the filter chips and of the charts inside that have no `lang` of their own (a change reaches them); else the nearest ancestor's `lang`; else `en`. Set as a property, it reflects. */
  @property({ reflect: true }) override lang!: string;
  /** Pages of an API (OCDS `links.next`) to read at most (default 100); fewer makes the charts say “first N releases”. */
  @property({ type: Number, attribute: 'max-pages', reflect: true }) maxPages?: number;
  /** Property that wraps the packages, e.g. `arrayReleasePackage`; auto-detected where unambiguous. */
  @property({ reflect: true }) root?: string;
  /** Per-request timeout in milliseconds (default: the loader's, 30 s). */
  @property({ type: Number, reflect: true }) timeout?: number;
  /** Space-separated origins besides the `src` origin whose `links.next` may be followed. */
  @property({ attribute: 'follow-origins', reflect: true }) followOrigins?: string;
  /** An OCDS value (package, release, record, arrays, JSON text or bytes) instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Buyer filter: an organisation id as in the network's table, a name, or an identifier. */
  @property({ reflect: true }) buyer?: string;
  /** Procuring entity filter (matched like `buyer`, against the procuring entity only). */
  @property({ attribute: 'procuring-entity', reflect: true }) procuringEntity?: string;
  /** Supplier filter (awarded, contracted and paid become the supplier's own). */
  @property({ reflect: true }) supplier?: string;
  /**
   * Processes that started on or after this day (`YYYY-MM-DD`). Started: the tender period's start, else the tender's
   * publication, else the first award, else the first contract date, else the first release.
   */
  @property({ reflect: true }) from?: string;
  /** Processes that started on or before this day (`YYYY-MM-DD`; started as for `from`). */
  @property({ reflect: true }) to?: string;
  /** Procurement method: `open`, `selective`, `limited`, `direct`. */
  @property({ reflect: true }) method?: string;
  /** Main procurement category: `goods`, `works`, `services`. */
  @property({ reflect: true }) category?: string;
  /** One contracting process. */
  @property({ reflect: true }) ocid?: string;

  @state() private currentStatus: ElementStatus = 'idle';
  @state() private loaded?: Dataset;
  /** What failed; the message is translated when shown, so it follows `lang`. */
  @state() private error?: { code?: string; status?: number; retry: boolean };

  /**
   * The chart whose selection set each filter (it keeps seeing everything for that filter), the id it selected (a
   * period's id sets both `from` and `to`), and the label it gave.
   */
  private readonly selections = new Map<FilterKey, { source: Element; id: string; value: string; label: string }>();
  private readonly filteredCache = new Map<string, Dataset>();
  private readonly reading = new DataReading({
    loading: () => {
      this.currentStatus = 'loading';
      this.error = undefined;
    },
    accept: (dataset) => this.accept(dataset),
    fail: (error, phase) => this.fail(error, phase),
  });
  private readonly childObserver = new MutationObserver(() => this.feed());

  constructor() {
    super();
    this.addEventListener('ocds-select', (event) => this.onSelect(event));
  }

  /** `idle` | `loading` | `ready` | `error`. */
  get status(): ElementStatus {
    return this.currentStatus;
  }
  /** The loaded data, unfiltered. */
  get loadedDataset(): Dataset | undefined {
    return this.loaded;
  }
  /** The filters in effect (attributes and selections). */
  get filters(): DatasetFilters {
    return Object.fromEntries(FILTER_KEYS.filter((key) => this[key]).map((key) => [key, this[key]]));
  }

  /** Loads `src` again. */
  retry(): void {
    if (this.data !== undefined) this.useData();
    else if (this.src) this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.childObserver.observe(this, { childList: true, subtree: true });
    // Moved while loading: the load was cancelled on disconnect.
    if (this.currentStatus === 'loading') this.retry();
    this.feed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver.disconnect();
    this.reading.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A chart without a `lang` of its own speaks this dataset's, but cannot observe an ancestor's attribute: a change
    // is passed on (a chart not upgraded yet reads it when it first renders).
    if (changed.has('lang')) for (const chart of this.charts()) if (!chart.lang) chart.requestUpdate?.('lang', INHERITED_LANGUAGE);
    // A filter changed by other means than its selection (attribute, property, chip) no longer belongs to that chart.
    for (const [key, selection] of this.selections) if (this[key] !== selection.value) this.selections.delete(key);
    if (changed.has('data') && this.data !== undefined) this.useData();
    else if ((['src', 'maxPages', 'root', 'followOrigins', 'timeout'] as const).some((key) => changed.has(key)) && this.src && this.data === undefined) {
      this.load();
    }
  }

  protected override updated(): void {
    this.feed();
  }

  private get languageTag(): string {
    // The property first: render runs before Lit reflects it to the attribute.
    return canonicalTag(this.lang || this.closest('[lang]')?.getAttribute('lang'));
  }

  private messages(): Translate {
    return translator(DATASET_CATALOGUES, this.languageTag);
  }

  private emit<K extends keyof OcdsEventMap>(type: K, detail: OcdsEventMap[K] extends CustomEvent<infer D> ? D : never): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private load(): void {
    const options = {
      maxPages: this.maxPages,
      root: this.root,
      timeout: this.timeout,
      followOrigins: this.followOrigins?.split(/\s+/).filter(Boolean),
    };
    this.reading.load(this.src!, options, filterCode);
  }

  private useData(): void {
    this.reading.read(this.data, this.root, filterCode);
  }

  /** Also waits for `data` given before its code had loaded to be read. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.reading.settled(() => super.getUpdateComplete());
  }

  private accept(dataset: Dataset): void {
    this.loaded = dataset;
    this.filteredCache.clear();
    this.currentStatus = 'ready';
    this.emit('ocds-load', { processes: dataset.summary?.document.meta.processes ?? dataset.processes.length, releases: dataset.meta.releases, issues: dataset.issues.length });
  }

  private fail(error: unknown, phase: ReadingPhase): void {
    const code = (error as { name?: string; code?: string } | null)?.name === 'OcdsError' ? (error as { code: string }).code : undefined;
    const status = (error as { status?: number } | null)?.status;
    this.error = { code, status, retry: retryMayHelp(code, phase) };
    if (!code) console.error(error);
    this.currentStatus = 'error';
    this.emit('ocds-error', { phase: (code && PHASE_BY_CODE[code]) || 'fetch', message: this.errorMessage(this.messages()), ...(code ? { code } : {}) });
  }

  private errorMessage(t: Translate): string {
    const { code, status } = this.error ?? {};
    return code ? t(`error.${code}`, { status }) : t('error.unknown');
  }

  /** The charts this dataset feeds: ocds-widgets elements inside it, except those inside a nested `<ocds-dataset>`. */
  private charts(): Chart[] {
    return [...this.querySelectorAll<Chart>('*')].filter(
      (element) => element.localName.startsWith('ocds-') && element.localName !== 'ocds-dataset' && element.parentElement?.closest('ocds-dataset') === this,
    );
  }

  /** The filters one chart sees: every filter but those its own selection set. */
  private filtersFor(chart: Element): DatasetFilters {
    const filters: DatasetFilters = {};
    for (const key of FILTER_KEYS) if (this[key] && this.selections.get(key)?.source !== chart) filters[key] = this[key];
    return filters;
  }

  private filtered(filters: DatasetFilters): Dataset {
    const dataset = this.loaded!;
    const cacheKey = JSON.stringify(FILTER_KEYS.map((key) => filters[key] ?? null));
    let filtered = this.filteredCache.get(cacheKey);
    if (!filtered) {
      // Loaded with the data (load, useData): a Dataset exists only once it has.
      filtered = filterCode.value!.filterDataset(dataset, filters);
      this.filteredCache.set(cacheKey, filtered);
    }
    return filtered;
  }

  /**
   * Gives each chart its data. A chart not upgraded yet keeps the property and Lit applies it on upgrade; the same
   * filters give the same object, so charts whose filters did not change do not redraw. `contextDataset` is the whole,
   * unfiltered data, for charts whose thresholds are relative to all of it (`<ocds-red-flags>`' fences).
   */
  private feed(): void {
    if (!this.loaded) return;
    for (const chart of this.charts()) {
      const dataset = this.filtered(this.filtersFor(chart));
      if (chart.contextDataset !== this.loaded) chart.contextDataset = this.loaded;
      if (chart.sharedDataset !== dataset) chart.sharedDataset = dataset;
    }
  }

  private onSelect(event: CustomEvent<{ kind: string; id: string; label: string }>): void {
    const source = event.target as Element;
    if (source === this || source.parentElement?.closest('ocds-dataset') !== this) return;
    const { kind, id, label } = event.detail;
    if (isOthersId(id)) return;
    const range = PERIOD_KINDS.has(kind) ? periodRange(id) : undefined;
    const values: Partial<Record<FilterKey, string>> = range ? range : FILTER_BY_KIND[kind] ? { [FILTER_BY_KIND[kind]]: id } : {};
    const keys = Object.keys(values) as FilterKey[];
    if (!keys.length) return;
    // Selecting the same item again in the same chart deselects it (the charts toggle their highlight).
    if (keys.every((key) => this[key] === values[key] && this.selections.get(key)?.source === source && this.selections.get(key)?.id === id)) {
      for (const key of keys) {
        this.selections.delete(key);
        this[key] = undefined;
      }
      return;
    }
    for (const key of keys) {
      this.selections.set(key, { source, id, value: values[key]!, label });
      this[key] = values[key];
    }
  }

  private removeFilter(key: FilterKey): void {
    const selection = this.selections.get(key);
    const source = selection?.source as Chart | undefined;
    // Deselect in the chart that set it: it fires `ocds-select` again, which clears the filter.
    if (source?.isConnected && typeof source.select === 'function') source.select(selection!.id);
    // A period set `from` and `to` together: both go.
    const together = selection ? FILTER_KEYS.filter((other) => this.selections.get(other)?.source === selection.source && this.selections.get(other)?.id === selection.id) : [key];
    for (const other of together.includes(key) ? together : [...together, key]) {
      if (this[other] === undefined) continue;
      this.selections.delete(other);
      this[other] = undefined;
    }
  }

  private chipLabel(key: FilterKey, t: Translate): string {
    const value = this[key]!;
    const selection = this.selections.get(key);
    let shown = selection?.label ?? value;
    if (!selection && (key === 'buyer' || key === 'procuringEntity' || key === 'supplier')) shown = this.loaded?.organisations.get(value)?.names[0] ?? value;
    if (key === 'ocid') shown = this.loaded?.processes.find((process) => process.ocid === value)?.title ?? value;
    if (key === 'from' || key === 'to') shown = formatDate(value, this.languageTag);
    if (key === 'category' && !selection) shown = t(`category.${value.toLowerCase()}`) === `category.${value.toLowerCase()}` ? value : t(`category.${value.toLowerCase()}`);
    return t(`filter.${key}`, { value: shown });
  }

  /** A summary document answers some filters from its cubes: the others are not applied, and the note says why. */
  private renderSummaryNote(keys: FilterKey[], t: Translate): TemplateResult | typeof nothing {
    const refused = this.filtered(this.filters).summary?.refused ?? [];
    if (!refused.length) return nothing;
    const names = keys.filter((key) => refused.includes(key)).map((key) => this.chipLabel(key, t));
    return html`<p part="note" role="status">${t('filter.summary-refused', { filters: names.join('; ') })}</p>`;
  }

  override render(): TemplateResult {
    const t = this.messages();
    const keys = FILTER_KEYS.filter((key) => this[key]);
    return html`
      ${this.currentStatus === 'loading' ? html`<div part="status" role="status">${t('state.loading')}</div>` : nothing}
      ${this.currentStatus === 'error' && this.error
        ? html`<div part="error" role="alert">
            ${this.errorMessage(t)} ${this.error.retry ? html`<button type="button" @click=${this.retry}>${t('action.retry')}</button>` : nothing}
          </div>`
        : nothing}
      ${keys.length
        ? html`<div part="filters" role="group" aria-label=${t('filters.label')}>
            ${keys.map((key) => {
              const label = this.chipLabel(key, t);
              return html`<span part="chip"
                >${label}<button type="button" aria-label=${t('filter.remove', { filter: label })} @click=${() => this.removeFilter(key)}>
                  ×
                </button></span
              >`;
            })}
            ${this.loaded?.summary ? this.renderSummaryNote(keys, t) : this.loaded ? html`<span>${t('filter.processes', { count: this.filtered(this.filters).processes.length })}</span>` : nothing}
            ${this.from || this.to ? html`<p part="note">${t('filter.date-note')}</p>` : nothing}
            ${this.supplier ? html`<p part="note">${t('filter.supplier-note')}</p>` : nothing}
          </div>`
        : nothing}
      <slot></slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-dataset': OcdsDataset;
  }
}
