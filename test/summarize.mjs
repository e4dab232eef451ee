// `npm test` Node stage: `ocds-widgets summarize` (bin/) on the built core and DuckDB. The summary of every real
// fixture holds the numbers the browser's analysis gives for the same file; JSON Lines (plain and gzip'd, compiled
// releases and uncompiled ones, from a file or standard input) read alike; bad lines are counted with their line
// numbers; summaries of shards, merged, equal the summary of the whole (fast-check over random splits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import * as core from 'ocds-widgets';
import { bytesText, merge, parseArgs, summarize } from '../bin/summarize.mjs';
import { exactSum } from './helpers/decimal.mjs';

const BIN = new URL('../bin/ocds-widgets.mjs', import.meta.url).pathname;
const REAL = new URL('./fixtures/ocds/real/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'summarize-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function realFiles(folder = REAL) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? realFiles(path) : name.endsWith('.json') ? [path] : [];
    });
}

const run = (...args) => summarize(parseArgs(['summarize', '--quiet', ...args]));
const cli = (args, input) => spawnSync(process.execPath, [BIN, 'summarize', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });

/** The browser's rows for a Dataset and the summary's, side by side, for every figure a summary answers. */
function assertSameNumbers(summary, dataset, what) {
  assert.deepEqual(core.summarySpending(summary), core.spendingByStage(dataset), `${what}: spending by stage`);
  for (const currency of new Set(core.spendingByStage(dataset).map((row) => row.currency))) {
    assert.deepEqual(core.summarySpending(summary, { currency }), core.spendingByStage(dataset, { currency }), `${what}: spending in ${currency}`);
  }
  for (const by of core.SUMMARY_BREAKDOWN_BY) {
    for (const measure of core.BREAKDOWN_MEASURES) {
      assert.deepEqual(core.summaryBreakdown(summary, { by, measure }), core.breakdown(dataset, { by, measure }), `${what}: breakdown by ${by}, ${measure}`);
    }
  }
  assert.deepEqual(core.summaryBreakdown(summary, { by: 'buyer', measure: 'awarded', limit: 2 }), core.breakdown(dataset, { by: 'buyer', measure: 'awarded', limit: 2 }), `${what}: top 2 buyers`);
  assert.deepEqual(core.summaryNetworkEdges(summary), core.supplierNetwork(dataset).edges, `${what}: network edges`);
  assert.equal(summary.meta.processes, dataset.processes.length, `${what}: processes`);
  assert.deepEqual(summary.fields, expectedFields(dataset), `${what}: processes per data-quality field`);
}

/** Processes per data-quality field, from each process's compiled release as the browser holds it. */
function expectedFields(dataset) {
  const paths = {
    planning: '/planning', budget: '/planning/budget/amount/amount', tender: '/tender', 'tender-value': '/tender/value/amount',
    tenderers: '/tender/numberOfTenderers', bids: '/bids/details[]', award: '/awards[]', 'award-value': '/awards[]/value/amount',
    'award-date': '/awards[]/date', contract: '/contracts[]', 'contract-value': '/contracts[]/value/amount',
    'contract-signed': '/contracts[]/dateSigned', transactions: '/contracts[]/implementation/transactions[]',
  };
  const fields = Object.fromEntries(Object.keys(paths).map((field) => [field, 0]));
  fields['supplier-identifier'] = 0;
  for (const process of dataset.processes) {
    const present = core.fieldCoverage([process.compiledRelease]);
    for (const [field, path] of Object.entries(paths)) if (present[path] > 0) fields[field]++;
    if (process.awards.some((award) => award.suppliers.some((supplier) => supplier.identifier?.id))) fields['supplier-identifier']++;
  }
  return fields;
}

/** One compiled release per line: every real fixture's processes (each ocid once), as the Data Registry publishes them. */
function compiledLines() {
  const seen = new Set();
  const lines = [];
  for (const file of realFiles()) {
    for (const process of core.fromOcds(new Uint8Array(readFileSync(file))).processes) {
      if (seen.has(process.ocid)) continue;
      seen.add(process.ocid);
      lines.push(JSON.stringify({ ...process.compiledRelease, tag: ['compiled'] }));
    }
  }
  return lines;
}

