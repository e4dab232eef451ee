// The Dataset fromOcds builds from every fixture file is exactly the one the data core built before its speed work:
// test/fixtures/digests/datasets.json holds, per file, the SHA-256 of each canonical part (processes with their
// compiled releases, organisations, issues, meta and the spendingByStage totals; or the error thrown), written by
// test/fixtures/digests/make.mjs from the code as it was. A change that alters any output fails here, by part.
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';
import { canonicalError, canonicalParts, sha256 } from '../helpers/canonical.js';
import { REAL_FILES } from '../helpers/real-files.js';

// Byte-for-byte: the test server re-encodes text files it serves itself (see demos/api/koa.js).
const FIXTURES = '/raw/test/fixtures/ocds/';

async function digests(): Promise<Record<string, Record<string, string>>> {
  const response = await fetch('/raw/test/fixtures/digests/datasets.json');
  expect(response.ok).to.equal(true);
  return response.json();
}

describe('fromOcds output is unchanged on every fixture', () => {
  it('the digests cover every real publisher file', async () => {
    const files = Object.keys(await digests()).filter((file) => file.startsWith('real/')).map((file) => file.slice('real/'.length));
    expect(files.sort()).to.deep.equal([...REAL_FILES].sort());
  });

  it('each fixture gives the same processes, organisations, issues, meta and totals', async function () {
    this.timeout(120_000);
    const expected = await digests();
    expect(Object.keys(expected).length).to.be.greaterThan(REAL_FILES.length);
    const differences: string[] = [];
    for (const [file, parts] of Object.entries(expected)) {
      const response = await fetch(FIXTURES + file);
      expect(response.ok, file).to.equal(true);
      const bytes = await response.arrayBuffer();
      let actual: Record<string, string>;
      try {
        actual = canonicalParts(fromOcds(bytes));
      } catch (error) {
        actual = { error: canonicalError(error) };
      }
      expect(Object.keys(actual).sort(), file).to.deep.equal(Object.keys(parts).sort());
      for (const [part, digest] of Object.entries(parts)) {
        if ((await sha256(actual[part])) !== digest) differences.push(`${file}: ${part}`);
      }
    }
    expect(differences).to.deep.equal([]);
  });
});
