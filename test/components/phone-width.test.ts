// What a reader still saw at phone width after issue #12's first pass: a two-node focus network with no names, a
// process table with empty title cells, a many-process timeline whose bars touch the plot's edges and whose
// "date of the data" label runs past the drawing.
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsProcessTable } from '../../components/process-table/process-table.js';
import { settled } from '../hostile/harness.js';
import { chart, inBox, type ChartElement } from '../helpers/boxed-chart.js';
import { partyAndPartnerNames } from '../helpers/partners.js';

const ARMENIA = '/api/files/armenia/sample-data/6.json';

const crosses = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Whether the segment from `a` to `b` passes through `box` (Liang–Barsky clipping). */
function segmentCrosses(a: { x: number; y: number }, b: { x: number; y: number }, box: DOMRect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - box.left],
    [dx, box.right - a.x],
    [-dy, a.y - box.top],
    [dy, box.bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

describe('a focused organisation with one partner at phone width', function () {
  this.timeout(60_000);
  // The element keys an organisation by its identifier's scheme/id; the fixture's party id for it is AM-TIN-02629081.
  const FOCUS = 'AM-TIN/02629081';
  const PARTY = 'AM-TIN-02629081';
  /** The focus's name and its one partner's, from the fixture itself. */
  const expectedNames = () => partyAndPartnerNames(ARMENIA, PARTY);

  for (const width of [360, 400]) {
    for (const lang of ['en', 'es']) {
      it(`${width} px, ${lang}: both names drawn (cut with an ellipsis at most, whole in their title), apart from the nodes and the edge`, async () => {
        const expected = await expectedNames();
        expect(expected.length, 'the fixture gives the focus one partner').to.equal(2);
        const element = chart('ocds-supplier-network', { src: ARMENIA, focus: FOCUS, lang });
        const box = inBox(width, element);
        try {
          await settled(element, 15_000);
          const svg = element.shadowRoot!.querySelector<SVGSVGElement>('.chart svg')!;
          const edge = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('g.mark-text.role-mark')[0]!.querySelectorAll('text')].filter((text) => text.textContent);
          const names = texts.map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }));
          expect(names.length, `names drawn: ${names.map(({ text }) => text).join(' | ')}`).to.equal(2);
          // Each drawn name is a full name or the start of one cut with an ellipsis, at least a few letters long.
          const whole = names.map(({ text }) => {
            const full = expected.find((name) => name === text || (text.endsWith('…') && name.startsWith(text.slice(0, -1).trimEnd())));
            expect(full, `"${text}" is one of ${expected.join(' | ')}`).to.not.equal(undefined);
            if (text !== full) expect(text.length, `"${text}" keeps a few letters`).to.be.at.least(8);
            return full!;
          });
          expect([...whole].sort()).to.deep.equal([...expected].sort());
          // Hovering a drawn name shows its node's tooltip, where the name is whole.
          for (const [i, text] of texts.entries()) {
            const at = text.getBoundingClientRect();
            const point = { bubbles: true, composed: true, clientX: at.x + at.width / 2, clientY: at.y + at.height / 2 };
            text.dispatchEvent(new PointerEvent('pointermove', point));
            text.dispatchEvent(new MouseEvent('mousemove', point));
            await element.updateComplete;
            const tooltip = element.shadowRoot!.querySelector('.tooltip:not([hidden])')?.textContent ?? '';
            expect(tooltip, `the tooltip of "${names[i]!.text}"`).to.contain(whole[i]);
          }
          expect(crosses(names[0]!.box, names[1]!.box), 'the two names overlap').to.equal(false);
          const nodes = [...svg.querySelectorAll('g.mark-symbol.role-mark')[0]!.querySelectorAll('path')].map((path) => path.getBoundingClientRect());
          expect(nodes.length).to.equal(2);
          const centres = nodes.map((node) => ({ x: node.x + node.width / 2, y: node.y + node.height / 2 }));
          for (const { text, box: label } of names) {
            expect(label.left, `"${text}" starts inside the drawing`).to.be.at.least(edge.left - 0.5);
            expect(label.right, `"${text}" ends inside the drawing`).to.be.at.most(edge.right + 0.5);
            for (const node of nodes) expect(crosses(label, new DOMRect(node.x + 1, node.y + 1, node.width - 2, node.height - 2)), `"${text}" over a node`).to.equal(false);
            expect(segmentCrosses(centres[0]!, centres[1]!, label), `"${text}" over the edge`).to.equal(false);
          }
        } finally {
          box.remove();
        }
      });
    }
  }
});

