// Issue #7, text: names, titles and descriptions with markup, template syntax, script URLs, bidi overrides, spreadsheet
// formulas and 10,000 characters (test/hostile/files/hostile-text.json) are inert text in every element: chart
// labels, tooltips, the table, the summary, the list and the CSV.
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';
import { defineAll, ELEMENTS, type AnyChartElement } from './elements.js';
import { expectPageSilent, settled } from './harness.js';

const FILE = '/raw/test/hostile/files/hostile-text.json';
const MARKUP = '<img src=x onerror="window.__ocdsHostile=\'img\'">Constructora';
const SCRIPT = '<script>window.__ocdsHostile = "script"</script>Proveedor';

/** Every element in a shadow root, nested shadow roots included. */
function allElements(root: ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/** RFC 4180 records of a CSV text. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  return records;
}

/** Every bidi embedding, override (U+202A–U+202E) and isolate (U+2066–U+2068) in `text` is closed. */
function bidiClosed(text: string): boolean {
  let open = 0;
  for (const char of text) {
    if ((char >= '\u202A' && char <= '\u202E' && char !== '\u202C') || (char >= '\u2066' && char <= '\u2068')) open++;
    else if (char === '\u202C' || char === '\u2069') open--;
  }
  return open === 0;
}

/** Every string anywhere in the rows. */
function rowStrings(rows: object[]): string[] {
  return rows.flatMap((row) => Object.values(row).filter((value): value is string => typeof value === 'string'));
}

describe('hostile text in the data core', () => {
  it('organisation identity keys stay short for names of 10,000 characters, one key per name', () => {
    const release = (ocid: string, name: string) => ({
      ocid,
      id: `${ocid}-1`,
      date: '2024-01-01T00:00:00Z',
      parties: [{ id: 'S', name, roles: ['supplier'] }],
      awards: [{ id: 'A', value: { amount: 1, currency: 'MXN' }, suppliers: [{ id: 'S', name }] }],
    });
    const long = 'L'.repeat(10_000);
    const dataset = fromOcds({ releases: [release('ocds-a', long), release('ocds-b', long), release('ocds-c', `${'L'.repeat(500)}M${'L'.repeat(9_499)}`)] });
    const keys = dataset.processes.map((process) => process.awards[0]!.suppliers[0]!.key);
    for (const key of keys) expect(key.length).to.be.at.most(200);
    expect(keys[0]).to.equal(keys[1]);
    expect(keys[2]).to.not.equal(keys[0]);
    expect(dataset.issues.map((issue) => issue.code)).to.include('text-too-long');
  });
});

/** The element's scroll width in a 400px box, table shown, drawn from `src`. */
async function widthWith(tag: string, src: string): Promise<number> {
  const box = document.createElement('div');
  box.style.cssText = 'position: absolute; top: 0; left: 0; width: 400px';
  const element = document.createElement(tag) as AnyChartElement;
  element.setAttribute('src', src);
  box.append(element);
  document.body.append(box);
  try {
    await settled(element, 10_000);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="controls"] button[aria-pressed]')?.click();
    await element.updateComplete;
    return element.scrollWidth;
  } finally {
    box.remove();
  }
}

describe('hostile text does not widen the page', () => {
  before(defineAll);

  for (const { tag } of ELEMENTS) {
    it(`<${tag}>: names of 1,000 unbroken characters make it no wider than ordinary data does`, async () => {
      const ordinary = await widthWith(tag, '/raw/test/hostile/files/bom.json');
      expect(await widthWith(tag, FILE)).to.be.at.most(ordinary + 2);
    });
  }
});

