import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/process-table/define.js';
import '../../components/dataset/define.js';
import type { OcdsProcessTable } from '../../components/process-table/process-table.js';
import { expectedSpending, fetchJson } from '../spending-expected.js';
import { cspPageOutcome } from '../helpers/csp-frame.js';
import { redFlags } from '../../src/analysis/red-flags.js';
import { fromOcds } from '../../src/data/from-ocds.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map(
  (name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`,
);
const HOSTILE = '/test/hostile/files/hostile-text.json';
const ARMENIA = '/test/fixtures/ocds/real/armenia/sample-data/6.json';
const PARAGUAY_1_0 = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);

async function table(data: unknown, attrs: { query?: string; lang?: string; theme?: string } = {}): Promise<OcdsProcessTable> {
  const element = await fixture<OcdsProcessTable>(
    html`<ocds-process-table .data=${data} query=${attrs.query ?? ''} lang=${attrs.lang ?? 'en'} theme=${attrs.theme ?? 'light'}></ocds-process-table>`,
  );
  await element.updateComplete;
  await element.rendered;
  return element;
}
const waitFor = (test: () => boolean) => waitUntil(test, 'timed out', { timeout: 3000 });
/** After an update, once the element's own focus moves (queued on updateComplete) have run. */
const settledFocus = async (element: OcdsProcessTable) => {
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
};
const bodyRows = (element: OcdsProcessTable) => [...element.shadowRoot!.querySelectorAll('tbody tr')] as HTMLElement[];
const headerButton = (element: OcdsProcessTable, label: string) =>
  [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('thead th button')].find((b) => b.textContent!.trim() === label)!;

describe('<ocds-process-table>', () => {
  it('one row per INAI process with the MXN awarded amount computed from the fixture JSON; CSV = rows', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    expect(element.rows.map((r) => r.ocid).sort()).to.deep.equal(releases.map((r) => r.ocid).sort());
    expect(bodyRows(element)).to.have.length(releases.length);
    for (const release of releases) {
      const awarded = expectedSpending([release]).find((r) => r.currency === 'MXN' && r.stage === 'awarded')?.amount;
      expect(element.rows.find((r) => r.ocid === release.ocid)!.awarded).to.equal(awarded);
    }
    const csvLines = element.csv().trim().split('\r\n');
    expect(csvLines).to.have.length(releases.length + 1);
    expect(csvLines.slice(1).map((line) => line.split(',').at(-1))).to.deep.equal(element.rows.map((r) => r.ocid));
  });

  it('search by an accent-stripped word narrows rows, highlights and announces the count', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases, { query: 'asesoria' });
    const want = releases.filter((r) => /asesoría/i.test(r.tender.title)).map((r) => r.ocid);
    expect(want).to.have.length(1);
    expect(element.rows.map((r) => r.ocid)).to.deep.equal(want);
    expect(element.shadowRoot!.querySelector('mark')!.textContent).to.equal('Asesoría');
    expect(element.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain('1 process');
  });

  it('sorting by awarded: descending by number, missing amounts last; aria-sort follows', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    // The sort is stable: rows without an amount keep the order they had before.
    const before = element.rows.map((row) => row.ocid);
    headerButton(element, 'Awarded').click();
    await element.updateComplete;
    const awarded = new Map(releases.map((release) => [release.ocid, expectedSpending([release]).find((r) => r.currency === 'MXN' && r.stage === 'awarded')?.amount]));
    // A consistent comparator (two missing amounts compare equal): engines sort an inconsistent one differently.
    const expected = [...before].sort((a, b) => {
      const [x, y] = [awarded.get(a), awarded.get(b)];
      if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
      return y - x;
    });
    expect(element.rows.map((r) => r.ocid)).to.deep.equal(expected);
    expect(headerButton(element, 'Awarded').parentElement!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('keyboard: Enter on a row fires ocds-select and opens the detail; back returns focus to the row', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    const events: Json[] = [];
    element.addEventListener('ocds-select', (event) => events.push((event as CustomEvent).detail));
    const row = bodyRows(element).find((tr) => element.rows.find((r) => r.ocid === tr.dataset.ocid)?.awarded !== undefined)!;
    const ocid = row.dataset.ocid!;
    row.focus();
    await sendKeys({ press: 'Enter' });
    await settledFocus(element);
    expect(events.map((e) => [e.kind, e.id])).to.deep.equal([['process', ocid]]);
    expect(element.ocid).to.equal(ocid);
    expect(element.shadowRoot!.querySelector('.process-detail'), 'detail view').to.not.equal(null);
    const detail = element.shadowRoot!.querySelector('.process-detail')!;
    const awarded = element.rows.find((r) => r.ocid === ocid)!.awarded!;
    expect(detail.textContent).to.contain(new Intl.NumberFormat('en', { style: 'currency', currency: 'MXN' }).format(awarded));
    const spending = detail.querySelector<HTMLElement & { rows: Json[]; rendered: Promise<void> }>('ocds-spending-by-stage')!;
    await customElements.whenDefined('ocds-spending-by-stage');
    await (spending as unknown as { updateComplete: Promise<boolean> }).updateComplete; // rows are final then; drawing waits for the viewport
    expect(spending.rows.find((r) => r.stage === 'awarded' && r.currency === 'MXN')!.amount).to.equal(awarded);
    expect(detail.querySelector('ocds-contract-timeline')!.getAttribute('ocid')).to.equal(ocid);
    expect(element.shadowRoot!.activeElement?.outerHTML ?? String(document.activeElement?.outerHTML).slice(0, 80)).to.contain('class="back"');
    await sendKeys({ press: 'Enter' });
    await settledFocus(element);
    expect((element.shadowRoot!.activeElement as HTMLElement).dataset.ocid).to.equal(ocid);
  });

  it('hostile text stays text; javascript: document URLs are not links', async () => {
    const hostile = await fetchJson(HOSTILE);
    for (const release of hostile.releases) {
      release.tender = { ...(release.tender ?? {}), documents: [{ id: 'd', title: 'Doc', url: "javascript:window.__ocdsHostile='doc'" }] };
    }
    const element = await table(hostile);
    expect(element.shadowRoot!.querySelector('tbody script, tbody img')).to.equal(null);
    bodyRows(element)[0]!.click();
    await element.updateComplete;
    const detail = element.shadowRoot!.querySelector('.process-detail')!;
    expect(detail.textContent).to.contain('javascript:');
    expect([...detail.querySelectorAll('a')].some((a) => a.getAttribute('href')!.startsWith('javascript'))).to.equal(false);
    expect((window as Json).__ocdsHostile).to.equal(undefined);
  });

  for (const [lang, theme] of [['en', 'light'], ['es', 'dark']]) {
    it(`is accessible (${lang}, ${theme})`, async () => {
      const releases: Json[] = await Promise.all(INAI.map(fetchJson));
      const element = await table(releases, { lang, theme });
      if (lang === 'es') expect(headerButton(element, 'Adjudicado')).to.not.equal(undefined);
      await expect(element).to.be.accessible();
    });
  }
});

describe('<ocds-process-table>: permalink and dataset', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('#ocds-process=<ocid> in the page URL opens that process on load', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const ocid = releases[2].ocid;
    history.replaceState(null, '', `#ocds-process=${encodeURIComponent(ocid)}`);
    const element = await table(releases);
    expect(element.ocid).to.equal(ocid);
    const detail = element.shadowRoot!.querySelector('.process-detail')!;
    expect(detail.querySelector('h3')!.textContent).to.equal(releases[2].tender.title);
  });

  it('inside <ocds-dataset>: its filter narrows the table; choosing a row filters the siblings', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const [first, second] = releases;
    const wrapper = await fixture<HTMLElement>(html`<ocds-dataset .data=${releases} ocid=${first.ocid}>
      <ocds-process-table></ocds-process-table>
    </ocds-dataset>`);
    const narrowed = wrapper.querySelector<OcdsProcessTable>('ocds-process-table')!;
    await narrowed.updateComplete;
    await narrowed.rendered;
    expect(narrowed.rows.map((r) => r.ocid)).to.deep.equal([first.ocid]);

    const both = await fixture<HTMLElement>(html`<ocds-dataset .data=${releases}>
      <ocds-process-table></ocds-process-table><ocds-process-table class="sibling"></ocds-process-table>
    </ocds-dataset>`);
    const [chooser, sibling] = [...both.querySelectorAll<OcdsProcessTable>('ocds-process-table')];
    await chooser!.updateComplete;
    await chooser!.rendered;
    bodyRows(chooser!).find((tr) => tr.dataset.ocid === second.ocid)!.click();
    await sibling!.updateComplete;
    await sibling!.rendered;
    expect(sibling!.rows.map((r) => r.ocid)).to.deep.equal([second.ocid]);
    expect(chooser!.rows).to.have.length(releases.length);
  });
});

