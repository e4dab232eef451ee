// Expected spending totals computed straight from fixture JSON, applying the README's "Money rules" by hand —
// independent of src/ (no core code is used here).

export interface ExpectedRow {
  stage: string;
  currency: string;
  amount: number;
  processes: number;
  pending: number;
}

type Json = Record<string, any>;

export async function fetchJson(url: string): Promise<any> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

const status = (value: unknown) => String(value ?? '').trim().toLowerCase();

function money(value: Json | undefined, inherited?: string): { amount: number; currency: string } | undefined {
  if (!value || value.amount === null || value.amount === undefined || value.amount === '') return undefined;
  const amount = Number(value.amount);
  if (!Number.isFinite(amount)) return undefined;
  const currency = String(value.currency ?? '').trim().toUpperCase() || inherited || 'XXX';
  return { amount, currency };
}

/** Totals per stage and currency for compiled releases (one per process), by the money rules. */
export function expectedSpending(compiledReleases: Json[]): ExpectedRow[] {
  const rows = new Map<string, ExpectedRow & { ocids: Set<string> }>();
  const add = (ocid: string, stage: string, value: { amount: number; currency: string } | undefined, pending = false) => {
    if (!value) return;
    const key = `${value.currency} ${stage}`;
    const row = rows.get(key) ?? { stage, currency: value.currency, amount: 0, processes: 0, pending: 0, ocids: new Set<string>() };
    row.amount += value.amount;
    row.ocids.add(ocid);
    if (pending) row.pending++;
    rows.set(key, row);
  };
  for (const release of compiledReleases) {
    const ocid = release.ocid;
    add(ocid, 'planned', money(release.planning?.budget?.amount));
    if (release.tender && !['cancelled', 'unsuccessful', 'withdrawn'].includes(status(release.tender.status))) {
      add(ocid, 'tendered', money(release.tender.value));
    }
    for (const award of release.awards ?? []) {
      if (!['cancelled', 'unsuccessful'].includes(status(award.status))) add(ocid, 'awarded', money(award.value), status(award.status) === 'pending');
    }
    for (const contract of release.contracts ?? []) {
      if (status(contract.status) === 'cancelled') continue;
      const contractValue = money(contract.value);
      add(ocid, 'contracted', contractValue, status(contract.status) === 'pending');
      for (const transaction of contract.implementation?.transactions ?? []) {
        add(ocid, 'paid', money(transaction.value ?? transaction.amount, contractValue?.currency));
      }
    }
  }
  return [...rows.values()].map(({ ocids, ...row }) => ({ ...row, processes: ocids.size }));
}