test('every real fixture: the summary has the browser’s numbers (spending, breakdowns, network)', async () => {
  const files = realFiles();
  assert.ok(files.length >= 60, `${files.length} real fixtures`);
  for (const file of files) {
    const summary = core.parseSummary(await run(file));
    assertSameNumbers(summary, core.fromOcds(new Uint8Array(readFileSync(file))), file.slice(REAL.length));
  }
});

test('JSON Lines of compiled releases, gzip’d, and from standard input: the browser’s numbers, amounts per currency', async () => {
  const lines = compiledLines();
  assert.ok(lines.length >= 40, `${lines.length} processes`);
  const text = `${lines.join('\n')}\n`;
  const path = join(dir, 'compiled.jsonl.gz');
  writeFileSync(path, gzipSync(text));
  const summary = core.parseSummary(await run(path));
  const dataset = core.fromOcds(text);
  assertSameNumbers(summary, dataset, 'compiled.jsonl.gz');
  // Stages in lifecycle order, not by size, from the summary as in the browser: here 73 plans come first but 11
  // cancelled processes outnumber the 10 in implementation, and money in implementation outweighs contracts.
  const LIFECYCLE = ['planning', 'tender', 'award', 'contract', 'implementation', 'cancelled'];
  const stages = core.summaryBreakdown(summary, { by: 'stage' });
  assert.notDeepEqual([...stages].sort((a, b) => b.value - a.value).map((row) => row.key), LIFECYCLE.filter((stage) => stages.some((row) => row.key === stage)), 'sizes tell the orders apart');
  for (const measure of core.BREAKDOWN_MEASURES) {
    const rows = core.summaryBreakdown(summary, { by: 'stage', measure });
    for (const currency of new Set(rows.map((row) => row.currency))) {
      const keys = rows.filter((row) => row.currency === currency).map((row) => row.key);
      assert.deepEqual(keys, LIFECYCLE.filter((stage) => keys.includes(stage)), `stages of ${measure} ${currency ?? ''} in lifecycle order`);
    }
  }
  // by=time: by its interval (year by default), as by=year|quarter|month.
  for (const interval of ['year', 'quarter', 'month']) {
    assert.deepEqual(core.summaryBreakdown(summary, { by: 'time', interval, measure: 'awarded' }), core.breakdown(dataset, { by: interval, measure: 'awarded' }), `by time, ${interval}`);
  }
  assert.deepEqual(core.summaryBreakdown(summary, { by: 'time', measure: 'contracted' }), core.summaryBreakdown(summary, { by: 'year', measure: 'contracted' }), 'by time: year by default');
  const three = await run('--network-limit', '3', path);
  assert.ok(three.network.others.rows.length > 0, 'suppliers grouped');
  assert.deepEqual(core.summaryNetworkEdges(three), core.supplierNetwork(dataset, { limit: 3 }).edges, 'network of the 3 largest suppliers per currency');
  assert.equal(summary.meta.sources[0].lines, lines.length);
  // Totals per currency computed here from the JSON itself: awards not cancelled/unsuccessful.
  const awarded = new Map();
  for (const line of lines) {
    for (const award of JSON.parse(line).awards ?? []) {
      if (['cancelled', 'unsuccessful'].includes(String(award.status ?? '').trim().toLowerCase())) continue;
      const amount = award.value?.amount;
      if (typeof amount !== 'number') continue;
      const currency = String(award.value.currency ?? '').trim().toUpperCase() || 'XXX';
      awarded.set(currency, [...(awarded.get(currency) ?? []), amount]);
    }
  }
  for (const [currency, amounts] of awarded) {
    if (!/^[A-Z]{3}$/.test(currency) || currency === 'XXX') continue;
    const row = core.summarySpending(summary, { currency }).find((r) => r.stage === 'awarded');
    assert.ok(row, `awarded in ${currency}`);
    assert.ok(Math.abs(row.amount - exactSum(amounts)) <= Math.abs(row.amount) * 1e-12, `awarded in ${currency}: ${row.amount}`);
  }
  // One buyer kept by year, method and category: every total still whole, that buyer's spending its own, the others refused.
  const one = core.parseSummary(await run('--spending-buyers', '1', path));
  assert.equal(one.spending.buyers, 1);
  assertSameNumbers(one, dataset, 'compiled.jsonl.gz, one buyer kept in the spending cube');
  const buyerKey = (process) => (process.buyer ?? process.procuringEntity)?.key ?? '';
  const counts = new Map();
  for (const process of dataset.processes) counts.set(buyerKey(process), (counts.get(buyerKey(process)) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key]) => key);
  assert.ok(ranked.length > 2, `${ranked.length} buyers`);
  const only = (key) => ({ ...dataset, processes: dataset.processes.filter((process) => buyerKey(process) === key) });
  assert.deepEqual(core.summarySpending(one, { filters: { buyer: ranked[0] } }), core.spendingByStage(only(ranked[0])), 'the buyer with the most processes');
  assert.equal(core.summarySpendingAnswers(one, { buyer: ranked[0] }), true);
  assert.equal(core.summarySpendingAnswers(one, { buyer: ranked[1] }), false, 'a grouped buyer is not answered by the spending cube');
  assert.equal(core.summarySpendingAnswers(one, { method: 'open' }), true);
  assert.equal(core.summarySpendingAnswers(summary, { buyer: ranked[1] }), ranked.length <= core.SUMMARY_SPENDING_BUYERS || summary.spending.rows.some((row) => row[2] === ranked[1]));
  const methods = new Set(dataset.processes.map((process) => core.breakdown({ ...dataset, processes: [process] }, { by: 'method' })[0]?.key));
  for (const method of methods) {
    const matching = { ...dataset, processes: dataset.processes.filter((process) => core.breakdown({ ...dataset, processes: [process] }, { by: 'method' })[0]?.key === method) };
    assert.deepEqual(core.summarySpending(one, { filters: { method } }), core.spendingByStage(matching), `spending of method ${method}, grouped buyers included`);
  }
  // The size of the spending cube: one buyer's rows and the group's, not every buyer's.
  assert.ok(one.spending.rows.length < summary.spending.rows.length || ranked.length <= 2);

  const piped = cli(['--quiet', '-'], gzipSync(text));
  assert.equal(piped.status, 0, piped.stderr);
  const fromStdin = JSON.parse(piped.stdout);
  assert.deepEqual(strip(fromStdin), strip({ ...summary, meta: { ...summary.meta, sources: fromStdin.meta.sources } }), 'standard input reads as the file');
});

