import { expect } from '@open-wc/testing';
import { contractTimeline, timelineRows, type TimelineRow } from '../../src/analysis/timeline.js';
import { dateTime } from '../../src/data/dates.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import type { Contract, Dataset, Process } from '../../src/data/types.js';

function process(fields: Partial<Process> & { ocid: string }): Process {
  return { awards: [], contracts: [], releases: [], compiledRelease: {}, ...fields };
}

function contract(fields: Partial<Contract> & { id: string }): Contract {
  return { transactions: [], milestones: [], amendments: [], ...fields };
}

function dataset(...processes: Process[]): Dataset {
  return {
    processes,
    organisations: new Map(),
    issues: [],
    meta: { pages: 1, releases: processes.length, bytes: 0, complete: true },
  };
}

const brief = (rows: TimelineRow[]) => rows.map((r) => [r.kind, r.event, r.start, r.end ?? null]);

const lifecycle = process({
  ocid: 'ocds-1',
  title: 'Cycle lanes',
  planning: { milestones: [{ id: 'm1', title: 'Plan approved', dueDate: '2009-03-14', dateMet: '2009-03-20' }] },
  tender: {
    status: 'complete',
    value: { amount: 100, currency: 'GBP' },
    enquiryPeriod: { startDate: '2010-03-01T09:00:00Z', endDate: '2010-03-14T17:30:00Z' },
    tenderPeriod: { startDate: '2010-03-01T09:00:00Z', endDate: '2010-04-08T18:00:00Z' },
    milestones: [],
    amendments: [{ id: 'a1', date: '2010-03-20T09:45:00Z' }],
  },
  awards: [
    { id: 'aw1', date: '2010-05-10T10:30:00Z', value: { amount: 90, currency: 'GBP' }, suppliers: [], amendments: [],
      contractPeriod: { startDate: '2010-07-01', endDate: '2011-06-30' } },
    { id: 'aw2', title: 'Signage', date: '2010-05-11', suppliers: [], amendments: [],
      contractPeriod: { startDate: '2010-08-01', endDate: '2010-09-30' } },
  ],
  contracts: [
    contract({
      id: 'c1', awardID: 'aw1', title: 'Build', status: 'active', value: { amount: 90, currency: 'GBP' },
      dateSigned: '2010-06-10T14:23:12Z',
      period: { startDate: '2010-07-01', endDate: '2011-06-30', maxExtentDate: '2011-12-31' },
      transactions: [
        { id: 't2', date: '2010-10-01', value: { amount: 10, currency: 'GBP' } },
        { id: 't1', date: '2010-08-01', value: { amount: 50, currency: 'GBP' } },
      ],
      milestones: [{ id: 'im1', title: 'Lane open', dueDate: '2011-03-01', source: 'implementation' }],
    }),
  ],
  releases: [
    { id: 'r1', date: '2009-03-15T14:45:00Z', tags: ['planning'] },
    { id: 'r2', date: '2010-05-10T10:30:00Z', tags: ['award', 'contract'] },
  ],
});

