import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/data-quality/define.js';
import '../../components/dataset/define.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsDataQuality } from '../../components/data-quality/data-quality.js';
import { fetchJson } from '../spending-expected.js';

const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map(
  (name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`,
);
const PARAGUAY_1_0 = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);

type Json = Record<string, any>;

/** Non-empty as cardinal counts it, worked out here independently of src/analysis/coverage.ts. */
const present = (value: unknown): boolean =>
  value !== null && value !== undefined && value !== '' &&
  (typeof value !== 'object' || Object.values(value as object).some(present));

/** Processes (one compiled release each) with a non-empty value for each field the test checks. */
function expectedCounts(compiled: Json[]) {
  const some = (test: (release: Json) => boolean) => compiled.filter(test).length;
  return {
    'tender-value': some((r) => present(r.tender?.value?.amount)),
    award: some((r) => (r.awards ?? []).some(present)),
    'award-value': some((r) => (r.awards ?? []).some((a: Json) => present(a.value?.amount))),
    'award-date': some((r) => (r.awards ?? []).some((a: Json) => present(a.date))),
    'contract-value': some((r) => (r.contracts ?? []).some((c: Json) => present(c.value?.amount))),
    'contract-signed': some((r) => (r.contracts ?? []).some((c: Json) => present(c.dateSigned))),
    transactions: some((r) => (r.contracts ?? []).some((c: Json) => (c.implementation?.transactions ?? []).some(present))),
  };
}

async function quality(template: ReturnType<typeof html>): Promise<OcdsDataQuality> {
  const element = await fixture<OcdsDataQuality>(template);
  await element.rendered;
  return element;
}
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function checkRows(element: OcdsDataQuality, compiled: Json[]) {
  const byField = new Map(element.rows.map((row) => [row.field, row]));
  for (const [field, count] of Object.entries(expectedCounts(compiled))) {
    const row = byField.get(field as never)!;
    expect(row.processes, field).to.equal(count);
    expect(row.total, field).to.equal(compiled.length);
    expect(row.share, field).to.equal(count / compiled.length);
  }
}

describe('<ocds-data-quality>', () => {
  it('Mexico INAI (MXN + USD): processes, releases, currencies and shares per field from the JSON', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await quality(html`<ocds-data-quality .data=${releases}></ocds-data-quality>`);
    expect(element.status).to.equal('ready');
    checkRows(element, releases);
    const overview = text(element.shadowRoot!.querySelector('[part=overview]'));
    expect(overview).to.contain(`${releases.length} processes from ${releases.length} releases`);
    const currencies = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const object = value as Json;
        if (typeof object.currency === 'string' && object.amount !== undefined) currencies.add(object.currency.trim().toUpperCase());
        Object.values(object).forEach(walk);
      }
    };
    walk(releases);
    expect([...currencies].sort()).to.include.members(['MXN', 'USD']);
    expect(overview).to.contain([...currencies].sort().join(' and '));
    const paid = expectedCounts(releases).transactions;
    expect(text(element.shadowRoot!.querySelector('.meaning'))).to.contain(
      `Paid covers the ${paid} of ${releases.length} processes that publish payments.`,
    );
  });

  it('Paraguay OCDS 1.0 record packages: shares per field from the compiled releases', async () => {
    const packages = await Promise.all(PARAGUAY_1_0.map(fetchJson));
    const element = await quality(html`<ocds-data-quality .data=${packages}></ocds-data-quality>`);
    const compiled = packages.flatMap((pkg) => pkg.records.map((record: Json) => record.compiledRelease));
    checkRows(element, compiled);
    // every issue this real feed has falls in a named category, and the groups add up to them all
    const groups = [...element.shadowRoot!.querySelectorAll('[part=issues] li')].map(text);
    expect(element.issues.length).to.be.greaterThan(0);
    expect(groups.some((group) => group.startsWith('Other repairs'))).to.equal(false);
    expect(groups.reduce((sum, group) => sum + Number(/(\d+) issues?\./.exec(group)![1]), 0)).to.equal(element.issues.length);
    // the table and the CSV are the rows
    const csv = element.csv().trim().split('\r\n');
    expect(csv[0]).to.equal('field,path,processes,total,share');
    expect(csv).to.have.length(element.rows.length + 1);
  });

  it('groups the issues into categories with an example each, and lists them all in a CSV', async () => {
    const release = {
      ocid: 'ocds-x-1', id: '1', date: 'not a date', tag: ['tender'], initiationType: 'tender',
      tender: { id: 't', value: { amount: '12.5', currency: 'mxn' } },
      awards: [{ id: 'a', date: '=HYPERLINK("x")', value: { amount: 5, currency: 'MXN' } }],
    };
    const element = await quality(html`<ocds-data-quality .data=${{ releases: [release] }}></ocds-data-quality>`);
    const issues = element.issues;
    expect(issues.length).to.be.greaterThan(0);
    const items = [...element.shadowRoot!.querySelectorAll('[part=issues] li')].map(text);
    expect(items.length).to.be.greaterThan(0);
    const total = items.reduce((sum, item) => sum + Number(/(\d+) issues?\./.exec(item)![1]), 0);
    expect(total).to.equal(issues.length);
    expect(items.some((item) => item.startsWith('Dates that could not be read'))).to.equal(true);
    expect(items.every((item) => item.includes('in ocds-x-1'))).to.equal(true);
    const lines = element.issuesCsv().trim().split('\r\n');
    expect(lines[0]).to.equal('category,code,path,ocid,message');
    expect(lines).to.have.length(issues.length + 1);
    for (const line of lines.slice(1)) expect(line).to.not.match(/(^|,)[=+\-@]/);
  });

  it('speaks Spanish', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await quality(html`<ocds-data-quality lang="es-MX" .data=${releases}></ocds-data-quality>`);
    expect(text(element.shadowRoot!.querySelector('[part=heading]'))).to.equal('Qué contienen los datos');
    expect(text(element.shadowRoot!.querySelector('[part=overview]'))).to.contain(`${releases.length} procesos en ${releases.length} entregas`);
    expect(text(element.shadowRoot!.querySelector('[part=summary]'))).to.contain('publican Valor adjudicado');
  });

  it('shows one sentence of its summary (the most and the least published field), every field on More (es)', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await quality(html`<ocds-data-quality lang="es" .data=${releases}></ocds-data-quality>`);
    const root = element.shadowRoot!;
    const summary = root.querySelector<HTMLElement>('[part=summary]')!;
    const shown = () => summary.innerText.replace(/[ \t\n\r]+/g, ' ').trim();
    const full = summary.textContent!.replace(/[ \t\n\r]+/g, ' ').trim();
    const sentences = (value: string) => [...new Intl.Segmenter('es', { granularity: 'sentence' }).segment(value)].length;
    const percent = (share: number) => new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 }).format(share);
    const shares = element.rows.map((row) => row.share);
    expect(sentences(shown())).to.equal(1);
    expect(shown()).to.contain(`(${percent(Math.max(...shares))})`).and.to.contain(`(${percent(Math.min(...shares))})`);
    // Every field's share is in the whole text, not on screen.
    for (const share of shares) expect(full).to.contain(percent(share));
    expect(shown().length).to.be.below(full.length / 2);
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    expect(text(more)).to.equal('Más');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(shown()).to.equal(full);
    expect(text(more)).to.equal('Menos');
  });

  it('passes axe in the dark theme, with its table shown; the controls are reached by keyboard', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await quality(html`<ocds-data-quality theme="dark" .data=${releases}></ocds-data-quality>`);
    const buttons = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=controls] button')];
    const showTable = buttons.find((button) => text(button) === 'Show table')!;
    showTable.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[part=table] tbody tr')).to.have.length(element.rows.length);
    await expect(element).to.be.accessible();
  });

  it('inside <ocds-dataset>: receives its dataset, and follows its filters', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset .data=${releases}><ocds-data-quality></ocds-data-quality></ocds-dataset>`);
    const element = dataset.querySelector('ocds-data-quality')!;
    await dataset.updateComplete;
    await element.rendered;
    expect(element.status).to.equal('ready');
    checkRows(element, releases);
    dataset.setAttribute('ocid', releases[0].ocid);
    await dataset.updateComplete;
    await element.rendered;
    checkRows(element, [releases[0]]);
  });

  it('bad data: a translated error (en, es) and an ocds-error event; a good release beside a bad one is kept', async () => {
    for (const [lang, words] of [['en', 'cut off'], ['es', 'la descarga se interrumpió']] as const) {
      const element = document.createElement('ocds-data-quality');
      element.lang = lang;
      const error = oneEvent(element, 'ocds-error');
      element.data = '{"releases": [';
      document.body.append(element);
      expect((await error).detail.phase).to.equal('parse');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(words);
      element.remove();
    }
    const good = { ocid: 'ocds-x-2', id: '1', date: '2024-01-01T00:00:00Z', tag: ['award'], awards: [{ id: 'a', value: { amount: 1, currency: 'USD' } }] };
    const element = await quality(html`<ocds-data-quality .data=${{ releases: ['not a release', good] }}></ocds-data-quality>`);
    expect(element.status).to.equal('ready');
    const award = element.rows.find((row) => row.field === 'award-value')!;
    expect([award.processes, award.total]).to.deep.equal([1, 1]);
    // the string left out is reported, and listed under the identity category
    expect(element.issues.map((issue) => `${issue.code} ${issue.path}`)).to.deep.equal(['item-not-object releases[0]']);
    expect(text(element.shadowRoot!.querySelector('[part=issues] li'))).to.match(/^Releases or records left out \(unusable or without an id\) or repeated: 1 issue\./);
  });
});