test('mixed lines: the engine reads the clean ones, the model the ones needing repairs; several files, gzip’d and standard input', async () => {
  const lines = compiledLines();
  // Quirks the kit repairs or reads its own way, each making a line the model's (or the engine's after the repairs).
  const quirk = (line, i) => {
    const release = JSON.parse(line);
    const award = (release.awards ?? []).find((a) => typeof a.value?.amount === 'number' && typeof a.value.currency === 'string');
    if (i % 4 === 1 && award) award.value.currency = award.value.currency.toLowerCase(); // "mxn": the model's
    else if (i % 4 === 2 && award) award.value.amount = String(award.value.amount); // amount as text: repaired
    else if (i % 4 === 3 && release.tender) release.tender.procurementMethod = ` ${release.tender.procurementMethod ?? 'Direct'} `; // spaces: the model's
    return JSON.stringify(release);
  };
  const mixed = lines.map(quirk);
  // One ocid twice, in two files: merged as the browser merges them.
  mixed.push(lines[0]);
  const engineRead = mixed.filter((line) => core.engineRelease(JSON.parse(line), true)).length;
  assert.ok(engineRead > 0 && engineRead < mixed.length, `${engineRead} of ${mixed.length} lines for the engine`);
  const third = Math.floor(mixed.length / 3);
  const plainPath = join(dir, 'mixed-a.jsonl');
  const gzPath = join(dir, 'mixed-b.jsonl.gz');
  writeFileSync(plainPath, `${mixed.slice(0, third).join('\n')}\n`);
  writeFileSync(gzPath, gzipSync(`${mixed.slice(third, 2 * third).join('\n')}\n`));
  const out = join(dir, 'mixed-summary.json');
  const result = cli(['--quiet', '-o', out, plainPath, gzPath, '-'], `${mixed.slice(2 * third).join('\n')}\n`);
  assert.equal(result.status, 0, result.stderr);
  const summary = core.parseSummary(JSON.parse(readFileSync(out, 'utf8')));
  const dataset = core.fromOcds(`${mixed.join('\n')}\n`);
  assert.equal(dataset.processes.length, lines.length, 'the repeated ocid is one process');
  assertSameNumbers(summary, dataset, 'mixed lines in three inputs');
  assert.deepEqual(summary.meta.sources.map((source) => source.lines), [third, third, mixed.length - 2 * third]);
  // Field coverage as cardinal counts it over the browser's compiled releases.
  assert.deepEqual(summary.coverage, Object.fromEntries(Object.entries(core.fieldCoverage(dataset.processes.map((process) => process.compiledRelease))).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  // Organisations are named as the browser labels them (its most used name over the whole dataset).
  const labels = new Map([...dataset.organisations.values()].map((organisation) => [organisation.key, organisation.names[0]]));
  for (const key of Object.keys(summary.organisations)) assert.equal(core.summaryLabel(summary, key), labels.get(key) || key, `label of ${key}`);
});

test('the engine writes every amount’s decimal text as the model does (sql/engine-functions.sql)', async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const text = readFileSync(new URL('../sql/engine-functions.sql', import.meta.url), 'utf8').split('\n').filter((line) => !line.trim().startsWith('--')).join('\n');
  for (const statement of text.split(/;\s*\n/).map((part) => part.trim()).filter(Boolean)) await connection.run(statement);
  // Amounts as publishers give them, shares of them among up to 7 suppliers, and awkward ones.
  const amounts = fc.sample(fc.oneof(fc.integer({ min: -1e9, max: 1e12 }).map((n) => n / 100), fc.double({ min: -1e14, max: 1e14, noNaN: true }), fc.integer({ min: 1, max: 1e9 })), { numRuns: 3000, seed: 17 });
  const values = [...amounts.flatMap((x) => [x, x / 3, x / 7]), 0, -0, 0.5, -0.5, 2.5e-7, -5e-7, 1e-10, 123456789012.34, 999999999999.99 / 3];
  await connection.run(`CREATE TABLE amounts AS SELECT * FROM (VALUES ${values.map((x, i) => `(${i}, ${x.toPrecision(17)}::DOUBLE)`).join(', ')}) AS t(i, x)`);
  const rows = (await connection.runAndReadAll('SELECT i, CAST(CAST(decimal_text(x) AS DECIMAL(38, 6)) AS VARCHAR) FROM amounts ORDER BY i')).getRowsJS();
  const canonical = (t) => core.canonicalAmount(t);
  for (const [i, sql] of rows) assert.equal(canonical(sql), canonical(core.decimalText(values[Number(i)])), `amount ${values[Number(i)]}`);
  connection.closeSync?.();
  instance.closeSync?.();
});

test('uncompiled releases are grouped by ocid and compiled with the kit’s merge, as the browser compiles them', async () => {
  const releases = [];
  for (const file of realFiles().filter((path) => path.includes('/releases/') || path.includes('mexico-gacm'))) {
    for (const release of core.readOcdsContent(JSON.parse(readFileSync(file, 'utf8')), {}, () => {}).releases) releases.push(JSON.stringify(release));
  }
  // Shuffled (seeded): an ocid's releases are far apart in the file.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = releases.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [releases[i], releases[j]] = [releases[j], releases[i]];
  }
  const text = `${releases.join('\n')}\n`;
  const path = join(dir, 'releases.jsonl');
  writeFileSync(path, text);
  const dataset = core.fromOcds(text);
  assert.ok(dataset.processes.length < releases.length, 'several releases per process');
  assertSameNumbers(core.parseSummary(await run(path)), dataset, 'releases.jsonl');
});