describe('timelineRows: one process', () => {
  it('has exactly the spans, points and releases the dates imply, oldest first', () => {
    const rows = timelineRows(dataset(lifecycle), { ocid: 'ocds-1' });
    expect(brief(rows)).to.deep.equal([
      ['point', 'milestoneDue', '2009-03-14', null],
      ['release', 'release', '2009-03-15T14:45:00Z', null],
      ['point', 'milestoneMet', '2009-03-20', null],
      ['span', 'enquiryPeriod', '2010-03-01T09:00:00Z', '2010-03-14T17:30:00Z'],
      ['span', 'tenderPeriod', '2010-03-01T09:00:00Z', '2010-04-08T18:00:00Z'],
      ['point', 'amendment', '2010-03-20T09:45:00Z', null],
      ['point', 'awardDate', '2010-05-10T10:30:00Z', null],
      ['release', 'release', '2010-05-10T10:30:00Z', null],
      ['point', 'awardDate', '2010-05-11', null],
      ['point', 'contractSigned', '2010-06-10T14:23:12Z', null],
      ['span', 'contractPeriod', '2010-07-01', '2011-06-30'],
      // aw2 has no contract: its contractPeriod stands in.
      ['span', 'awardContractPeriod', '2010-08-01', '2010-09-30'],
      ['point', 'transaction', '2010-08-01', null],
      ['point', 'transaction', '2010-10-01', null],
      ['point', 'milestoneDue', '2011-03-01', null],
      ['span', 'contractExtension', '2011-06-30', '2011-12-31'],
    ]);
  });

  it('assigns stages and keeps values with their currency', () => {
    const rows = timelineRows(dataset(lifecycle), { ocid: 'ocds-1' });
    const byEvent = (event: string) => rows.filter((r) => r.event === event);
    expect(byEvent('milestoneDue').map((r) => r.stage)).to.deep.equal(['planning', 'implementation']);
    expect(byEvent('tenderPeriod')[0]).to.include({ stage: 'tender', value: 100, currency: 'GBP' });
    expect(byEvent('contractSigned')[0]).to.include({ stage: 'contract', subject: 'Build', value: 90, status: 'active' });
    expect(byEvent('release').map((r) => [r.stage, r.tags])).to.deep.equal([['planning', 'planning'], ['contract', 'award, contract']]);
    expect(rows.every((r) => r.ocid === 'ocds-1' && r.title === 'Cycle lanes')).to.equal(true);
  });

  it('adds a running paid total in time order that ends at the sum of payments', () => {
    const payments = timelineRows(dataset(lifecycle), { ocid: 'ocds-1' }).filter((r) => r.event === 'transaction');
    expect(payments.map((r) => r.paidToDate)).to.deep.equal([50, 60]);
  });

  it('leaves payments of cancelled contracts out of the paid total, and keeps currencies apart', () => {
    const p = process({
      ocid: 'x',
      contracts: [
        contract({ id: 'a', status: 'cancelled', transactions: [{ date: '2020-01-01', value: { amount: 5, currency: 'USD' } }] }),
        contract({ id: 'b', transactions: [
          { date: '2020-02-01', value: { amount: 7, currency: 'USD' } },
          { date: '2020-03-01', value: { amount: 3, currency: 'MXN' } },
          { date: '2020-04-01', value: { amount: 1, currency: 'USD' } },
        ] }),
      ],
    });
    const payments = timelineRows(dataset(p), { ocid: 'x' }).filter((r) => r.event === 'transaction');
    expect(payments.map((r) => [r.currency, r.paidToDate ?? null])).to.deep.equal([
      ['USD', null], ['USD', 7], ['MXN', 3], ['USD', 8],
    ]);
  });

  it('turns a bad or epoch date into an issue, never a mark at 1970', () => {
    const p = process({
      ocid: 'bad',
      tender: {
        milestones: [], amendments: [],
        tenderPeriod: { startDate: '1970-01-01T00:00:00Z', endDate: '2015-11-20' },
        awardPeriod: { startDate: '2015-12-10', endDate: '2015-12-01' },
      },
      awards: [{ id: 'a', date: 'not a date', suppliers: [], amendments: [] }],
    });
    const result = contractTimeline(dataset(p), { ocid: 'bad' });
    expect(brief(result.rows)).to.deep.equal([['point', 'tenderPeriod', '2015-11-20', null]]);
    expect(result.rows[0].edge).to.equal('end');
    expect(result.issues.map((i) => [i.code, i.path])).to.deep.equal([
      ['date-invalid', 'tender.tenderPeriod.startDate'],
      ['period-end-before-start', 'tender.awardPeriod'],
      ['date-invalid', 'awards[0].date'],
    ]);
    expect(result.issues.every((i) => i.ocid === 'bad')).to.equal(true);
  });

  it('reads a timestamp without offset as UTC, not local time', () => {
    const p = process({ ocid: 'u', awards: [{ id: 'a', date: '2016-12-31T00:00:00', suppliers: [], amendments: [] },
      { id: 'b', date: '2016-12-30T23:00:00Z', suppliers: [], amendments: [] }] });
    expect(timelineRows(dataset(p), { ocid: 'u' }).map((r) => r.start)).to.deep.equal(['2016-12-30T23:00:00Z', '2016-12-31T00:00:00']);
  });

  it('flags an active contract past its end date as overdue and draws today while running', () => {
    const p = process({
      ocid: 'late',
      contracts: [
        contract({ id: 'c1', status: 'active', period: { startDate: '2020-01-01', endDate: '2020-06-30', maxExtentDate: '2021-12-31' } }),
        contract({ id: 'c2', status: 'terminated', period: { startDate: '2020-01-01', endDate: '2020-03-31' } }),
      ],
    });
    const during = contractTimeline(dataset(p), { ocid: 'late', now: '2020-08-01T00:00:00Z' });
    expect(during.overdue.map((o) => [o.contractId, o.endDate])).to.deep.equal([['c1', '2020-06-30']]);
    expect([during.running, during.asOf]).to.deep.equal([true, '2020-08-01T00:00:00.000Z']);
    const before = contractTimeline(dataset(p), { ocid: 'late', now: '2020-05-01T00:00:00Z' });
    expect(before.overdue).to.deep.equal([]);
    const afterAll = contractTimeline(dataset(p), { ocid: 'late', now: '2023-01-01T00:00:00Z' });
    expect(afterAll.running).to.equal(false);
  });

  it('judges running and overdue as of the data\'s date (published date, else latest release), not the reader\'s clock', () => {
    const p = process({
      ocid: 'old',
      contracts: [contract({ id: 'c1', status: 'active', period: { startDate: '2017-01-01', endDate: '2017-06-30', maxExtentDate: '2018-12-31' } })],
      releases: [
        { id: 'r1', date: '2017-01-01T00:00:00Z', tags: ['contract'] },
        { id: 'r2', date: '2017-10-10T00:00:00Z', tags: ['implementation'] },
      ],
    });
    const byReleases = contractTimeline(dataset(p), { ocid: 'old' });
    const latest = p.releases.map((r) => r.date!).sort().at(-1)!;
    expect([byReleases.asOf, byReleases.running]).to.deep.equal([new Date(latest).toISOString(), true]);
    expect(byReleases.overdue.map((o) => o.contractId)).to.deep.equal(['c1']);
    const published = { ...dataset(p), meta: { ...dataset(p).meta, publishedDate: '2017-03-01T00:00:00Z' } };
    const byPackage = contractTimeline(published, { ocid: 'old' });
    expect([byPackage.asOf, byPackage.running, byPackage.overdue.length]).to.deep.equal(['2017-03-01T00:00:00.000Z', true, 0]);
  });

  it('draws no today rule when every contract has ended by status', () => {
    const p = process({ ocid: 'done', contracts: [contract({ id: 'c', status: 'terminated', period: { startDate: '2020-01-01', endDate: '2020-12-31' } })] });
    expect(contractTimeline(dataset(p), { ocid: 'done', now: '2020-06-01' }).running).to.equal(false);
  });

  it('gives the contracted value per currency for the burn-up target', () => {
    expect(contractTimeline(dataset(lifecycle), { ocid: 'ocds-1' }).contracted).to.deep.equal([{ amount: 90, currency: 'GBP' }]);
  });

  it('returns nothing for an unknown ocid and lists a process without dates as undated', () => {
    expect(timelineRows(dataset(lifecycle), { ocid: 'nope' })).to.deep.equal([]);
    const undated = contractTimeline(dataset(process({ ocid: 'empty', title: 'No dates' })), { ocid: 'empty' });
    expect(undated.rows).to.deep.equal([]);
    expect(undated.undated).to.deep.equal([{ ocid: 'empty', title: 'No dates' }]);
  });
});

