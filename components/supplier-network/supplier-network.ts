import { css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { NetworkEdge, NetworkNode, NetworkRole, SupplierNetwork, SupplierNetworks } from '../../src/analysis/network.js';
import { DEFAULT_NETWORK_LIMIT, NO_VALUE } from '../../src/analysis/network-constants.js';
import type { ForceLayout } from '../../src/charts/force-layout.js';
import type { Dataset } from '../../src/data/types.js';
import { formatMoney, formatPercent, mergeCatalogues, type Catalogues } from '../../src/i18n/index.js';
import { OcdsChartElement, type ChartContext, type SelectableItem, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import type * as NetworkCode from './network-code.js';
import { chartElementStyles } from '../base/styles.js';
import { supplierNetworkMessages } from './messages.js';

const networkCode = lazy(() => import('./network-code.js'));
/** Its messages with those that come with the data code (data-messages.ts), merged once. */
let withDataMessages: Catalogues | undefined;

type SortKey = 'amount' | 'awards' | 'buyer' | 'supplier';

/** Time the layout may run per animation frame, so no task blocks the page for long. */
const SLICE_MS = 12;
/**
 * Networks up to this many nodes are laid out to rest before their first draw (well under a millisecond): drawn once.
 * A bigger one is drawn at once from its warm start and again at rest a frame or two later: laying out the default
 * 50 suppliers and their buyers to rest takes 4–5 ms, half of drawing them, and would hold back the first picture.
 */
const SETTLE_BEFORE_DRAW_NODES = 20;
/** A draw slower than this is not repeated while the layout settles. */
const EXPENSIVE_DRAW_MS = 120;
/** Organisations in the keyboard listbox: the largest by value (a list of thousands helps no one); the table has all. */
const MAX_LISTED_NODES = 250;
/** Buyers whose concentration the written summary names; the table has them all. */
const SUMMARY_BUYERS = 10;

interface LayoutRun {
  key: string;
  layout: ForceLayout;
}

/**
 * Who sells to whom: buyers and suppliers as a force-directed network, node size by awarded value, colour by role,
 * edge width by value, with concentration in the written summary (top supplier's share per buyer, top-5 share).
 *
 * The layout runs in slices between frames: positioned nodes are drawn at once from a seeded warm start, redrawn
 * while the layout settles, and drawn a last time when it is at rest (`layoutSettled`).
 *
 * @summary Buyer–supplier network of awarded value.
 * @event ocds-select - `{ kind: 'buyer' | 'supplier', id, label, value }` when a node is clicked or chosen in the list.
 * @event ocds-load @event ocds-render @event ocds-error - see the element contract.
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsSupplierNetwork extends OcdsChartElement<NetworkEdge, typeof NetworkCode> {
  // --ocds-chart-reserve: as chartSpec sizes the drawing, 62 % of its width, between 280 and 560 px.
  static override styles = [
    chartElementStyles,
    css`
      :host {
        --ocds-chart-reserve: clamp(280px, 62%, 560px);
      }
      .chart g.node path {
        cursor: pointer;
      }
    `,
  ];

  /** At most this many suppliers by value (default 50, at most 5,000); the rest are grouped into one "others" node per buyer. */
  @property({ type: Number, reflect: true }) limit?: number;
  /** Show only this organisation's neighbourhood: a node id as in the table (`focus` attribute). */
  @property({ attribute: 'focus', reflect: true }) focusId?: string;

  @state() private sortKey: SortKey = 'amount';

  protected override messages = supplierNetworkMessages;
  protected override usesCurrency = true;
  protected override dataCode = networkCode;
  protected override analysisProperties = ['ocid', 'limit', 'focusId'];

  private analysed?: Dataset;
  /** The networks of `analysed` (its awards read once for the rows and the shown currency's network). */
  private networksOf?: SupplierNetworks;
  private analysis = 0;
  private currencyRanking: SupplierNetwork['currencies'] = [];
  private readonly networks = new Map<string, SupplierNetwork>();
  private run?: LayoutRun;
  private ticking = false;
  private drawInFlight = false;
  private drawStartedAt = 0;
  private lastRedraw = 0;
  private drawDuration = 0;
  private drawnAtRest = false;
  private settledWaiters: (() => void)[] = [];
  private listed?: { key: string; items: SelectableItem[]; all: Map<string, NetworkNode>; item: (node: NetworkNode) => SelectableItem };
  /** Width the chart was drawn for: positions are in pixels, so another width needs a new draw. */
  private drawnWidth = 0;
  private readonly widthObserver = new ResizeObserver(() =>
    // After the base has read the new width in its own observer.
    requestAnimationFrame(() => {
      const width = this.chartWidth();
      if (this.drawnWidth && width > 0 && Math.abs(width - this.drawnWidth) >= 2) this.redraw();
    }),
  );

  constructor() {
    super();
    this.addEventListener('ocds-render', () => {
      const now = performance.now();
      this.drawDuration = now - this.drawStartedAt;
      this.drawInFlight = false;
      this.lastRedraw = now;
      if (this.drawnAtRest) this.resolveSettled();
      else if (this.run?.layout.done && !this.ticking) this.redraw(); // came to rest while this draw was under way
    });
  }

  /** Resolves once the layout is at rest and drawn (at once when there is nothing to draw, or an error). */
  get layoutSettled(): Promise<void> {
    if ((this.drawnAtRest && !this.drawInFlight) || this.status === 'error' || (this.status === 'ready' && this.rows.length === 0)) return this.rendered;
    // `rendered`: the list and summary, which follow the chart's first frame, are shown too.
    return new Promise<void>((resolve) => this.settledWaiters.push(resolve)).then(() => this.rendered);
  }

  /** The network drawn for the shown currency (nodes, edges, summary). */
  get network(): SupplierNetwork | undefined {
    return this.analysed ? this.networkFor(this.shownCurrency) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.widthObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.widthObserver.disconnect();
    this.ticking = false;
  }

  /**
   * Selects a node by id (as clicking it or choosing it in the listbox does) and fires `ocds-select` with its role as `kind`
   * (`buyer`, else `supplier`), the organisation's name as `label` and its awarded value as `value`.
   */
  override select(id: string): void {
    const node = this.network?.nodes.find((candidate) => candidate.id === id);
    this.selected = this.selected === id ? undefined : id;
    this.emit('ocds-select', { kind: node?.role === 'buyer' ? 'buyer' : 'supplier', id, label: node?.label ?? id, value: node?.amount });
  }

  protected analyse(dataset: Dataset): NetworkEdge[] {
    // The words of its summary come with its data code, not with the element.
    this.messages = withDataMessages ??= mergeCatalogues(supplierNetworkMessages, this.code.supplierNetworkDataMessages);
    this.analysed = this.ocid ? this.code.oneProcess(dataset, this.ocid) : dataset;
    this.analysis++;
    this.networks.clear();
    this.run = undefined;
    this.drawnAtRest = false;
    this.networksOf = this.code.supplierNetworks(this.analysed);
    // The rows in every currency: edges alone (the shown currency's network, nodes and summary, is worked out to draw).
    const all = this.networksOf.edges(this.networkOptions());
    this.currencyRanking = all.currencies;
    // Awards without a value are drawn only when nothing has one: a currency view stays about money.
    const valued = all.edges.filter((edge) => edge.currency !== NO_VALUE);
    return sortEdges(valued.length ? valued : all.edges, this.sortKey);
  }

  /** An unknown `focus` is named, as the base names an unknown `ocid`, rather than "nothing to chart". */
  protected override emptyMessage(rows: NetworkEdge[], ctx: ChartContext): string | undefined {
    return rows.length === 0 && this.focusId ? ctx.t('state.focus-missing', { focus: this.focusId }) : undefined;
  }

  protected override defaultCurrency(): string | undefined {
    return this.currencyRanking[0]?.currency;
  }

  protected chartSpec(_rows: NetworkEdge[], ctx: ChartContext): object {
    const network = this.networkFor(ctx.currency);
    // Positions are in pixels: use the container's width as it is now (the base's may not be measured yet).
    const width = Math.max(100, this.chartWidth() || ctx.width);
    const height = Math.round(Math.min(560, Math.max(280, width * 0.62)));
    const run = this.layoutFor(network, ctx.currency ?? NO_VALUE, width / height);
    this.drawnAtRest = run.layout.done;
    this.drawnWidth = width;
    // Every draw is in flight until its ocds-render, the first too: a redraw asked for meanwhile would throw it away.
    this.drawInFlight = true;
    this.drawStartedAt = performance.now();
    const t = ctx.t;
    const c = ctx.colours;
    // "Others" groups are labelled in English by the analysis; the chart speaks the reader's language.
    const others = (count = 0) => t('others', { count });
    const drawn = {
      nodes: network.nodes.map((node) => (node.role === 'others' ? { ...node, label: others(node.count) } : node)),
      edges: network.edges.map((edge) => (edge.others !== undefined ? { ...edge, supplier: others(edge.others) } : edge)),
    };
    return this.code.networkSpec(drawn, run.layout, {
      width,
      height,
      colours: { buyer: c.accent, supplier: c.stages.award, both: c.stages.contract, others: c.muted, text: c.text, muted: c.muted, background: c.background },
      roles: roleNames(t),
      fields: {
        organisation: t('field.organisation'),
        role: t('field.role'),
        amount: t('field.amount'),
        awards: t('field.awards'),
        buyer: t('column.buyer'),
        supplier: t('column.supplier'),
        split: t('column.split'),
      },
      formatAmount: (amount) => this.money(amount, network.currency, ctx),
      describeSplit: (edge) => (edge.split === 'equal' ? t('split.equal', { count: edge.sharedAwards }) : ''),
      focus: this.focusId,
    });
  }

  protected summaryText(_rows: NetworkEdge[], ctx: ChartContext): string[] {
    const network = this.networkFor(ctx.currency);
    const { summary } = network;
    const t = ctx.t;
    const counts = {
      count: summary.buyers.length,
      buyers: t('summary.buyers', { count: summary.buyers.length }),
      suppliers: t('summary.suppliers', { count: summary.suppliers }),
      awards: t('summary.awards', { count: summary.awards }),
    };
    const sentences =
      network.currency === NO_VALUE
        ? [t('summary.overview-unvalued', { ...counts, unvalued: t('summary.published-unvalued', { count: summary.awards }) })]
        : [t('summary.overview', { ...counts, total: this.money(summary.total, network.currency, ctx) })];
    if (summary.top5Share !== undefined && summary.suppliers > 5) {
      sentences.push(t('summary.top5', { share: formatPercent(summary.top5Share, ctx.tag) }));
    }
    const named = summary.buyers.filter((buyer) => buyer.share !== undefined);
    for (const buyer of named.slice(0, SUMMARY_BUYERS)) {
      sentences.push(t('summary.top-supplier', { supplier: buyer.topSupplier, buyer: buyer.buyer, share: formatPercent(buyer.share!, ctx.tag) }));
    }
    if (named.length > SUMMARY_BUYERS) sentences.push(t('summary.more-buyers', { count: named.length - SUMMARY_BUYERS }));
    if (network.edges.some((edge) => edge.split === 'equal')) sentences.push(t('summary.split'));
    if (network.nodes.some((node) => node.role === 'others')) sentences.push(t('summary.others', { limit: this.networkOptions().limit ?? DEFAULT_NETWORK_LIMIT }));
    if (network.excluded.otherCurrency) sentences.push(t('summary.other-currency', { count: network.excluded.otherCurrency }));
    if (network.excluded.unvalued) sentences.push(t('summary.unvalued', { count: network.excluded.unvalued }));
    const focus = this.focusId ? network.nodes.find((node) => node.id === this.focusId) : undefined;
    if (focus) sentences.push(t('summary.focus', { label: focus.label }));
    return sentences;
  }

  protected tableColumns(ctx: ChartContext): TableColumn<NetworkEdge>[] {
    const t = ctx.t;
    return [
      { key: 'buyer', label: t('column.buyer') },
      {
        key: 'supplier',
        label: t('column.supplier'),
        format: (row) => (row.others !== undefined ? t('others', { count: row.others }) : row.supplier),
      },
      { key: 'currency', label: t('column.currency') },
      {
        key: 'amount',
        label: t('column.amount'),
        numeric: true,
        format: (row) => (row.currency === NO_VALUE ? t('no-value') : this.money(row.amount, row.currency, ctx)),
      },
      { key: 'awards', label: t('column.awards'), numeric: true },
      {
        key: 'split',
        label: t('column.split'),
        format: (row) => (row.split === 'equal' ? t('split.equal', { count: row.sharedAwards }) : t('split.sole')),
      },
      { key: 'sharedAwards', label: t('column.sharedAwards'), numeric: true },
      { key: 'buyerId', label: t('column.buyerId') },
      { key: 'supplierId', label: t('column.supplierId') },
    ];
  }

  protected override selectableItems(_rows: NetworkEdge[], ctx: ChartContext): SelectableItem[] {
    const network = this.networkFor(ctx.currency);
    const key = `${this.analysis}|${network.currency}|${ctx.tag}`;
    if (this.listed?.key !== key) {
      const roles = roleNames(ctx.t);
      const item = (node: NetworkNode): SelectableItem => ({
        id: node.id,
        label: ctx.t('item.label', { label: node.label, role: roles[node.role], amount: this.money(node.amount, network.currency, ctx) }),
        value: node.amount,
        colour: node.role === 'buyer' ? 'accent' : node.role === 'both' ? 'contract' : 'award',
      });
      const organisations = network.nodes.filter((node) => node.role !== 'others');
      this.listed = { key, items: organisations.slice(0, MAX_LISTED_NODES).map(item), all: new Map(organisations.map((node) => [node.id, node])), item };
    }
    const { items, all, item } = this.listed;
    // The selected organisation stays reachable even when it is not among the largest.
    const selected = this.selected && !items.some((entry) => entry.id === this.selected) ? all.get(this.selected) : undefined;
    return selected ? [...items, item(selected)] : items;
  }

  protected override selectionFromDatum(datum: Record<string, unknown>): string | undefined {
    const id = datum.id;
    return typeof id === 'string' && this.network?.nodes.some((node) => node.id === id && node.role !== 'others') ? id : undefined;
  }

  protected override renderExtraControls(ctx: ChartContext): TemplateResult {
    const keys: SortKey[] = ['amount', 'awards', 'buyer', 'supplier'];
    return html`<label
      >${ctx.t('control.sort')}
      <select class="sort" @change=${this.onSortChange}>
        ${keys.map((key) => html`<option value=${key} ?selected=${key === this.sortKey}>${ctx.t(`sort.${key}`)}</option>`)}
      </select></label
    >`;
  }

  private onSortChange(event: Event): void {
    this.sortKey = (event.target as HTMLSelectElement).value as SortKey;
    // The table and the CSV follow the order of `rows`.
    sortEdges(this.rows, this.sortKey);
  }

  private networkOptions(): { limit?: number; focus?: string } {
    return { limit: this.limit !== undefined && Number.isFinite(this.limit) ? this.limit : undefined, focus: this.focusId || undefined };
  }

  private networkFor(currency: string | undefined): SupplierNetwork {
    const key = currency ?? NO_VALUE;
    let network = this.networks.get(key);
    if (!network) {
      network = this.networksOf!({ ...this.networkOptions(), currency: key });
      this.networks.set(key, network);
    }
    return network;
  }

  /** The layout of this network, created (from its warm start) on first use and then advanced between frames. */
  private layoutFor(network: SupplierNetwork, currency: string, aspect: number): LayoutRun {
    const key = `${this.analysis}|${currency}`;
    if (this.run?.key !== key) {
      const input = this.code.networkLayoutInput(network);
      const centre = this.focusId ? network.nodes.findIndex((node) => node.id === this.focusId) : -1;
      const layout = this.code.createForceLayout(input.nodes, input.links, { aspect, centre });
      if (input.nodes.length <= SETTLE_BEFORE_DRAW_NODES) while (!layout.tick(32));
      this.run = { key, layout };
    }
    if (!this.run.layout.done) this.startTicking();
    return this.run;
  }

  private startTicking(): void {
    if (this.ticking) return;
    this.ticking = true;
    const frame = () => {
      const run = this.run;
      if (!this.ticking || !run || !this.isConnected) {
        this.ticking = false;
        return;
      }
      const start = performance.now();
      while (!run.layout.done && performance.now() - start < SLICE_MS) run.layout.tick(1);
      const now = performance.now();
      if (run.layout.done) {
        this.ticking = false;
        // A draw under way is not thrown away: its ocds-render draws the layout at rest.
        if (!this.drawInFlight) this.redraw();
      } else {
        // Redraw as the layout settles while drawing is cheap, giving it at most ~a fifth of the time; a big network
        // (one draw is a long task) is drawn at its warm start and at rest only.
        const cheap = this.drawDuration < EXPENSIVE_DRAW_MS;
        if (cheap && !this.drawInFlight && now - this.lastRedraw > Math.max(250, 4 * this.drawDuration)) this.redraw();
        requestAnimationFrame(frame);
      }
    };
    requestAnimationFrame(frame);
  }

  private chartWidth(): number {
    return this.renderRoot.querySelector<HTMLElement>('.chart')?.clientWidth ?? 0;
  }

  private redraw(): void {
    this.drawInFlight = true;
    this.requestDraw();
  }

  private resolveSettled(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private money(amount: number, currency: string, ctx: ChartContext): string {
    return currency === NO_VALUE ? ctx.t('no-value') : formatMoney(amount, currency, ctx.tag);
  }
}

function roleNames(t: ChartContext['t']): Record<NetworkRole, string> {
  return { buyer: t('role.buyer'), supplier: t('role.supplier'), both: t('role.both'), others: t('role.others') };
}

/** Sorts in place (and returns) edges: by value or awards (largest first, per currency), or by name. */
function sortEdges(edges: NetworkEdge[], key: SortKey): NetworkEdge[] {
  const byName = (a: string, b: string) => a.localeCompare(b);
  return edges.sort((a, b) => {
    if (key === 'buyer') return byName(a.buyer, b.buyer) || b.amount - a.amount;
    if (key === 'supplier') return byName(a.supplier, b.supplier) || b.amount - a.amount;
    const currency = byName(a.currency, b.currency);
    if (currency) return currency;
    return key === 'awards' ? b.awards - a.awards || b.amount - a.amount : b.amount - a.amount || b.awards - a.awards;
  });
}
