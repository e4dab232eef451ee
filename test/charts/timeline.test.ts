import { expect } from '@open-wc/testing';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { contractTimeline } from '../../src/analysis/timeline.js';
import { timelineSpec, type TimelineChartOptions } from '../../src/charts/timeline.js';
import type { Contract, Dataset, Process } from '../../src/data/types.js';

const contract = (fields: Partial<Contract> & { id: string }): Contract => ({ transactions: [], milestones: [], amendments: [], ...fields });
const process = (fields: Partial<Process> & { ocid: string }): Process => ({ awards: [], contracts: [], releases: [], compiledRelease: {}, ...fields });
const dataset = (...processes: Process[]): Dataset => ({
  processes, organisations: new Map(), issues: [], meta: { pages: 1, releases: 1, bytes: 0, complete: true },
});

const options: TimelineChartOptions = {
  width: 600,
  colours: {
    stages: { planning: '#111111', tender: '#222222', award: '#333333', contract: '#444444', implementation: '#555555' },
    accent: '#aa0000',
    muted: '#777777',
    text: '#000000',
  },
  text: {
    stages: { planning: 'Planning', tender: 'Tender', award: 'Award', contract: 'Contract', implementation: 'Implementation' },
    releases: 'Published', paid: 'Paid so far', contracted: 'Contracted', asOf: 'Date of the data',
    what: 'What', when: 'When', amount: 'Amount', description: 'A timeline',
  },
  describe: (row) => row.label,
  formatDate: (iso) => iso,
  formatMoney: (amount, currency) => `${amount} ${currency}`,
  currency: 'MXN',
};

const payments = [
  { date: '2016-04-05', value: { amount: 30, currency: 'MXN' } },
  { date: '2016-02-01', value: { amount: 20, currency: 'MXN' } },
  { date: '2016-09-01', value: { amount: 50, currency: 'MXN' } },
];
const oneProcess = dataset(
  process({
    ocid: 'p',
    tender: { milestones: [], amendments: [], tenderPeriod: { startDate: '2016-01-01', endDate: '2016-01-01' } },
    contracts: [contract({ id: 'c', status: 'active', value: { amount: 120, currency: 'MXN' }, dateSigned: '2015-12-31',
      period: { startDate: '2016-01-01', endDate: '2016-12-31' }, transactions: payments })],
    releases: [{ id: 'r', date: '2016-01-02', tags: ['tender'] }],
  }),
);

async function render(spec: ReturnType<typeof timelineSpec>): Promise<Document> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

