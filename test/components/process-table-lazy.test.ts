// <ocds-process-table> draws its first rows before it has worked out the others (they follow in idle slices): what
// is read or drawn before then must be what the fixture JSON gives, as it is once everything is in.
import { expect } from '@open-wc/testing';
import '../../components/process-table/define.js';
import type { OcdsProcessTable } from '../../components/process-table/process-table.js';
import { expectedSpending, fetchJson } from '../spending-expected.js';
import { redFlags } from '../../src/analysis/red-flags.js';
import { fromOcds } from '../../src/data/from-ocds.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const STAGES = ['tendered', 'awarded', 'contracted', 'paid'] as const;
const bodyRows = (element: OcdsProcessTable) => [...element.shadowRoot!.querySelectorAll('tbody tr')] as HTMLElement[];
const button = (element: OcdsProcessTable, selector: string, label: string) =>
  [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>(selector)].find((b) => b.textContent!.trim() === label)!;

/** A table of `data`; `atFirstRows` runs inside the first `ocds-render`, before any idle slice has run. */
async function tableWith<T>(data: unknown, atFirstRows: (element: OcdsProcessTable) => T): Promise<{ element: OcdsProcessTable; first: T }> {
  const element = document.createElement('ocds-process-table') as OcdsProcessTable;
  element.lang = 'en';
  const first = new Promise<T>((resolve) => element.addEventListener('ocds-render', () => resolve(atFirstRows(element)), { once: true }));
  element.data = data;
  document.body.append(element);
  return { element, first: await first };
}

describe('<ocds-process-table>: the rows not drawn yet', () => {
  let pkg: Json;
  let element: OcdsProcessTable | undefined;
  before(async () => {
    pkg = await fetchJson(ARMENIA);
    // One release per process and more processes than a page: the second page is not worked out with the first.
    expect(new Set(pkg.releases.map((r: Json) => r.ocid)).size).to.equal(pkg.releases.length);
    expect(pkg.releases.length).to.be.greaterThan(50);
  });
  afterEach(() => element?.remove());

  it('rows and the CSV read as the first rows are drawn hold every process, with the amounts of the fixture JSON', async () => {
    const made = await tableWith(pkg, (table) => ({ rows: table.rows.map((row) => ({ ...row })), csv: table.csv(), currency: table.shownCurrency! }));
    element = made.element;
    const { rows, csv, currency } = made.first;
    expect(rows.map((r) => r.ocid).sort()).to.deep.equal(pkg.releases.map((r: Json) => r.ocid).sort());
    let amounts = 0;
    for (const release of pkg.releases) {
      const expected = expectedSpending([release]);
      const row = rows.find((r) => r.ocid === release.ocid)!;
      for (const stage of STAGES) {
        const want = expected.find((e) => e.currency === currency && e.stage === stage)?.amount;
        expect(row[stage], `${release.ocid} ${stage}`).to.equal(want);
        if (want !== undefined) amounts++;
      }
    }
    expect(amounts).to.be.greaterThan(40);
    // The CSV: a line per process, each ocid once.
    for (const release of pkg.releases) expect(csv.split(release.ocid).length - 1, release.ocid).to.equal(1);
    // The same rows as once the idle work is done, but for the red flags, which come with it.
    await element.rendered;
    expect(element.rows.map(({ flags: _, ...row }) => row)).to.deep.equal(rows.map(({ flags: _, ...row }) => row));
  });

  it('page 2 opened before its rows are worked out shows the processes 51–100 with their titles, then the red flags the fixture raises', async () => {
    const made = await tableWith(pkg, (table) => button(table, '.pages button', 'Next page').click());
    element = made.element;
    await element.updateComplete;
    const processes = fromOcds(structuredClone(pkg)).processes.slice(50, 100);
    const release = new Map(pkg.releases.map((r: Json) => [r.ocid, r]));
    expect(bodyRows(element).map((tr) => tr.dataset.ocid)).to.deep.equal(processes.map((p) => p.ocid));
    const titles = bodyRows(element).map((tr) => tr.querySelector('td')!.textContent!.trim());
    // A process the data gives no title is shown as the English fallback (the cell is never blank).
    expect(titles).to.deep.equal(processes.map((p) => (release.get(p.ocid) as Json).tender?.title || 'Untitled process'));
    await element.rendered;
    const core = redFlags(fromOcds(structuredClone(pkg))).OCID ?? {};
    const want = processes.map((p) => Object.keys(core[p.ocid] ?? {}).sort().join(' '));
    expect(want.some(Boolean)).to.equal(true);
    // Still page 2, its red-flags cells filled in.
    expect(bodyRows(element).map((tr) => tr.dataset.ocid)).to.deep.equal(processes.map((p) => p.ocid));
    expect(bodyRows(element).map((tr) => [...tr.querySelectorAll('td')].at(-1)!.textContent!.trim())).to.deep.equal(want);
  });

  it('a sort chosen before the other rows are worked out orders every process by the fixture amounts, missing last', async () => {
    const made = await tableWith(pkg, (table) => {
      button(table, 'thead th button', 'Awarded').click();
      return table.shownCurrency!;
    });
    element = made.element;
    await element.updateComplete;
    const currency = made.first;
    const order = fromOcds(structuredClone(pkg)).processes.map((p) => p.ocid);
    const awarded = new Map<string, number | undefined>(pkg.releases.map((r: Json) => [r.ocid as string, expectedSpending([r]).find((e) => e.currency === currency && e.stage === 'awarded')?.amount]));
    expect([...awarded.values()].filter((v) => v !== undefined).length).to.be.greaterThan(1);
    // Descending, stable, rows without an awarded amount last (a consistent comparator: engines differ on others).
    const expected = [...order].sort((a, b) => {
      const [x, y] = [awarded.get(a), awarded.get(b)];
      if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
      return y - x;
    });
    expect(element.rows.map((r) => r.ocid)).to.deep.equal(expected);
    expect(bodyRows(element).map((tr) => tr.dataset.ocid)).to.deep.equal(expected.slice(0, 50));
  });
});
