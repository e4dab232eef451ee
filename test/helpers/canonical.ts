// A stable, canonical JSON text of what `fromOcds` returns (or throws) for one input, and its SHA-256: object keys
// sorted, the organisations Map as sorted entries, numbers JSON cannot write (NaN, ±Infinity, -0) spelled out.
// Shared by test/data/output-unchanged.test.ts (in the browser) and test/fixtures/digests/make.mjs (in Node), so a
// digest written by one is checked by the other.
import type { Dataset } from '../../src/data/types.js';
import { spendingByStage } from '../../src/analysis/spending.js';

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '<NaN>';
    if (!Number.isFinite(value)) return value > 0 ? '<Infinity>' : '<-Infinity>';
    if (Object.is(value, -0)) return '<-0>';
    return value;
  }
  if (value === undefined) return '<undefined>';
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Map) {
    return [...value].map(([key, entry]) => [canonicalValue(key), canonicalValue(entry)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  }
  if (Array.isArray(value)) return value.map(canonicalValue);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    // An absent key and a key holding undefined read the same to every caller; JSON.stringify drops both.
    if (entry !== undefined) out[key] = canonicalValue(entry);
  }
  return out;
}

/** The parts of a Dataset compared: each one's canonical JSON text. */
export function canonicalParts(dataset: Dataset): Record<'processes' | 'organisations' | 'issues' | 'meta' | 'totals', string> {
  return {
    processes: JSON.stringify(canonicalValue(dataset.processes)),
    organisations: JSON.stringify(canonicalValue(dataset.organisations)),
    issues: JSON.stringify(canonicalValue(dataset.issues)),
    meta: JSON.stringify(canonicalValue(dataset.meta)),
    // The money totals every chart starts from, per currency and stage.
    totals: JSON.stringify(canonicalValue(spendingByStage(dataset))),
  };
}

/** What an input that throws gives instead: the error's class, code and message. */
export function canonicalError(error: unknown): string {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  return JSON.stringify({ name, code, message });
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
