// Who fires which event (the README, "Events"): `ocds-load` once per load, from the element that loaded; charts fed
// by <ocds-dataset> fire `ocds-render` only, with the counts of what they show (filtered).
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsLoadDetail, OcdsRenderDetail } from '../../components/base/events.js';

const ARMENIA = '/api/files/armenia/sample-data/6.json';
const CHARTS = ['ocds-spending-by-stage', 'ocds-data-quality', 'ocds-process-table'];

type Json = Record<string, any>;
let releases: Json[];

/** Every ocds-load and ocds-render heard on `element` (bubbled ones included), with its target. */
function record(element: EventTarget) {
  const heard = { load: [] as { target: EventTarget; detail: OcdsLoadDetail }[], render: [] as { target: EventTarget; detail: OcdsRenderDetail }[] };
  element.addEventListener('ocds-load', (event) => heard.load.push({ target: event.target!, detail: (event as CustomEvent<OcdsLoadDetail>).detail }));
  element.addEventListener('ocds-render', (event) => heard.render.push({ target: event.target!, detail: (event as CustomEvent<OcdsRenderDetail>).detail }));
  return heard;
}

async function until(check: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const distinct = (list: Json[]) => new Set(list.map((release) => release.ocid)).size;

before(async () => {
  releases = (await (await fetch(ARMENIA)).json()).releases;
});

describe('events', () => {
  it('<ocds-dataset> fires ocds-load once per load; its charts fire none, only ocds-render; a filter change loads nothing', async () => {
    const dataset = document.createElement('ocds-dataset') as OcdsDataset;
    const onDataset = record(dataset);
    const charts = CHARTS.map((tag) => dataset.appendChild(document.createElement(tag)));
    const onCharts = charts.map(record);
    dataset.src = ARMENIA;
    await fixture(html`<div>${dataset}</div>`);
    await until(() => charts.every((_chart, index) => onCharts[index].render.length > 0), 'every chart to render');

    expect(onDataset.load).to.have.length(1);
    expect(onDataset.load[0].target).to.equal(dataset);
    expect(onDataset.load[0].detail.processes).to.equal(distinct(releases));
    expect(onDataset.load[0].detail.releases).to.equal(releases.length);
    for (const [index, chart] of charts.entries()) {
      expect(onCharts[index].load, chart.localName).to.deep.equal([]);
      expect(onCharts[index].render.at(-1)!.detail, chart.localName).to.deep.equal({
        processes: distinct(releases),
        releases: releases.length,
        rows: (chart as unknown as { rows: unknown[] }).rows.length,
      });
    }
    // What reaches a listener on the dataset: its own load, and each chart's renders.
    expect(onDataset.render.map((event) => event.target)).to.have.members(onCharts.flatMap((heard, index) => heard.render.map(() => charts[index])));

    // A filter: every chart draws again, with the counts of the processes it now shows; no ocds-load anywhere.
    const selective = releases.filter((release) => release.tender?.procurementMethod?.toLowerCase() === 'selective');
    expect(selective.length).to.be.greaterThan(0);
    const rendersBefore = onCharts.map((heard) => heard.render.length);
    dataset.method = 'selective';
    await until(() => onCharts.every((heard, index) => heard.render.length > rendersBefore[index]), 'every chart to render the filtered data');
    expect(onDataset.load).to.have.length(1);
    for (const [index, chart] of charts.entries()) {
      expect(onCharts[index].load, chart.localName).to.deep.equal([]);
      expect(onCharts[index].render.at(-1)!.detail, chart.localName).to.deep.include({ processes: distinct(selective), releases: selective.length });
    }

    // A new load (another src, or `data`) is one more ocds-load, from the dataset alone.
    dataset.data = { releases: selective };
    await until(() => onDataset.load.length === 2, 'the second load');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onDataset.load.map((event) => event.target)).to.deep.equal([dataset, dataset]);
    expect(onDataset.load[1].detail).to.deep.include({ processes: distinct(selective), releases: selective.length });
  });

  it('a chart with its own src fires ocds-load once per load; a redraw (theme) fires ocds-render only', async () => {
    const chart = document.createElement('ocds-spending-by-stage');
    const heard = record(chart);
    chart.src = ARMENIA;
    await fixture(html`<div>${chart}</div>`);
    await until(() => heard.render.length > 0, 'the chart to render');
    expect(heard.load.map((event) => event.detail)).to.deep.equal([{ processes: distinct(releases), releases: releases.length, issues: chart.issues.length }]);
    expect(heard.render.at(-1)!.detail).to.deep.equal({ processes: distinct(releases), releases: releases.length, rows: chart.rows.length });

    const renders = heard.render.length;
    chart.theme = 'dark';
    await until(() => heard.render.length > renders, 'the redraw');
    expect(heard.load).to.have.length(1);
  });

  it('an ocid counts the one process the chart shows; an empty result still fires ocds-render, with 0', async () => {
    const ocid = releases[0].ocid;
    const chart = document.createElement('ocds-spending-by-stage');
    const heard = record(chart);
    chart.ocid = ocid;
    chart.data = { releases };
    await fixture(html`<div>${chart}</div>`);
    await until(() => heard.render.length > 0, 'the chart to render');
    expect(heard.render.at(-1)!.detail).to.deep.include({ processes: 1, releases: releases.filter((release) => release.ocid === ocid).length });

    const dataset = document.createElement('ocds-dataset') as OcdsDataset;
    const inside = dataset.appendChild(document.createElement('ocds-spending-by-stage'));
    const onInside = record(inside);
    dataset.data = { releases };
    dataset.method = 'no-such-method';
    await fixture(html`<div>${dataset}</div>`);
    await until(() => onInside.render.length > 0, 'the empty chart to render');
    expect(onInside.render.at(-1)!.detail).to.deep.equal({ processes: 0, releases: 0, rows: 0 });
  });
});
