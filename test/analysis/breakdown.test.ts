// breakdown() on real publishers' data. Every expected number is computed here from the fixture JSON by the
// money rules (statuses left out, currencies apart, pending counted), not from the code under test.
import { expect } from '@open-wc/testing';
import { breakdown, fromOcds, supplierNetwork, OTHERS, UNDATED, NOT_STATED, type BreakdownRow } from '../../src/index.js';
import { fetchJson } from '../spending-expected.js';

type Json = Record<string, any>;
const INAI = ['PC-0010-PC-0010', 'PC-0012-PC-0012', 'PC-0015-PC-0015'].map((name) => `/test/fixtures/ocds/real/mexico-inai/sample-data/${name}.json`);
const PARAGUAY = ['277004', '280555'].map((name) => `/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/${name}.json`);
const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const CDMX_RELEASES = ['AD-SF-DRM-063-2015-01', 'AD-SF-DRM-063-2015-02', 'AD-SF-DRM-065-2015-01', 'AD-SF-DRM-066-2015-01', 'SEFIN-DRM-A-001-2016-01'].map(
  (name) => `/test/fixtures/ocds/real/mexico-cdmx/sample-data/releases/OCDS-87SD3T-${name}.json`,
);
const UPGRADE = '/test/fixtures/ocds/upgrade/ocdskit-realdata';

const status = (value: unknown) => String(value ?? '').trim().toLowerCase();
const awardsOf = (release: Json) => (release.awards ?? []).filter((a: Json) => !['cancelled', 'unsuccessful'].includes(status(a.status)));
const contractsOf = (release: Json) => (release.contracts ?? []).filter((c: Json) => status(c.status) !== 'cancelled');
const amount = (value: Json | undefined) => (value && Number.isFinite(Number(value.amount)) && value.amount !== null ? Number(value.amount) : undefined);

/** Expected totals keyed `currency|category`, with the processes behind each. */
function tally(entries: { ocid: string; key: string; currency?: string; amount?: number }[]) {
  const out = new Map<string, { value: number; ocids: Set<string> }>();
  for (const entry of entries) {
    const id = `${entry.currency ?? ''}|${entry.key}`;
    const t = out.get(id) ?? { value: 0, ocids: new Set<string>() };
    t.value += entry.amount ?? 0;
    t.ocids.add(entry.ocid);
    out.set(id, t);
  }
  return out;
}

function expectMatches(rows: BreakdownRow[], expected: ReturnType<typeof tally>, counting = false) {
  const got = new Map(rows.map((row) => [`${row.currency ?? ''}|${row.key}`, row]));
  expect([...got.keys()].sort()).to.deep.equal([...expected.keys()].sort());
  for (const [id, want] of expected) {
    const row = got.get(id)!;
    expect(row.value, id).to.be.closeTo(counting ? want.ocids.size : want.value, 1e-6);
    expect(row.processes, `${id} processes`).to.equal(want.ocids.size);
  }
}

function expectSharesAddUp(rows: BreakdownRow[]) {
  const byCurrency = new Map<string, number>();
  for (const row of rows) byCurrency.set(row.currency ?? '', (byCurrency.get(row.currency ?? '') ?? 0) + row.share);
  for (const [currency, total] of byCurrency) expect(total, `shares in ${currency || 'processes'}`).to.be.closeTo(1, 1e-9);
}

const methodKey = (release: Json) => status(release.tender?.procurementMethod) || NOT_STATED;
const year = (date: unknown) => (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 4) : UNDATED);

