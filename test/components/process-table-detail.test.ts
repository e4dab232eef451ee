// <ocds-process-table> against real feeds: what its cells and its detail view say (method wording, stage and status,
// dates, tenderers, every stage amount, buyer and suppliers with their identifiers) is what the fixture JSON says,
// read here by hand; and inside <ocds-dataset>, every filter the dataset offers narrows the table.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsProcessTable } from '../../components/process-table/process-table.js';
import type { OcdsContractTimeline } from '../../components/contract-timeline/contract-timeline.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import { expectedSpending, fetchJson } from '../spending-expected.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REAL = '/test/fixtures/ocds/real';
const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map((name) => `${REAL}/mexico-inai/sample-data/${name}.json`);
/** Mexico City (Contratos Abiertos): 1.0 packages with no `buyer` (the procuring entity only) and 1.1 releases, one process each. */
const CDMX = [
  `${REAL}/mexico-cdmx/GobiernoFacil-ocds-CDMX/newdata/OCDS-87SD3T-SEFIN-DRM-AD-011-2015.json`,
  `${REAL}/mexico-cdmx/GobiernoFacil-ocds-CDMX/newdata/OCDS-87SD3T-SEFIN-DRM-AD-CC-008-2015.json`,
  `${REAL}/mexico-cdmx/sample-data/releases/OCDS-87SD3T-AD-SF-DRM-065-2015-01.json`,
  `${REAL}/mexico-cdmx/sample-data/releases/OCDS-87SD3T-AD-SF-DRM-066-2015-01.json`,
  `${REAL}/mexico-cdmx/sample-data/releases/OCDS-87SD3T-SEFIN-DRM-A-001-2016-01.json`,
];
const PARAGUAY = `${REAL}/paraguay-dncp/sample-data/records/277004.json`;
const ARMENIA = `${REAL}/armenia/sample-data/6.json`;

const STAGE_LABELS: Record<string, string> = { planning: 'Planning', tender: 'Tender', award: 'Award', contract: 'Contract', implementation: 'Implementation' };
const AMOUNTS = ['tendered', 'awarded', 'contracted', 'paid'] as const;
const DATE_LABELS = { start: 'Start', award: 'Award date', signature: 'Signed', end: 'End' } as const;
const AMOUNT_LABELS = { tendered: 'Tendered', awarded: 'Awarded', contracted: 'Contracted', paid: 'Paid' } as const;

// What the JSON says, by hand (the README's rules, not the code under test).
/** The calendar day a date is published with. */
const day = (date: unknown) => (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined);
const days = (dates: unknown[]) => dates.map(day).filter((d): d is string => d !== undefined).sort();
/** Started: the tender period's start, else the tender's publication, else the first award, else the first contract date, else the release. */
const started = (r: Json) =>
  day(r.tender?.tenderPeriod?.startDate) ??
  day(r.tender?.datePublished) ??
  days((r.awards ?? []).map((a: Json) => a.date))[0] ??
  days((r.contracts ?? []).flatMap((c: Json) => [c.dateSigned, c.period?.startDate]))[0] ??
  day(r.date);
