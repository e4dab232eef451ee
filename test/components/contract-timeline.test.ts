import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/contract-timeline/define.js';
import type { OcdsContractTimeline } from '../../components/contract-timeline/contract-timeline.js';
import { timelineRows } from '../../src/analysis/timeline.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import { cspPageOutcome } from '../helpers/csp-frame.js';
import { activeOption, activeText, press, readAll, tabIntoList } from '../helpers/item-list.js';
import esES from '../../src/i18n/d3-locales/es-ES.js';
import enUS from '../../src/i18n/d3-locales/en-US.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const FICTIONAL_PACKAGE = '/test/fixtures/ocds/merge/sample-data-fictional-1.1/ocds-213czf-000-00001.json';
const getJson = async (url: string): Promise<Json> => (await fetch(url)).json();

async function ready(element: OcdsContractTimeline): Promise<OcdsContractTimeline> {
  if (element.status !== 'ready' || !element.shadowRoot!.querySelector('.chart svg')) await element.rendered;
  return element;
}

const svgTexts = (element: OcdsContractTimeline) =>
  [...element.shadowRoot!.querySelectorAll('.chart svg text')].map((text) => text.textContent ?? '');
const symbolsLabelled = (element: OcdsContractTimeline, prefix: string) =>
  [...element.shadowRoot!.querySelectorAll(`.chart svg g.mark-symbol path[aria-label^="${prefix}"]`)];
