import { expect } from '@open-wc/testing';
// @ts-expect-error plain JS module of the benchmark (bench/generate.mjs), no type declarations
import { generateNetworkReleases, generateReleases, mulberry32 } from '../../bench/generate.mjs';

type Json = Record<string, any>;

/** Every value under `key` anywhere in `value`. */
function collect(value: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) collect(item, key, found);
  else if (value && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) {
      if (name === key) found.push(child);
      collect(child, key, found);
    }
  }
  return found;
}

describe('bench/generate.mjs', () => {
  const releases: Json[] = generateReleases(1000);

  it('is reproducible: the same count and seed give the same releases, another seed others', () => {
    expect(JSON.stringify(generateReleases(1000))).to.equal(JSON.stringify(releases));
    expect(JSON.stringify(generateReleases(1000, 7))).not.to.equal(JSON.stringify(releases));
    const a = mulberry32(1);
    const b = mulberry32(1);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).to.deep.equal(draws);
    for (const draw of draws) expect(draw).to.be.within(0, 1);
  });

  it('gives exactly the count asked for, newest first', () => {
    expect(releases).to.have.length(1000);
    expect(generateReleases(10_000)).to.have.length(10_000);
    const days = releases.map((release) => release.date.slice(0, 10));
    expect([...days].sort().reverse()).to.deep.equal(days);
  });

  it('has every stage, in several releases per process spread over pages', () => {
    const tags = new Set(releases.flatMap((release) => release.tag));
    expect([...tags].sort()).to.deep.equal(['award', 'contract', 'implementation', 'planning', 'tender']);
    expect(releases.some((release) => typeof release.planning?.budget?.amount?.amount !== 'undefined')).to.equal(true);
    const pagesByOcid = new Map<string, Set<number>>();
    releases.forEach((release, index) => {
      if (!pagesByOcid.has(release.ocid)) pagesByOcid.set(release.ocid, new Set());
      pagesByOcid.get(release.ocid)!.add(Math.floor(index / 100));
    });
    expect(pagesByOcid.size).to.be.below(releases.length / 2);
    expect([...pagesByOcid.values()].filter((pages) => pages.size > 1).length).to.be.above(pagesByOcid.size / 2);
  });

  it('mixes 1.0-style and 1.1-style releases', () => {
    const withParties = releases.filter((release) => Array.isArray(release.parties));
    const without = releases.filter((release) => !('parties' in release));
    expect(withParties.length).to.be.above(300);
    expect(without.length).to.be.above(200);
    for (const release of withParties) for (const party of release.parties) expect(party.identifier.id).to.be.a('string').and.not.equal('');
    const transactions = collect(releases, 'transactions').flat() as Json[];
    expect(transactions.some((t) => t.amount && t.providerOrganization && t.receiverOrganization)).to.equal(true);
    expect(transactions.some((t) => t.value && t.payer && t.payee)).to.equal(true);
  });

  it('has awards with statuses and several suppliers, several currencies and the usual quirks', () => {
    const awards = collect(releases, 'awards').flat() as Json[];
    expect(new Set(awards.map((award) => award.status)).size).to.be.at.least(3);
    expect(awards.some((award) => award.suppliers.length > 1)).to.equal(true);
    const currencies = new Set(collect(releases, 'currency') as string[]);
    for (const code of ['MXN', 'PYG', 'USD']) expect(currencies.has(code)).to.equal(true);
    expect([...currencies].some((code) => code !== code.toUpperCase())).to.equal(true);
    expect((collect(releases, 'amount') as unknown[]).some((amount) => typeof amount === 'string')).to.equal(true);
  });

  it('builds a supplier network of the size asked for', () => {
    const network: Json[] = generateNetworkReleases(200);
    const buyers = new Set(network.map((release) => release.buyer.id));
    const suppliers = new Set(network.flatMap((release) => release.awards[0].suppliers.map((s: Json) => s.id)));
    expect(buyers.size + suppliers.size).to.equal(200);
  });
});