describe('breakdown', () => {
  it('INAI: by method, processes with the wordings and awarded per currency (MXN and USD, the unsuccessful award left out)', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    const counts = breakdown(dataset, { by: 'method', measure: 'processes' });
    expectMatches(counts, tally(releases.map((r) => ({ ocid: r.ocid, key: methodKey(r) }))), true);
    expectSharesAddUp(counts);
    for (const row of counts) {
      const wordings = new Map<string, number>();
      for (const r of releases.filter((r) => methodKey(r) === row.key)) wordings.set(r.tender.procurementMethodDetails, (wordings.get(r.tender.procurementMethodDetails) ?? 0) + 1);
      expect(new Map(row.details!.map((d) => [d.wording, d.processes])), row.key).to.deep.equal(wordings);
    }
    const awarded = breakdown(dataset, { by: 'method', measure: 'awarded' });
    const expected = tally(releases.flatMap((r) => awardsOf(r).map((a: Json) => ({ ocid: r.ocid, key: methodKey(r), currency: a.value.currency, amount: amount(a.value) }))));
    expect([...expected.keys()].some((id) => id.startsWith('USD'))).to.equal(true);
    expect([...expected.keys()].some((id) => id.startsWith('MXN'))).to.equal(true);
    expectMatches(awarded, expected);
    expectSharesAddUp(awarded);
    const usd = breakdown(dataset, { by: 'method', measure: 'awarded', currency: 'usd' });
    expect(usd.every((row) => row.currency === 'USD')).to.equal(true);
  });

  it('Mexico City releases and Paraguay records: by method, processes and awarded per currency', async () => {
    const cdmx: Json[] = await Promise.all(CDMX_RELEASES.map(fetchJson));
    const paraguay: Json[] = await Promise.all(PARAGUAY.map(fetchJson));
    // One process per ocid: the later release of a process restates its award here, so the last one read stands for it.
    const perProcess = new Map<string, Json>();
    for (const release of cdmx) perProcess.set(release.ocid, release);
    for (const [releases, input] of [
      [[...perProcess.values()], cdmx],
      [paraguay.flatMap((p) => p.records.map((r: Json) => r.compiledRelease)), paraguay],
    ] as [Json[], Json[]][]) {
      const dataset = fromOcds(input);
      expectMatches(breakdown(dataset, { by: 'method' }), tally(releases.map((r) => ({ ocid: r.ocid, key: methodKey(r) }))), true);
      const expected = tally(releases.flatMap((r) => awardsOf(r).map((a: Json) => ({ ocid: r.ocid, key: methodKey(r), currency: a.value.currency, amount: amount(a.value) }))));
      const rows = breakdown(dataset, { by: 'method', measure: 'awarded' });
      expectMatches(rows, expected);
      expectSharesAddUp(rows);
    }
  });

  it('INAI: by year, contracted (dateSigned, else period start) and paid (transaction date)', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    const contracted = tally(
      releases.flatMap((r) =>
        contractsOf(r)
          .filter((c: Json) => amount(c.value) !== undefined)
          .map((c: Json) => ({ ocid: r.ocid, key: year(c.dateSigned ?? c.period?.startDate), currency: c.value.currency, amount: amount(c.value) })),
      ),
    );
    expectMatches(breakdown(dataset, { by: 'year', measure: 'contracted' }), contracted);
    const paid = tally(
      releases.flatMap((r) =>
        contractsOf(r).flatMap((c: Json) =>
          (c.implementation?.transactions ?? [])
            .filter((t: Json) => amount(t.value) !== undefined)
            .map((t: Json) => ({ ocid: r.ocid, key: year(t.date), currency: t.value.currency, amount: amount(t.value) })),
        ),
      ),
    );
    expect(paid.size).to.be.greaterThan(0);
    const rows = breakdown(dataset, { by: 'year', measure: 'paid' });
    expectMatches(rows, paid);
    expect(rows.filter((row) => row.key !== UNDATED).every((row) => row.period === row.key)).to.equal(true);
  });

  it('Paraguay: by supplier, an award shared equally by its distinct suppliers, as the network splits it', async () => {
    const packages: Json[] = await Promise.all(PARAGUAY.map(fetchJson));
    const compiled: Json[] = packages.flatMap((p) => p.records.map((r: Json) => r.compiledRelease));
    const dataset = fromOcds(packages);
    const entries = compiled.flatMap((r) =>
      awardsOf(r)
        .filter((a: Json) => amount(a.value) !== undefined)
        .flatMap((a: Json) => {
          const names = [...new Set<string>((a.suppliers ?? []).map((s: Json) => s.name))];
          return names.map((name) => ({ ocid: r.ocid, key: name, currency: a.value.currency, amount: amount(a.value)! / names.length }));
        }),
    );
    const expected = tally(entries);
    const rows = breakdown(dataset, { by: 'supplier', measure: 'awarded' });
    expect(rows.map((row) => `${row.currency}|${row.label}`).sort()).to.deep.equal([...expected.keys()].sort());
    for (const row of rows) expect(row.value, row.label).to.be.closeTo(expected.get(`${row.currency}|${row.label}`)!.value, 1e-3);
    expectSharesAddUp(rows);
    // The network's supplier nodes carry the same amounts.
    const network = supplierNetwork(dataset, { currency: 'PYG', limit: 1000 });
    for (const row of rows.filter((row) => row.currency === 'PYG')) {
      const node = network.nodes.find((n) => n.id === row.key)!;
      expect(node.amount, row.label).to.be.closeTo(row.value, 1e-3);
    }
  });

  it('Paraguay: the top suppliers, then one "others" row counting the rest; shares still add up to 100 %', async () => {
    const packages: Json[] = await Promise.all(PARAGUAY.map(fetchJson));
    const compiled: Json[] = packages.flatMap((p) => p.records.map((r: Json) => r.compiledRelease));
    const dataset = fromOcds(packages);
    const perCurrency = new Map<string, Map<string, number>>();
    for (const r of compiled)
      for (const a of awardsOf(r)) {
        if (amount(a.value) === undefined) continue;
        const names = [...new Set<string>((a.suppliers ?? []).map((s: Json) => s.name))];
        const perSupplier = perCurrency.get(a.value.currency) ?? new Map<string, number>();
        perCurrency.set(a.value.currency, perSupplier);
        for (const name of names) perSupplier.set(name, (perSupplier.get(name) ?? 0) + amount(a.value)! / names.length);
      }
    const limit = 1;
    const rows = breakdown(dataset, { by: 'supplier', measure: 'awarded', limit });
    let grouped = 0;
    for (const [currency, perSupplier] of perCurrency) {
      const ranked = [...perSupplier].sort((a, b) => b[1] - a[1]);
      const shown = rows.filter((row) => row.currency === currency);
      expect(shown.slice(0, limit).map((row) => row.label), currency).to.deep.equal(ranked.slice(0, limit).map(([name]) => name));
      const others = shown.find((row) => row.key === OTHERS);
      if (ranked.length <= limit) {
        expect(others, currency).to.equal(undefined);
        continue;
      }
      grouped++;
      expect(others!.count).to.equal(ranked.length - limit);
      expect(others!.value).to.be.closeTo(ranked.slice(limit).reduce((sum, [, value]) => sum + value, 0), 1e-3);
      expect(shown).to.have.length(limit + 1);
    }
    expect(grouped, 'some currency has more suppliers than the limit').to.be.greaterThan(0);
    expectSharesAddUp(rows);
  });

  it('Paraguay: by year, contracted by each contract’s signature date', async () => {
    const packages: Json[] = await Promise.all(PARAGUAY.map(fetchJson));
    const compiled: Json[] = packages.flatMap((p) => p.records.map((r: Json) => r.compiledRelease));
    const expected = tally(
      compiled.flatMap((r) =>
        contractsOf(r)
          .filter((c: Json) => amount(c.value) !== undefined)
          .map((c: Json) => ({ ocid: r.ocid, key: year(c.dateSigned ?? c.period?.startDate), currency: c.value.currency, amount: amount(c.value) })),
      ),
    );
    expect(new Set([...expected.keys()].map((id) => id.split('|')[1])).size, 'contracts signed in more than one year').to.be.greaterThan(1);
    const rows = breakdown(fromOcds(packages), { by: 'year', measure: 'contracted' });
    expectMatches(rows, expected);
    for (const currency of new Set(rows.map((row) => row.currency))) {
      const years = rows.filter((row) => row.currency === currency).map((row) => row.key);
      expect(years, `${currency}: years in order`).to.deep.equal([...years].sort());
    }
  });

  it('Mexico City record: by stage, the furthest stage reached; by year, paid', async () => {
    const record = await fetchJson(CDMX_RECORD);
    const release = record.compiledRelease;
    const dataset = fromOcds(record);
    const contracts = contractsOf(release);
    const stage = contracts.some((c: Json) => (c.implementation?.transactions ?? []).length)
      ? 'implementation'
      : contracts.length
        ? 'contract'
        : awardsOf(release).length
          ? 'award'
          : release.tender
            ? 'tender'
            : 'planning';
    const rows = breakdown(dataset, { by: 'stage' });
    expect(rows.map((row) => [row.key, row.value, row.share])).to.deep.equal([[stage, 1, 1]]);
    const paid = tally(
      contracts.flatMap((c: Json) =>
        (c.implementation?.transactions ?? [])
          .filter((t: Json) => amount(t.value ?? t.amount) !== undefined)
          .map((t: Json) => ({ ocid: release.ocid, key: year(t.date), currency: (t.value ?? t.amount).currency ?? c.value.currency, amount: amount(t.value ?? t.amount) })),
      ),
    );
    expect(paid.size).to.be.greaterThan(0);
    expectMatches(breakdown(dataset, { by: 'year', measure: 'paid' }), paid);
  });

  it('amounts with no usable date are one "undated" row, never dropped', async () => {
    const release: Json = await fetchJson(INAI[0]);
    const undated = structuredClone(release);
    undated.ocid = `${release.ocid}-undated`;
    for (const award of undated.awards) delete award.date;
    const rows = breakdown(fromOcds([release, undated]), { by: 'month', measure: 'awarded' });
    const total = awardsOf(release).reduce((sum: number, a: Json) => sum + amount(a.value)!, 0);
    const row = rows.find((r) => r.key === UNDATED)!;
    expect(row.value).to.be.closeTo(total, 1e-6);
    expect(row.period).to.equal(undefined);
    expect(rows[rows.length - 1]).to.equal(row, 'undated comes last');
    expect(rows.find((r) => r.key === awardsOf(release)[0].date.slice(0, 7))!.value).to.be.closeTo(total, 1e-6);
    expectSharesAddUp(rows);
  });

  it('split: awarded per year split by method; the split rows add up to the year', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const rows = breakdown(fromOcds(releases), { by: 'year', measure: 'awarded', split: 'method' });
    const expected = tally(
      releases.flatMap((r) => awardsOf(r).map((a: Json) => ({ ocid: r.ocid, key: `${year(a.date)}/${methodKey(r)}`, currency: a.value.currency, amount: amount(a.value) }))),
    );
    const got = new Map(rows.map((row) => [`${row.currency}|${row.key}/${row.split}`, row.value]));
    expect(new Map([...expected].map(([id, t]) => [id, t.value]))).to.deep.equal(got);
  });

  it('an OCDS 1.0 package, upgraded, gives the same answers as its 1.1 copy', async () => {
    for (const n of [1, 2]) {
      const old = fromOcds(await fetchJson(`${UPGRADE}/release-package_1.0-${n}.json`));
      const current = fromOcds(await fetchJson(`${UPGRADE}/release-package_1.1-${n}.json`));
      for (const by of ['method', 'buyer', 'supplier', 'category', 'stage', 'year', 'month'] as const) {
        for (const measure of ['processes', 'planned', 'tendered', 'awarded', 'contracted', 'paid'] as const) {
          const strip = (rows: BreakdownRow[]) => rows.map(({ key, ...row }) => ({ ...row, key: by === 'buyer' || by === 'supplier' ? row.label : key }));
          expect(strip(breakdown(old, { by, measure })), `${n} ${by} ${measure}`).to.deep.equal(strip(breakdown(current, { by, measure })));
        }
      }
      expect(breakdown(current, { by: 'year', measure: 'awarded' }).length + breakdown(current, { by: 'year', measure: 'contracted' }).length).to.be.greaterThan(0);
    }
  });
  it('by stage: rows in lifecycle order (planning → tender → award → contract → implementation, then cancelled), not by size', async () => {
    // Armenia's plans and contracts with INAI's paid contracts: 9 cancelled or unsuccessful processes, 2 in implementation.
    const armenia: Json[] = (await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases;
    const inai: Json[] = await Promise.all(INAI.map(fetchJson));
    const releases = [...armenia, ...inai];
    const furthest = (r: Json) => {
      const contracts = contractsOf(r);
      if (contracts.some((c: Json) => (c.implementation?.transactions ?? []).length)) return 'implementation';
      if (contracts.length) return 'contract';
      if (r.tender && ['cancelled', 'unsuccessful', 'withdrawn'].includes(status(r.tender.status))) return 'cancelled';
      if (awardsOf(r).length) return 'award';
      if ((r.awards ?? []).length) return 'cancelled';
      return r.tender ? 'tender' : 'planning';
    };
    const counts = new Map<string, number>();
    for (const r of releases) counts.set(furthest(r), (counts.get(furthest(r)) ?? 0) + 1);
    const lifecycle = ['planning', 'tender', 'award', 'contract', 'implementation', 'cancelled'].filter((stage) => counts.has(stage));
    const bySize = [...counts].sort((a, b) => b[1] - a[1]).map(([stage]) => stage);
    expect(bySize, 'the fixture tells the two orders apart').to.not.deep.equal(lifecycle);
    const dataset = fromOcds(releases);
    const rows = breakdown(dataset, { by: 'stage' });
    expect(rows.map((row) => [row.key, row.value])).to.deep.equal(lifecycle.map((stage) => [stage, counts.get(stage)]));
    expectSharesAddUp(rows);
    // Amounts too: in each currency, the stages in lifecycle order.
    for (const currency of new Set(breakdown(dataset, { by: 'stage', measure: 'awarded' }).map((row) => row.currency))) {
      const keys = breakdown(dataset, { by: 'stage', measure: 'awarded', currency }).map((row) => row.key);
      expect(keys, currency).to.deep.equal(lifecycle.filter((stage) => keys.includes(stage)));
    }
  });

  it('by classification (Armenia, CPV divisions): a process counted once per division; the label is the description most used, whatever the measure', async () => {
    const armenia: Json[] = structuredClone((await fetchJson('/test/fixtures/ocds/real/armenia/sample-data/6.json')).releases);
    // CPV codes carry a check digit ("34330000-9"): the division is the first two digits.
    const division = (c: Json) => `${String(c.scheme).toUpperCase()}:${/^\d{8}(-\d)?$/.test(String(c.id)) ? `${String(c.id).slice(0, 2)}000000` : c.id}`;
    // Processes and item descriptions per division, each item of each process once.
    const processes = new Map<string, Set<string>>();
    const descriptions = new Map<string, Map<string, number>>();
    for (const r of armenia)
      for (const item of r.tender?.items ?? []) {
        if (!item.classification?.id) continue;
        const key = division(item.classification);
        processes.set(key, (processes.get(key) ?? new Set()).add(r.ocid));
        const counts = descriptions.get(key) ?? new Map<string, number>();
        descriptions.set(key, counts);
        if (item.classification.description) counts.set(item.classification.description, (counts.get(item.classification.description) ?? 0) + 1);
      }
    const shared = [...processes.keys()].find((key) => armenia.some((r) => (r.tender?.items ?? []).filter((item: Json) => item.classification && division(item.classification) === key).length > 1));
    expect(shared, 'a process with two items in one division').to.not.equal(undefined);
    const counted = breakdown(fromOcds(armenia), { by: 'classification', limit: 1000 });
    // The plans, with no items, are one "not stated" row.
    const unclassified = armenia.filter((r) => !(r.tender?.items ?? []).some((item: Json) => item.classification?.id)).length;
    expect(unclassified).to.be.greaterThan(0);
    expect(new Map(counted.map((row) => [row.key, row.value]))).to.deep.equal(new Map([...[...processes].map(([key, ocids]) => [key, ocids.size] as const), [NOT_STATED, unclassified]]));
    // A division whose descriptions differ, its most used one unique: the other description's process given more
    // awards (copies of its own) must not make that description the label of its awarded amount.
    const [key, counts] = [...descriptions].find(([, counts]) => {
      const sorted = [...counts.values()].sort((a, b) => b - a);
      return sorted.length > 1 && sorted[0] > sorted[1];
    })!;
    const [top] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    // Enough copies to outweigh the most used description if each award counted its process's items again.
    const inKey = (r: Json) => (r.tender?.items ?? []).filter((item: Json) => item.classification && division(item.classification) === key);
    const topWeight = armenia.reduce((sum, r) => sum + inKey(r).filter((item: Json) => item.classification.description === top).length * awardsOf(r).length, 0);
    const other = armenia.find((r) => awardsOf(r).length && (r.tender?.items ?? []).some((item: Json) => item.classification && division(item.classification) === key && item.classification.description !== top))!;
    expect(other, 'a process awarded under the less used description').to.not.equal(undefined);
    const award = awardsOf(other)[0];
    for (let n = 1; n <= topWeight; n++) other.awards.push({ ...structuredClone(award), id: `${award.id}-copy-${n}` });
    const dataset = fromOcds(armenia);
    for (const measure of ['processes', 'awarded'] as const) {
      const row = breakdown(dataset, { by: 'classification', measure, limit: 1000 }).find((r) => r.key === key)!;
      expect(row.label, measure).to.equal(top);
    }
  });

  it('by time: interval year (the default), quarter or month gives the rows of by=year, by=quarter, by=month; interval means nothing to other dimensions', async () => {
    const releases: Json[] = await Promise.all(INAI.map(fetchJson));
    const dataset = fromOcds(releases);
    const quarter = (date: unknown) => (typeof date === 'string' && /^\d{4}-\d{2}/.test(date) ? `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` : UNDATED);
    const expected = tally(releases.flatMap((r) => awardsOf(r).map((a: Json) => ({ ocid: r.ocid, key: quarter(a.date), currency: a.value.currency, amount: amount(a.value) }))));
    const quarters = breakdown(dataset, { by: 'time', interval: 'quarter', measure: 'awarded' });
    expectMatches(quarters, expected);
    expect(quarters).to.deep.equal(breakdown(dataset, { by: 'quarter', measure: 'awarded' }));
    for (const measure of ['processes', 'contracted', 'paid'] as const) {
      expect(breakdown(dataset, { by: 'time', measure }), `${measure}, year by default`).to.deep.equal(breakdown(dataset, { by: 'year', measure }));
      expect(breakdown(dataset, { by: 'time', interval: 'month', measure }), `${measure} by month`).to.deep.equal(breakdown(dataset, { by: 'month', measure }));
    }
    expect(breakdown(dataset, { by: 'method', interval: 'month' })).to.deep.equal(breakdown(dataset, { by: 'method' }));
    expect(breakdown(dataset, { by: 'quarter', interval: 'year', measure: 'awarded' }), 'the shorthand stands').to.deep.equal(quarters);
  });
});