const translateX = (element: Element) => Number(/translate\(([-\d.]+)/.exec(element.getAttribute('transform') ?? '')?.[1]);

/** A release of a process with no dated event (its own publication date is not an event of the process). */
const undatedRelease = {
  ocid: 'ocds-test-undated',
  id: 'u-1',
  date: '2020-01-01T00:00:00Z',
  tag: ['planning'],
  tender: { id: 't', title: 'A tender nobody dated' },
};

// First in the file: the element's analysis and chart code have not loaded yet, so `data` waits for them.
describe('<ocds-contract-timeline>: code loaded with the data', () => {
  it('is ready with its rows after await updateComplete when given data', async () => {
    const record = await getJson(CDMX_RECORD);
    const element = document.createElement('ocds-contract-timeline');
    element.data = record;
    document.body.append(element);
    try {
      await element.updateComplete;
      expect(element.status).to.equal('ready');
      const releases = element.rows.filter((row) => row.kind === 'release');
      expect(releases.map((row) => row.start)).to.deep.equal(record.releases.map((r: Json) => r.date));
      const transactions = (record.compiledRelease.contracts as Json[]).flatMap((c) => c.implementation?.transactions ?? []);
      expect(element.rows.filter((row) => row.event === 'transaction')).to.have.length(transactions.length);
      await element.rendered; // the summary follows the chart's first frame
      expect(element.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain(record.compiledRelease.tender.title);
    } finally {
      element.remove();
    }
  });
});

describe('<ocds-contract-timeline>: one process', () => {
  let record: Json;
  before(async () => {
    record = await getJson(CDMX_RECORD);
  });

  it('has the rows of timelineRows and draws payments in time order', async () => {
    const ocid: string = record.compiledRelease.ocid;
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline ocid=${ocid} .data=${record}></ocds-contract-timeline>`);
    await ready(element);
    expect(element.status).to.equal('ready');
    expect(element.rows).to.deep.equal(timelineRows(fromOcds(record), { ocid }));

    const payments = symbolsLabelled(element, 'Payment');
    const transactions = record.compiledRelease.contracts[0].implementation.transactions as Json[];
    // Lane points and burn-up points, each in time order.
    expect(payments.length).to.equal(transactions.length * 2);
    const lane = payments.slice(0, transactions.length).map(translateX);
    expect(lane).to.deep.equal([...lane].sort((a, b) => a - b));
    const expectedDays = transactions.map((t) => Date.parse(t.date)).sort((a, b) => a - b);
    // Same date, same x: distinct positions follow distinct dates.
    expect(new Set(lane).size).to.equal(new Set(expectedDays).size);
  });

  it('writes month names in Spanish under lang="es" and summarises in Spanish', async () => {
    const ocid: string = record.compiledRelease.ocid;
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline lang="es" ocid=${ocid} .data=${record}></ocds-contract-timeline>`);
    await ready(element);
    const texts = svgTexts(element);
    const spanish = new Set([...esES.time.months, ...esES.time.shortMonths].map((m) => m.toLowerCase()));
    const englishOnly = [...enUS.time.months, ...enUS.time.shortMonths].filter((m) => !spanish.has(m.toLowerCase()));
    expect(texts.some((text) => spanish.has(text.toLowerCase()))).to.equal(true);
    expect(texts.some((text) => englishOnly.includes(text))).to.equal(false);
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.contain('Línea de tiempo');
    expect(element.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('pagos');
  });

  it('lets the keyboard move between the releases, each saying what it added', async () => {
    const ocid: string = record.compiledRelease.ocid;
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline ocid=${ocid} .data=${record}></ocds-contract-timeline>`);
    await ready(element);
    const texts = await readAll(element);
    expect(texts.map((text) => text.split(',')[0])).to.deep.equal(record.releases.map((r: Json) => `Release ${r.id}`));
    expect(texts[0]).to.contain('tender notice');
    await press(element, 'Home');
    await press(element, 'ArrowDown');
    expect(activeText(element)).to.equal(texts[1]);
    await press(element, 'End');
    expect(activeText(element)).to.equal(texts[texts.length - 1]);
    await press(element, 'ArrowUp');
    expect(activeText(element)).to.equal(texts[texts.length - 2]);
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(texts.length - 1));
  });

  it('passes axe', async () => {
    const ocid: string = record.compiledRelease.ocid;
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline ocid=${ocid} .data=${record}></ocds-contract-timeline>`);
    await ready(element);
    await expect(element).to.be.accessible();
  });

  it('turns bad dates into issues, never marks at 1970', async () => {
    const release = {
      ocid: 'ocds-test-bad', id: 'b-1', date: '2019-05-01T00:00:00Z', tag: ['tender'],
      tender: {
        id: 't', title: 'Bad dates',
        tenderPeriod: { startDate: '1970-01-01T00:00:00Z', endDate: '2019-05-20' },
        enquiryPeriod: { startDate: '', endDate: 'soon' },
        awardPeriod: { startDate: '2019-06-10', endDate: '2019-06-01' },
      },
    };
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${release}></ocds-contract-timeline>`);
    await ready(element);
    expect(element.rows.every((row) => !row.start.startsWith('1970') && !(row.end ?? '').startsWith('1970'))).to.equal(true);
    expect(element.rows.filter((r) => r.kind !== 'release').map((r) => [r.event, r.start])).to.deep.equal([['tenderPeriod', '2019-05-20']]);
    const paths = element.issues.map((issue) => issue.path).join(' ');
    expect(paths).to.contain('tenderPeriod.startDate');
    expect(paths).to.contain('enquiryPeriod.endDate');
    expect(paths).to.contain('awardPeriod');
    expect(svgTexts(element).join(' ')).not.to.contain('1970');
  });

  it('draws the data-date rule while the process runs as of its latest release, and flags no contract overdue against the reader\'s clock', async () => {
    const day = 86_400_000;
    const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
    const release = {
      ocid: 'ocds-test-running', id: 'r-1', date: `${iso(-200)}T00:00:00Z`, tag: ['contract'],
      awards: [{ id: 'a1', status: 'active' }],
      contracts: [
        { id: 'late', awardID: 'a1', title: 'Late works', status: 'active', period: { startDate: iso(-200), endDate: iso(-10) } },
        { id: 'long', awardID: 'a1', title: 'Long works', status: 'active', period: { startDate: iso(-100), endDate: iso(300) } },
      ],
    };
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${release}></ocds-contract-timeline>`);
    await ready(element);
    // The data has no published date: as of its latest release, 200 days ago, "Late works" had not ended yet.
    expect(svgTexts(element)).to.include('Date of the data');
    expect(element.shadowRoot!.querySelector('[part="summary"]')!.textContent).not.to.contain('Overdue');
    expect(element.shadowRoot!.querySelector('[part="summary"]')!.textContent).not.to.contain('Long works');
  });
});

