// What <ocds-red-flags> shows above its chart once it has data: coverage and thresholds (folded behind one line when
// there are several indicators) and the flagged processes, a few at first. Loaded with its data code.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { RedFlagIndicator, RedFlagSettings, RedFlagsResult } from '../../src/analysis/red-flags.js';
import { methodologyUrl, RED_FLAG_CODES } from '../../src/analysis/red-flag-constants.js';
import { formatList, formatNumber } from '../../src/i18n/index.js';
import type { ChartContext } from '../base/chart-element.js';
import { redFlagReason } from './reason-text.js';

/** Flagged processes listed before "Show all": the list stays a few lines under the heading. */
const PROCESSES_SHOWN = 5;

export interface FindingsView {
  result: RedFlagsResult;
  settings: RedFlagSettings;
  /** Fences from the whole dataset of an `<ocds-dataset>` (its filters only choose what is shown). */
  whole: boolean;
  titles: ReadonlyMap<string, string>;
  allProcesses: boolean;
  reasonsShown: ReadonlySet<string>;
  toggleAll(): void;
  toggleReasons(ocid: string): void;
  select(ocid: string, title: string): void;
}

// Links in the text colour, underlined: readable in both themes. One line per flagged process: its title, cut with an ellipsis (whole in its name and on hover), then its flags,
// which show its reasons below when pressed. Adopted by the shadow root when this module arrives.
export const findingsStyles = css`
  ul.coverage { padding-inline-start: 1.2rem; }
  .coverage a { color: inherit; }
  summary { cursor: pointer; }
  ul.flags { list-style: none; padding: 0; margin: 0.25rem 0; }
  ul.flags > li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 0.5rem; align-items: baseline; padding: 0.1rem 0; }
  .reasons { grid-column: 1 / -1; margin: 0.1rem 0 0.3rem; list-style: none; }
  .flags button { font: inherit; color: inherit; background: none; border: 0; padding: 0; text-align: start; cursor: pointer; }
  button.process { text-decoration: underline; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  button.why::after { content: ' ▸' / ''; }
  button.why[aria-expanded='true']::after { content: ' ▾' / ''; }
`;

export function renderFindings(view: FindingsView, ctx: ChartContext): TemplateResult {
  const codes = RED_FLAG_CODES.filter((code) => view.result.coverage[code]);
  const details = html`${renderCoverage(view, codes, ctx)} ${renderThresholds(view, codes, ctx)}`;
  return html`${codes.length > 1 ? html`<details class="indicators"><summary>${indicatorsSummary(view, codes, ctx)}</summary>${details}</details>` : details}
    ${renderProcesses(view, ctx)}`;
}

/** One line for several indicators: how many could be computed, and which could not (what the data cannot support). */
function indicatorsSummary({ result }: FindingsView, codes: readonly RedFlagIndicator[], ctx: ChartContext): string {
  const missing = codes.filter((code) => result.coverage[code]!.evaluable === 0);
  const computed = ctx.t('indicators.computed', { computed: formatNumber(codes.length - missing.length, ctx.tag), total: formatNumber(codes.length, ctx.tag) });
  return missing.length ? `${computed} ${ctx.t('indicators.missing', { list: formatList(missing, ctx.tag) })}` : computed;
}

function renderCoverage({ result }: FindingsView, codes: readonly RedFlagIndicator[], ctx: ChartContext): TemplateResult {
  return html`<ul class="coverage">
    ${codes.map((code) => {
      const coverage = result.coverage[code]!;
      const name = ctx.t(`name.${code}`);
      const line = coverage.evaluable === 0
        ? ctx.t('not-computable', { code, name })
        : ctx.t('coverage', { code, name, flagged: formatNumber(coverage.flagged, ctx.tag), evaluable: formatNumber(coverage.evaluable, ctx.tag) });
      return html`<li data-code=${code}>${line} <a href=${methodologyUrl(code)} target="_blank" rel="noopener">${ctx.t('methodology')} ${code}</a></li>`;
    })}
  </ul>`;
}

function renderThresholds({ result, settings, whole }: FindingsView, codes: readonly RedFlagIndicator[], ctx: ChartContext): TemplateResult {
  const items: string[] = [];
  if (codes.includes('R003')) items.push(`R003: ${ctx.t('threshold.R003', { value: settings.R003?.threshold ?? 15 })}`);
  for (const code of codes) {
    const meta = result.Meta[code];
    if (!meta) continue;
    const parts = Object.entries(meta).filter(([, value]) => Number.isFinite(value)).map(([key, value]) => ctx.t('fence', { key, value: formatNumber(value, ctx.tag) }));
    if (parts.length) items.push(`${code}: ${parts.join(', ')}`);
  }
  const note = ctx.t(whole ? 'fences-note.whole' : 'fences-note');
  // With no threshold to list (e.g. R018 alone), only the note.
  return html`<p class="thresholds">${items.length ? `${ctx.t('thresholds')}: ${items.join('; ')}. ` : ''}${note}</p>`;
}

function renderProcesses(view: FindingsView, ctx: ChartContext): TemplateResult | typeof nothing {
  const { result } = view;
  const flagged = new Map<string, RedFlagIndicator[]>();
  for (const code of RED_FLAG_CODES) for (const ocid of result.coverage[code]?.flaggedOcids ?? []) flagged.set(ocid, [...(flagged.get(ocid) ?? []), code]);
  if (flagged.size === 0) return nothing;
  // Most flags first; among equals, in the order of the indicators.
  const ordered = [...flagged].sort(([, a], [, b]) => b.length - a.length);
  const badges = (codes: readonly string[]) => codes.map((code) => html`<span class="badge">${code}</span>`);
  return html`<h3>${ctx.t('processes')}</h3>
    <ul class="flags" id="flagged-processes">
      ${(view.allProcesses ? ordered : ordered.slice(0, PROCESSES_SHOWN)).map(([ocid, codes], index) => {
        const title = view.titles.get(ocid) ?? ocid;
        const open = view.reasonsShown.has(ocid);
        return html`<li data-ocid=${ocid}>
          <button type="button" class="process" title=${title} @click=${() => view.select(ocid, title)}>${title}</button>
          <button type="button" class="why" aria-expanded=${open} aria-controls="reasons-${index}" @click=${() => view.toggleReasons(ocid)}>
            <span class="visually-hidden">${ctx.t('reasons')}: </span>${badges(codes)}
          </button>
          <ul class="reasons" id="reasons-${index}" ?hidden=${!open}>
            ${codes.map((code) => html`<li>${badges([code])}${redFlagReason(result.reasons, ocid, code, ctx)}</li>`)}
          </ul>
        </li>`;
      })}
    </ul>
    ${ordered.length > PROCESSES_SHOWN
      ? html`<button type="button" class="all-processes" aria-expanded=${view.allProcesses} aria-controls="flagged-processes" @click=${view.toggleAll}>
          ${view.allProcesses ? ctx.t('processes.fewer', { count: formatNumber(PROCESSES_SHOWN, ctx.tag) }) : ctx.t('processes.all', { count: formatNumber(ordered.length, ctx.tag) })}
        </button>`
      : nothing}`;
}
