// Generated buyer–supplier data for the supplier-network benchmark and demo (browser-safe, no dependencies).

import { mulberry32 } from '../src/charts/random.js';

/**
 * An OCDS release package whose supplier network has `nodes` organisations: about one buyer per 12 suppliers,
 * buyers chosen with a skew (a few big buyers), a quarter of the suppliers selling to a second buyer, one award in
 * twenty shared by two suppliers, values log-normally spread. Draw it with `limit` >= `nodes` to see every node.
 */
export function generateNetworkReleases(nodes: number, seed = 7): { releases: Record<string, unknown>[] } & Record<string, unknown> {
  const next = mulberry32(seed); // seeded, so every run measures the same network
  const buyers = Math.max(1, Math.round(nodes / 13));
  const suppliers = Math.max(1, nodes - buyers);
  const org = (kind: 'B' | 'S', i: number) => ({
    id: `${kind}-${i}`,
    name: `${kind === 'B' ? 'Buyer' : 'Supplier'} ${i}`,
    identifier: { scheme: 'XI-GEN', id: `${kind}${i}` },
  });
  const releases: Record<string, unknown>[] = [];
  let award = 0;
  const addAward = (buyer: number, supplierIds: number[]) => {
    const ocid = `ocds-gen000-${award++}`;
    const parties = [
      { ...org('B', buyer), roles: ['buyer'] },
      ...supplierIds.map((s) => ({ ...org('S', s), roles: ['supplier'] })),
    ];
    releases.push({
      ocid,
      id: `${ocid}-award`,
      date: '2024-01-01T00:00:00Z',
      tag: ['award'],
      initiationType: 'tender',
      parties,
      buyer: { id: `B-${buyer}`, name: `Buyer ${buyer}` },
      awards: [
        {
          id: `${ocid}-1`,
          status: 'active',
          value: { amount: Math.round(Math.exp(9 + 3 * next()) * 100) / 100, currency: 'USD' },
          suppliers: supplierIds.map((s) => ({ id: `S-${s}`, name: `Supplier ${s}` })),
        },
      ],
    });
  };
  const pickBuyer = () => Math.floor(buyers * next() ** 2);
  // Every buyer buys at least once, so the network has exactly `nodes` organisations.
  for (let b = 0; b < Math.min(buyers, suppliers); b++) addAward(b, [b]);
  for (let s = Math.min(buyers, suppliers); s < suppliers; s++) addAward(pickBuyer(), [s]);
  for (let s = 0; s < suppliers; s++) {
    if (next() < 0.25) addAward(pickBuyer(), [s]);
    if (next() < 0.05) addAward(pickBuyer(), [s, Math.floor(suppliers * next())]);
  }
  return {
    uri: 'https://example.org/generated',
    publishedDate: '2024-01-01T00:00:00Z',
    version: '1.1',
    publisher: { name: 'Generated for the supplier-network benchmark' },
    releases,
  };
}
