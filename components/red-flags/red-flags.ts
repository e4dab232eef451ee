import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RedFlagGroupRow, RedFlagGrouping, RedFlagIndicator, RedFlagSettings, RedFlagSettingsError, RedFlagSettingsIssue, RedFlagsResult } from '../../src/analysis/red-flags.js';
import { methodologyUrl, RED_FLAG_CODES } from '../../src/analysis/red-flag-constants.js';
import type { Dataset } from '../../src/data/types.js';
import { formatList, formatNumber, formatPercent, mergeCatalogues, type Catalogues, type MessageParams } from '../../src/i18n/index.js';
import { OcdsChartElement, type ChartContext, type SelectableItem, type TableColumn } from '../base/chart-element.js';
import { lazy } from '../base/lazy.js';
import { chartElementStyles } from '../base/styles.js';
import type * as RedFlagsCode from './red-flags-code.js';
import { redFlagsMessages } from './messages.js';

const redFlagsCode = lazy(() => import('./red-flags-code.js'));
const CHART_LIMIT = 15;
/** Flagged processes listed before "Show all": the list stays a few lines under the chart. */
const PROCESSES_SHOWN = 5;
/** With more indicators than this, their coverage lines and thresholds fold behind a one-line summary. */
const INDICATORS_SHOWN = 1;
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
 * flagged process with its reasons in words. A red flag is a reason to look closer, not evidence of wrongdoing.
 *
 * @summary Red flags: where to look closer.
 * @event ocds-load @event ocds-render @event ocds-error
 * @event ocds-select - `{ kind: 'buyer' | 'procuring-entity' | 'supplier', id, label, value }` when a bar (clicked, or in the listbox) is
 *   chosen; `{ kind: 'process', id: ocid, label: title }` when a flagged process is. Inside `<ocds-dataset>` these filter
 *   the other charts, while the fences stay those of the whole dataset (`contextDataset`).
 * @csspart heading @csspart chart @csspart table @csspart summary @csspart status @csspart error @csspart controls
 */