test('records and release packages one per line, a gzip’d JSON package, and red flags: the browser’s numbers', async () => {
  const records = realFiles().filter((path) => path.includes('/records/') || path.includes('record-package'));
  const packages = realFiles().filter((path) => path.includes('/releases/'));
  const lines = [...records, ...packages].map((path) => JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
  const text = `${lines.join('\n')}\n`;
  const path = join(dir, 'packages.jsonl');
  writeFileSync(path, text);
  assertSameNumbers(core.parseSummary(await run(path)), core.fromOcds(text), 'packages.jsonl');

  const file = realFiles().find((name) => name.endsWith('record-package-2.json'));
  const gz = join(dir, 'record-package.json.gz');
  writeFileSync(gz, gzipSync(readFileSync(file)));
  assertSameNumbers(core.parseSummary(await run(gz)), core.fromOcds(new Uint8Array(readFileSync(file))), 'record-package.json.gz');

  // Fewer than 1,000 processes are one batch: the indicators see the whole dataset, as in the browser.
  const compiled = join(dir, 'flags.jsonl');
  const compiledText = compiledLines().join('\n');
  writeFileSync(compiled, compiledText);
  const summary = core.parseSummary(await run('--red-flags', compiled));
  const dataset = core.fromOcds(compiledText);
  const expected = core
    .redFlagGroups(dataset, core.redFlags(dataset), 'buyer')
    .map((row) => [row.id, row.indicator, row.evaluable, row.flagged])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  assert.ok(expected.some((row) => row[3] > 0), 'some processes flagged');
  assert.deepEqual(summary.redFlags.rows, expected);
  assert.equal((await run(compiled)).redFlags, null, 'red flags only when asked');
});

test('bad lines are counted and reported with their line numbers; a truncated .gz keeps what came before', async () => {
  const lines = compiledLines().slice(0, 12);
  const bad = [...lines.slice(0, 3), '{"ocid": "cut', ...lines.slice(3, 6), '{"type": "FeatureCollection", "features": []}', '[1, 2]', ...lines.slice(6)];
  const path = join(dir, 'bad.jsonl');
  writeFileSync(path, `${bad.join('\n')}\n`);
  const result = cli(['-o', join(dir, 'bad-summary.json'), path]);
  assert.equal(result.status, 0, result.stderr);
  const summary = core.parseSummary(JSON.parse(readFileSync(join(dir, 'bad-summary.json'), 'utf8')));
  assert.equal(summary.meta.processes, lines.length);
  assert.equal(summary.meta.errorCount, 3);
  assert.equal(summary.meta.complete, false);
  assert.deepEqual(summary.meta.errors.map((error) => [error.line, error.code]), [[4, 'not-json'], [8, 'not-ocds'], [9, 'not-ocds']]);
  for (const line of [4, 8, 9]) assert.match(result.stderr, new RegExp(`bad\\.jsonl:${line}: `), `stderr names line ${line}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');

  // Twenty are listed, all are counted.
  const many = join(dir, 'many.jsonl');
  writeFileSync(many, [lines[0], ...Array.from({ length: 30 }, (_, i) => `not json ${i}`)].join('\n'));
  const manySummary = await run(many);
  assert.equal(manySummary.meta.errorCount, 30);
  assert.deepEqual(manySummary.meta.errors.map((error) => error.line), Array.from({ length: 20 }, (_, i) => i + 2));

  // A .gz cut short: the lines before the cut are summarised, the cut is an error.
  const gz = gzipSync(`${lines.join('\n')}\n`);
  const truncated = join(dir, 'truncated.jsonl.gz');
  writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length * 0.6)));
  const cut = cli(['--quiet', truncated]);
  assert.equal(cut.status, 0, cut.stderr);
  const partial = JSON.parse(cut.stdout);
  assert.ok(partial.meta.processes > 0 && partial.meta.processes < lines.length, `${partial.meta.processes} processes before the cut`);
  assert.equal(partial.meta.errors.at(-1).code, 'truncated');
  assert.equal(partial.meta.errors.at(-1).line, partial.meta.sources[0].lines + 1);
  assert.match(cut.stderr, /truncated\.jsonl\.gz:\d+: The input ends early/);
});

test('nothing usable: exit 1 with one clear line, no stack trace', () => {
  const path = join(dir, 'nothing.jsonl');
  writeFileSync(path, 'hello\n{"a": 1}\n');
  const result = cli(['--quiet', path]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  const said = result.stderr.trimEnd().split('\n');
  assert.match(said.at(-1), /^ocds-widgets: Nothing usable was found in .*nothing\.jsonl: no contracting process could be read \(2 unusable lines or files\)\.$/);
  assert.deepEqual(said.slice(0, -1).map((line) => line.replace(/^.*nothing\.jsonl:(\d+): .*$/, '$1')), ['1', '2'], 'each unusable line said with its number');
  const missing = cli([join(dir, 'absent.jsonl')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^ocds-widgets: Cannot read ".*absent\.jsonl": no such file\.\n$/);
  const notSummary = cli(['--merge', path]);
  assert.equal(notSummary.status, 1);
  assert.doesNotMatch(notSummary.stderr, /\n\s+at /);
});

test('the progress line: bytes read of the total, processes and rate; --quiet says nothing but what could not be used', () => {
  const lines = compiledLines();
  const path = join(dir, 'progress.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const size = statSync(path).size;
  const said = cli(['-o', join(dir, 'progress-summary.json'), path]);
  assert.equal(said.status, 0, said.stderr);
  const [progress, written, ...more] = said.stderr.trimEnd().split('\n');
  assert.deepEqual(more, []);
  // Not a terminal: one line at the end (and one every 10 s), the whole file read.
  const total = bytesText(size);
  assert.match(progress, new RegExp(`^read ${total} of ${total} \\(100%\\) · ${lines.length.toLocaleString('en')} processes · \\d+(\\.\\d)? [KMG]?B/s$`));
  assert.match(written, new RegExp(`progress-summary\\.json: summary of ${lines.length.toLocaleString('en')} processes \\(`));
  const quiet = cli(['--quiet', '-o', join(dir, 'quiet-summary.json'), path]);
  assert.equal(quiet.status, 0);
  assert.equal(quiet.stderr, '');
});

test('without DuckDB installed: one line says how to install it, exit 1, no stack trace', () => {
  // Resolving @duckdb/node-api fails as it does where the optional peer dependency was never installed.
  const hooks = join(dir, 'no-duckdb-hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
      if (specifier === '@duckdb/node-api') throw Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: 'ERR_MODULE_NOT_FOUND' });
      return next(specifier, context);
    }\n`,
  );
  const register = join(dir, 'no-duckdb.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`);
  const path = join(dir, 'some.jsonl');
  writeFileSync(path, `${compiledLines()[0]}\n`);
  const result = spawnSync(process.execPath, ['--import', register, BIN, 'summarize', path], { encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'ocds-widgets: ocds-widgets summarize needs DuckDB, which is not installed. Install it with: npm install @duckdb/node-api\n');
});

test('--root reads the packages a property wraps: the same summary as the package itself', async () => {
  const file = join(REAL, 'armenia/sample-data/6.json');
  const releasePackage = JSON.parse(readFileSync(file, 'utf8'));
  const wrapped = join(dir, 'wrapped.json');
  writeFileSync(wrapped, JSON.stringify({ status: 'ok', data: { result: releasePackage } }));
  const plain = strip(await run(file));
  assert.equal(plain.meta.processes, new Set(releasePackage.releases.map((release) => release.ocid)).size);
  assert.deepEqual(strip(await run('--root', 'data.result', wrapped)), plain);
  const missing = cli(['--quiet', '--root', 'records', wrapped]);
  assert.equal(missing.status, 1);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
});

/** A summary without what differs between runs (when, from which files, merged from how many). */
function strip(summary) {
  const { generatedAt: _when, sources: _sources, merged: _merged, ...meta } = summary.meta;
  return { ...summary, meta };
}

/** Per buyer and currency, the network's awarded value (kept suppliers plus others): exact after any merge. */
function buyerNetworkTotals(summary) {
  const totals = new Map();
  for (const [buyer, , currency, amount, awards] of summary.network.edges.rows) totals.set(`${buyer} ${currency}`, [...(totals.get(`${buyer} ${currency}`) ?? []), [amount, awards]]);
  for (const [buyer, currency, amount] of summary.network.others.rows) totals.set(`${buyer} ${currency}`, [...(totals.get(`${buyer} ${currency}`) ?? []), [amount, 0]]);
  return new Map([...totals].map(([key, parts]) => [key, core.addAmounts(...parts.map(([amount]) => amount))]));
}

/** Spending rows with every buyer outside `kept` in the 'others:' rows, added exactly (another way than the merge's). */
function regroup(rows, kept) {
  const added = new Map();
  for (const row of rows) {
    const buyer = kept.has(row[2]) ? row[2] : core.SPENDING_OTHER_BUYERS;
    const id = JSON.stringify([row[0], row[1], buyer, row[3], row[4]]);
    const parts = added.get(id) ?? { keys: [row[0], row[1], buyer, row[3], row[4]], stages: Array.from({ length: 5 }, () => ({ amounts: [], processes: 0, pending: 0 })) };
    added.set(id, parts);
    parts.stages.forEach((stage, i) => {
      if (row[5 + 3 * i] !== null) stage.amounts.push(Number(row[5 + 3 * i]));
      stage.processes += row[6 + 3 * i];
      stage.pending += row[7 + 3 * i];
    });
  }
  return [...added.values()]
    .map(({ keys, stages }) => [...keys, ...stages.flatMap((stage) => [stage.amounts.length ? exactSum(stage.amounts) : null, stage.processes, stage.pending])])
    .sort((p, q) => (JSON.stringify(p.slice(0, 5)) < JSON.stringify(q.slice(0, 5)) ? -1 : 1));
}

test('summaries of shards, merged, equal the summary of the whole (random splits)', async () => {
  const lines = compiledLines();
  const wholePath = join(dir, 'whole.jsonl');
  writeFileSync(wholePath, lines.join('\n'));
  // Three suppliers kept per currency and two buyers in the spending cube, so shards group some of theirs and merges
  // are approximate for some splits.
  const limits = ['--network-limit', '3', '--spending-buyers', '2'];
  const whole = await run(...limits, wholePath);
  let spendingApproximate = 0;
  let runs = 0;
  let approximate = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: lines.length, maxLength: lines.length }), async (assignment) => {
      const shards = [];
      for (let shard = 0; shard < 3; shard++) {
        const part = lines.filter((_, i) => assignment[i] === shard);
        if (!part.length) continue;
        const path = join(dir, `shard-${runs}-${shard}.jsonl`);
        writeFileSync(path, part.join('\n'));
        shards.push(await run(...limits, path));
      }
      runs++;
      const merged = core.mergeSummaries(shards, whole.meta.generator);
      assert.equal(merged.network.approximate, shards.length > 1 && shards.some((shard) => shard.network.others.rows.length > 0));
      if (merged.network.approximate) approximate++;
      assert.deepEqual(buyerNetworkTotals(merged), buyerNetworkTotals(whole), 'network totals per buyer');
      const grouped = shards.length > 1 && shards.some((shard) => shard.spending.rows.some((row) => row[2] === core.SPENDING_OTHER_BUYERS));
      assert.equal(merged.spending.approximate, grouped);
      const [a, b] = [strip(merged), strip(whole)];
      if (merged.spending.approximate) {
        spendingApproximate++;
        // The merge may keep other buyers than the whole does: every row is exact, so with the buyers kept by only
        // one of them grouped on both sides, the cubes are equal.
        const keptBy = (summary) => new Set(summary.spending.rows.map((row) => row[2]));
        const [x, y] = [keptBy(merged), keptBy(whole)];
        const both = new Set([...x].filter((key) => y.has(key) && key !== core.SPENDING_OTHER_BUYERS));
        for (const summary of [a, b]) {
          summary.spending = { ...summary.spending, approximate: undefined, rows: regroup(summary.spending.rows, both) };
        }
      }
      if (merged.network.approximate) {
        // Kept suppliers may be ranked on partial totals: only the buyer totals above are exact.
        for (const summary of [a, b]) {
          summary.network = { ...summary.network, approximate: undefined, suppliers: undefined, edges: undefined, others: undefined };
          summary.organisations = undefined;
        }
      }
      // Name counts come from the processes of each shard that name the organisation; the labels they give agree.
      for (const summary of [a, b]) {
        if (summary.organisations) summary.organisations = Object.fromEntries(Object.keys(summary.organisations).map((key) => [key, core.summaryLabel(summary, key)]));
      }
      assert.deepEqual(a, b);
    }),
    { numRuns: 8, seed: 17 },
  );
  assert.ok(approximate > 0, 'some merges were approximate');
  assert.ok(spendingApproximate > 0, 'some merges kept other buyers in the spending cube');
  // The command: `--merge a.json b.json` writes the same merged document.
  const halves = [lines.slice(0, 20), lines.slice(20)].map((part, i) => {
    const path = join(dir, `half-${i}.jsonl`);
    writeFileSync(path, part.join('\n'));
    return path;
  });
  const summaries = [];
  for (const [i, half] of halves.entries()) {
    const out = join(dir, `half-${i}.json`);
    assert.equal(cli(['--quiet', '-o', out, half]).status, 0);
    summaries.push(out);
  }
  const mergedPath = join(dir, 'merged.json');
  const result = cli(['--merge', ...summaries, '-o', mergedPath]);
  assert.equal(result.status, 0, result.stderr);
  const fromCommand = core.parseSummary(JSON.parse(readFileSync(mergedPath, 'utf8')));
  assert.equal(fromCommand.meta.merged, 2);
  assert.deepEqual(strip(fromCommand), strip(await merge(parseArgs(['summarize', '--merge', ...summaries]))));
  assert.equal(fromCommand.meta.processes, whole.meta.processes);
});