describe('hostile text is inert in every element', () => {
  let box: HTMLElement;
  let elements: AnyChartElement[];

  before(async () => {
    await defineAll();
    box = document.createElement('div');
    box.style.cssText = 'display: flex; position: absolute; top: 0; left: 0; width: 100%';
    elements = ELEMENTS.map(({ tag }) => {
      const element = document.createElement(tag) as AnyChartElement;
      element.style.cssText = 'flex: 1 1 0; min-width: 0';
      element.setAttribute('src', FILE);
      box.append(element);
      return element;
    });
    document.body.append(box);
    await Promise.all(elements.map((element) => element.rendered));
  });

  after(() => box.remove());

  for (const { tag } of ELEMENTS) {
    it(`<${tag}>: no markup, handler or script URL reaches the DOM; labels, table, tooltips and summary show the text as text`, async () => {
      const element = elements.find((candidate) => candidate.localName === tag)!;
      expect(element.status).to.equal('ready');
      const root = element.shadowRoot!;
      root.querySelector<HTMLButtonElement>('button[aria-pressed]:not(.items button)')?.click();
      await element.updateComplete;
      expect(root.querySelector('table'), 'the table is shown').to.not.equal(null);

      // Hover every mark: the tooltip is built from the data.
      const tooltipMarkup: string[] = [];
      for (const mark of [...root.querySelectorAll('.chart svg path, .chart svg text, .chart svg circle')].slice(0, 60)) {
        const box = mark.getBoundingClientRect();
        const at = { bubbles: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
        mark.dispatchEvent(new PointerEvent('pointermove', at));
        mark.dispatchEvent(new MouseEvent('mousemove', at));
        await element.updateComplete;
        const tooltip = root.querySelector('.tooltip');
        if (tooltip) tooltipMarkup.push(...[...tooltip.querySelectorAll('*')].map((node) => node.localName));
      }
      expect(new Set(tooltipMarkup.filter((name) => !['dl', 'dt', 'dd'].includes(name)))).to.deep.equal(new Set());

      const nodes = allElements(root);
      const tags = new Set(nodes.map((node) => node.localName));
      for (const forbidden of ['script', 'img', 'iframe', 'object', 'embed', 'foreignobject']) expect(tags.has(forbidden), forbidden).to.equal(false);
      for (const node of nodes) {
        for (const attribute of node.getAttributeNames()) {
          expect(attribute.startsWith('on'), `${node.localName}[${attribute}]`).to.equal(false);
          if (attribute === 'href' || attribute === 'xlink:href' || attribute === 'src') {
            expect(node.getAttribute(attribute)!, `${node.localName}[${attribute}]`).to.match(/^(https?:|blob:|#)/);
          }
        }
      }

      // Text the rows carry (names, titles) is shown literally where the element shows it.
      const shown = `${root.querySelector('table')!.textContent} ${root.querySelector('[part="chart"]')!.textContent} ${root.querySelector('.items')?.textContent ?? ''}`;
      const strings = rowStrings(element.rows);
      for (const text of [MARKUP, SCRIPT]) {
        if (strings.some((value) => value.includes(text))) expect(shown, `${tag} shows ${text}`).to.contain(text);
      }
      // The summary is text: its only elements are the two spans of its shown and its "More" sentences.
      const summaryElements = [...root.querySelector('[part="summary"]')!.querySelectorAll('*')];
      expect(summaryElements.length, 'the summary is plain text').to.be.at.most(2);
      for (const node of summaryElements) expect([node.localName, node.children.length], 'the summary is plain text').to.deep.equal(['span', 0]);
      // No text shown can reorder what follows it: every bidi override or isolate is closed where it is opened.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        expect(bidiClosed(node.textContent ?? ''), `bidi left open in "${node.textContent?.slice(0, 60)}"`).to.equal(true);
      }
      expectPageSilent();
    });

    it(`<${tag}>: CSV cells that a spreadsheet would run as formulas are neutralised`, () => {
      const element = elements.find((candidate) => candidate.localName === tag)!;
      const [header, ...records] = csvRecords(element.csv());
      expect(records.length).to.equal(element.rows.length);
      for (const cell of records.flat()) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `formula cell ${cell.slice(0, 40)}`).to.equal(true);
      }
      // Every string of a CSV column is in the CSV, with a leading apostrophe when it starts like a formula.
      const rows = element.rows as Record<string, unknown>[];
      let formulas = 0;
      rows.forEach((row, index) => {
        header!.forEach((key, column) => {
          const value = row[key];
          if (typeof value !== 'string') return;
          const formula = /^[=+\-@\t\r]/.test(value);
          if (formula) formulas++;
          expect(records[index]![column], `${key} of row ${index}`).to.equal(formula ? `'${value}` : value);
        });
      });
      // Names or titles starting with = + - @ are in every element's CSV except the per-stage totals.
      if (tag !== 'ocds-spending-by-stage') expect(formulas).to.be.greaterThan(0);
    });
  }
});
