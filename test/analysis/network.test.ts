import { expect } from '@open-wc/testing';
import { supplierNetwork, NO_VALUE } from '../../src/analysis/network.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import type { Award, Dataset, OrgRef, Organisation, Process } from '../../src/data/types.js';

const org = (key: string, name = key): OrgRef => ({ key, name });

function award(id: string, suppliers: OrgRef[], amount?: number, currency = 'USD', status?: string): Award {
  return {
    id,
    status,
    suppliers,
    value: amount === undefined ? undefined : { amount, currency },
    amendments: [],
  };
}

function process(ocid: string, buyer: OrgRef | undefined, awards: Award[]): Process {
  return { ocid, buyer, awards, contracts: [], releases: [], compiledRelease: {} };
}

function dataset(processes: Process[], organisations: Organisation[] = []): Dataset {
  return {
    processes,
    organisations: new Map(organisations.map((o) => [o.key, o])),
    issues: [],
    meta: { pages: 1, releases: processes.length, bytes: 0, complete: true },
  };
}

const A = org('buyer-a', 'Ministry A');
const B = org('buyer-b', 'Ministry B');
const s = (n: number) => org(`s${n}`, `Supplier ${n}`);

describe('supplierNetwork', () => {
  it('draws one edge per buyer, supplier and currency, summing awards and counting them', () => {
    const net = supplierNetwork(
      dataset([
        process('p1', A, [award('a1', [s(1)], 100), award('a2', [s(1)], 50), award('a3', [s(2)], 30, 'EUR')]),
        process('p2', B, [award('a1', [s(1)], 7)]),
      ]),
    );
    const edges = net.edges.map((e) => [e.buyerId, e.supplierId, e.currency, e.amount, e.awards]);
    expect(edges).to.have.deep.members([
      ['buyer-a', 's1', 'USD', 150, 2],
      ['buyer-a', 's2', 'EUR', 30, 1],
      ['buyer-b', 's1', 'USD', 7, 1],
    ]);
    expect(net.currency).to.equal('USD');
    expect(net.currencies).to.deep.equal([
      { currency: 'USD', processes: 2 },
      { currency: 'EUR', processes: 1 },
    ]);
    const s1 = net.nodes.find((n) => n.id === 's1')!;
    expect(s1).to.include({ role: 'supplier', amount: 157, awards: 3, label: 'Supplier 1' });
    // Node amounts are in the network's currency only: buyer A's EUR award is not added to its USD.
    expect(net.nodes.find((n) => n.id === 'buyer-a')!.amount).to.equal(150);
  });

  it('leaves out cancelled and unsuccessful awards, and other currencies when one is chosen', () => {
    const net = supplierNetwork(
      dataset([
        process('p1', A, [
          award('a1', [s(1)], 100, 'USD', 'Cancelled'),
          award('a2', [s(2)], 40, 'USD', 'unsuccessful'),
          award('a3', [s(3)], 10, 'USD', 'pending'),
          award('a4', [s(4)], 99, 'EUR'),
          award('a5', [s(5)]),
        ]),
      ]),
      { currency: 'USD' },
    );
    expect(net.edges.map((e) => e.supplierId)).to.deep.equal(['s3']);
    expect(net.excluded).to.include({ otherCurrency: 1, unvalued: 1 });
    expect(net.summary.total).to.equal(10);
  });

  it('splits a multi-supplier award equally so its value is counted once', () => {
    const net = supplierNetwork(dataset([process('p1', A, [award('a1', [s(1), s(2), s(3), s(1)], 90), award('a2', [s(1)], 10)])]));
    const byId = new Map(net.edges.map((e) => [e.supplierId, e]));
    expect(byId.get('s1')).to.include({ amount: 40, awards: 2, split: 'equal', sharedAwards: 1 });
    expect(byId.get('s2')).to.include({ amount: 30, awards: 1, split: 'equal', sharedAwards: 1 });
    expect(net.edges.reduce((sum, e) => sum + e.amount, 0)).to.equal(100);
    expect(net.nodes.find((n) => n.id === 'buyer-a')!.amount).to.equal(100);
    expect(supplierNetwork(dataset([process('p1', A, [award('a2', [s(1)], 10)])])).edges[0]!.split).to.equal('sole');
  });

  it('keeps awards without a value as edges in their own bucket', () => {
    const net = supplierNetwork(dataset([process('p1', A, [award('a1', [s(1), s(2)])])]));
    expect(net.edges).to.have.length(2);
    for (const edge of net.edges) expect(edge).to.include({ currency: NO_VALUE, amount: 0, awards: 1, unvalued: 1 });
    expect(net.currency).to.equal(NO_VALUE);
  });

  it('counts awards it cannot draw', () => {
    const net = supplierNetwork(dataset([process('p1', undefined, [award('a1', [s(1)], 5)]), process('p2', A, [award('a1', [], 5)])]));
    expect(net.edges).to.have.length(0);
    expect(net.excluded).to.include({ noBuyer: 1, noSupplier: 1 });
  });

  it('falls back to the procuring entity and uses the organisation names of the dataset', () => {
    const p = process('p1', undefined, [award('a1', [org('s1', 'ACME S.A.')], 5)]);
    p.procuringEntity = A;
    const net = supplierNetwork(dataset([p], [{ key: 's1', names: ['ACME SA', 'ACME S.A.'] }]));
    expect(net.edges[0]).to.include({ buyerId: 'buyer-a', supplier: 'ACME SA' });
    expect(net.nodes.find((n) => n.id === 's1')!.names).to.deep.equal(['ACME SA', 'ACME S.A.']);
  });

  it('groups suppliers beyond the limit into one "others" node per buyer, with count and value', () => {
    const awards = (buyer: string, amounts: number[]) => amounts.map((amount, i) => award(`${buyer}-${i}`, [s(amount)], amount));
    const net = supplierNetwork(
      dataset([process('p1', A, awards('a', [100, 90, 5, 4, 3])), process('p2', B, [...awards('b', [80, 2]), award('b-x', [s(3), s(2)], 10)])]),
      { limit: 3 },
    );
    // Suppliers by value: s100, s90, s80 kept; s5, s4, s3, s2 grouped.
    const kept = net.nodes.filter((n) => n.role === 'supplier').map((n) => n.id);
    expect(kept).to.have.members(['s100', 's90', 's80']);
    const othersA = net.edges.find((e) => e.buyerId === 'buyer-a' && e.supplierId.startsWith('others:'))!;
    expect(othersA).to.include({ amount: 12, awards: 3, others: 3 });
    const othersB = net.edges.find((e) => e.buyerId === 'buyer-b' && e.supplierId.startsWith('others:'))!;
    // b-1 (2) and the shared award b-x (10, both of its suppliers grouped) count as two awards worth 12.
    expect(othersB).to.include({ amount: 12, awards: 2, others: 2 });
    const node = net.nodes.find((n) => n.id === othersB.supplierId)!;
    expect(node).to.include({ role: 'others', count: 2, amount: 12, buyerId: 'buyer-b' });
    // Grouping moves value, never loses it.
    expect(net.edges.reduce((sum, e) => sum + e.amount, 0)).to.equal(100 + 90 + 5 + 4 + 3 + 80 + 2 + 10);
  });

  it('shows only the focused organisation’s neighbourhood', () => {
    const data = dataset([process('p1', A, [award('a1', [s(1)], 10), award('a2', [s(2)], 10)]), process('p2', B, [award('b1', [s(2)], 5)])]);
    const supplier = supplierNetwork(data, { focus: 's2' });
    expect(supplier.nodes.map((n) => n.id)).to.have.members(['s2', 'buyer-a', 'buyer-b']);
    const buyer = supplierNetwork(data, { focus: 'buyer-b' });
    expect(buyer.edges.map((e) => e.supplierId)).to.deep.equal(['s2']);
    expect(supplierNetwork(data, { focus: 'nobody' }).nodes).to.have.length(0);
  });

  it('summarises concentration: top supplier share per buyer and top-5 share overall', () => {
    const amounts = [50, 20, 10, 8, 6, 4, 2];
    const net = supplierNetwork(dataset([process('p1', A, amounts.map((v, i) => award(`a${i}`, [s(v)], v))), process('p2', B, [award('b', [s(50)], 100)])]));
    const total = amounts.reduce((a, b) => a + b, 0) + 100;
    expect(net.summary.total).to.equal(total);
    expect(net.summary.top5.map((t) => t.id)).to.deep.equal(['s50', 's20', 's10', 's8', 's6']);
    expect(net.summary.top5Share).to.be.closeTo((150 + 20 + 10 + 8 + 6) / total, 1e-12);
    const a = net.summary.buyers.find((b) => b.buyerId === 'buyer-a')!;
    expect(a).to.include({ topSupplierId: 's50', topAmount: 50, suppliers: 7 });
    expect(a.share).to.be.closeTo(50 / 100, 1e-12);
    expect(net.summary.buyers.find((b) => b.buyerId === 'buyer-b')!.share).to.equal(1);
  });

  it('marks an organisation that both buys and supplies', () => {
    const net = supplierNetwork(dataset([process('p1', A, [award('a1', [B], 10)]), process('p2', B, [award('b1', [s(1)], 5)])]));
    expect(net.nodes.find((n) => n.id === 'buyer-b')!.role).to.equal('both');
  });
});