/** The phrases a release's description should hold, read from the release JSON (en or es). */
function releasePhrases(release: Json, lang: 'en' | 'es'): string[] {
  const list = (value: unknown): Json[] => (Array.isArray(value) ? value : []);
  const money = (value: Json) => new Intl.NumberFormat(lang, { style: 'currency', currency: value.currency }).format(value.amount);
  const words = {
    en: { budget: 'budget', award: 'award', contract: 'contract', payment: ['payment', 'payments'], document: ['document', 'documents'] },
    es: { budget: 'presupuesto', award: 'adjudicación', contract: 'contrato', payment: ['pago', 'pagos'], document: ['documento', 'documentos'] },
  }[lang];
  const counted = (count: number, [one, other]: string[]) => (count ? [`${count} ${count === 1 ? one : other}`] : []);
  const awards = list(release.awards);
  const contracts = list(release.contracts);
  const implementations = contracts.map((c) => c.implementation ?? {});
  const documents = [release.planning, release.tender, ...awards, ...contracts, ...implementations].reduce(
    (n, part) => n + list(part?.documents).length,
    0,
  );
  return [
    ...(release.planning?.budget ? [`(${words.budget} ${money(release.planning.budget.amount)})`] : []),
    ...(release.tender?.value ? [`(${money(release.tender.value)})`] : []),
    ...awards.map((a) => `${words.award} ${a.id} (${money(a.value)})`),
    ...contracts.map((c) => `${words.contract} ${c.id} (${money(c.value)})`),
    ...counted(implementations.reduce((n, i) => n + list(i.transactions).length, 0), words.payment),
    ...counted(documents, words.document),
  ];
}

describe('<ocds-contract-timeline>: ranked rows at 400 px', () => {
  const towns = ['Gyumri', 'Vanadzor', 'Ijevan'];
  const releases = towns.map((town, i) => ({
    ocid: `ocds-test-rank-${i}`, id: `r-${i}`, date: '2020-01-01T00:00:00Z', tag: ['contract'],
    tender: { id: 't', title: `Supply of office furniture for the regional hospital of ${town}` },
    awards: [{ id: 'a', status: 'active' }],
    contracts: [{ id: 'c', awardID: 'a', status: 'active', value: { amount: (i + 1) * 125000, currency: 'AMD' },
      period: { startDate: `2020-0${i + 2}-01`, endDate: `2020-0${i + 5}-01` } }],
  }));
  it('shows each row\'s value and keeps labels distinguishable, by cutting them in the middle', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="width: 400px">
      <ocds-contract-timeline sort="value" .data=${releases}></ocds-contract-timeline>
    </div>`);
    const element = await ready(wrap.firstElementChild as OcdsContractTimeline);
    const labels = [...element.shadowRoot!.querySelectorAll('.chart svg .role-axis-label text')].map((t) => t.textContent!);
    const ranked = [...releases].sort((a, b) => b.contracts[0].value.amount - a.contracts[0].value.amount);
    const rowLabels = ranked.map((_, i) => labels.find((label) => label.startsWith(`${i + 1}.`))!);
    expect(rowLabels.every(Boolean), labels.join(' | ')).to.equal(true);
    expect(new Set(rowLabels).size).to.equal(ranked.length);
    ranked.forEach((release, i) => {
      const value = new Intl.NumberFormat('en', { style: 'currency', currency: 'AMD', notation: 'compact', maximumFractionDigits: 1 })
        .format(release.contracts[0].value.amount);
      expect(rowLabels[i]).to.contain(value);
      // Cut in the middle: the start and the town that tells rows apart both stay.
      expect(rowLabels[i]).to.contain('…');
      expect(rowLabels[i]).to.contain(release.tender.title.split(' ').at(-1)!.slice(-4));
    });
  });
});

describe('<ocds-contract-timeline>: untitled processes in the summary', () => {
  it('names them by a short form of their ocid, not the raw id', async () => {
    const ocids = ['ocds-9x7a2b-AM-PPS-7dbf4fa867c8412e9a1b0c2d3e4f5a6b', 'ocds-9x7a2b-AM-PPS-0a1b2c3d4e5f60718293a4b5c6d7e8f9'];
    const releases = ocids.map((ocid, i) => ({
      ocid, id: `r-${i}`, date: '2020-01-01T00:00:00Z', tag: ['award'],
      awards: [{ id: 'a', status: 'active', date: `2020-0${i + 1}-01`, contractPeriod: { startDate: `2020-0${i + 2}-01`, endDate: `2020-1${i}-01` } }],
    }));
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${releases}></ocds-contract-timeline>`);
    await ready(element);
    const summary = element.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('Longest:');
    for (const ocid of ocids) expect(summary).not.to.contain(ocid);
    // The longest (the second: its contract runs to November) by its id's start and end.
    const longest = ocids[1];
    expect(summary).to.match(new RegExp(`Longest: ${longest.slice(0, 8)}[^ ]*…[^ ]*${longest.slice(-6)}`));
  });
});

