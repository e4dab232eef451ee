import { expect } from '@open-wc/testing';
import { parseRedFlagSettings, redFlagGroups, redFlags, statrsQuantile, type RedFlagSettings } from '../../src/analysis/red-flags.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import { OcdsError } from '../../src/data/types.js';

// cardinal's test cases (test/fixtures/cardinal-rs/indicators): the file name carries the settings, read as cardinal's
// build.rs reads it; every case also sets two settings.
const CASES = [
  'R003-procurement_method_details-x-5-y-10', 'R003-procurement_methods-open+selective', 'R003-threshold-10', 'R003',
  'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038-tenderer', 'R038', 'R048-minimum_contracting_processes-1', 'R058',
];

function settingsFromName(name: string): RedFlagSettings {
  const [code, ...parts] = name.replace(/\+/g, '|').split('-');
  const section: Record<string, unknown> = {};
  if (parts.length === 2) section[parts[0]!] = /^\d+$/.test(parts[1]!) ? Number(parts[1]) : parts[1];
  else if (parts.length > 2) {
    const [field, ...pairs] = parts;
    const table: Record<string, number> = {};
    for (let i = 0; i < pairs.length; i += 2) table[pairs[i]!] = Number(pairs[i + 1]);
    section[field!] = table;
  }
  return { [code!]: section, no_price_comparison_procurement_methods: 'NPC', exclusions: { procurement_method_details: 'EXC' } } as RedFlagSettings;
}

const text = async (path: string) => (await fetch(path)).text();
const lines = (jsonl: string) => jsonl.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);

function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).to.equal('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).to.be.at.most(1e-9);
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a ?? {}).sort(), path).to.deep.equal(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectClose(a[key], e[key], `${path}.${key}`);
}

describe('redFlags: cardinal-rs conformance', () => {
  for (const name of CASES) {
    it(`${name} gives cardinal's output`, async () => {
      const releases = lines(await text(`/test/fixtures/cardinal-rs/indicators/${name}.jsonl`));
      const expected = JSON.parse(await text(`/test/fixtures/cardinal-rs/indicators/${name}.expected`)) as Record<string, unknown>;
      const { Meta, coverage, currency, reasons, ...results } = redFlags(fromOcds(releases), settingsFromName(name));
      void coverage; void currency; void reasons;
      expectClose(results, Object.fromEntries(Object.entries(expected).filter(([k]) => k !== 'Meta')), name);
      if ('Meta' in expected) expectClose(Meta, expected.Meta, `${name}.Meta`);
    });
  }
  it('covers every case in the fixture folder', async () => {
    const listing = await text('/test/fixtures/cardinal-rs/cases.txt');
    const names = listing.split('\n').filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
    expect([...names].sort()).to.deep.equal([...CASES].sort());
  });
});

describe('statrsQuantile: statrs OrderStatistics (R-8)', () => {
  it('interpolates at (n + 1/3)p + 1/3', () => {
    // n = 4, p = 0.25: h = 4.333 * 0.25 + 0.333 = 1.4167 → x1 + 0.4167 (x2 − x1)
    expect(statrsQuantile([4, 1, 3, 2], 0.25)).to.be.closeTo(1 + ((4 + 1 / 3) * 0.25 + 1 / 3 - 1), 1e-12);
    expect(statrsQuantile([10], 0.75)).to.equal(10);
    expect(Number.isNaN(statrsQuantile([], 0.5))).to.equal(true);
  });
});