type Json = Record<string, any>;
const fixture = async (path: string): Promise<Json> => (await fetch(`/test/fixtures/ocds/real/${path}`)).json();
const TED = 'eu-ted-doffin/TED-and-Doffin-to-ocds/';

/** Edges walked straight from compiled releases, by names: "buyer -> supplier -> currency" -> [amount, awards]. */
function walk(releases: Json[]): Map<string, [number, number]> {
  const edges = new Map<string, [number, number]>();
  for (const release of releases) {
    const party = (ref: Json) => ref.name ?? (release.parties as Json[]).find((p) => p.id === ref.id)!.name;
    const buyer = party(release.buyer ?? release.tender.procuringEntity);
    for (const award of release.awards ?? []) {
      if (['cancelled', 'unsuccessful'].includes(String(award.status ?? '').toLowerCase())) continue;
      const suppliers = (award.suppliers ?? []) as Json[];
      for (const supplier of suppliers) {
        const currency = award.value ? String(award.value.currency).trim().toUpperCase() : NO_VALUE;
        const amount = award.value ? Number(award.value.amount) / suppliers.length : 0;
        const key = `${buyer} -> ${party(supplier)} -> ${currency}`;
        const [sum, count] = edges.get(key) ?? [0, 0];
        edges.set(key, [sum + amount, count + 1]);
      }
    }
  }
  return edges;
}