describe('<ocds-contract-timeline>: statements about now are as of the data', () => {
  // A package published on 10 October 2017 whose contract was due to end in mid-2017.
  const pkg = {
    publishedDate: '2017-10-10T00:00:00Z',
    releases: [
      {
        ocid: 'ocds-test-old', id: 'r-1', date: '2017-01-05T00:00:00Z', tag: ['contract'],
        awards: [{ id: 'a1', status: 'active' }],
        contracts: [{ id: 'c1', awardID: 'a1', title: 'Bridge repair', status: 'active', period: { startDate: '2017-01-10', endDate: '2017-06-30' }, }],
      },
      {
        ocid: 'ocds-test-old', id: 'r-2', date: '2017-02-01T00:00:00Z', tag: ['contractAmendment'],
        contracts: [{ id: 'c1', period: { startDate: '2017-01-10', endDate: '2017-06-30', maxExtentDate: '2018-12-31' } }],
      },
    ],
  };
  for (const [lang, dated, rule] of [
    ['en', 'October 10, 2017', 'Date of the data'],
    ['es', '10 de octubre de 2017', 'Fecha de los datos'],
  ] as const) {
    it(`says running and overdue as of ${dated}, the date of the data, and labels the rule so (${lang})`, async () => {
      const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline lang=${lang} .data=${pkg}></ocds-contract-timeline>`);
      await ready(element);
      const summary = element.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
      const expected =
        lang === 'en'
          ? [`was still active as of ${dated}, the date of the data`, `Still running as of ${dated}, the date of the data.`]
          : [`seguía activo al ${dated}, fecha de los datos`, `Seguía en curso al ${dated}, fecha de los datos.`];
      for (const phrase of expected) expect(summary).to.contain(phrase);
      expect(summary).not.to.match(/today|hoy/i);
      // The note above the chart says it too, with the date filled in (it read "as of {asOf}").
      const notes = [...element.shadowRoot!.querySelectorAll('p.note')].map((note) => note.textContent!).join(' ');
      expect(notes).to.contain(expected[0]);
      expect(notes).not.to.contain('{');
      expect(svgTexts(element)).to.include(rule);
      expect(svgTexts(element)).not.to.include.members(['Today']);
    });
  }
});

describe('<ocds-contract-timeline>: release history', () => {
  let pkg: Json;
  before(async () => {
    pkg = await getJson(FICTIONAL_PACKAGE);
  });

  for (const lang of ['en', 'es'] as const) {
    it(`says what each release carries in its listbox option (${lang})`, async () => {
      const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline lang=${lang} .data=${pkg}></ocds-contract-timeline>`);
      await ready(element);
      const options = (await readAll(element)).map((text) => ({ textContent: text }));
      const releases = pkg.releases as Json[];
      expect(options).to.have.length(releases.length);
      const prefix = lang === 'en' ? 'Release' : 'Entrega';
      for (const release of releases) {
        const option = options.find((b) => b.textContent!.trim().startsWith(`${prefix} ${release.id},`));
        expect(option, release.id).to.not.equal(undefined);
        const phrases = releasePhrases(release, lang);
        expect(phrases.length, release.id).to.be.greaterThan(0);
        for (const phrase of phrases) expect(option!.textContent, release.id).to.contain(phrase);
      }
      // Payments appear only in the release that published them.
      const paymentWord = lang === 'en' ? / payments?\b/ : / pagos?\b/;
      const withPayments = options.filter((b) => paymentWord.test(b.textContent!)).map((b) => b.textContent!.trim().split(',')[0]);
      const paying = releases.filter((r) => (r.contracts ?? []).some((c: Json) => c.implementation?.transactions?.length));
      expect(withPayments).to.deep.equal(paying.map((r) => `${prefix} ${r.id}`));
    });
  }

  it('shows what a release carries in the tooltip of its mark', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${pkg}></ocds-contract-timeline>`);
    await ready(element);
    const release = (pkg.releases as Json[]).find((r) => r.awards?.length)!;
    const mark = element.shadowRoot!.querySelector(`.chart svg g.mark-symbol path[aria-label^="Release ${release.id},"]`)!;
    expect(mark).to.not.equal(null);
    const box = mark.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    mark.dispatchEvent(new PointerEvent('pointermove', at));
    mark.dispatchEvent(new MouseEvent('mousemove', at));
    await element.updateComplete;
    const tooltip = element.shadowRoot!.querySelector('.tooltip:not([hidden])')?.textContent ?? '';
    for (const phrase of releasePhrases(release, 'en')) expect(tooltip).to.contain(phrase);
  });
});

describe('<ocds-contract-timeline>: no dates at all', () => {
  it('lists the undated processes instead of only saying there is nothing to chart', async () => {
    const other = { ...undatedRelease, ocid: 'ocds-test-undated-2', id: 'u-2', tender: { id: 't2', title: 'Another undated tender' } };
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${[undatedRelease, other]}></ocds-contract-timeline>`);
    await element.rendered;
    expect(element.status).to.equal('ready');
    expect(element.rows).to.deep.equal([]);
    const status = element.shadowRoot!.querySelector('[part="status"]')!.textContent!;
    expect(status).to.contain('2 processes have no dates');
    expect(status).to.contain(undatedRelease.tender.title);
    expect(status).to.contain(other.tender.title);
    expect(status).not.to.contain('nothing to chart');
  });
});

