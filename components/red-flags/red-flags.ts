import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RedFlagGroupRow, RedFlagGrouping, RedFlagIndicator, RedFlagSettings, RedFlagSettingsError, RedFlagSettingsIssue, RedFlagsResult } from '../../src/analysis/red-flags.js';
import { RED_FLAG_CODES } from '../../src/analysis/red-flag-constants.js';
import type { Dataset } from '../../src/data/types.js';
import { formatList, formatNumber, formatPercent, mergeCatalogues, type Catalogues, type MessageParams } from '../../src/i18n/index.js';
import { OcdsChartElement, type ChartContext, type SelectableItem, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import { chartElementStyles } from '../base/styles.js';
import type * as RedFlagsCode from './red-flags-code.js';
import { redFlagsMessages } from './messages.js';

const redFlagsCode = lazy(() => import('./red-flags-code.js'));
const CHART_LIMIT = 15;
/** Its messages once the data code (with the words for data) has loaded. */
let withDataMessages: Catalogues | undefined;

interface SettingsProblem {
  phase: 'fetch' | 'validate';
  key: string;
  params?: MessageParams;
}

/**
 * cardinal's red flags (open-contracting/cardinal-rs): per buyer (or procuring entity, or supplier) the share of its
 * evaluable processes each indicator flagged, ranked, with the counts; what the data cannot support said first; each
 * flagged process with its reasons in words, one line each, most flags first: five, the rest behind "Show all". A red
 * flag is a reason to look closer, not evidence of wrongdoing.
 *
 * @summary Red flags: where to look closer.
 * @event ocds-load @event ocds-render @event ocds-error
 * @event ocds-select - `{ kind: 'buyer' | 'procuring-entity' | 'supplier', id, label, value }` when a bar (clicked, or in the listbox) is
 *   chosen; `{ kind: 'process', id: ocid, label: title }` when a flagged process is. Inside `<ocds-dataset>` these filter
 *   the other charts, while the fences stay those of the whole dataset (`contextDataset`).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsRedFlags extends OcdsChartElement<RedFlagGroupRow, typeof RedFlagsCode> {
  // --ocds-chart-reserve: about a dozen 22 px bars and the share axis.
  static override styles = [
    chartElementStyles,
    css`
      :host { --ocds-chart-reserve: 372px; }
      .caution { font-weight: 600; }
      .badge { display: inline-block; border: 1px solid var(--ocds-color-accent, #1f5fa8); border-radius: 0.25rem; padding: 0 0.3rem; margin-inline-end: 0.3rem; font-size: 0.85em; }
    `,
  ];
  protected override messages = redFlagsMessages;
  protected override dataCode = redFlagsCode;
  protected override analysisProperties = ['ocid', 'group', 'indicators', 'settingsValue', 'contextDataset'];

  /** `buyer` (default), `procuring-entity` or `supplier`: whose processes the shares are of. */
  @property() group: RedFlagGrouping = 'buyer';
  /** Space-separated indicator codes to compute (default all 11), e.g. `R003 R018`. */
  @property() indicators?: string;
  /**
   * cardinal's settings: the `settings` attribute is the URL of its INI file (same origin as the page or `src`);
   * the property also takes the INI text or an object with the same keys. A file that cannot be fetched, or a line that
   * cannot be read, is said in the element and sent as `ocds-error` (phase `fetch`, or `validate` naming the line): the
   * default settings are used and the data still shown. Keys cardinal does not have are listed, and ignored.
   */
  @property({ attribute: 'settings' }) settings?: string | RedFlagSettings;
  /**
   * Set by `<ocds-dataset>`: its whole, unfiltered data. The dataset-relative fences (R024, R025, R038, R048, R058) are
   * computed from it, while the dataset's filters narrow which processes and organisations are shown.
   */
  @property({ attribute: false }) contextDataset?: Dataset;
  @state() private settingsValue?: RedFlagSettings | string;
  /** Why the settings could not be used (the defaults are, then): shown translated and sent as `ocds-error`. */
  @state() private settingsProblem?: SettingsProblem;
  /** Keys and sections of the settings file that are not cardinal's: shown, and ignored. */
  @state() private unknownSettings: readonly RedFlagSettingsIssue[] = [];
  /** Whether every flagged process is listed, not only the first few. */
  @state() private allProcesses = false;
  /** The flagged processes whose reasons are shown. */
  @state() private reasonsShown: ReadonlySet<string> = new Set();
  private parsed?: { text: string; settings: RedFlagSettings };
  private result?: RedFlagsResult;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('group')) this.selectKind = this.group;
    if (changed.has('settings')) void this.readSettings();
    super.willUpdate(changed);
  }

  private async readSettings(): Promise<void> {
    const value = this.settings;
    this.settingsProblem = undefined;
    this.unknownSettings = [];
    this.parsed = undefined;
    if (value === undefined || typeof value === 'object') return void (this.settingsValue = value);
    if (/^\s*\[|=/.test(value) && !/^https?:|^\/|^\./.test(value.trim())) return void (this.settingsValue = value);
    this.settingsValue = undefined;
    let url: URL;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      return this.reportSettingsProblem({ phase: 'fetch', key: 'settings.blocked', params: { url: value } });
    }
    const allowed = [location.origin, this.src ? new URL(this.src, document.baseURI).origin : location.origin];
    if (!/^https?:$/.test(url.protocol) || !allowed.includes(url.origin)) return this.reportSettingsProblem({ phase: 'fetch', key: 'settings.blocked', params: { url: url.href } });
    try {
      const response = await fetch(url);
      if (this.settings !== value) return;
      if (!response.ok) return this.reportSettingsProblem({ phase: 'fetch', key: 'settings.http', params: { url: url.href, status: response.status } });
      this.settingsValue = await response.text();
    } catch {
      if (this.settings === value) this.reportSettingsProblem({ phase: 'fetch', key: 'settings.unreachable', params: { url: url.href } });
    }
  }

  private reportSettingsProblem(problem: SettingsProblem): void {
    this.settingsProblem = problem;
    this.emit('ocds-error', { phase: problem.phase, message: `${this.t(problem.key, problem.params)} ${this.t('settings.defaults')}`, code: 'bad-settings' });
  }

  private chosenSettings(): RedFlagSettings {
    const base: RedFlagSettings = typeof this.settingsValue === 'string' ? this.parsedSettings(this.settingsValue) : { ...(this.settingsValue ?? {}) };
    const wanted = this.indicators?.split(/\s+/).filter((code): code is RedFlagIndicator => (RED_FLAG_CODES as readonly string[]).includes(code));
    const codes = wanted?.length ? wanted : RED_FLAG_CODES.filter((code) => base[code] !== undefined).length ? RED_FLAG_CODES.filter((code) => base[code] !== undefined) : RED_FLAG_CODES;
    const settings: Record<string, unknown> = { ...base };
    for (const code of RED_FLAG_CODES) {
      if (codes.includes(code)) settings[code] ??= {};
      else delete settings[code];
    }
    return settings as RedFlagSettings;
  }

  /** Parses the INI text once per text: its problems are reported once, not on every analysis or render. */
  private parsedSettings(text: string): RedFlagSettings {
    if (this.parsed?.text === text) return this.parsed.settings;
    let settings: RedFlagSettings = {};
    try {
      const read = this.code.parseRedFlagSettings(text);
      settings = read.settings;
      this.unknownSettings = read.unknown;
    } catch (error) {
      const line = (error as Partial<RedFlagSettingsError>).line;
      const reason = (error as Partial<RedFlagSettingsError>).reason;
      this.unknownSettings = [];
      this.reportSettingsProblem(line === undefined ? { phase: 'validate', key: 'settings.unreadable' } : { phase: 'validate', key: `settings.${reason ?? 'syntax'}`, params: { line } });
    }
    this.parsed = { text, settings };
    return settings;
  }

  protected analyse(dataset: Dataset): RedFlagGroupRow[] {
    // Its words for data come with its data code, not with the element.
    this.messages = withDataMessages ??= mergeCatalogues(redFlagsMessages, this.code.redFlagsDataMessages);
    if (dataset.summary) {
      // A summary holds counts per buyer and indicator, with cardinal's default settings.
      this.result = undefined;
      const wanted = this.indicators?.split(/\s+/).filter((code): code is RedFlagIndicator => (RED_FLAG_CODES as readonly string[]).includes(code));
      return dataset.summary.redFlags({ group: this.group, ...(wanted?.length ? { indicators: wanted } : {}), settings: this.settings !== undefined, ...(this.ocid ? { ocid: this.ocid } : {}) });
    }
    const only = (data: Dataset) => (this.ocid ? { ...data, processes: data.processes.filter((p) => p.ocid === this.ocid) } : data);
    const scoped = only(dataset);
    const whole = this.contextDataset && this.contextDataset !== dataset ? only(this.contextDataset) : undefined;
    this.result = whole ? this.code.redFlagsWithin(this.code.redFlags(whole, this.chosenSettings()), scoped) : this.code.redFlags(scoped, this.chosenSettings());
    return this.code.redFlagGroups(scoped, this.result, this.group);
  }

  private organisationName(row: RedFlagGroupRow, ctx: ChartContext): string {
    return row.name || ctx.t(`no-organisation.${this.group}`);
  }

  private indicatorName(code: string, ctx: ChartContext) {
    return ctx.t(`name.${code}`);
  }

  protected chartSpec(rows: RedFlagGroupRow[], ctx: ChartContext): object {
    return this.code.redFlagsChartSpec(rows, {
      colour: ctx.colours.accent,
      limit: CHART_LIMIT,
      width: ctx.width,
      label: (row) => `${this.organisationName(row, ctx)} — ${this.indicatorName(row.indicator, ctx)}`,
      counts: (row) => ctx.t('counts', { flagged: row.flagged, evaluable: row.evaluable }),
      titles: { share: ctx.t('column.share'), flagged: ctx.t('column.flagged') },
    });
  }

  protected summaryText(rows: RedFlagGroupRow[], ctx: ChartContext): string {
    const flagged = rows.filter((row) => row.flagged > 0);
    const top = flagged[0];
    if (!top) return ctx.t('summary.none');
    return ctx.t('summary', {
      count: formatNumber(flagged.length, ctx.tag),
      top: `${this.organisationName(top, ctx)}, ${this.indicatorName(top.indicator, ctx)}: ${ctx.t('counts', { flagged: top.flagged, evaluable: top.evaluable })}`,
    });
  }

  protected tableColumns(ctx: ChartContext): TableColumn<RedFlagGroupRow>[] {
    return [
      { key: 'name', label: ctx.t('column.organisation'), format: (row) => this.organisationName(row, ctx) },
      { key: 'indicator', label: ctx.t('column.indicator'), format: (row) => `${row.indicator} ${this.indicatorName(row.indicator, ctx)}` },
      { key: 'evaluable', label: ctx.t('column.evaluable'), numeric: true, format: (row) => formatNumber(row.evaluable, ctx.tag) },
      { key: 'flagged', label: ctx.t('column.flagged'), numeric: true, format: (row) => formatNumber(row.flagged, ctx.tag) },
      { key: 'share', label: ctx.t('column.share'), numeric: true, format: (row) => formatPercent(row.share, ctx.tag) },
    ];
  }

  protected override selectableItems(rows: RedFlagGroupRow[], ctx: ChartContext): SelectableItem[] {
    return rows
      .filter((row) => row.flagged > 0)
      .slice(0, CHART_LIMIT)
      .map((row) => ({
        id: row.id,
        label: `${this.organisationName(row, ctx)} — ${this.indicatorName(row.indicator, ctx)}`,
        detail: ctx.t('counts', { flagged: row.flagged, evaluable: row.evaluable }),
        value: row.share,
        colour: 'accent' as const,
      }));
  }

  protected override selectionFromDatum(datum: unknown): string | undefined {
    const id = (datum as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? id.split('|')[0] : undefined;
  }

  protected override renderDetails(_rows: RedFlagGroupRow[], ctx: ChartContext): TemplateResult | typeof nothing {
    const result = this.result;
    const summary = this.loadedDataset?.summary;
    if (summary) return html`<p class="caution">${ctx.t('caution')}</p><p class="note">${summary.note('red-flags', ctx.tag)}</p>`;
    if (!result) return nothing;
    // Its styles join the shadow root's with the code that renders what they style.
    const sheet = this.code.findingsStyles.styleSheet;
    const root = this.shadowRoot!;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return html`
      <p class="caution">${ctx.t('caution')}</p>
      ${this.settingsProblem ? html`<p role="status" class="settings-problem">${ctx.t(this.settingsProblem.key, this.settingsProblem.params)} ${ctx.t('settings.defaults')}</p>` : nothing}
      ${this.unknownSettings.length
        ? html`<p role="status" class="settings-unknown">${ctx.t('settings.unknown', { list: formatList(this.unknownSettings.map((issue) => ctx.t('settings.unknown-item', { line: issue.line, key: issue.key })), ctx.tag) })}</p>`
        : nothing}
      ${this.code.renderFindings(
        {
          result,
          settings: this.chosenSettings(),
          whole: !!this.contextDataset,
          titles: new Map(this.loadedDataset?.processes.map((p) => [p.ocid, p.title ?? p.ocid]) ?? []),
          allProcesses: this.allProcesses,
          reasonsShown: this.reasonsShown,
          toggleAll: () => (this.allProcesses = !this.allProcesses),
          toggleReasons: (ocid) => {
            const open = new Set(this.reasonsShown);
            if (!open.delete(ocid)) open.add(ocid);
            this.reasonsShown = open;
          },
          select: (ocid, title) => this.emit('ocds-select', { kind: 'process', id: ocid, label: title }),
        },
        ctx,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-red-flags': OcdsRedFlags;
  }
}
