// One process, whole: the detail view `<ocds-process-table>` opens on a row. Loaded with the table's data code, so
// the element renders its first rows without it.
import { html, nothing, type TemplateResult } from 'lit';
import type { ChartContext } from '../base/chart-element.js';
import { loadElement } from '../loader.js';
import type { ProcessRow } from '../../src/analysis/process-table.js';
import type { RedFlagIndicator, RedFlagsResult } from '../../src/analysis/red-flags.js';
import { methodologyUrl } from '../../src/analysis/red-flag-constants.js';
import type { ProcessColumn } from '../../src/analysis/process-table-keys.js';
import type { Dataset, Process } from '../../src/data/types.js';
import { translator } from '../../src/i18n/index.js';
import { redFlagReason } from '../red-flags/reason-text.js';
import { redFlagsDataMessages } from '../red-flags/data-messages.js';

export interface DetailInput {
  process: Process;
  row?: ProcessRow;
  ctx: ChartContext;
  flags?: RedFlagsResult;
  copied?: { url: string; ok: boolean };
  languageTag: string;
  theme?: string;
  currency?: string;
  dataset?: Dataset;
  cellText: (row: ProcessRow, column: ProcessColumn) => string;
  back: () => void;
  copyLink: () => void;
}

const STAGES: ProcessColumn[] = ['tendered', 'awarded', 'contracted', 'paid', 'start', 'award', 'signature', 'end', 'tenderers'];

export function renderDetail(input: DetailInput): TemplateResult {
  const { process, row, ctx, copied } = input;
  const documents = processDocuments(process);
  const suppliers = process.awards.flatMap((award) => award.suppliers);
  return html`<section class="process-detail" part="chart" aria-labelledby="detail-title">
    <button type="button" class="back" @click=${input.back}>${ctx.t('detail.back')}</button>
    <button type="button" class="copy" @click=${input.copyLink}>${ctx.t('detail.copy')}</button>
    <p role="status" class="copied">${copied
      ? copied.ok ? ctx.t('detail.copied') : html`${ctx.t('detail.copy-by-hand')} <code>${copied.url}</code>`
      : nothing}</p>
    <h3 id="detail-title">${row?.title || process.ocid}</h3>
    <dl class="stages">
      <dt>${ctx.t('column.ocid')}</dt><dd>${process.ocid}</dd>
      <dt>${ctx.t('column.buyer')}</dt><dd>${orgText(process.buyer)}</dd>
      ${row ? STAGES.map((column) => (row[column] === undefined ? nothing : html`<dt>${ctx.t(`column.${column}`)}</dt><dd>${input.cellText(row, column)}</dd>`)) : nothing}
    </dl>
    ${renderFlags(input)}
    ${suppliers.length
      ? html`<h4>${ctx.t('detail.suppliers')}</h4><ul>${suppliers.map((s) => html`<li>${orgText(s)}</li>`)}</ul>`
      : nothing}
    ${documents.length
      ? html`<h4>${ctx.t('detail.documents')}</h4>
          <ul>${documents.map(({ title, url }) =>
            /^https?:\/\//i.test(url) ? html`<li><a href=${url} rel="noopener" target="_blank">${title || url}</a></li>` : html`<li>${title}${title ? ': ' : ''}${url}</li>`,
          )}</ul>`
      : nothing}
    ${renderProcessCharts(input)}
  </section>`;
}

/** The red flags the process raises, each with its reason in words and its methodology. */
function renderFlags({ process, flags, ctx, languageTag }: DetailInput): TemplateResult | typeof nothing {
  const ocid = process.ocid;
  const codes = Object.keys(flags?.OCID?.[ocid] ?? {}).sort() as RedFlagIndicator[];
  if (!flags || !codes.length) return nothing;
  // Names and reasons in <ocds-red-flags>' words.
  const words = { ...ctx, t: translator(redFlagsDataMessages, languageTag) };
  return html`<h4>${ctx.t('column.flags')}</h4>
    <p>${ctx.t('flags.note')}</p>
    <ul class="flag-reasons">${codes.map((code) => html`<li>${code} ${words.t(`name.${code}`)}: ${redFlagReason(flags.reasons, ocid, code, words)}
      (<a href=${methodologyUrl(code)} target="_blank" rel="noopener">${ctx.t('flags.methodology')}</a>)</li>`)}</ul>`;
}

/** The process's own timeline and spending chart, given the loaded data (no refetch); their code loads now. */
function renderProcessCharts({ process, dataset, languageTag, theme, currency }: DetailInput): TemplateResult {
  for (const tag of ['ocds-contract-timeline', 'ocds-spending-by-stage']) {
    loadElement(tag).catch((error: unknown) => console.error(`ocds-widgets: could not load <${tag}>.`, error));
  }
  return html`<ocds-contract-timeline .sharedDataset=${dataset} ocid=${process.ocid} lang=${languageTag} theme=${theme ?? nothing}></ocds-contract-timeline>
    <ocds-spending-by-stage .sharedDataset=${dataset} ocid=${process.ocid} lang=${languageTag} theme=${theme ?? nothing}
      currency=${currency ?? nothing}></ocds-spending-by-stage>`;
}

function orgText(org: Process['buyer']): string {
  if (!org) return '';
  const id = org.identifier?.id ? ` (${[org.identifier.scheme, org.identifier.id].filter(Boolean).join(' ')})` : '';
  return `${org.name}${id}`;
}

/** Every document the process publishes (planning, tender, awards, contracts, implementation). */
function processDocuments(process: Process): { title: string; url: string }[] {
  const release = process.compiledRelease as Record<string, any>;
  const lists = [
    release.planning?.documents,
    release.tender?.documents,
    ...(Array.isArray(release.awards) ? release.awards : []).map((a: any) => a?.documents),
    ...(Array.isArray(release.contracts) ? release.contracts : []).flatMap((c: any) => [c?.documents, c?.implementation?.documents]),
  ];
  return lists.flatMap((list) =>
    Array.isArray(list)
      ? list
          .filter((d) => d && typeof d === 'object')
          .map((d) => ({ title: typeof d.title === 'string' ? d.title : '', url: typeof d.url === 'string' ? d.url : '' }))
          .filter((d) => d.title || d.url)
      : [],
  );
}
