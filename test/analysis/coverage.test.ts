import { expect } from '@open-wc/testing';
import { fieldCoverage } from '../../src/analysis/coverage.js';
import { fromOcds } from '../../src/data/from-ocds.js';
import type { JsonObject } from '../../src/data/types.js';

// Every case of cardinal-rs's coverage suite (test/fixtures/cardinal-rs/coverage/): the .jsonl bytes in, the
// .expected counts out.
const CASES = [
  'ambiguous_empty_key', 'array_array', 'array_boolean', 'array_null', 'array_number', 'array_object', 'array_string',
  'base_array', 'base_boolean', 'base_null', 'base_number', 'base_object', 'base_string', 'blank_file', 'blank_line',
  'blank_space', 'empty_array', 'empty_object', 'empty_string', 'invalid_array_quote_first',
  'invalid_array_quote_last', 'invalid_brace_first', 'invalid_brace_last', 'invalid_multiline',
  'invalid_object_quote_first', 'invalid_object_quote_last', 'invalid_utf8', 'mixed_array', 'mixed_lines_array',
  'mixed_lines_base', 'mixed_lines_object', 'mixed_object', 'multiline', 'repeat_null_first', 'repeat_null_last',
];
const FOLDER = '/test/fixtures/cardinal-rs/coverage/';

describe("fieldCoverage: cardinal-rs's coverage cases", () => {
  it('lists the 35 cases of the folder (70 files), each with its input and expected output', async () => {
    expect(CASES).to.have.length(35);
    for (const name of CASES) {
      expect((await fetch(`${FOLDER}${name}.jsonl`)).ok, `${name}.jsonl`).to.equal(true);
      expect((await fetch(`${FOLDER}${name}.expected`)).ok, `${name}.expected`).to.equal(true);
    }
  });

  for (const name of CASES) {
    it(name, async () => {
      const bytes = new Uint8Array(await (await fetch(`${FOLDER}${name}.jsonl`)).arrayBuffer());
      const expected = JSON.parse(await (await fetch(`${FOLDER}${name}.expected`)).text());
      expect(fieldCoverage(bytes)).to.deep.equal(expected);
    });
  }

  it('reads text and parsed values as it reads bytes', async () => {
    const text = await (await fetch(`${FOLDER}multiline.jsonl`)).text();
    const expected = JSON.parse(await (await fetch(`${FOLDER}multiline.expected`)).text());
    expect(fieldCoverage(text)).to.deep.equal(expected);
    const values = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
    expect(fieldCoverage(values)).to.deep.equal(expected);
  });
});

describe('fieldCoverage: compiled releases of a real feed', () => {
  it('counts the Paraguay processes that publish tender values and awards', async () => {
    const json = (await (await fetch('/test/fixtures/ocds/real/paraguay-dncp/rparrapy-ocds-viz/155220.json')).json()) as JsonObject;
    const dataset = fromOcds(json);
    const compiled = dataset.processes.map((process) => process.compiledRelease);
    const coverage = fieldCoverage(compiled);
    // worked out here from the JSON: releases whose value is non-empty
    const present = (value: unknown): boolean =>
      value !== null && value !== undefined && value !== '' &&
      (typeof value !== 'object' || Object.values(value as object).some(present));
    const releases = compiled as Array<{ tender?: { value?: { amount?: unknown } }; awards?: unknown[] }>;
    expect(coverage['']).to.equal(releases.length);
    expect(coverage['/tender/value/amount'] ?? 0).to.equal(releases.filter((r) => present(r.tender?.value?.amount)).length);
    expect(coverage['/awards'] ?? 0).to.equal(releases.filter((r) => present(r.awards)).length);
    expect(coverage['/awards[]'] ?? 0).to.equal(releases.flatMap((r) => r.awards ?? []).filter(present).length);
  });
});