test('a summary of another version is refused with a message saying so', () => {
  const path = join(dir, 'v2.json');
  writeFileSync(path, JSON.stringify({ type: 'ocds-widgets-summary', version: 2 }));
  const result = cli(['--merge', path]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /version 2; this version of ocds-widgets reads version 1/);
});

test('the package ships the command, its SQL, and DuckDB only as an optional peer dependency', () => {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(packageJson.bin['ocds-widgets'], './bin/ocds-widgets.mjs');
  assert.equal(packageJson.peerDependenciesMeta['@duckdb/node-api'].optional, true);
  assert.equal(packageJson.dependencies['@duckdb/node-api'], undefined, 'not installed with the elements');
  const packed = new Set(JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))[0].files.map((file) => file.path));
  for (const file of ['bin/ocds-widgets.mjs', 'bin/summarize.mjs']) assert.ok(packed.has(file), `${file} is packed`);
  const code = readFileSync(new URL('../bin/summarize.mjs', import.meta.url), 'utf8');
  const used = new Set([...code.matchAll(/(?:runSql\(connection, |sqlText\()'([\w-]+)'/g)].map((match) => match[1]));
  assert.ok(used.size >= 10, `${used.size} SQL files used`);
  for (const name of used) assert.ok(packed.has(`sql/${name}.sql`), `sql/${name}.sql is packed`);
  assert.match(readFileSync(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});