describe('<ocds-process-table>: a process with no title, 360 px', function () {
  this.timeout(60_000);
  type Release = { ocid: string; tender?: { title?: string }; title?: string };
  const FALLBACK = { en: 'Untitled process', es: 'Proceso sin título' };

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the cell says "${FALLBACK[lang]}", muted, while rows and the CSV keep the title empty as the data does`, async () => {
      const releases = ((await (await fetch(ARMENIA)).json()) as { releases: Release[] }).releases;
      // The first process loses its title in every release of it: the data says nothing.
      const untitled = releases[0]!.ocid;
      const data = releases.map((release) => {
        if (release.ocid !== untitled) return release;
        const copy = structuredClone(release);
        delete copy.title;
        if (copy.tender) delete copy.tender.title;
        return copy;
      });
      const titled = releases.find((release) => release.ocid !== untitled && release.tender?.title)!;
      const element = document.createElement('ocds-process-table') as OcdsProcessTable;
      element.setAttribute('lang', lang);
      element.data = data;
      const box = inBox(360, element);
      try {
        await element.updateComplete;
        await element.rendered;
        const row = (ocid: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].find((tr) => tr.dataset.ocid === ocid)!;
        const visibleCells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].filter((td) => td.getBoundingClientRect().width > 0);
        const [titleCell] = visibleCells(row(untitled));
        expect(visibleCells(row(untitled)).length, 'phone width: title and awarded').to.equal(2);
        expect(titleCell!.textContent!.trim()).to.equal(FALLBACK[lang]);
        // Marked as a fallback: not the colour of a real title.
        const [realTitle] = visibleCells(row(titled.ocid));
        expect(realTitle!.textContent!.trim()).to.equal(titled.tender!.title);
        const fallback = titleCell!.querySelector<HTMLElement>('*') ?? titleCell!;
        expect(getComputedStyle(fallback).color).to.not.equal(getComputedStyle(realTitle!).color);
        // …in the theme's muted colour.
        const probe = document.createElement('span');
        probe.style.color = getComputedStyle(element).getPropertyValue('--ocds-color-muted').trim();
        element.shadowRoot!.append(probe);
        expect(getComputedStyle(fallback).color, 'the muted colour').to.equal(getComputedStyle(probe).color);
        probe.remove();
        // The data has no title: rows and the CSV say so (an empty field), they do not carry the fallback.
        expect(element.rows.find((r) => r.ocid === untitled)!.title).to.equal('');
        const line = element.csv().split('\r\n').find((l) => l.includes(untitled))!;
        expect(line.startsWith(','), line).to.equal(true);
        expect(element.csv()).to.not.contain(FALLBACK[lang]);
        await expect(element).to.be.accessible();
      } finally {
        box.remove();
      }
    });
  }
});

/**
 * Three processes whose contracts run to the end of 2020, published on 20 December 2020: the date of the data is
 * near the axis's right end, where a label written to the right of its rule was cut.
 */
function lateDataDate(): unknown {
  const release = (n: number, start: string) => ({
    ocid: `ocds-test-late-${n}`,
    id: `late-${n}`,
    date: '2020-12-20T00:00:00Z',
    tag: ['contract'],
    initiationType: 'tender',
    buyer: { id: 'b', name: 'Buyer' },
    parties: [{ id: 'b', name: 'Buyer', roles: ['buyer'] }, { id: 's', name: 'Supplier', roles: ['supplier'] }],
    tender: { id: `t${n}`, title: `Late process ${n}`, tenderPeriod: { startDate: start, endDate: '2020-03-31T00:00:00Z' } },
    awards: [{ id: `a${n}`, date: '2020-04-15T00:00:00Z', status: 'active', suppliers: [{ id: 's', name: 'Supplier' }], value: { amount: 1000 * n, currency: 'EUR' } }],
    contracts: [
      { id: `c${n}`, awardID: `a${n}`, status: 'active', dateSigned: '2020-05-01T00:00:00Z', period: { startDate: '2020-05-01T00:00:00Z', endDate: '2020-12-31T00:00:00Z' }, value: { amount: 1000 * n, currency: 'EUR' } },
    ],
  });
  return { uri: 'https://example.org/late', publishedDate: '2020-12-20T00:00:00Z', version: '1.1', releases: [1, 2, 3].map((n) => release(n, `2020-0${n}-01T00:00:00Z`)) };
}

describe('<ocds-contract-timeline>, many processes: a margin on the time axis, the date of the data inside the drawing', function () {
  this.timeout(60_000);
  const AS_OF = { en: 'Date of the data', es: 'Fecha de los datos' };
  // Ukraine's processes (the local API's only multi-process source some of whose processes run as of its date), and
  // a date of the data near the axis's end.
  const SOURCES: [string, (element: ChartElement) => void][] = [
    ['Ukraine (ProZorro)', (element) => element.setAttribute('src', '/api/releases?source=ukraine-prozorro')],
    ['data dated near its end', (element) => ((element as ChartElement & { data: unknown }).data = lateDataDate())],
  ];
  for (const [name, load] of SOURCES) {
    for (const width of [360, 1280]) {
      for (const lang of ['en', 'es'] as const) {
        it(`${name}, ${width} px, ${lang}`, async () => {
          const element = chart('ocds-contract-timeline', { lang });
          load(element);
          const box = inBox(width, element);
          try {
            await settled(element, 15_000);
            const svg = element.shadowRoot!.querySelector<SVGSVGElement>('.chart svg')!;
            const drawing = svg.getBoundingClientRect();
            const plot = svg.querySelector('.role-frame path.background, .role-frame rect.background')!.getBoundingClientRect();
            expect(plot.width, 'the plot').to.be.greaterThan(50);
            const bars = [...svg.querySelectorAll('.mark-rect.role-mark path')].map((mark) => mark.getBoundingClientRect()).filter((bar) => bar.height > 0);
            expect(bars.length, 'bars drawn').to.be.at.least(3);
            const left = Math.min(...bars.map((bar) => bar.left));
            const right = Math.max(...bars.map((bar) => bar.right));
            expect(left - plot.left, 'room before the first bar').to.be.at.least(2);
            expect(plot.right - right, 'room after the last bar').to.be.at.least(2);
            const label = [...svg.querySelectorAll('text')].find((text) => text.textContent === AS_OF[lang]);
            expect(label, `"${AS_OF[lang]}" drawn`).to.not.equal(undefined);
            const at = label!.getBoundingClientRect();
            expect(at.left, 'label starts inside the plot').to.be.at.least(Math.max(drawing.left, plot.left - 1));
            expect(at.right, `label ends at ${at.right}, the plot at ${plot.right}, the drawing at ${drawing.right}`).to.be.at.most(Math.min(drawing.right, plot.right + 1));
          } finally {
            box.remove();
          }
        });
      }
    }
  }
});

describe('<ocds-breakdown> by buyer at phone width: the value axis keeps room for its ticks and title', function () {
  this.timeout(60_000);
  // Seen in Firefox's width pass of demos/national.html (and the same in Chromium): 220 px of buyer names left a
  // 55 px value axis whose ticks ran together ("AMD 0" over "AMD 20M") and whose title ran past the drawing.
  for (const width of [316, 356]) {
    for (const lang of ['en', 'es']) {
      it(`${width} px, ${lang}`, async () => {
        const element = chart('ocds-breakdown', { src: '/demos/data/summaries/armenia-6.summary.json', by: 'buyer', measure: 'contracted', lang });
        const box = inBox(width, element);
        try {
          await settled(element, 15_000);
          const svg = element.shadowRoot!.querySelector<SVGSVGElement>('.chart svg')!;
          const drawing = svg.getBoundingClientRect();
          const texts = (selector: string) =>
            [...svg.querySelectorAll<SVGTextElement>(`${selector} text`)].filter((text) => text.textContent).map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }));
          // The value axis: its labels sit in one row under the plot.
          const labels = texts('.role-axis-label');
          const bottom = Math.max(...labels.map(({ box: label }) => label.top));
          const ticks = labels.filter(({ box: label }) => Math.abs(label.top - bottom) < 2).sort((a, b) => a.box.left - b.box.left);
          expect(ticks.length, 'value ticks').to.be.at.least(2);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.box.left - ticks[i - 1]!.box.right, `gap between "${ticks[i - 1]!.text}" and "${ticks[i]!.text}"`).to.be.at.least(4);
          for (const { text, box: title } of texts('.role-axis-title')) {
            expect(title.left, `"${text}" starts inside the drawing`).to.be.at.least(drawing.left - 0.5);
            expect(title.right, `"${text}" ends at ${title.right}, the drawing at ${drawing.right}`).to.be.at.most(drawing.right + 0.5);
          }
          const axis = ticks.at(-1)!.box.right - ticks[0]!.box.left;
          expect(axis, `value axis ${axis} px of ${drawing.width}`).to.be.at.least(0.35 * drawing.width);
        } finally {
          box.remove();
        }
      });
    }
  }
});