describe('timelineRows: many processes', () => {
  const dated = (ocid: string, start: string, end: string, amount?: number, currency = 'MXN') =>
    process({
      ocid,
      title: `Process ${ocid}`,
      tender: { milestones: [], amendments: [], tenderPeriod: { startDate: start, endDate: start } },
      contracts: [contract({ id: 'c', ...(amount === undefined ? {} : { value: { amount, currency } }), period: { startDate: start, endDate: end } })],
    });
  const many = dataset(
    dated('a', '2020-01-01', '2020-02-01', 500),
    dated('b', '2021-01-01', '2021-12-31', 100),
    dated('c', '2019-01-01', '2022-01-01', 300, 'USD'),
    process({ ocid: 'none', title: 'Nothing dated' }),
  );
  const order = (rows: TimelineRow[]) => [...new Set(rows.map((r) => r.ocid))];

  it('sorts by most recent last event by default', () => {
    expect(order(timelineRows(many))).to.deep.equal(['c', 'b', 'a']);
  });

  it('sorts by contracted value in the chosen currency, others after', () => {
    expect(order(timelineRows(many, { sort: 'value', currency: 'mxn' }))).to.deep.equal(['a', 'b', 'c']);
    expect(order(timelineRows(many, { sort: 'value', currency: 'USD' }))).to.deep.equal(['c', 'b', 'a']);
  });

  it('sorts by duration', () => {
    expect(order(timelineRows(many, { sort: 'duration' }))).to.deep.equal(['c', 'b', 'a']);
  });

  it('keeps limit rows, counts the rest, and lists undated processes without drawing them', () => {
    const result = contractTimeline(many, { limit: 2, sort: 'value', currency: 'MXN' });
    expect(result.shown.map((s) => s.ocid)).to.deep.equal(['a', 'b']);
    expect(result.notShown).to.equal(1);
    expect(result.undated).to.deep.equal([{ ocid: 'none', title: 'Nothing dated' }]);
    expect(result.rows.some((r) => r.ocid === 'none')).to.equal(false);
  });

  it('defaults to 20 rows', () => {
    const lots = dataset(...Array.from({ length: 23 }, (_, i) => dated(`p${i}`, `2020-01-${String(i + 1).padStart(2, '0')}`, '2020-03-01')));
    const result = contractTimeline(lots);
    expect(result.shown.length).to.equal(20);
    expect(result.notShown).to.equal(3);
  });

  it('cuts each process into contiguous stage segments from first to last dated event', () => {
    const rows = timelineRows(many, { sort: 'recent' }).filter((r) => r.ocid === 'b');
    expect(rows.map((r) => [r.kind, r.event, r.stage, r.start, r.end])).to.deep.equal([
      ['span', 'stage', 'tender', '2021-01-01', '2021-01-01'],
      ['span', 'stage', 'contract', '2021-01-01', '2021-12-31'],
    ]);
    expect(rows[1]).to.include({ value: 100, currency: 'MXN' });
  });

  it('orders segments by time when publisher dates run against the lifecycle', () => {
    const p = process({
      ocid: 'odd',
      tender: { milestones: [], amendments: [], tenderPeriod: { startDate: '2016-01-01', endDate: '2016-01-01' } },
      contracts: [contract({ id: 'c', dateSigned: '2015-12-31', transactions: [{ date: '2016-04-05' }, { date: '2017-01-05' }] })],
    });
    const rows = timelineRows(dataset(p));
    expect(rows.map((r) => [r.stage, r.start, r.end])).to.deep.equal([
      ['contract', '2015-12-31', '2016-01-01'],
      ['tender', '2016-01-01', '2016-04-05'],
      ['implementation', '2016-04-05', '2017-01-05'],
    ]);
  });
});

