// The iframe embed with widget=process-table (the built dist/cdn/embed.html): the table drawn with its own
// parameters (columns, query, sort-by, sort-direction), and bad values of them explained as for the other widgets.
import { expect } from '@open-wc/testing';
import { json, openPage, until, type ChartLike } from './helpers.js';

const EMBED = '/dist/cdn/embed.html';
const ARMENIA = '/api/files/armenia/sample-data/6.json';

type Table = ChartLike & { rendered: Promise<void>; query: string };

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

/** The table in the built embed page opened with `params`, once it has its rows. */
async function embedded(params: Record<string, string>): Promise<Table> {
  const page = await openPage(`${EMBED}?${new URLSearchParams(params)}`, { width: 900, height: 700 });
  const table = await until(() => page.document.querySelector('ocds-process-table') as Table | null, 'the table element');
  await until(() => table.status === 'ready' && table.shadowRoot?.querySelector('tbody'), 'the table to draw');
  await table.rendered;
  return table;
}
const headers = (table: Table) => [...table.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

async function frameAlert(params: Record<string, string>): Promise<string> {
  const page = await openPage(`${EMBED}?${new URLSearchParams(params)}`, { width: 700, height: 300 });
  const alert = await until(() => page.document.querySelector('[role="alert"]'), 'the error message');
  expect(page.document.querySelector('ocds-process-table'), 'no table for bad parameters').to.equal(null);
  return alert.textContent ?? '';
}

describe('iframe embed: widget=process-table', () => {
  it('columns, sort-by and sort-direction: those columns, rows in that order (tenderers from the JSON, none last)', async () => {
    const releases: Record<string, any>[] = (await json(ARMENIA)).releases;
    const table = await embedded({ widget: 'process-table', src: ARMENIA, columns: 'title method tenderers', 'sort-by': 'tenderers', 'sort-direction': 'descending' });
    expect(headers(table)).to.deep.equal(['Title', 'Method', 'Tenderers']);
    expect(table.getAttribute('sort-by')).to.equal('tenderers');
    const published = releases.map((r) => r.tender?.numberOfTenderers).filter((n): n is number => typeof n === 'number');
    expect(new Set(published).size).to.be.greaterThan(2);
    const want = [...published.sort((a, b) => b - a), ...Array(releases.length - published.length).fill(undefined)];
    expect(table.rows.map((row) => row.tenderers)).to.deep.equal(want);
    expect(table.rows.map((row) => row.ocid).sort()).to.deep.equal(releases.map((r) => r.ocid).sort());
    // The page drawn: the first rows in that order, the sorted header says so.
    const firstCells = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[2]!.textContent!.trim());
    expect(firstCells.slice(0, 5)).to.deep.equal(want.slice(0, 5).map(String));
    const sorted = [...table.shadowRoot!.querySelectorAll('thead th')].find((th) => th.textContent!.trim() === 'Tenderers')!;
    expect(sorted.getAttribute('aria-sort')).to.equal('descending');
  });

  it('query and lang=es: the search box holds the query, the rows are its matches, highlighted, in Spanish', async () => {
    const releases: Record<string, any>[] = (await json(ARMENIA)).releases;
    // A supplier's name, searched in lower case: the processes that award it (from the JSON).
    const supplier = 'HAYKAKAN CRAGRER SPY';
    const theirs = releases.filter((r) => (r.awards ?? []).some((a: any) => a.suppliers.some((s: any) => s.name === supplier))).map((r) => r.ocid);
    expect(theirs.length).to.be.greaterThan(1);
    const table = await embedded({ widget: 'process-table', src: ARMENIA, query: supplier.toLowerCase(), columns: 'title suppliers', lang: 'es' });
    expect(table.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal(supplier.toLowerCase());
    expect(table.rows.map((row) => row.ocid).sort()).to.deep.equal(theirs.sort());
    expect(headers(table)).to.deep.equal(['Título', 'Proveedores']);
    // Each word of the query marked in the suppliers cell.
    const marked = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')[1]!.querySelectorAll('mark')].map((mark) => mark.textContent).join(' '));
    expect(marked).to.deep.equal(theirs.map(() => supplier));
    expect(table.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain(`${theirs.length} procesos`);
  });

  it('explains bad columns, sort-by, sort-direction, an over-long query and unknown parameters, in English and Spanish', async () => {
    const bad = { widget: 'process-table', src: ARMENIA, columns: 'title price', 'sort-by': 'price', 'sort-direction': 'up', query: 'x'.repeat(501), rows: '10' };
    const english = await frameAlert(bad);
    expect(english).to.include('columns: must be one or more of title buyer suppliers method stage status tendered awarded contracted paid start award signature end tenderers flags ocid, separated by spaces');
    expect(english).to.include('sort-by: must be one of title, buyer');
    expect(english).to.include('sort-direction: must be one of ascending, descending');
    expect(english).to.include('query: must be at most 500 characters long');
    expect(english).to.include('rows: not an option of process-table');
    const spanish = await frameAlert({ ...bad, lang: 'es' });
    expect(spanish).to.include('columns: debe ser uno o más de title buyer');
    expect(spanish).to.include('sort-direction: debe ser uno de ascending, descending');
    expect(spanish).to.include('query: debe tener como máximo 500 caracteres');
    expect(spanish).to.include('rows: no es una opción de process-table');
    expect(spanish).not.to.match(/must be|not an option/);
  });
});