describe('<ocds-process-table> under a strict CSP', () => {
  it('loads, highlights a search and opens a process with zero violations', async () => {
    expect((await fetch('/test/csp/process-table.html')).headers.get('content-security-policy')).to.equal("script-src 'self'; style-src 'self'");
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/process-table.html', 900, 800);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.rows).to.equal(1);
    expect(outcome.marks).to.be.greaterThan(0);
    expect(outcome.detail).to.equal(true);
    expect(outcome.violations).to.deep.equal([]);
  });
});

describe('<ocds-process-table> at phone width', () => {
  it('shows title and awarded only, with no sideways scroll; `columns` chooses the columns', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const wrapper = await fixture<HTMLElement>(html`<div><ocds-process-table .data=${releases} lang="en"></ocds-process-table></div>`);
    wrapper.style.width = '360px';
    const element = wrapper.querySelector<OcdsProcessTable>('ocds-process-table')!;
    await element.updateComplete;
    await element.rendered;
    const visible = [...element.shadowRoot!.querySelectorAll<HTMLElement>('thead th')].filter((th) => th.offsetWidth > 0).map((th) => th.textContent!.trim());
    expect(visible).to.deep.equal(['Title', 'Awarded']);
    expect(element.scrollWidth).to.be.at.most(360);
    element.setAttribute('columns', 'title buyer paid');
    await element.updateComplete;
    const chosen = [...element.shadowRoot!.querySelectorAll<HTMLElement>('thead th')].map((th) => th.textContent!.trim());
    expect(chosen).to.deep.equal(['Title', 'Buyer', 'Paid']);
  });
});