/** The furthest stage a process has data for, and the status that stage's (last) object publishes. */
function stageOf(r: Json): { stage: string; status: string } {
  const contracts: Json[] = r.contracts ?? [];
  const awards: Json[] = r.awards ?? [];
  if (contracts.some((c) => (c.implementation?.transactions ?? []).length)) return { stage: 'implementation', status: contracts.at(-1)!.status ?? '' };
  if (contracts.length) return { stage: 'contract', status: contracts.at(-1)!.status ?? '' };
  if (awards.length) return { stage: 'award', status: awards.at(-1)!.status ?? '' };
  if (r.tender) return { stage: 'tender', status: r.tender.status ?? '' };
  return { stage: 'planning', status: '' };
}
const keyDates = (r: Json) => ({
  start: started(r),
  award: days((r.awards ?? []).map((a: Json) => a.date))[0],
  signature: days((r.contracts ?? []).map((c: Json) => c.dateSigned))[0],
  end: days((r.contracts ?? []).map((c: Json) => c.period?.endDate)).at(-1),
});
const longDate = (d: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d));
const money = (amount: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
const amountOf = (r: Json, stage: string, currency: string) => expectedSpending([r]).find((row) => row.stage === stage && row.currency === currency)?.amount;
/** The releases of a file: a package's, or the file itself when it is one release. */
const releasesOf = (json: Json): Json[] => json.releases ?? [json];
/** An organisation reference resolved as OCDS says: the party its `id` names, else the organisation given inline. */
const party = (r: Json, ref: Json | undefined) => (ref?.id !== undefined ? (r.parties ?? []).find((p: Json) => p.id === ref.id) : undefined) ?? ref;

async function table(data: unknown, attrs: { columns?: string; lang?: string } = {}): Promise<OcdsProcessTable> {
  const element = await fixture<OcdsProcessTable>(
    html`<ocds-process-table .data=${data} columns=${attrs.columns ?? ''} lang=${attrs.lang ?? 'en'}></ocds-process-table>`,
  );
  await element.updateComplete;
  await element.rendered;
  return element;
}
/** Each body row's cells by column header: ocid → header → text. */
function cells(element: OcdsProcessTable): Map<string, Map<string, string>> {
  const headers = [...element.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
  return new Map(
    [...element.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => [
      tr.dataset.ocid!,
      new Map([...tr.querySelectorAll('td')].map((td, index) => [headers[index]!, td.textContent!.trim()])),
    ]),
  );
}
/** The detail view's facts: label → text. */
function facts(element: OcdsProcessTable): Map<string, string> {
  const dts = [...element.shadowRoot!.querySelectorAll('.process-detail dl.stages dt')];
  return new Map(dts.map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]));
}
/** The detail view's supplier lines. */
function supplierLines(element: OcdsProcessTable): string[] {
  const heading = [...element.shadowRoot!.querySelectorAll('.process-detail h4')].find((h) => h.textContent!.trim() === 'Suppliers');
  return heading ? [...heading.nextElementSibling!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}
async function openDetail(element: OcdsProcessTable, ocid: string): Promise<void> {
  element.shadowRoot!.querySelector<HTMLElement>(`tbody tr[data-ocid="${CSS.escape(ocid)}"]`)!.click();
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('.process-detail'), `detail of ${ocid}`).to.not.equal(null);
}
async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('<ocds-process-table> cells on real feeds', () => {
  const COLUMNS = 'title method stage status start award signature end tenderers ocid';

  for (const [feed, files] of [['Mexico INAI', INAI], ['Mexico City', CDMX]] as const) {
    it(`${feed}: method with the publisher's wording, stage and status, key dates and tenderers as the JSON gives them`, async () => {
      const releases = (await Promise.all(files.map(fetchJson))).flatMap(releasesOf);
      expect(new Set(releases.map((r) => r.ocid)).size, 'one release per process').to.equal(releases.length);
      const element = await table(releases, { columns: COLUMNS });
      const shown = cells(element);
      expect([...shown.keys()].sort()).to.deep.equal(releases.map((r) => r.ocid).sort());
      for (const r of releases) {
        const cell = shown.get(r.ocid)!;
        const row = element.rows.find((candidate) => candidate.ocid === r.ocid)!;
        const method = r.tender?.procurementMethod ?? '';
        const details = r.tender?.procurementMethodDetails;
        expect(cell.get('Method'), `${r.ocid} method`).to.equal(details ? `${method} (${details})` : method);
        expect([row.method, row.methodDetails]).to.deep.equal([method, details ?? '']);
        const { stage, status } = stageOf(r);
        expect([cell.get('Stage'), cell.get('Status')], `${r.ocid} stage`).to.deep.equal([STAGE_LABELS[stage], status]);
        expect([row.stage, row.status]).to.deep.equal([stage, status]);
        const dates = keyDates(r);
        for (const [key, label] of Object.entries(DATE_LABELS) as [keyof typeof DATE_LABELS, string][]) {
          expect(row[key], `${r.ocid} ${key}`).to.equal(dates[key]);
          expect(cell.get(label), `${r.ocid} ${label}`).to.equal(dates[key] ? longDate(dates[key]) : '');
        }
        const tenderers = r.tender?.numberOfTenderers;
        expect(cell.get('Tenderers'), `${r.ocid} tenderers`).to.equal(typeof tenderers === 'number' ? String(tenderers) : '');
      }
      // The feed gives each of these somewhere: the assertions above were not all on empty cells.
      const all = [...shown.values()];
      for (const label of ['Start', 'Award date', 'Signed', 'End']) expect(all.some((c) => c.get(label)), label).to.equal(true);
      if (feed === 'Mexico INAI') expect(all.some((c) => c.get('Method')!.includes('('))).to.equal(true);
      else expect(all.some((c) => c.get('Tenderers'))).to.equal(true);
    });
  }

  it('in Spanish, the stage is named in Spanish and the dates written as Spanish dates', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases, { columns: COLUMNS, lang: 'es' });
    const r = releases.find((candidate) => candidate.ocid === 'PC-0010')!;
    expect(stageOf(r).stage).to.equal('implementation');
    const cell = cells(element).get(r.ocid)!;
    expect(cell.get('Etapa')).to.equal('Implementación');
    expect(cell.get('Firma')).to.equal(new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(keyDates(r).signature!)));
  });
});

