// <ocds-breakdown> on real INAI data (MXN and USD): numbers computed from the fixture JSON, both languages, themes,
// axe, keyboard selection, the table and CSV from the same rows, bad options.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../components/all.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import type { OcdsBreakdown } from '../../components/breakdown/breakdown.js';
import { fetchJson } from '../spending-expected.js';
import { exactSum } from '../helpers/decimal.mjs';
import { activeText, chooseByKeyboard } from '../helpers/item-list.js';

type Json = Record<string, any>;
const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map((name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[ \n\t]+/g, ' ').trim();
const percent = (ratio: number, tag: string) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The labels of the chart's value axis (`x` for ranked bars, `y` for columns over time). */
function axisLabels(element: OcdsBreakdown, axis: 'x' | 'y'): string[] {
  // The axes are aria-hidden and unnamed: a bottom axis draws its ticks downwards (y2 = 5), a left one leftwards.
  const wanted = [...element.shadowRoot!.querySelectorAll('.chart svg g.role-axis')].filter((group) => group.querySelector(axis === 'x' ? '.role-axis-tick line[y2="5"]' : '.role-axis-tick line[x2="-5"]'));
  return wanted.flatMap((group) => [...group.querySelectorAll('.role-axis-label text')].map((node) => text(node)));
}

async function chart(template: ReturnType<typeof html>, data: unknown): Promise<OcdsBreakdown> {
  const element = await fixture<OcdsBreakdown>(template);
  element.data = data;
  await element.updateComplete;
  await element.rendered;
  return element;
}

describe('<ocds-breakdown>', () => {
  let releases: Json[];
  before(async () => {
    releases = await Promise.all(INAI.map(fetchJson));
  });

  it('by method, processes: one bar per method with its share; the summary uses the publisher’s wording (es)', async () => {
    const element = await chart(html`<ocds-breakdown lang="es" by="method"></ocds-breakdown>`, releases);
    expect(element.status).to.equal('ready');
    const counts = new Map<string, number>();
    for (const r of releases) counts.set(r.tender.procurementMethod, (counts.get(r.tender.procurementMethod) ?? 0) + 1);
    expect(new Map(element.rows.map((row) => [row.key, row.value]))).to.deep.equal(counts);
    const root = element.shadowRoot!;
    expect(text(root.querySelector('[part="heading"]'))).to.equal('Procesos por método de contratación');
    const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    // The publisher's wording names the row when every process in it uses the same one, else the method's name.
    const wordings = new Set(releases.filter((r) => r.tender.procurementMethod === top).map((r) => r.tender.procurementMethodDetails));
    const wording = wordings.size === 1 ? [...wordings][0] : { open: 'Licitación abierta', direct: 'Adjudicación directa' }[top as 'open' | 'direct'];
    expect(text(root.querySelector('[part="summary"]'))).to.include(`${wording}: ${topCount} de ${releases.length} procesos (${percent(topCount / releases.length, 'es')})`);
    expect(root.querySelectorAll('.chart svg .mark-rect path').length).to.equal(counts.size);
    // Process counts on the value axis: whole numbers, up to at least the largest count.
    const ticks = axisLabels(element, 'x').map(Number);
    expect(ticks.every(Number.isInteger), ticks.join(' ')).to.equal(true);
    expect(Math.max(...ticks)).to.be.at.least(topCount);
    await expect(element).to.be.accessible();
  });

  it('by method, awarded (en, dark): the shown currency’s rows; table = rows = CSV; the unsuccessful award left out', async () => {
    const element = await chart(html`<ocds-breakdown lang="en" theme="dark" by="method" measure="awarded" currency="MXN"></ocds-breakdown>`, releases);
    const mxn = new Map<string, number>();
    for (const r of releases)
      for (const a of r.awards)
        if (!['cancelled', 'unsuccessful'].includes(a.status) && a.value.currency === 'MXN') mxn.set(r.tender.procurementMethod, (mxn.get(r.tender.procurementMethod) ?? 0) + a.value.amount);
    expect(new Map(element.rows.filter((row) => row.currency === 'MXN').map((row) => [row.key, row.value]))).to.deep.equal(mxn);
    expect(element.rows.some((row) => row.currency === 'USD')).to.equal(true);
    const root = element.shadowRoot!;
    expect(text(root.querySelector('[part="heading"]'))).to.equal('Awarded amount by procurement method');
    const csvLines = element.csv().trim().split('\n');
    expect(csvLines.length - 1).to.equal(element.rows.length);
    // The value axis in compact money as the locale writes it ("MX$1.5M"), never Vega's bare "1.5M".
    const compact = new Intl.NumberFormat('en', { style: 'currency', currency: 'MXN', notation: 'compact', maximumFractionDigits: 1 });
    const ticks = axisLabels(element, 'x');
    expect(ticks[0]).to.equal(compact.format(0));
    expect(ticks.every((tick) => tick.startsWith('MX$')), ticks.join(' ')).to.equal(true);
    (root.querySelector('[part="controls"] button') as HTMLButtonElement | null)?.click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('keyboard: choosing a bar fires ocds-select with the method', async () => {
    const element = await chart(html`<ocds-breakdown lang="en" by="method"></ocds-breakdown>`, releases);
    const event = oneEvent(element, 'ocds-select');
    await chooseByKeyboard(element, (option) => element.rows.some((row) => option.startsWith(row.key === 'open' ? 'Open' : 'Direct')), ' ');
    const { detail } = await event;
    expect(detail.kind).to.equal('method');
    expect(['open', 'direct']).to.include(detail.id);
    expect(activeText(element)).to.contain(detail.label);
  });

  it('by year, contracted: columns in time order, from the contracts’ signature dates', async () => {
    const element = await chart(html`<ocds-breakdown by="year" measure="contracted" currency="MXN"></ocds-breakdown>`, releases);
    const years = new Map<string, number>();
    for (const r of releases)
      for (const c of r.contracts)
        if (c.value?.currency === 'MXN' && c.status !== 'cancelled') {
          const date = c.dateSigned ?? c.period?.startDate;
          const key = date ? date.slice(0, 4) : 'undated';
          years.set(key, (years.get(key) ?? 0) + c.value.amount);
        }
    expect(new Map(element.rows.filter((row) => row.currency === 'MXN').map((row) => [row.key, row.value]))).to.deep.equal(years);
  });

  it('inside <ocds-dataset>: a method chosen filters the siblings, and a dataset filter narrows the breakdown', async () => {
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset>
      <ocds-breakdown by="method"></ocds-breakdown>
      <ocds-spending-by-stage></ocds-spending-by-stage>
    </ocds-dataset>`);
    dataset.data = releases;
    const breakdown = dataset.querySelector<OcdsBreakdown>('ocds-breakdown')!;
    const spending = dataset.querySelector<OcdsSpendingByStage>('ocds-spending-by-stage')!;
    await until(() => breakdown.status === 'ready' && spending.status === 'ready', 'the charts');
    const open = releases.filter((r) => r.tender.procurementMethod === 'open');
    const awardedOpen = (currency: string) =>
      open.flatMap((r) => r.awards).filter((a) => !['cancelled', 'unsuccessful'].includes(a.status) && a.value.currency === currency).reduce((sum, a) => sum + a.value.amount, 0);
    breakdown.select('open');
    await until(() => dataset.filters.method === 'open', 'the method filter');
    await until(() => spending.rows.find((row) => row.stage === 'awarded' && row.currency === 'MXN')?.amount === awardedOpen('MXN'), 'the spending chart narrowed to open processes');
    expect(breakdown.rows.map((row) => row.key).sort(), 'the chart chosen in keeps showing everything').to.deep.equal([...new Set(releases.map((r) => r.tender.procurementMethod))].sort());
    breakdown.select('open');
    await until(() => dataset.filters.method === undefined, 'the filter to clear');

    dataset.setAttribute('method', 'direct');
    await until(() => breakdown.rows.length === 1 && breakdown.rows[0].key === 'direct', 'the breakdown narrowed to direct awards');
    expect(breakdown.rows[0].value).to.equal(releases.filter((r) => r.tender.procurementMethod === 'direct').length);
  });

  it('inside <ocds-dataset> (Armenia): a buyer or a year chosen filters the siblings; buyer, from/to and category attributes narrow the breakdowns', async () => {
    const armenia: Json[] = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
    // The process start as the dataset's from/to read it, computed here from the release (one release per process).
    const startYear = (r: Json) => {
      const earliest = (dates: (string | undefined)[]) => dates.filter(Boolean).sort()[0];
      const day = r.tender?.tenderPeriod?.startDate ?? r.tender?.datePublished ?? earliest((r.awards ?? []).map((a: Json) => a.date)) ?? earliest((r.contracts ?? []).flatMap((c: Json) => [c.dateSigned, c.period?.startDate])) ?? r.date;
      return String(day).slice(0, 4);
    };
    const countBy = (list: Json[], key: (r: Json) => string) => {
      const counts = new Map<string, number>();
      for (const r of list) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      return counts;
    };
    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset lang="es">
      <ocds-breakdown by="buyer" limit="100"></ocds-breakdown>
      <ocds-breakdown by="year"></ocds-breakdown>
    </ocds-dataset>`);
    dataset.data = armenia;
    const [byBuyer, byYear] = dataset.querySelectorAll<OcdsBreakdown>('ocds-breakdown');
    await until(() => byBuyer.status === 'ready' && byYear.status === 'ready', 'the charts');
    const yearsOf = (chart: OcdsBreakdown) => new Map(chart.rows.map((row) => [row.key, row.value]));
    expect(yearsOf(byYear)).to.deep.equal(countBy(armenia, startYear));

    // A buyer chosen: the year chart shows that buyer's processes only; the buyer chart keeps showing every buyer.
    const [topBuyer] = [...countBy(armenia, (r) => r.buyer.name)].sort((a, b) => b[1] - a[1])[0]!;
    const topRow = byBuyer.rows.find((row) => row.label === topBuyer)!;
    byBuyer.select(topRow.key);
    await until(() => dataset.filters.buyer === topRow.key, 'the buyer filter');
    const theirs = armenia.filter((r) => r.buyer.name === topBuyer);
    await until(() => byYear.rows.reduce((sum, row) => sum + row.value, 0) === theirs.length, 'the year chart narrowed to the buyer');
    expect(yearsOf(byYear)).to.deep.equal(countBy(theirs, startYear));
    expect(byBuyer.rows.length).to.equal(new Set(armenia.map((r) => r.buyer.name.toLowerCase())).size);
    byBuyer.select(topRow.key);
    await until(() => dataset.filters.buyer === undefined, 'the buyer filter to clear');

    // A year chosen: from/to cover it, the chip says it is the process start, the buyer chart narrows to it.
    const year = [...countBy(armenia, startYear)].sort((a, b) => a[1] - b[1])[0]![0];
    const inYear = armenia.filter((r) => startYear(r) === year);
    byYear.select(year);
    await until(() => dataset.filters.from === `${year}-01-01` && dataset.filters.to === `${year}-12-31`, 'from/to set to the year');
    await until(() => byBuyer.rows.reduce((sum, row) => sum + row.value, 0) === inYear.length, 'the buyer chart narrowed to the year');
    expect(new Map(byBuyer.rows.map((row) => [row.label.toLowerCase(), row.value]))).to.deep.equal(countBy(inYear, (r) => r.buyer.name.toLowerCase()));
    await dataset.updateComplete;
    const chips = [...dataset.shadowRoot!.querySelectorAll('[part="chip"]')].map(text);
    expect(chips.join(' ')).to.include('Iniciados desde');
    expect(text(dataset.shadowRoot!.querySelector('[part="note"]'))).to.include('Un año, trimestre o mes elegido en un desglose filtra también por esta fecha');
    // Removing one of the period's chips removes both dates.
    dataset.shadowRoot!.querySelector<HTMLButtonElement>('[part="chip"] button')!.click();
    await until(() => dataset.filters.from === undefined && dataset.filters.to === undefined, 'the period filter to clear');

    // Filters set on the dataset narrow the breakdowns.
    const [smallBuyer] = [...countBy(armenia, (r) => r.buyer.name)].find(([, count]) => count > 1 && count < theirs.length)!;
    dataset.setAttribute('buyer', smallBuyer);
    await until(() => byYear.rows.reduce((sum, row) => sum + row.value, 0) === armenia.filter((r) => r.buyer.name === smallBuyer).length, 'the year chart narrowed by the buyer attribute');
    expect(yearsOf(byYear)).to.deep.equal(countBy(armenia.filter((r) => r.buyer.name === smallBuyer), startYear));
    dataset.removeAttribute('buyer');
    dataset.setAttribute('from', `${year}-01-01`);
    dataset.setAttribute('to', `${year}-12-31`);
    await until(() => byBuyer.rows.reduce((sum, row) => sum + row.value, 0) === inYear.length, 'the buyer chart narrowed by from/to');
    dataset.removeAttribute('from');
    dataset.removeAttribute('to');
    const works = armenia.filter((r) => r.tender?.mainProcurementCategory === 'works');
    expect(works.length).to.be.greaterThan(0);
    dataset.setAttribute('category', 'works');
    await until(() => byBuyer.rows.reduce((sum, row) => sum + row.value, 0) === works.length, 'the buyer chart narrowed to works');
    await dataset.updateComplete;
    expect(text(dataset.shadowRoot!.querySelector('[part="chip"]'))).to.include('Categoría: Obras');
  });

  it('inside <ocds-dataset> (Armenia, es): a supplier bar clicked and a category chosen by keyboard filter the sibling, with their chips', async () => {
    const armenia: Json[] = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
    const norm = (name: string) => name.trim().toLowerCase();
    const live = (r: Json) => (r.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(a.status) && a.value?.currency === 'AMD' && typeof a.value.amount === 'number');
    const countBy = (list: Json[], key: (r: Json) => string) => {
      const counts = new Map<string, number>();
      for (const r of list) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      return counts;
    };
    const category = (r: Json) => r.tender?.mainProcurementCategory ?? '';
    // The top supplier by awarded AMD (an award shared equally by its suppliers), from the JSON.
    const bySupplier = new Map<string, number>();
    for (const a of armenia.flatMap(live)) for (const s of a.suppliers) bySupplier.set(norm(s.name), exactSum([bySupplier.get(norm(s.name)) ?? 0, a.value.amount / a.suppliers.length]));
    const [top] = [...bySupplier].sort((a, b) => b[1] - a[1])[0]!;

    const dataset = await fixture<OcdsDataset>(html`<ocds-dataset lang="es">
      <ocds-breakdown by="supplier" measure="awarded" limit="5"></ocds-breakdown>
      <ocds-breakdown by="category"></ocds-breakdown>
    </ocds-dataset>`);
    dataset.data = armenia;
    const [suppliers, categories] = dataset.querySelectorAll<OcdsBreakdown>('ocds-breakdown');
    await until(() => suppliers.status === 'ready' && categories.status === 'ready', 'the charts');
    await suppliers.rendered;
    expect(new Map(categories.rows.map((row) => [row.key, row.value]))).to.deep.equal(countBy(armenia, category));

    // A click on the top supplier's bar (its name as published labels it).
    const row = suppliers.rows.find((r) => norm(r.label) === top)!;
    const bar = [...suppliers.shadowRoot!.querySelectorAll('.chart svg .mark-rect path')].find((path) => norm(path.getAttribute('aria-label') ?? '').startsWith(`${top}:`))!;
    expect(bar, 'the top supplier’s bar').to.not.equal(undefined);
    bar.scrollIntoView({ block: 'center' });
    const box = bar.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + Math.min(box.width / 2, 10)), Math.round(box.y + box.height / 2)] });
    await until(() => dataset.filters.supplier === row.key, 'the supplier filter');
    const theirs = armenia.filter((r) => (r.awards ?? []).some((a: Json) => (a.suppliers ?? []).some((s: Json) => norm(s.name) === top)));
    await until(() => categories.rows.reduce((sum, r) => sum + r.value, 0) === theirs.length, 'the category chart narrowed to the supplier');
    expect(new Map(categories.rows.map((r) => [r.key, r.value]))).to.deep.equal(countBy(theirs, category));
    expect(suppliers.rows.length, 'the chart clicked in keeps every supplier').to.equal(Math.min(bySupplier.size, 5) + (bySupplier.size > 5 ? 1 : 0));
    await dataset.updateComplete;
    expect(norm(text(dataset.shadowRoot!.querySelector('[part="chip"]')))).to.include(norm(`Proveedor: ${top}`));
    suppliers.select(row.key);
    await until(() => dataset.filters.supplier === undefined, 'the supplier filter to clear');

    // A category chosen in the keyboard listbox: the supplier chart shows that category's awards only.
    const [works] = [...countBy(armenia, category)].find(([key]) => key === 'works')!;
    await chooseByKeyboard(categories, (option) => option.startsWith('Obras'));
    await until(() => dataset.filters.category === works, 'the category filter');
    const awardedIn = exactSum(armenia.filter((r) => category(r) === works).flatMap(live).map((a: Json) => a.value.amount));
    expect(awardedIn).to.be.greaterThan(0);
    await until(() => Math.abs(suppliers.rows.reduce((sum, r) => sum + r.value, 0) - awardedIn) < 1e-6, 'the supplier chart narrowed to works');
    await dataset.updateComplete;
    expect(text(dataset.shadowRoot!.querySelector('[part="chip"]'))).to.include('Categoría: Obras');
  });

  describe('the written summary (Armenia, AMD): numbers computed from the fixture', () => {
    // Periods as a reader reads them, written out by hand: the locale's short month, the quarter by its letter.
    const MONTHS = {
      en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    };
    const monthName = (key: string, lang: 'en' | 'es') => `${MONTHS[lang][Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
    let armenia: Json[];
    const live = (r: Json) => (r.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(a.status) && a.value?.currency === 'AMD' && typeof a.value.amount === 'number');
    const money = (amount: number, tag: string) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'AMD' }).format(amount);
    before(async () => {
      armenia = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
    });

    for (const lang of ['en', 'es'] as const) {
      it(`by method, awarded (${lang}): the share of processes and the share of money in one sentence`, async () => {
        const element = await chart(html`<ocds-breakdown lang=${lang} by="method" measure="awarded"></ocds-breakdown>`, armenia);
        const total = exactSum(armenia.flatMap(live).map((a: Json) => a.value.amount));
        const byMethod = new Map<string, number>();
        for (const r of armenia) for (const a of live(r)) byMethod.set(r.tender.procurementMethod, exactSum([byMethod.get(r.tender.procurementMethod) ?? 0, a.value.amount]));
        const [top, amount] = [...byMethod].sort((a, b) => b[1] - a[1])[0]!;
        const count = armenia.filter((r) => r.tender?.procurementMethod === top).length;
        const wordings = new Set(armenia.filter((r) => r.tender?.procurementMethod === top && live(r).length).map((r) => r.tender.procurementMethodDetails));
        const names = { en: { direct: 'Direct award', open: 'Open', selective: 'Selective' }, es: { direct: 'Adjudicación directa', open: 'Licitación abierta', selective: 'Selectiva' } }[lang];
        const label = wordings.size === 1 ? [...wordings][0] : names[top as 'direct'];
        const expected =
          lang === 'es'
            ? `${label}: ${count} de ${armenia.length} procesos (${percent(count / armenia.length, lang)}), ${percent(amount / total, lang)} del monto adjudicado en AMD (${money(amount, lang)}).`
            : `${label}: ${count} of ${armenia.length} processes (${percent(count / armenia.length, lang)}), ${percent(amount / total, lang)} of the awarded amount in AMD (${money(amount, lang)}).`;
        expect(text(element.shadowRoot!.querySelector('[part="summary"]'))).to.include(expected);
      });

      it(`by supplier, awarded, limit 5 (${lang}): the top five suppliers' share of the money`, async () => {
        const element = await chart(html`<ocds-breakdown lang=${lang} by="supplier" measure="awarded" limit="5"></ocds-breakdown>`, armenia);
        const bySupplier = new Map<string, number>();
        for (const a of armenia.flatMap(live)) for (const s of a.suppliers) bySupplier.set(s.name.trim().toLowerCase(), exactSum([bySupplier.get(s.name.trim().toLowerCase()) ?? 0, a.value.amount / a.suppliers.length]));
        expect(bySupplier.size).to.be.greaterThan(5);
        const total = exactSum([...bySupplier.values()]);
        const top5 = exactSum([...bySupplier.values()].sort((a, b) => b - a).slice(0, 5));
        const expected = lang === 'es' ? `Los 5 proveedores principales recibieron el ${percent(top5 / total, lang)} del monto adjudicado en AMD.` : `The top 5 suppliers received ${percent(top5 / total, lang)} of the awarded amount in AMD.`;
        expect(text(element.shadowRoot!.querySelector('[part="summary"]'))).to.include(expected);
      });

      it(`by month, awarded, and by year, processes (${lang}): how the first period compares with the last`, async () => {
        const byMonth = new Map<string, number>();
        for (const a of armenia.flatMap(live)) byMonth.set(a.date.slice(0, 7), exactSum([byMonth.get(a.date.slice(0, 7)) ?? 0, a.value.amount]));
        const months = [...byMonth.keys()].sort();
        expect(months.length).to.be.greaterThan(1);
        const [from, to] = [months[0], months[months.length - 1]];
        const [first, last] = [byMonth.get(from)!, byMonth.get(to)!];
        const verb = { en: last > first ? 'rose from' : 'fell from', es: last > first ? 'creció de' : 'bajó de' }[lang];
        const monthly = await chart(html`<ocds-breakdown lang=${lang} by="month" measure="awarded"></ocds-breakdown>`, armenia);
        expect(text(monthly.shadowRoot!.querySelector('[part="summary"]'))).to.include(
          lang === 'es'
            ? `El monto adjudicado ${verb} ${money(first, lang)} en ${monthName(from, lang)} a ${money(last, lang)} en ${monthName(to, lang)}.`
            : `The awarded amount ${verb} ${money(first, lang)} in ${monthName(from, lang)} to ${money(last, lang)} in ${monthName(to, lang)}.`,
        );

        // Processes by the year they started (tender period start, else the release date for these plans).
        const years = new Map<string, number>();
        for (const r of armenia) {
          const year = String(r.tender?.tenderPeriod?.startDate ?? r.date).slice(0, 4);
          years.set(year, (years.get(year) ?? 0) + 1);
        }
        const sorted = [...years].sort((a, b) => a[0].localeCompare(b[0]));
        const [[y1, n1], [y2, n2]] = [sorted[0], sorted[sorted.length - 1]];
        const yearly = await chart(html`<ocds-breakdown lang=${lang} by="year"></ocds-breakdown>`, armenia);
        const rose = n2 > n1;
        expect(text(yearly.shadowRoot!.querySelector('[part="summary"]'))).to.include(
          lang === 'es' ? `Los procesos ${rose ? 'aumentaron' : 'disminuyeron'} de ${n1} en ${y1} a ${n2} en ${y2}.` : `Processes ${rose ? 'rose' : 'fell'} from ${n1} in ${y1} to ${n2} in ${y2}.`,
        );
      });
    }
  });

  for (const lang of ['en', 'es'] as const) {
    it(`by quarter and by month, awarded (${lang}): axis and table read "${lang === 'en' ? 'Q2 2016' : 'T2 2016'}", "${lang === 'en' ? 'Jun 2016' : 'jun 2016'}"; rows and CSV keep the keys`, async () => {
      const armenia: Json[] = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
      const dates = armenia.flatMap((r) => (r.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(a.status) && typeof a.value?.amount === 'number').map((a: Json) => String(a.date)));
      const months = [...new Set(dates.map((date) => date.slice(0, 7)))].sort();
      const quarters = [...new Set(months.map((month) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`))];
      expect(quarters.length).to.be.greaterThan(1);
      const MONTHS = {
        en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
        es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
      }[lang];
      const cases = [
        { by: 'quarter', keys: quarters, labels: quarters.map((q) => `${lang === 'en' ? 'Q' : 'T'}${q.slice(6)} ${q.slice(0, 4)}`) },
        { by: 'month', keys: months, labels: months.map((m) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`) },
      ];
      for (const { by, keys, labels } of cases) {
        const element = await chart(html`<ocds-breakdown lang=${lang} by=${by} measure="awarded"></ocds-breakdown>`, armenia);
        expect(element.rows.map((row) => row.key)).to.deep.equal(keys);
        expect(axisLabels(element, 'x')).to.deep.equal(labels);
        element.shadowRoot!.querySelector<HTMLButtonElement>('[part="controls"] button[aria-pressed]')!.click();
        await element.updateComplete;
        const cells = [...element.shadowRoot!.querySelectorAll('[part="table"] tbody tr')].map((tr) => text(tr.querySelector('th, td')));
        expect(cells).to.deep.equal(labels);
        expect(element.csv().trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0])).to.deep.equal(keys);
      }
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`by method (${lang}): a bar's tooltip lists the publisher's own procurementMethodDetails wordings with their processes`, async () => {
      const element = await chart(html`<ocds-breakdown lang=${lang} by="method"></ocds-breakdown>`, releases);
      const names = { en: { open: 'Open', direct: 'Direct award' }, es: { open: 'Licitación abierta', direct: 'Adjudicación directa' } }[lang];
      const title = { en: 'As the publisher says', es: 'Según el publicador' }[lang];
      const methods = [...new Set(releases.map((r) => r.tender.procurementMethod as 'open' | 'direct'))];
      expect(methods.length).to.be.greaterThan(1);
      for (const method of methods) {
        // The wordings of the method's processes, counted here, most used first (then alphabetically).
        const counts = new Map<string, number>();
        for (const r of releases.filter((r) => r.tender.procurementMethod === method)) counts.set(r.tender.procurementMethodDetails, (counts.get(r.tender.procurementMethodDetails) ?? 0) + 1);
        const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([wording, count]) => `${wording} (${count})`).join('; ');
        const bar = element.shadowRoot!.querySelector(`.chart svg .mark-rect path[aria-label^="${names[method]}:"]`)!;
        expect(bar, `the ${method} bar`).to.not.equal(null);
        const box = bar.getBoundingClientRect();
        await sendMouse({ type: 'move', position: [Math.round(box.x + Math.min(box.width / 2, 20)), Math.round(box.y + box.height / 2)] });
        const tooltip = element.shadowRoot!.querySelector<HTMLElement>('.tooltip')!;
        const entries = () => new Map([...tooltip.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
        await until(() => !tooltip.hidden && entries().get(title) === expected, `the ${method} tooltip to say "${expected}" (it says ${JSON.stringify([...entries()])})`);
        expect(entries().get({ en: 'procurement method', es: 'método de contratación' }[lang])).to.equal(names[method]);
        await sendMouse({ type: 'move', position: [0, 0] });
      }
    });
  }

  describe('by="time" and interval', () => {
    let armenia: Json[];
    const liveDates = () =>
      armenia.flatMap((r) => (r.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(a.status) && typeof a.value?.amount === 'number').map((a: Json) => String(a.date)));
    const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    before(async () => {
      armenia = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
    });

    it('interval="quarter": the rows, heading and table of by="quarter"; no interval is by year; a new interval draws again', async () => {
      const quarters = [...new Set(liveDates().map(quarterOf))].sort();
      expect(quarters.length).to.be.greaterThan(1);
      // One drawn chart at a time: one drawn below the other may be out of view, and never draw.
      const shorthand = await chart(html`<ocds-breakdown lang="es" by="quarter" measure="awarded"></ocds-breakdown>`, armenia);
      const [shorthandRows, shorthandSummary] = [shorthand.rows, text(shorthand.shadowRoot!.querySelector('[part="summary"]'))];
      shorthand.remove();
      const element = await chart(html`<ocds-breakdown lang="es" by="time" interval="quarter" measure="awarded"></ocds-breakdown>`, armenia);
      expect(element.rows.map((row) => row.key)).to.deep.equal(quarters);
      expect(element.rows).to.deep.equal(shorthandRows);
      expect(text(element.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Monto adjudicado por trimestre');
      expect(text(element.shadowRoot!.querySelector('[part="summary"]'))).to.equal(shorthandSummary);
      expect(element.getAttribute('interval')).to.equal('quarter');

      const years = [...new Set(liveDates().map((date) => date.slice(0, 4)))].sort();
      element.removeAttribute('interval');
      await until(() => element.rows.map((row) => row.key).join() === years.join(), 'the rows by year');
      expect(text(element.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Monto adjudicado por año');
      element.interval = 'month';
      await until(() => element.rows.map((row) => row.key).join() === [...new Set(liveDates().map((date) => date.slice(0, 7)))].sort().join(), 'the rows by month');
      // interval means nothing to another dimension.
      element.remove();
      const byMethod = await chart(html`<ocds-breakdown by="method" interval="month"></ocds-breakdown>`, armenia);
      const methodRows = byMethod.rows;
      byMethod.remove();
      const plain = await chart(html`<ocds-breakdown by="method"></ocds-breakdown>`, armenia);
      expect(methodRows).to.deep.equal(plain.rows);
    });

    for (const lang of ['en', 'es'] as const) {
      it(`a bad interval (${lang}): the translated option message, one ocds-error, years drawn, nothing thrown`, async () => {
        const element = document.createElement('ocds-breakdown');
        element.setAttribute('lang', lang);
        element.setAttribute('by', 'time');
        element.setAttribute('interval', 'weekly');
        const errors: CustomEvent[] = [];
        element.addEventListener('ocds-error', (event) => errors.push(event as CustomEvent));
        element.data = armenia;
        document.body.append(element);
        try {
          await element.updateComplete;
          await element.rendered;
          expect(element.status).to.equal('ready');
          expect(element.interval).to.equal(undefined);
          expect(element.rows.map((row) => row.key)).to.deep.equal([...new Set(armenia.map((r) => String(r.tender?.tenderPeriod?.startDate ?? r.date).slice(0, 4)))].sort());
          expect(errors.map((event) => event.detail.phase)).to.deep.equal(['validate']);
          const alert = text(element.shadowRoot!.querySelector('.option-error'));
          expect(alert).to.include(lang === 'es' ? 'interval="weekly" no es una opción (una de year, quarter, month)' : 'interval="weekly" is not an option (one of year, quarter, month)');
          expect(errors[0].detail.message).to.equal(alert);
          expect(element.getAttribute('interval'), 'the attribute stays as written').to.equal('weekly');
          await expect(element).to.be.accessible();
        } finally {
          element.remove();
        }
      });
    }
  });

  it('bad by / measure: a translated message in the element and an ocds-error each, the defaults drawn, nothing thrown', async () => {
    const element = document.createElement('ocds-breakdown');
    element.setAttribute('lang', 'es');
    element.setAttribute('by', 'colour');
    element.setAttribute('measure', 'weight');
    const errors: CustomEvent[] = [];
    element.addEventListener('ocds-error', (event) => errors.push(event as CustomEvent));
    element.data = releases;
    document.body.append(element);
    try {
      await element.updateComplete;
      await element.rendered;
      expect(element.by).to.equal('method');
      expect(element.measure).to.equal('processes');
      expect(element.status).to.equal('ready');
      expect(errors.map((event) => event.detail.phase)).to.deep.equal(['validate', 'validate']);
      const alert = text(element.shadowRoot!.querySelector('.option-error'));
      expect(alert).to.include('by="colour" no es una opción');
      expect(alert).to.include('measure="weight" no es una opción');
      expect(errors[0].detail.message).to.include('colour');
      await expect(element).to.be.accessible();
    } finally {
      element.remove();
    }
  });
});