function expectEdges(net: ReturnType<typeof supplierNetwork>, expected: Map<string, [number, number]>) {
  const actual = new Map(net.edges.map((e) => [`${e.buyer} -> ${e.supplier} -> ${e.currency}`, e]));
  expect([...actual.keys()]).to.have.members([...expected.keys()]);
  for (const [key, [amount, awards]] of expected) {
    expect(actual.get(key)!.amount, key).to.be.closeTo(amount, 1e-6);
    expect(actual.get(key)!.awards, key).to.equal(awards);
  }
}

describe('supplierNetwork on real data', () => {
  it('Moldova: one buyer, seven suppliers, one edge per award', async () => {
    const record = await fixture('moldova/sample-data/records/ocds-ngfbwp-18610708.json');
    const net = supplierNetwork(fromOcds(record));
    const expected = walk([record.compiledRelease]);
    expect(expected.size).to.equal(7);
    expectEdges(net, expected);
    expect(net.nodes.filter((n) => n.role === 'buyer').map((n) => n.label)).to.deep.equal([record.compiledRelease.buyer.name]);
    expect(net.nodes.filter((n) => n.role === 'supplier')).to.have.length(7);
    const total = (record.compiledRelease.awards as Json[]).reduce((sum, a) => sum + Number(a.value.amount), 0);
    expect(net.summary.total).to.be.closeTo(total, 1e-6);
    const largest = Math.max(...(record.compiledRelease.awards as Json[]).map((a) => Number(a.value.amount)));
    expect(net.summary.buyers[0]!.share).to.be.closeTo(largest / total, 1e-12);
  });

  it('Paraguay: one award with seven suppliers, split equally', async () => {
    const data = await fixture('paraguay-dncp/rparrapy-ocds-viz/155220.json');
    const net = supplierNetwork(fromOcds(data));
    const release = data.records[0].compiledRelease;
    const expected = walk([release]);
    expect(expected.size).to.equal(7);
    expectEdges(net, expected);
    for (const edge of net.edges) expect(edge).to.include({ split: 'equal', sharedAwards: 1 });
    expect(net.nodes.filter((n) => n.role === 'supplier')).to.have.length(7);
  });

  it('TED: a five-supplier award without a value, a valued NOK award, an award without suppliers', async () => {
    const files = ['ContractAwardNotice_can-social_2024-103933_release_0.json', '2024-110489_release_0.json', 'ContractNotice_pin-cfc-standard_2023-102995_release_0.json'];
    const releases = await Promise.all(files.map((file) => fixture(TED + file)));
    const net = supplierNetwork(fromOcds(releases));
    const expected = walk(releases);
    expect([...expected.keys()].filter((key) => key.endsWith(` -> ${NO_VALUE}`))).to.have.length(5);
    expectEdges(net, expected);
    expect(net.excluded.noSupplier).to.equal(1);
    const shared = net.edges.filter((e) => e.currency === NO_VALUE);
    for (const edge of shared) expect(edge).to.include({ unvalued: 1, split: 'equal', sharedAwards: 1 });
    expect(net.currencies).to.deep.equal([{ currency: 'NOK', processes: 1 }]);
  });

  it('one organisation under two spellings but one identifier is one node with both names', () => {
    const identifier = { scheme: 'PY-RUC', id: '80026564-5' };
    const release = (ocid: string, name: string, amount: number) => ({
      ocid,
      id: `${ocid}-1`,
      date: '2020-01-01T00:00:00Z',
      tag: ['award'],
      initiationType: 'tender',
      parties: [
        { id: 'b', name: 'Ministerio de Salud', roles: ['buyer'] },
        { id: 's', name, identifier, roles: ['supplier'] },
      ],
      buyer: { id: 'b', name: 'Ministerio de Salud' },
      awards: [{ id: 'a', status: 'active', value: { amount, currency: 'PYG' }, suppliers: [{ id: 's', name }] }],
    });
    const net = supplierNetwork(
      fromOcds({ uri: 'x', publishedDate: '2020-01-01T00:00:00Z', version: '1.1', releases: [release('ocds-1', 'CHACO INTERNACIONAL SA', 100), release('ocds-2', 'Chaco Internacional S.A.', 50)] }),
    );
    const suppliers = net.nodes.filter((n) => n.role === 'supplier');
    expect(suppliers).to.have.length(1);
    expect(suppliers[0]!.names).to.have.members(['CHACO INTERNACIONAL SA', 'Chaco Internacional S.A.']);
    expect(net.edges).to.have.length(1);
    expect(net.edges[0]).to.include({ amount: 150, awards: 2 });
  });

  it('sums edge, node and concentration amounts as decimals, without binary noise', () => {
    const amounts = [19300.7, 0.06];
    const exact = amounts.reduce((cents, a) => cents + Math.round(a * 100), 0) / 100;
    expect(amounts.reduce((x, y) => x + y, 0)).not.to.equal(exact);
    const net = supplierNetwork(dataset([process('p1', A, amounts.map((a, i) => award(`a${i}`, [s(1)], a)))]));
    expect(net.edges.map((e) => e.amount)).to.deep.equal([exact]);
    expect(net.nodes.map((n) => n.amount)).to.deep.equal([exact, exact]);
    expect(net.summary.total).to.equal(exact);
    expect(net.summary.top5.map((t) => t.amount)).to.deep.equal([exact]);
    expect(net.summary.buyers.map((b) => [b.amount, b.topAmount, b.share])).to.deep.equal([[exact, exact, 1]]);
    expect(net.summary.top5Share).to.equal(1);
  });
});