describe('<ocds-process-table> detail view', () => {
  const ALL = 'title buyer suppliers tendered awarded contracted paid start award signature end tenderers';

  it('INAI: every stage amount and date equals the row and the JSON; buyer and supplier with the identifiers of their parties', async () => {
    const releases = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases, { columns: ALL });
    for (const [ocid, currency] of [['PC-0010', 'MXN'], ['PC-0012', 'USD']] as const) {
      if (element.shownCurrency !== currency) {
        element.currency = currency;
        await element.updateComplete;
        await element.rendered;
      }
      const r = releases.find((candidate) => candidate.ocid === ocid)!;
      const rowCells = cells(element).get(ocid)!;
      await openDetail(element, ocid);
      const detail = facts(element);
      const stagesShown = AMOUNTS.filter((stage) => amountOf(r, stage, currency) !== undefined);
      expect(stagesShown.length, `${ocid} has amounts in ${currency}`).to.be.greaterThan(ocid === 'PC-0010' ? 3 : 1);
      for (const stage of AMOUNTS) {
        const want = amountOf(r, stage, currency);
        const label = AMOUNT_LABELS[stage];
        expect(rowCells.get(label), `${ocid} row ${stage}`).to.equal(want === undefined ? '' : money(want, currency));
        expect(detail.get(label), `${ocid} detail ${stage}`).to.equal(want === undefined ? undefined : money(want, currency));
      }
      const dates = keyDates(r);
      for (const [key, label] of Object.entries(DATE_LABELS) as [keyof typeof DATE_LABELS, string][]) {
        expect(dates[key], `${ocid} ${key} in the JSON`).to.be.a('string');
        expect(detail.get(label), `${ocid} detail ${label}`).to.equal(longDate(dates[key]!));
        expect(rowCells.get(label), `${ocid} row ${label}`).to.equal(detail.get(label));
      }

      // The buyer as its party publishes it: the name, and the identifier's scheme and id.
      const buyer = party(r, r.buyer);
      expect(buyer.identifier.scheme).to.be.a('string');
      expect(detail.get('Buyer')).to.equal(`${r.buyer.name} (${buyer.identifier.scheme} ${buyer.identifier.id})`);
      const suppliers = (r.awards ?? []).flatMap((a: Json) => a.suppliers ?? []).map((s: Json) => ({ name: s.name, identifier: party(r, s).identifier }));
      expect(suppliers.length).to.be.greaterThan(0);
      expect(supplierLines(element)).to.deep.equal(suppliers.map((s: Json) => `${s.name} (${s.identifier.scheme} ${s.identifier.id})`));
      element.shadowRoot!.querySelector<HTMLButtonElement>('.process-detail .back')!.click();
      await element.updateComplete;
    }
  });

  it('Mexico City 1.0 (no buyer): the procuring entity the row names, with its identifier; the supplier with its inline identifier', async () => {
    const [pkg] = await Promise.all([fetchJson(CDMX[0])]);
    const r = pkg.releases[0];
    expect(r.buyer).to.equal(null);
    const element = await table(pkg, { columns: ALL });
    const rowCells = cells(element).get(r.ocid)!;
    const entity = r.tender.procuringEntity;
    expect(rowCells.get('Buyer')).to.equal(entity.name);
    await openDetail(element, r.ocid);
    const detail = facts(element);
    // No scheme published: the id alone.
    expect(entity.identifier.scheme).to.equal(undefined);
    expect(detail.get('Buyer')).to.equal(`${entity.name} (${entity.identifier.id})`);
    const supplier = r.awards[0].suppliers[0];
    expect(supplierLines(element)).to.deep.equal([`${supplier.name} (${supplier.identifier.id})`]);
    for (const stage of AMOUNTS) {
      const want = amountOf(r, stage, 'MXN');
      expect(detail.get(AMOUNT_LABELS[stage]), stage).to.equal(want === undefined ? undefined : money(want, 'MXN'));
      expect(rowCells.get(AMOUNT_LABELS[stage]) || undefined, `row ${stage}`).to.equal(detail.get(AMOUNT_LABELS[stage]));
    }
    expect(detail.get('Tenderers')).to.equal(String(r.tender.numberOfTenderers));
    expect(rowCells.get('Tenderers')).to.equal(detail.get('Tenderers'));
  });

  it('Paraguay 1.0 record: each supplier once with its identifier, though the award lists one twice', async () => {
    const pkg = await fetchJson(PARAGUAY);
    const r = pkg.records[0].compiledRelease;
    const listed: Json[] = r.awards.flatMap((a: Json) => a.suppliers);
    const byId = new Map(listed.map((s) => [s.identifier.id, s]));
    expect(byId.size).to.be.lessThan(listed.length);
    const element = await table(pkg, { columns: ALL });
    const rowCells = cells(element).get(r.ocid)!;
    await openDetail(element, r.ocid);
    expect(supplierLines(element)).to.deep.equal([...byId.values()].map((s) => `${s.name} (${s.identifier.scheme} ${s.identifier.id})`));
    expect(rowCells.get('Suppliers')).to.equal([...byId.values()].map((s) => s.name).join('; '));
    const detail = facts(element);
    for (const stage of AMOUNTS) {
      const want = amountOf(r, stage, 'PYG');
      expect(detail.get(AMOUNT_LABELS[stage]), stage).to.equal(want === undefined ? undefined : money(want, 'PYG'));
      expect(rowCells.get(AMOUNT_LABELS[stage]) || undefined, `row ${stage}`).to.equal(detail.get(AMOUNT_LABELS[stage]));
    }
    const dates = keyDates(r);
    for (const [key, label] of Object.entries(DATE_LABELS) as [keyof typeof DATE_LABELS, string][]) {
      expect(detail.get(label), label).to.equal(dates[key] ? longDate(dates[key]) : undefined);
      expect(rowCells.get(label) || undefined, `row ${label}`).to.equal(detail.get(label));
    }
  });
});