const translateX = (element: Element) => Number(/translate\(([-\d.]+)/.exec(element.getAttribute('transform') ?? '')?.[1]);

describe('timelineSpec', () => {
  it('uses UTC time scales', () => {
    const spec = timelineSpec(contractTimeline(oneProcess, { ocid: 'p' }), options);
    const vega = compile(spec).spec;
    const timeScales = (vega.scales ?? []).filter((s) => s.name === 'x' || s.name?.endsWith('_x'));
    expect(timeScales.length).to.be.greaterThan(0);
    expect(timeScales.every((s) => s.type === 'utc')).to.equal(true);
  });

  it('draws payments in time order and a burn-up that ends at the sum of payments', async () => {
    const svg = await render(timelineSpec(contractTimeline(oneProcess, { ocid: 'p' }), options));
    const labels = [...svg.querySelectorAll('path[aria-label]')].map((p) => p.getAttribute('aria-label') ?? '');
    expect(labels.length).to.be.greaterThan(0);
    // Points layer: each payment symbol's x position grows with its date.
    const paymentSymbols = [...svg.querySelectorAll('g.mark-symbol path[aria-label^="Payment"]')];
    const xs = paymentSymbols.map(translateX);
    expect(xs.length).to.equal(payments.length * 2); // lane points + burn-up points
    const lanePoints = xs.slice(0, payments.length);
    expect(lanePoints).to.deep.equal([...lanePoints].sort((a, b) => a - b));
    const total = payments.reduce((sum, p) => sum + p.value.amount, 0);
    const spec = timelineSpec(contractTimeline(oneProcess, { ocid: 'p' }), options) as { vconcat: { data: { values: { paidToDate: number }[] } }[] };
    const line = spec.vconcat[1].data.values;
    expect(line[line.length - 1].paidToDate).to.equal(total);
  });

  it('draws one Gantt row per shown process with no mark before the first date', async () => {
    const many = dataset(
      oneProcess.processes[0],
      process({ ocid: 'q', title: 'Other', awards: [{ id: 'a', date: '2017-03-01', suppliers: [], amendments: [] }] }),
      process({ ocid: 'undated' }),
    );
    const timeline = contractTimeline(many);
    const spec = timelineSpec(timeline, { ...options, rowLabel: (ocid) => `row ${ocid}` });
    const svg = await render(spec);
    const yLabels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(yLabels).to.include.members(['row p', 'row q']);
    expect(yLabels).not.to.include('row undated');
    expect(yLabels.join(' ')).not.to.contain('1970');
  });
});

describe('timelineSpec: the axes read as dates and amounts a reader expects', () => {
  const axisLabels = (doc: Document, axis: string) =>
    [...doc.querySelectorAll(`g[aria-label^="${axis}"] .role-axis-label text`)].map((text) => text.textContent ?? '');

  it('a release published long after a two-month process is pinned to the edge; the axis keeps the process’s own dates', async () => {
    const late = dataset(
      process({
        ocid: 'late',
        tender: { milestones: [], amendments: [], tenderPeriod: { startDate: '2016-01-04', endDate: '2016-02-26' } },
        releases: [
          { id: 'r1', date: '2016-01-04', tags: ['tender'] },
          { id: 'r2', date: '2017-07-20', tags: ['tenderUpdate'] },
        ],
      }),
    );
    const spec = timelineSpec(contractTimeline(late, { ocid: 'late' }), { ...options, currency: undefined }) as { layer: { encoding?: { x?: { scale?: { domain?: [number, number] } } }; data?: unknown }[]; data: { values: { kind: string; pinned?: string; t0: number }[] } };
    const domain = spec.layer[0].encoding!.x!.scale!.domain!;
    const months = (domain[1] - domain[0]) / (30 * 86_400_000);
    expect(months).to.be.lessThan(3);
    const pinned = spec.data.values.filter((d) => d.kind === 'release' && d.pinned === 'after');
    expect(pinned.length).to.equal(1);
    expect(pinned[0].t0).to.equal(domain[1]);
    // Drawn: both release marks stand inside the chart's width.
    const doc = await render(spec as never);
    const marks = [...doc.querySelectorAll('.mark-symbol path')];
    expect(marks.length).to.be.greaterThan(1);
    expect(Math.max(...marks.map(translateX))).to.be.lessThan(options.width);
  });

  it('the first date tick names its year; a zero amount tick reads 0, not 0M', async () => {
    const big = dataset(
      process({
        ocid: 'big',
        contracts: [contract({ id: 'c', status: 'active', value: { amount: 3_000_000, currency: 'MXN' }, dateSigned: '2016-10-03',
          period: { startDate: '2016-10-03', endDate: '2017-03-31' },
          transactions: [{ date: '2016-11-15', value: { amount: 1_200_000, currency: 'MXN' } }, { date: '2017-02-10', value: { amount: 900_000, currency: 'MXN' } }] })],
        releases: [{ id: 'r', date: '2016-10-03', tags: ['contract'] }],
      }),
    );
    const doc = await render(timelineSpec(contractTimeline(big, { ocid: 'big' }), options));
    const dates = axisLabels(doc, 'X-axis');
    expect(dates.length).to.be.greaterThan(1);
    expect(dates[0]).to.match(/\b20\d\d\b/);
    const paid = axisLabels(doc, 'Y-axis titled \'Paid so far');
    expect(paid).to.include('0');
    expect(paid.some((label) => /^0\D/.test(label))).to.equal(false);
    expect(paid.some((label) => /M$/.test(label))).to.equal(true);
  });
});