export class OcdsRedFlags extends OcdsChartElement<RedFlagGroupRow, typeof RedFlagsCode> {
  static override styles = [
    chartElementStyles,
    css`
      .caution { font-weight: 600; }
      .badge { display: inline-block; border: 1px solid var(--ocds-color-accent, #1f5fa8); border-radius: 0.25rem; padding: 0 0.3rem; margin-inline-end: 0.3rem; font-size: 0.85em; }
      ul.coverage { padding-inline-start: 1.2rem; }
      details.indicators > summary { cursor: pointer; }
      /* One line per flagged process: its title (cut with an ellipsis, whole for screen readers and on hover) and its
         flags, which show its reasons below when pressed. */
      ul.flags { list-style: none; padding: 0; margin: 0.25rem 0; }
      ul.flags > li { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 0.5rem; align-items: baseline; padding: 0.1rem 0; }
      ul.flags .reasons { grid-column: 1 / -1; margin: 0.1rem 0 0.3rem; padding-inline-start: 1.2rem; }
      /* A flagged process's title: a button that selects it (filters the dashboard), shown as a link. */
      button.process, button.why { font: inherit; color: inherit; background: none; border: 0; padding: 0; text-align: start; cursor: pointer; }
      button.process { text-decoration: underline; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      button.why .badge:last-child { margin-inline-end: 0; }
      button.why::after { content: ' ▸' / ''; }
      button.why[aria-expanded='true']::after { content: ' ▾' / ''; }
      /* Links in the text colour, underlined: readable in both themes. */
      .coverage a { color: inherit; }
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
    if (!result) return nothing;
    const codes = RED_FLAG_CODES.filter((code) => result.coverage[code]);
    return html`
      <p class="caution">${ctx.t('caution')}</p>
      ${this.settingsProblem ? html`<p role="status" class="settings-problem">${ctx.t(this.settingsProblem.key, this.settingsProblem.params)} ${ctx.t('settings.defaults')}</p>` : nothing}
      ${this.unknownSettings.length
        ? html`<p role="status" class="settings-unknown">${ctx.t('settings.unknown', { list: formatList(this.unknownSettings.map((issue) => ctx.t('settings.unknown-item', { line: issue.line, key: issue.key })), ctx.tag) })}</p>`
        : nothing}
      ${codes.length > INDICATORS_SHOWN
        ? html`<details class="indicators">
            <summary>${this.indicatorsSummary(codes, ctx)}</summary>
            ${this.renderCoverage(codes, ctx)} ${this.renderThresholds(codes, ctx)}
          </details>`
        : html`${this.renderCoverage(codes, ctx)} ${this.renderThresholds(codes, ctx)}`}
      ${this.renderProcesses(ctx)}
    `;
  }

  /** One line for many indicators: how many could be computed, and which could not (what the data cannot support). */
  private indicatorsSummary(codes: readonly RedFlagIndicator[], ctx: ChartContext): string {
    const result = this.result!;
    const missing = codes.filter((code) => result.coverage[code]!.evaluable === 0);
    const computed = ctx.t('indicators.computed', { computed: formatNumber(codes.length - missing.length, ctx.tag), total: formatNumber(codes.length, ctx.tag) });
    return missing.length ? `${computed} ${ctx.t('indicators.missing', { list: formatList(missing, ctx.tag) })}` : computed;
  }

  private renderCoverage(codes: readonly RedFlagIndicator[], ctx: ChartContext): TemplateResult {
    const result = this.result!;
    const link = (code: string) => html`<a href=${methodologyUrl(code)} target="_blank" rel="noopener">${ctx.t('methodology')} ${code}</a>`;
    return html`<ul class="coverage">
      ${codes.map((code) => {
        const coverage = result.coverage[code]!;
        const name = this.indicatorName(code, ctx);
        const line = coverage.evaluable === 0
          ? ctx.t('not-computable', { code, name })
          : ctx.t('coverage', { code, name, flagged: formatNumber(coverage.flagged, ctx.tag), evaluable: formatNumber(coverage.evaluable, ctx.tag) });
        return html`<li data-code=${code}>${line} ${link(code)}</li>`;
      })}
    </ul>`;
  }

  private renderThresholds(codes: readonly RedFlagIndicator[], ctx: ChartContext): TemplateResult {
    const result = this.result!;
    const settings = this.chosenSettings();
    const items: string[] = [];
    if (codes.includes('R003')) items.push(`R003: ${ctx.t('threshold.R003', { value: settings.R003?.threshold ?? 15 })}`);
    for (const code of codes) {
      const meta = result.Meta[code];
      if (!meta) continue;
      const parts = Object.entries(meta).filter(([, value]) => Number.isFinite(value)).map(([key, value]) => ctx.t('fence', { key, value: formatNumber(value, ctx.tag) }));
      if (parts.length) items.push(`${code}: ${parts.join(', ')}`);
    }
    const note = ctx.t(this.contextDataset ? 'fences-note.whole' : 'fences-note');
    // With no threshold to list (e.g. R018 alone), only the note.
    return html`<p class="thresholds">${items.length ? `${ctx.t('thresholds')}: ${items.join('; ')}. ` : ''}${note}</p>`;
  }

  private renderProcesses(ctx: ChartContext): TemplateResult | typeof nothing {
    const result = this.result!;
    const flagged = new Map<string, RedFlagIndicator[]>();
    for (const code of RED_FLAG_CODES) for (const ocid of result.coverage[code]?.flaggedOcids ?? []) flagged.set(ocid, [...(flagged.get(ocid) ?? []), code]);
    if (flagged.size === 0) return nothing;
    // Most flags first; among equals, in the order of the indicators.
    const ordered = [...flagged].sort(([, a], [, b]) => b.length - a.length);
    const shown = this.allProcesses ? ordered : ordered.slice(0, PROCESSES_SHOWN);
    const titles = new Map(this.loadedDataset?.processes.map((p) => [p.ocid, p.title ?? p.ocid]) ?? []);
    const toggleReasons = (ocid: string) => {
      const open = new Set(this.reasonsShown);
      if (!open.delete(ocid)) open.add(ocid);
      this.reasonsShown = open;
    };
    return html`<h3>${ctx.t('processes')}</h3>
      <ul class="flags" id="flagged-processes">
        ${shown.map(([ocid, codes], index) => {
          const title = titles.get(ocid) ?? ocid;
          const open = this.reasonsShown.has(ocid);
          return html`<li data-ocid=${ocid}>
            <button type="button" class="process" title=${title} @click=${() => this.emit('ocds-select', { kind: 'process', id: ocid, label: title })}>${title}</button>
            <button type="button" class="why" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`reasons-${index}`} @click=${() => toggleReasons(ocid)}>
              <span class="visually-hidden">${ctx.t('reasons')}: </span>${codes.map((code) => html`<span class="badge">${code}</span>`)}
            </button>
            <ul class="reasons" id=${`reasons-${index}`} ?hidden=${!open}>
              ${codes.map((code) => html`<li><span class="badge">${code}</span>${this.code.redFlagReason(result.reasons, ocid, code, ctx)}</li>`)}
            </ul>
          </li>`;
        })}
      </ul>
      ${ordered.length > PROCESSES_SHOWN
        ? html`<button type="button" class="all-processes" aria-expanded=${this.allProcesses ? 'true' : 'false'} aria-controls="flagged-processes"
            @click=${() => (this.allProcesses = !this.allProcesses)}>
            ${ctx.t(this.allProcesses ? 'processes.fewer' : 'processes.all', { count: formatNumber(this.allProcesses ? PROCESSES_SHOWN : ordered.length, ctx.tag) })}
          </button>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ocds-red-flags': OcdsRedFlags;
  }
}