describe('<ocds-process-table> inside <ocds-dataset>', () => {
  let armenia: Json[];
  before(async () => {
    armenia = (await fetchJson(ARMENIA)).releases;
    expect(new Set(armenia.map((r) => r.ocid)).size, 'one release per process').to.equal(armenia.length);
  });

  async function inDataset(attrs: Record<string, string>): Promise<{ dataset: OcdsDataset; element: OcdsProcessTable }> {
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset .data=${structuredClone({ releases: armenia })} lang="en"><ocds-process-table></ocds-process-table></ocds-dataset>`);
    for (const [name, value] of Object.entries(attrs)) dataset.setAttribute(name, value);
    const element = dataset.querySelector<OcdsProcessTable>('ocds-process-table')!;
    await dataset.updateComplete;
    await until(() => element.status === 'ready', 'the table');
    await element.updateComplete;
    await element.rendered;
    return { dataset, element };
  }
  const ocids = (element: OcdsProcessTable) => element.rows.map((row) => row.ocid).sort();
  const ocidsOf = (releases: Json[]) => releases.map((r) => r.ocid).sort();

  it('buyer, method, category, from/to and supplier each narrow the table to the processes the JSON gives', async () => {
    const buyerName = 'The Ministry of culture of the RA';
    const buyerRelease = armenia.find((r) => r.buyer?.name === buyerName)!;
    const buyerParty = party(buyerRelease, buyerRelease.buyer);
    const cases: [Record<string, string>, Json[]][] = [
      [{ buyer: buyerName }, armenia.filter((r) => r.buyer?.name === buyerName)],
      // By the identifier id the buyer's party publishes, too.
      [{ buyer: buyerParty.identifier.id }, armenia.filter((r) => r.buyer?.name === buyerName)],
      [{ method: 'selective' }, armenia.filter((r) => r.tender?.procurementMethod === 'selective')],
      [{ category: 'services' }, armenia.filter((r) => r.tender?.mainProcurementCategory === 'services')],
      [{ from: '2016-07-01', to: '2016-07-31' }, armenia.filter((r) => started(r)! >= '2016-07-01' && started(r)! <= '2016-07-31')],
      [{ method: 'direct', from: '2016-07-01' }, armenia.filter((r) => r.tender?.procurementMethod === 'direct' && started(r)! >= '2016-07-01')],
    ];
    for (const [attrs, want] of cases) {
      expect(want.length, JSON.stringify(attrs)).to.be.within(1, armenia.length - 1);
      const { element } = await inDataset(attrs);
      expect(ocids(element), JSON.stringify(attrs)).to.deep.equal(ocidsOf(want));
      expect(element.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain(`${want.length} process`);
      expect(element.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(want.length);
    }
  });

  it('supplier: its processes only, the supplier column and awarded amount its own', async () => {
    const supplier = 'HAYKAKAN CRAGRER SPY';
    const theirs = armenia.filter((r) => (r.awards ?? []).some((a: Json) => a.suppliers.some((s: Json) => s.name === supplier)));
    expect(theirs.length).to.be.greaterThan(1);
    const { dataset, element } = await inDataset({ supplier });
    expect(ocids(element)).to.deep.equal(ocidsOf(theirs));
    for (const r of theirs) {
      const row = element.rows.find((candidate) => candidate.ocid === r.ocid)!;
      expect(row.suppliers).to.equal(supplier);
      // Its awards, and the contracts of those awards; tendered stays the whole process's.
      const awards = r.awards.filter((a: Json) => a.suppliers.some((s: Json) => s.name === supplier));
      const ids = new Set(awards.map((a: Json) => a.id));
      const own = { ...r, awards, contracts: (r.contracts ?? []).filter((c: Json) => ids.has(c.awardID)) };
      for (const stage of AMOUNTS) expect(row[stage], `${r.ocid} ${stage}`).to.equal(amountOf(own, stage, 'AMD'));
    }
    expect(element.rows.some((row) => row.contracted !== undefined)).to.equal(true);
    // Taking the filter away gives every process back.
    dataset.removeAttribute('supplier');
    await until(() => element.rows.length === armenia.length, 'every process again');
  });

  it('choosing a process selects it for the siblings (timeline, spending, another table); back and the chip undo it', async () => {
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset .data=${structuredClone({ releases: armenia })} lang="en">
      <ocds-process-table id="chooser"></ocds-process-table>
      <ocds-contract-timeline></ocds-contract-timeline>
      <ocds-spending-by-stage></ocds-spending-by-stage>
      <ocds-process-table id="sibling"></ocds-process-table>
    </ocds-dataset>`);
    const chooser = dataset.querySelector<OcdsProcessTable>('#chooser')!;
    const sibling = dataset.querySelector<OcdsProcessTable>('#sibling')!;
    const timeline = dataset.querySelector<OcdsContractTimeline>('ocds-contract-timeline')!;
    const spending = dataset.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
    await until(() => [chooser, sibling, timeline, spending].every((chart) => chart.status === 'ready'), 'the charts');
    await chooser.rendered;
    const awardedOf = (chart: OcdsSpendingByStage) => chart.rows.find((row) => row.stage === 'awarded' && row.currency === 'AMD')?.amount;
    const allAwarded = awardedOf(spending);
    // A process with awards, among the timeline's, and whose row is on the first page.
    const timelineOcids = new Set(timeline.rows.map((row) => row.ocid));
    const r = armenia.find((candidate) => timelineOcids.has(candidate.ocid) && amountOf(candidate, 'awarded', 'AMD') && chooser.shadowRoot!.querySelector(`tbody tr[data-ocid="${CSS.escape(candidate.ocid)}"]`))!;
    expect(r, 'a process to choose').to.not.equal(undefined);

    await openDetail(chooser, r.ocid);
    expect(dataset.filters).to.deep.equal({ ocid: r.ocid });
    await until(() => awardedOf(spending) === amountOf(r, 'awarded', 'AMD'), 'the spending chart to show the chosen process');
    await until(() => timeline.rows.every((row) => row.ocid === r.ocid) && timeline.rows.length > 0, 'the timeline to show the chosen process');
    await until(() => sibling.rows.length === 1 && sibling.rows[0]!.ocid === r.ocid, 'the other table to show the chosen process');
    await dataset.updateComplete;
    expect(dataset.shadowRoot!.querySelector('[part~="chip"]')!.textContent).to.include(`Process: ${r.tender?.title ?? r.ocid}`);
    // The chooser keeps every process (its own selection does not filter it).
    expect(chooser.rows).to.have.length(armenia.length);

    // Back to the list: the selection goes, the siblings see everything again.
    chooser.shadowRoot!.querySelector<HTMLButtonElement>('.process-detail .back')!.click();
    await until(() => dataset.filters.ocid === undefined, 'the filter to clear');
    await until(() => sibling.rows.length === armenia.length && awardedOf(spending) === allAwarded, 'the siblings whole again');

    // Chosen again, then the dataset's chip removed: the chooser's detail closes too.
    await openDetail(chooser, r.ocid);
    await until(() => sibling.rows.length === 1, 'the other table narrowed again');
    await dataset.updateComplete;
    dataset.shadowRoot!.querySelector<HTMLButtonElement>('[part~="chip"] button')!.click();
    await until(() => dataset.filters.ocid === undefined && sibling.rows.length === armenia.length, 'the chip to clear the filter');
    await chooser.updateComplete;
    expect(chooser.ocid).to.equal(undefined);
    expect(chooser.shadowRoot!.querySelector('.process-detail')).to.equal(null);
    expect(chooser.shadowRoot!.querySelectorAll('tbody tr').length).to.be.greaterThan(1);

    // The other way: a process chosen in the timeline narrows the table to it.
    timeline.select(r.ocid);
    await until(() => chooser.rows.length === 1 && chooser.rows[0]!.ocid === r.ocid, 'the table narrowed by the timeline');
    expect(chooser.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(1);
  });
});