describe('<ocds-contract-timeline>: many processes', () => {
  let data: Json[];
  before(async () => {
    data = [await getJson(CDMX_RECORD), await getJson(FICTIONAL_PACKAGE), undatedRelease];
  });

  it('draws one row per dated process, lists undated ones and says how many are not shown', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline limit="1" sort="recent" .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    const ocids = new Set(element.rows.map((row) => row.ocid));
    // The CDMX record's last event (2017-01-05) is later than the fictional one's (2011-12-31).
    expect([...ocids]).to.deep.equal(['OCDS-87SD3T-SEFIN-DRM-A-001-2016']);
    const summary = element.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('1 more process is not shown');
    expect(summary).to.contain('A tender nobody dated');
    expect(element.shadowRoot!.textContent).to.contain('1 more process is not shown');
    expect(element.rows.every((row) => row.kind === 'span' && row.event === 'stage')).to.equal(true);
  });

  it('re-analyses when limit changes', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline limit="1" .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    expect(new Set(element.rows.map((row) => row.ocid)).size).to.equal(1);
    element.limit = 5;
    await element.updateComplete;
    // Two of the three processes are dated; the third is listed as undated.
    expect(new Set(element.rows.map((row) => row.ocid)).size).to.equal(2);
    expect(element.shadowRoot!.querySelector('[part="summary"]')!.textContent).not.to.contain('not shown');
  });

  it('re-sorts by duration from its control', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline limit="1" .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('select.sort')!;
    select.value = 'duration';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    // Fictional: 2009-03-14 to 2011-12-31; CDMX: 2015-12-31 to 2017-01-05.
    expect([...new Set(element.rows.map((row) => row.ocid))]).to.deep.equal(['ocds-213czf-000-00001']);
  });

  it('fires ocds-select with the process when its Gantt bar is clicked', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    const details: Json[] = [];
    element.addEventListener('ocds-select', (event) => details.push(event.detail));
    const bar = element.shadowRoot!.querySelector('.chart svg g.mark-rect path[aria-label^="ARRENDAMIENTO"]')!;
    const box = bar.getBoundingClientRect();
    bar.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: box.x + 1, clientY: box.y + box.height / 2 }));
    expect(details).to.have.length(1);
    expect(details[0]).to.include({ kind: 'process', id: 'OCDS-87SD3T-SEFIN-DRM-A-001-2016' });
    expect(details[0].label).to.contain('ARRENDAMIENTO DE INMUEBLES');
  });

  it('ranks by contracted value in the chosen currency, with a switch between currencies', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline limit="1" sort="value" .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    // One process contracts in GBP (fictional), one in MXN (CDMX): a tie, so the first code alphabetically.
    expect(element.shownCurrency).to.equal('GBP');
    expect([...new Set(element.rows.map((row) => row.ocid))]).to.deep.equal(['ocds-213czf-000-00001']);
    const select = [...element.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part="controls"] select')].find((s) => !s.classList.contains('sort'))!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['GBP', 'MXN']);
    select.value = 'MXN';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect([...new Set(element.rows.map((row) => row.ocid))]).to.deep.equal(['OCDS-87SD3T-SEFIN-DRM-A-001-2016']);
    const contracted = (await getJson(CDMX_RECORD)).compiledRelease.contracts[0].value.amount;
    expect(element.rows.find((row) => row.stage === 'contract')).to.include({ value: contracted, currency: 'MXN' });
  });

  it('selects a process from the keyboard list and drills into it, with a way back', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline drill .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    let detail: Json | undefined;
    element.addEventListener('ocds-select', (event) => (detail = event.detail));
    await tabIntoList(element);
    await press(element, 'End');
    expect(activeOption(element).getAttribute('aria-setsize')).to.equal('2');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('2');
    await press(element, 'ArrowUp');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('1');
    await sendKeys({ press: 'Enter' });
    expect(detail).to.include({ kind: 'process', id: element.rows[0].ocid });
    await element.updateComplete;
    expect(element.ocid).to.equal('OCDS-87SD3T-SEFIN-DRM-A-001-2016');
    await ready(element);
    expect(element.rows.some((row) => row.event === 'transaction')).to.equal(true);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button.back')!.click();
    await element.updateComplete;
    expect(element.ocid).to.equal(undefined);
    expect(element.rows.every((row) => row.event === 'stage')).to.equal(true);
  });

  it('passes axe', async () => {
    const element = await fixture<OcdsContractTimeline>(html`<ocds-contract-timeline theme="dark" .data=${data}></ocds-contract-timeline>`);
    await ready(element);
    await expect(element).to.be.accessible();
  });
});

describe('<ocds-contract-timeline> under a strict CSP', () => {
  it("loads, draws, shows a tooltip and its table with zero violations (script-src 'self'; style-src 'self')", async () => {
    expect((await fetch('/test/csp/timeline.html')).headers.get('content-security-policy')).to.equal("script-src 'self'; style-src 'self'");
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/timeline.html', 900, 800);
    const record = await getJson(CDMX_RECORD);
    const transactions = record.compiledRelease.contracts[0].implementation.transactions.length;
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.payments).to.equal(transactions * 2);
    expect(outcome.tooltip).to.contain('Pago');
    expect(outcome.table).to.equal(timelineRows(fromOcds(record), { ocid: record.compiledRelease.ocid }).length);
    expect(outcome.violations).to.deep.equal([]);
  });
});