describe('redFlags: coverage and reasons', () => {
  it('R003 counts the processes with both tender period dates and flags those open under the threshold', async () => {
    const releases = lines(await text('/test/fixtures/cardinal-rs/indicators/R003.jsonl')) as Record<string, any>[];
    const result = redFlags(fromOcds(releases), { R003: {} });
    const withDates = releases.filter((r) => r.tender?.status !== 'cancelled' && Number.isFinite(Date.parse(r.tender?.tenderPeriod?.startDate)) && Number.isFinite(Date.parse(r.tender?.tenderPeriod?.endDate)));
    const short = withDates.filter((r) => (Date.parse(r.tender.tenderPeriod.endDate) - Date.parse(r.tender.tenderPeriod.startDate)) / 86_400_000 < 15);
    expect(result.coverage.R003).to.include({ evaluable: new Set(withDates.map((r) => r.ocid)).size, flagged: new Set(short.map((r) => r.ocid)).size });
    expect([...result.coverage.R003!.flaggedOcids].sort()).to.deep.equal(short.map((r) => r.ocid).sort());
  });
  it('R003 reasons give the days the tender was open and the threshold, from the fixture dates', async () => {
    const releases = lines(await text('/test/fixtures/cardinal-rs/indicators/R003-threshold-10.jsonl')) as Record<string, any>[];
    const result = redFlags(fromOcds(releases), { R003: { threshold: 10 } });
    for (const [ocid, reason] of Object.entries(result.reasons)) {
      const period = releases.find((r) => r.ocid === ocid)!.tender.tenderPeriod;
      const days = Math.floor((Date.parse(period.endDate) - Date.parse(period.startDate)) / 86_400_000);
      expect(reason.R003, ocid).to.deep.equal({ days, threshold: 10 });
      expect(days).to.be.below(10);
    }
    expect(Object.keys(result.reasons)).to.deep.equal(Object.keys(result.OCID!));
  });
  it('R058 reasons give the winning and second-lowest bids from the fixture', async () => {
    const releases = lines(await text('/test/fixtures/cardinal-rs/indicators/R058.jsonl')) as Record<string, any>[];
    const result = redFlags(fromOcds(releases), settingsFromName('R058'));
    for (const [ocid, reason] of Object.entries(result.reasons)) {
      const release = releases.find((r) => r.ocid === ocid)!;
      const winner = release.awards.find((a: any) => a.status === 'active').suppliers[0].id;
      const valid = release.bids.details.filter((b: any) => b.status === 'valid');
      const winning = Math.min(...valid.filter((b: any) => b.tenderers[0].id === winner).map((b: any) => b.value.amount));
      const second = Math.min(...valid.filter((b: any) => b.tenderers[0].id !== winner).map((b: any) => b.value.amount));
      expect(reason.R058).to.include({ winning, second });
      expect(reason.R058!.ratio).to.be.closeTo((second - winning) / winning, 1e-12);
    }
    expect(Object.keys(result.reasons)).to.have.length.above(0);
  });
  it('R018 counts processes publishing numberOfTenderers among open and selective ones', async () => {
    const releases = lines(await text('/test/fixtures/cardinal-rs/indicators/R018.jsonl')) as Record<string, any>[];
    const result = redFlags(fromOcds(releases), { R018: {} });
    const evaluable = releases.filter((r) => r.tender?.status !== 'cancelled' && ['open', 'selective'].includes(r.tender?.procurementMethod) && typeof r.tender?.numberOfTenderers === 'number');
    expect(result.coverage.R018!.evaluable).to.equal(new Set(evaluable.map((r) => r.ocid)).size);
    expect(result.coverage.R018!.flagged).to.equal(evaluable.filter((r) => r.tender.numberOfTenderers === 1).length);
  });
});

describe('redFlagGroups: share of each buyer\'s evaluable processes flagged', () => {
  it('counts, per buyer, the single-bid tenders among those publishing numberOfTenderers', () => {
    const release = (ocid: string, buyer: string, method: string, tenderers?: number) => ({
      ocid, id: `${ocid}-1`, date: '2024-01-01T00:00:00Z', tag: ['tender'], initiationType: 'tender',
      parties: [{ id: buyer, name: buyer, roles: ['buyer'] }], buyer: { id: buyer, name: buyer },
      tender: { id: 't', procurementMethod: method, ...(tenderers === undefined ? {} : { numberOfTenderers: tenderers }) },
    });
    const releases = [
      release('a1', 'Alpha', 'open', 1), release('a2', 'Alpha', 'open', 3), release('a3', 'Alpha', 'open'), release('a4', 'Alpha', 'direct', 1),
      release('b1', 'Beta', 'selective', 1), release('b2', 'Beta', 'open', 1),
    ];
    const dataset = fromOcds(releases);
    const rows = redFlagGroups(dataset, redFlags(dataset, { R018: {} }));
    // Alpha: a1, a2 evaluable (a3 has no count, a4 is direct), a1 flagged; Beta: both evaluable and flagged.
    expect(rows.map((r) => [r.name, r.evaluable, r.flagged])).to.deep.equal([['Beta', 2, 2], ['Alpha', 2, 1]]);
    expect(rows[1]!.share).to.equal(0.5);
  });
});

describe('parseRedFlagSettings', () => {
  it('reads sections, pipe lists and the per-details table', () => {
    const { settings, unknown } = parseRedFlagSettings(
      '; comment\ncurrency = USD\n[exclusions]\nprocurement_method_details = Random Selection\n[R003]\nthreshold = 10\n[R003.procurement_method_details]\nemergency = 5\n[R024]\nthreshold = 0.05\n[R028]\n',
    );
    expect(unknown).to.deep.equal([]);
    expect(settings).to.deep.equal({
      currency: 'USD',
      exclusions: { procurement_method_details: 'Random Selection' },
      R003: { threshold: 10, procurement_method_details: { emergency: 5 } },
      R024: { threshold: 0.05 },
      R028: {},
    });
  });
  it('reports a malformed line by its number as an OcdsError', () => {
    let error: unknown;
    try { parseRedFlagSettings('[R003]\nthreshold = 10\nthis is not a setting\n'); } catch (e) { error = e; }
    expect(error).to.be.instanceOf(OcdsError);
    expect((error as OcdsError).code).to.equal('bad-settings');
    expect((error as OcdsError).message).to.contain('Line 3');
    let typed: unknown;
    try { parseRedFlagSettings('[R003]\nthreshold = ten\n'); } catch (e) { typed = e; }
    expect((typed as OcdsError).message).to.contain('Line 2');
  });
  it('reports unknown keys and sections and ignores them', () => {
    const { settings, unknown } = parseRedFlagSettings('colour = red\n[R018]\nprocurement_methods = open\nsize = 3\n[R999]\nx = 1\n');
    expect(settings).to.deep.equal({ R018: { procurement_methods: 'open' } });
    expect(unknown.map((u) => [u.line, u.key])).to.deep.equal([[1, 'colour'], [4, '[R018] size'], [5, '[R999]']]);
  });
});
