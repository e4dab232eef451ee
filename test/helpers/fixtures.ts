// Fetches test fixtures (served from the repo root as /test/fixtures/...) and remembers every path read, so a
// conformance test can check that no case its fixture folder lists is left out.
import type { JsonObject } from '../../src/data/types.js';

export function fixtureReader() {
  /** Every fixture read so far. */
  const fetched = new Set<string>();

  async function fetchText(path: string): Promise<string> {
    fetched.add(path);
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.text();
  }

  async function fetchJson<T = JsonObject>(path: string): Promise<T> {
    return JSON.parse(await fetchText(path)) as T;
  }

  return { fetched, fetchText, fetchJson };
}