// ---- Real fixtures: the expected events are read straight from the published JSON. ----

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Expected = [kind: string, event: string, start: number, end: number | null];

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const FICTIONAL_PACKAGE = '/test/fixtures/ocds/merge/sample-data-fictional-1.1/ocds-213czf-000-00001.json';
/** ocdsmerge's compiled release of the package above (verified, see SOURCES.md). */
const FICTIONAL_RECORD = '/test/fixtures/ocds/merge/sample-data-fictional-1.1/record/ocds-213czf-000-00001.json';

const getJson = async (url: string): Promise<Json> => (await fetch(url)).json();
const ms = (value: string) => Date.parse(value);
const dated = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Every span and point a compiled release's dates imply (each published date parses with Date.parse). */
function expectedEvents(compiled: Json, releases: Json[]): Expected[] {
  const out: Expected[] = [];
  const period = (p: Json | undefined, event: string) => {
    if (!p) return;
    if (dated(p.startDate) && dated(p.endDate)) out.push(['span', event, ms(p.startDate), ms(p.endDate)]);
    else if (dated(p.startDate)) out.push(['point', event, ms(p.startDate), null]);
    else if (dated(p.endDate)) out.push(['point', event, ms(p.endDate), null]);
    const from = dated(p.endDate) ? p.endDate : p.startDate;
    if (dated(p.maxExtentDate) && dated(from) && ms(p.maxExtentDate) > ms(from)) {
      out.push(['span', 'contractExtension', ms(from), ms(p.maxExtentDate)]);
    }
  };
  const milestones = (list: Json[] | undefined) =>
    (list ?? []).forEach((m) => {
      if (dated(m.dueDate)) out.push(['point', 'milestoneDue', ms(m.dueDate), null]);
      if (dated(m.dateMet)) out.push(['point', 'milestoneMet', ms(m.dateMet), null]);
    });
  const amendments = (list: Json[] | undefined) =>
    (list ?? []).forEach((a) => dated(a.date) && out.push(['point', 'amendment', ms(a.date), null]));

  milestones(compiled.planning?.milestones);
  const tender = compiled.tender ?? {};
  period(tender.enquiryPeriod, 'enquiryPeriod');
  period(tender.tenderPeriod, 'tenderPeriod');
  period(tender.awardPeriod, 'awardPeriod');
  milestones(tender.milestones);
  amendments(tender.amendments);
  const contracts: Json[] = compiled.contracts ?? [];
  for (const award of (compiled.awards ?? []) as Json[]) {
    if (dated(award.date)) out.push(['point', 'awardDate', ms(award.date), null]);
    if (!contracts.some((c) => c.awardID === award.id)) period(award.contractPeriod, 'awardContractPeriod');
    amendments(award.amendments);
  }
  for (const c of contracts) {
    if (dated(c.dateSigned)) out.push(['point', 'contractSigned', ms(c.dateSigned), null]);
    period(c.period, 'contractPeriod');
    milestones(c.milestones);
    milestones(c.implementation?.milestones);
    amendments(c.amendments);
    for (const t of (c.implementation?.transactions ?? []) as Json[]) {
      if (dated(t.date)) out.push(['point', 'transaction', ms(t.date), null]);
    }
  }
  for (const r of releases) if (dated(r.date)) out.push(['release', 'release', ms(r.date), null]);
  return out.sort();
}