describe('<ocds-process-table>: currencies, red flags, feeds', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('the currency switcher offers MXN and USD; choosing USD shows the USD amounts of the fixture JSON', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('[part="controls"] select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['MXN', 'USD']);
    expect(select.value).to.equal('MXN');
    select.value = 'USD';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    await element.rendered;
    expect(element.shownCurrency).to.equal('USD');
    const usd = releases.map((release) => [release.ocid, expectedSpending([release]).find((r) => r.currency === 'USD' && r.stage === 'awarded')?.amount]);
    expect(usd.filter(([, amount]) => amount !== undefined)).to.have.length.greaterThan(0);
    expect(element.rows.map((r) => [r.ocid, r.awarded])).to.deep.equal(usd);
    expect(element.rows.every((r) => r.currency === 'USD')).to.equal(true);
    const [ocid, amount] = usd.find(([, a]) => a !== undefined)!;
    const cells = bodyRows(element).find((tr) => tr.dataset.ocid === ocid)!.textContent!;
    expect(cells).to.contain(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(amount as number));
  });

  it('flags column = the red flags of each process; R003 exactly where the tender period is under 15 days', async () => {
    const pkg = await fetchJson(ARMENIA);
    const element = await table(pkg);
    const core = redFlags(fromOcds(structuredClone(pkg))).OCID ?? {};
    expect(element.rows.map((r) => [r.ocid, r.flags])).to.deep.equal(
      element.rows.map((r) => [r.ocid, Object.keys(core[r.ocid] ?? {}).sort().join(' ')]),
    );
    // R003 from the JSON dates, by hand: whole days from tenderPeriod.startDate to endDate below cardinal's 15
    // (cardinal leaves cancelled tenders out).
    const short = pkg.releases
      .filter((r: Json) => r.tender?.status !== 'cancelled' && r.tender?.tenderPeriod?.startDate && r.tender?.tenderPeriod?.endDate)
      .filter((r: Json) => Math.trunc((Date.parse(r.tender.tenderPeriod.endDate) - Date.parse(r.tender.tenderPeriod.startDate)) / 86_400_000) < 15)
      .map((r: Json) => r.ocid)
      .sort();
    expect(short.length).to.be.greaterThan(0);
    expect(element.rows.filter((r) => r.flags.split(' ').includes('R003')).map((r) => r.ocid).sort()).to.deep.equal(short);
    expect(element.shadowRoot!.querySelector('.flags-note a')!.getAttribute('href')).to.match(/^https:\/\/cardinal/);

    // Searchable by code; sortable, processes without flags last.
    element.query = 'r003';
    await element.updateComplete;
    expect(element.rows.map((r) => r.ocid).sort()).to.deep.equal(short);
    element.query = '';
    await element.updateComplete;
    headerButton(element, 'Red flags').click();
    await element.updateComplete;
    const flagged = element.rows.findIndex((r) => r.flags === '');
    expect(flagged).to.be.greaterThan(0);
    expect(element.rows.slice(flagged).every((r) => r.flags === '')).to.equal(true);

    // The detail view gives the reason in words.
    const release = pkg.releases.find((r: Json) => r.ocid === short[0]);
    const days = Math.trunc((Date.parse(release.tender.tenderPeriod.endDate) - Date.parse(release.tender.tenderPeriod.startDate)) / 86_400_000);
    element.select(short[0]);
    await element.updateComplete;
    const reasons = element.shadowRoot!.querySelector('.process-detail .flag-reasons')!.textContent!.replace(/\s+/g, ' ');
    expect(reasons).to.contain(`R003 Short submission period: tender open ${days} days; threshold 15 days`);
  });

  it('the red-flags column fills in after the first rows are drawn, and the page the reader is on stays', async () => {
    const pkg = await fetchJson(ARMENIA);
    expect(pkg.releases.length).to.be.greaterThan(50); // two pages
    const element = document.createElement('ocds-process-table') as OcdsProcessTable;
    element.lang = 'en';
    const first = new Promise<{ flags: string[]; flagCells: string[] }>((resolve) =>
      element.addEventListener(
        'ocds-render',
        () => {
          const cells = bodyRows(element).map((tr) => tr.querySelectorAll('td')[tr.querySelectorAll('td').length - 1]!.textContent!.trim());
          resolve({ flags: element.rows.map((r) => r.flags), flagCells: cells });
          // The reader moves on to the second page before the flags are in.
          [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pages button')].find((b) => b.textContent!.trim() === 'Next page')!.click();
        },
        { once: true },
      ),
    );
    element.data = pkg;
    document.body.append(element);
    try {
      const drawn = await first;
      expect(drawn.flagCells).to.have.length(50);
      expect(drawn.flags.every((f) => f === '') && drawn.flagCells.every((c) => c === '')).to.equal(true);
      await element.rendered;
      const core = redFlags(fromOcds(structuredClone(pkg))).OCID ?? {};
      const want = element.rows.map((r) => [r.ocid, Object.keys(core[r.ocid] ?? {}).sort().join(' ')]);
      expect(want.filter(([, flags]) => flags).length).to.be.greaterThan(0);
      expect(element.rows.map((r) => [r.ocid, r.flags])).to.deep.equal(want);
      // Still the second page, its flag cells filled in.
      expect(bodyRows(element).map((tr) => tr.dataset.ocid)).to.deep.equal(element.rows.slice(50, 100).map((r) => r.ocid));
      const cells = bodyRows(element).map((tr) => [...tr.querySelectorAll('td')].at(-1)!.textContent!.trim());
      expect(cells).to.deep.equal(element.rows.slice(50, 100).map((r) => r.flags));
    } finally {
      element.remove();
    }
  });

  it('a search typed as the first rows are drawn (before the search texts are in) shows its results once they are', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const want = releases.filter((r) => /asesoría/i.test(r.tender.title)).map((r) => r.ocid);
    expect(want).to.have.length(1);
    const element = document.createElement('ocds-process-table') as OcdsProcessTable;
    element.lang = 'en';
    const typed = new Promise<number>((resolve) =>
      element.addEventListener(
        'ocds-render',
        () => {
          const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
          input.value = 'asesoria';
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          resolve(element.rows.length);
        },
        { once: true },
      ),
    );
    element.data = releases;
    document.body.append(element);
    try {
      expect(await typed).to.equal(releases.length);
      await element.rendered;
      expect(element.rows.map((r) => r.ocid)).to.deep.equal(want);
      expect(bodyRows(element).map((tr) => tr.dataset.ocid)).to.deep.equal(want);
      expect(element.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain('1 process');
    } finally {
      element.remove();
    }
  });

  it('on data whose red flags and search texts take many slices, rendered resolves with both in; a search typed before gives its results', async () => {
    const pkg = await fetchJson(ARMENIA);
    // 3,000 processes: Armenia's releases under new ocids, so the work after the first rows runs in many slices.
    const releases = Array.from({ length: 30 }, (_, copy) =>
      pkg.releases.map((r: Json) => ({ ...structuredClone(r), ocid: `${r.ocid}-copy${copy}`, id: `${r.id}-copy${copy}` })),
    ).flat();
    const word = 'copy17';
    const element = document.createElement('ocds-process-table') as OcdsProcessTable;
    element.lang = 'en';
    const first = new Promise<void>((resolve) =>
      element.addEventListener(
        'ocds-render',
        () => {
          const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
          input.value = word;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          resolve();
        },
        { once: true },
      ),
    );
    element.data = { ...pkg, releases };
    document.body.append(element);
    try {
      await first;
      await element.rendered;
      expect(element.rows.map((r) => r.ocid).sort()).to.deep.equal(releases.filter((r: Json) => r.ocid.endsWith(`-${word}`)).map((r: Json) => r.ocid).sort());
      expect(element.rows.some((r) => r.flags)).to.equal(true);
    } finally {
      element.remove();
    }
  });

  it('typed into the box a key at a time, the search gives what a brute-force filter of the fixture gives', async () => {
    const pkg = await fetchJson(ARMENIA);
    const element = await table(pkg);
    // The test's own folding: lower case, accents dropped, "ñ" kept.
    const fold = (text: string) => text.normalize('NFC').replace(/[ñÑ]/g, '\u0000').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\u0000/g, 'ñ');
    const core = redFlags(fromOcds(structuredClone(pkg))).OCID ?? {};
    // Armenia publishes each organisation under one name, so its name variants are the names in its own release.
    const partyText = (release: Json, id: string | undefined) =>
      (release.parties ?? []).filter((p: Json) => p.id === id).flatMap((p: Json) => [p.name, p.identifier?.legalName]);
    const texts: { ocid: string; text: string }[] = pkg.releases.map((r: Json) => ({
      ocid: r.ocid as string,
      text: fold(
        [
          r.ocid, r.tender?.title, r.tender?.description, r.buyer?.name, ...partyText(r, r.buyer?.id),
          ...(r.awards ?? []).flatMap((a: Json) => (a.suppliers ?? []).flatMap((s: Json) => [s.name, ...partyText(r, s.id)])),
          ...[r.tender?.items, ...(r.awards ?? []).map((a: Json) => a.items), ...(r.contracts ?? []).map((c: Json) => c.items)].flatMap((items) => (items ?? []).map((i: Json) => i.description)),
          ...Object.keys(core[r.ocid] ?? {}),
        ].filter((x) => typeof x === 'string').join('\n'),
      ),
    }));
    const brute = (query: string) => {
      const words = fold(query).split(/\s+/).filter(Boolean);
      return texts.filter(({ text }) => words.every((word) => text.includes(word))).map(({ ocid }) => ocid).sort();
    };
    // A word common in the titles, typed a letter at a time, then a second word, then taken back letter by letter;
    // then a red-flag code.
    const counts = new Map<string, number>();
    for (const r of pkg.releases) for (const word of fold(String(r.tender?.title ?? '')).split(/[^\p{L}\p{N}]+/u)) if (word.length >= 5) counts.set(word, (counts.get(word) ?? 0) + 1);
    const [word] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const typed = [...[...word].map((_, i) => word.slice(0, i + 1)), `${word} a`, `${word} an`, ...[...word].map((_, i) => word.slice(0, word.length - i)), '', 'r0', 'r003', 'R003 ' + word.slice(0, 3)];
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    const sizes = new Set<number>();
    for (const query of typed) {
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await element.updateComplete;
      const want = brute(query);
      sizes.add(want.length);
      expect(element.rows.map((r) => r.ocid).sort(), `query "${query}"`).to.deep.equal(want);
    }
    expect(sizes.size, 'the queries give different results').to.be.greaterThan(3);
  });

  it('Spanish: the flags note and the copy confirmation are translated', async () => {
    const pkg = await fetchJson(ARMENIA);
    const element = await table(pkg, { lang: 'es' });
    expect(element.shadowRoot!.querySelector('.flags-note')!.textContent).to.contain('no una prueba');
    element.select(element.rows[0]!.ocid);
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.process-detail .copy')!.click();
    await waitFor(() => element.shadowRoot!.querySelector('.copied')!.textContent!.trim() !== '');
    expect(element.shadowRoot!.querySelector('.copied')!.textContent).to.match(/Enlace copiado|Copie este enlace/);
  });

  it('"copy link" gives the permalink, confirms it (or shows it), and the permalink opens the process', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    const ocid = releases[1].ocid;
    const url = element.permalink(ocid);
    expect(url).to.equal(`${location.origin}${location.pathname}${location.search}#ocds-process=${encodeURIComponent(ocid)}`);
    element.select(ocid);
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.process-detail .copy')!.click();
    await waitFor(() => element.shadowRoot!.querySelector('.copied')!.textContent!.trim() !== '');
    const said = element.shadowRoot!.querySelector('.copied')!.textContent!.replace(/\s+/g, ' ').trim();
    expect([ 'Link copied', `Copy this link: ${url}`]).to.include(said);
    history.replaceState(null, '', new URL(url).hash);
    const opened = await table(releases);
    expect(opened.ocid).to.equal(ocid);
    expect(opened.shadowRoot!.querySelector('.process-detail h3')!.textContent).to.equal(releases[1].tender.title);
  });

  it('keyboard only: type in the search box, Tab to a result, Enter opens it, back returns focus to the row', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const element = await table(releases);
    const want = releases.filter((r) => /asesoría/i.test(r.tender.title)).map((r) => r.ocid);
    element.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await sendKeys({ type: 'asesoria' });
    await element.updateComplete;
    expect(element.rows.map((r) => r.ocid)).to.deep.equal(want);
    let presses = 0;
    while ((element.shadowRoot!.activeElement as HTMLElement | null)?.tagName !== 'TR' && presses++ < 20) await sendKeys({ press: 'Tab' });
    const row = element.shadowRoot!.activeElement as HTMLElement;
    expect(row.tagName).to.equal('TR');
    expect(row.dataset.ocid).to.equal(want[0]);
    await sendKeys({ press: 'Enter' });
    await settledFocus(element);
    expect(element.shadowRoot!.querySelector('.process-detail')).to.not.equal(null);
    expect((element.shadowRoot!.activeElement as HTMLElement).classList.contains('back')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settledFocus(element);
    expect((element.shadowRoot!.activeElement as HTMLElement).dataset.ocid).to.equal(want[0]);
    expect(element.query).to.equal('asesoria');
  });

  it('a 1.0 feed (Paraguay record packages): one row per record, awarded amounts from the fixture JSON', async () => {
    const packages: Json[] = await Promise.all(PARAGUAY_1_0.map(fetchJson));
    const compiled: Json[] = packages.flatMap((pkg) => pkg.records.map((record: Json) => record.compiledRelease));
    const element = await table(packages);
    expect(element.rows.map((r) => r.ocid).sort()).to.deep.equal(compiled.map((r) => r.ocid).sort());
    const currency = element.shownCurrency!;
    for (const release of compiled) {
      const awarded = expectedSpending([release]).find((r) => r.currency === currency && r.stage === 'awarded')?.amount;
      expect(element.rows.find((r) => r.ocid === release.ocid)!.awarded, release.ocid).to.equal(awarded);
    }
    expect(element.rows.some((r) => r.awarded !== undefined)).to.equal(true);
  });

  it('finds a process by another name its supplier is published under elsewhere', async () => {
    const release = await fetchJson(INAI[0]);
    const supplier = release.awards[0].suppliers[0];
    const variant = structuredClone(release);
    variant.ocid = 'PC-0010-variant';
    variant.id = `${release.id}-variant`;
    variant.awards[0].suppliers[0].name = 'MUNDO ES TUYO SA DE CV';
    for (const p of variant.parties) if (p.id === supplier.id) p.name = 'MUNDO ES TUYO SA DE CV';
    const element = await table([release, variant], { query: 'mundo es tuyo sa de cv' });
    expect(element.rows.map((r) => r.ocid).sort()).to.deep.equal([release.ocid, variant.ocid].sort());
  });
});