const actualEvents = (rows: TimelineRow[]): Expected[] =>
  rows.map((r): Expected => [r.kind, r.event, ms(r.start), r.end === undefined ? null : ms(r.end)]).sort();

describe('timelineRows: real fixtures', () => {
  it('Mexico City record: exactly the spans and points its dates imply, and paid so far ends at the sum of payments', async () => {
    const record = await getJson(CDMX_RECORD);
    const ocid: string = record.compiledRelease.ocid;
    const rows = timelineRows(fromOcds(record), { ocid });
    expect(actualEvents(rows)).to.deep.equal(expectedEvents(record.compiledRelease, record.releases));

    const transactions: Json[] = record.compiledRelease.contracts.flatMap((c: Json) => c.implementation?.transactions ?? []);
    // 1.0 publishers call the value `amount`.
    const sum = transactions.reduce((total, t) => total + (t.value ?? t.amount).amount, 0);
    const payments = rows.filter((r) => r.event === 'transaction');
    expect(payments.length).to.equal(transactions.length);
    expect(payments[payments.length - 1].paidToDate).to.be.closeTo(sum, 0.005);
    expect(payments.map((r) => ms(r.start))).to.deep.equal(payments.map((r) => ms(r.start)).sort((a, b) => a - b));
  });

  it('fictional 1.1 lifecycle: the compiled package has the events of the verified compiled release', async () => {
    const [pkg, record] = await Promise.all([getJson(FICTIONAL_PACKAGE), getJson(FICTIONAL_RECORD)]);
    const compiled = record.records[0].compiledRelease;
    const rows = timelineRows(fromOcds(pkg), { ocid: compiled.ocid });
    expect(actualEvents(rows)).to.deep.equal(expectedEvents(compiled, pkg.releases));
    expect(rows.filter((r) => r.kind === 'release').map((r) => r.subject)).to.deep.equal(pkg.releases.map((r: Json) => r.id));
    const paid = compiled.contracts.flatMap((c: Json) => c.implementation.transactions).reduce((s: number, t: Json) => s + t.value.amount, 0);
    expect(rows.filter((r) => r.event === 'transaction').at(-1)?.paidToDate).to.equal(paid);
  });
});

describe('timelineRows: invariants on every file the local API serves', () => {
  let datasets: { file: string; dataset: Dataset }[];
  before(async () => {
    const index = await getJson('/api/');
    const files: string[] = index.endpoints.files.map((url: string) => new URL(url).pathname);
    expect(files.length).to.be.greaterThan(10);
    datasets = await Promise.all(files.map(async (file) => ({ file, dataset: fromOcds(await getJson(file)) })));
  });

  it('puts every row at a real date, in time order, with no span ending before it starts', () => {
    let checked = 0;
    for (const { file, dataset } of datasets) {
      for (const process of dataset.processes) {
        const rows = timelineRows(dataset, { ocid: process.ocid });
        const starts = rows.map((r) => dateTime(r.start));
        for (const [i, row] of rows.entries()) {
          const context = `${file} ${row.ocid} ${row.event} ${row.start}`;
          expect(Number.isNaN(starts[i]), context).to.equal(false);
          expect(row.start.startsWith('1970-01-01'), context).to.equal(false);
          if (row.end !== undefined) expect(dateTime(row.end) >= starts[i], context).to.equal(true);
          if (i > 0) expect(starts[i] >= starts[i - 1], context).to.equal(true);
        }
        checked += rows.length;
      }
    }
    expect(checked).to.be.greaterThan(100);
  });

  it('cuts each Gantt row into contiguous segments and accounts for every process', () => {
    for (const { file, dataset } of datasets) {
      const timeline = contractTimeline(dataset, { limit: Number.POSITIVE_INFINITY });
      expect(timeline.shown.length + timeline.undated.length, file).to.equal(dataset.processes.length);
      expect(timeline.notShown, file).to.equal(0);
      for (const shown of timeline.shown) {
        const segments = timeline.rows.filter((r) => r.ocid === shown.ocid);
        expect(segments.length, file).to.be.greaterThan(0);
        expect(segments[0].start, file).to.equal(shown.first);
        expect(segments.at(-1)!.end, file).to.equal(shown.last);
        for (let i = 1; i < segments.length; i++) expect(segments[i].start, file).to.equal(segments[i - 1].end);
      }
    }
  });
});
