// `ocds-widgets summarize` (the command: bin/ocds-widgets.mjs): bulk OCDS (JSON Lines or JSON, gzip'd or not,
// files or standard input) -> one summary document (README, "Summary documents"). Published compiled releases (and
// records' compiledRelease) are repaired and upgraded by the kit, then read by DuckDB itself (sql/engine-*.sql) when
// src/summary/engine.ts finds the SQL's reading of them is the model's; every other process goes through the kit's
// own model (the browser's numbers), which stages its facts. DuckDB, embedded, groups uncompiled releases by ocid and
// builds every cube from the facts with the SQL in sql/ (one file per cube). `--merge` adds summaries of shards.
// User errors are one clear line, never a stack trace.
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

const here = new URL('.', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('../package.json', here), 'utf8'));
export const GENERATOR = { name: packageJson.name, version: packageJson.version };
const INSTALL = 'npm install @duckdb/node-api';
/** The engine's memory before it spills to the staging folder (the whole run stays under 2 GB). */
const ENGINE_MEMORY = '1GB';
/** Processes handed to the model and the engine at a time. */
const BATCH = 1000;
/** Characters of staged engine lines kept before they are written. */
const ENGINE_BUFFER = 1 << 22;

export const USAGE = `Usage:
  ocds-widgets summarize [options] INPUT... [-o summary.json]
  ocds-widgets summarize --merge a.json b.json... [-o all.json]

INPUT: .jsonl / .jsonl.gz (compiled releases, records, releases or release packages, one per line),
       .json / .json.gz (a release or record package), or - for standard input.
Options:
  -o, --output FILE   where to write the summary (default: standard output)
  --merge             add up summaries of shards instead of reading OCDS
  --red-flags         also count red flags per buyer and indicator (slower)
  --network-limit N   suppliers kept per currency in the network (default 50; the others are grouped per buyer)
  --spending-buyers N buyers whose spending is kept by year, method and category (default 10, the most
                      processes; the others are one group; every buyer's totals are in the breakdown)
  --root KEY          property that wraps the packages, e.g. arrayReleasePackage
  --quiet             no progress line
  -h, --help          this text`;

/** A problem with the user's input or command line: said in one line, never with a stack trace. */
export class UserError extends Error {}

export function parseArgs(argv) {
  const options = { inputs: [], output: undefined, merge: false, quiet: false, redFlags: false, root: undefined };
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === undefined) return { help: true };
  if (command !== 'summarize') throw new UserError(`Unknown command "${command}". ${USAGE}`);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-o' || arg === '--output') {
      options.output = rest[++i];
      if (!options.output) throw new UserError(`${arg} needs a file name.`);
    } else if (arg === '--merge') options.merge = true;
    else if (arg === '--quiet' || arg === '-q') options.quiet = true;
    else if (arg === '--red-flags') options.redFlags = true;
    else if (arg === '--network-limit') {
      options.networkLimit = Number(rest[++i]);
      if (!Number.isInteger(options.networkLimit) || options.networkLimit < 1) throw new UserError('--network-limit needs a whole number of suppliers, 1 or more.');
    }
    else if (arg === '--spending-buyers') {
      options.spendingBuyers = Number(rest[++i]);
      if (!Number.isInteger(options.spendingBuyers) || options.spendingBuyers < 0) throw new UserError('--spending-buyers needs a whole number of buyers, 0 or more.');
    }
    else if (arg === '--root') {
      options.root = rest[++i];
      if (!options.root) throw new UserError('--root needs a property name.');
    } else if (arg === '-h' || arg === '--help') return { help: true };
    else if (arg.startsWith('-') && arg !== '-') throw new UserError(`Unknown option "${arg}".\n${USAGE}`);
    else options.inputs.push(arg);
  }
  if (!options.inputs.length) throw new UserError(`No input given.\n${USAGE}`);
  if (options.inputs.filter((input) => input === '-').length > 1) throw new UserError('Standard input (-) can be read once.');
  for (const input of options.inputs) {
    if (input === '-') continue;
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new UserError(`Cannot read "${input}": no such file.`);
    }
    if (!stat.isFile()) throw new UserError(`"${input}" is not a file.`);
  }
  return options;
}

async function loadCore() {
  return import(new URL('../dist/index.js', here).href);
}

async function loadDuckDB() {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') {
      throw new UserError(`ocds-widgets summarize needs DuckDB, which is not installed. Install it with: ${INSTALL}`);
    }
    throw new UserError(`DuckDB could not be loaded (${error?.message ?? error}). Reinstall it with: ${INSTALL}`);
  }
}

const sqlText = (name, values = {}) =>
  readFileSync(new URL(`../sql/${name}.sql`, here), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`sql/${name}.sql: no value for {{${key}}}`);
    return values[key];
  });

/** The statements of a .sql file (comments dropped), in order. */
const statements = (text) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);

const plain = (value) => (typeof value === 'bigint' ? Number(value) : value);

/** Runs every statement of sql/NAME.sql; the rows of the last one, BIGINTs as numbers. */
async function runSql(connection, name, values) {
  let rows = [];
  for (const statement of statements(sqlText(name, values))) {
    const reader = await connection.runAndReadAll(statement);
    rows = reader.getRowsJS().map((row) => row.map(plain));
  }
  return rows;
}

// --- Progress ---------------------------------------------------------------------------------------------------

const units = ['B', 'KB', 'MB', 'GB', 'TB'];
export function bytesText(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`;
}
const durationText = (seconds) => (seconds >= 3600 ? `${Math.floor(seconds / 3600)}h ${Math.round((seconds % 3600) / 60)}m` : seconds >= 60 ? `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s` : `${Math.round(seconds)}s`);

class Progress {
  constructor(quiet, total) {
    this.quiet = quiet;
    this.total = total;
    this.bytes = 0;
    this.processes = 0;
    this.start = Date.now();
    this.shown = this.start;
    this.tty = process.stderr.isTTY;
  }
  tick(force = false) {
    if (this.quiet) return;
    const now = Date.now();
    if (!force && now - this.shown < (this.tty ? 500 : 10_000)) return;
    this.shown = now;
    const seconds = Math.max((now - this.start) / 1000, 0.001);
    const rate = this.bytes / seconds;
    let line = `read ${bytesText(this.bytes)}${this.total ? ` of ${bytesText(this.total)} (${Math.floor((100 * this.bytes) / this.total)}%)` : ''}`;
    line += ` · ${this.processes.toLocaleString('en')} processes · ${bytesText(rate)}/s`;
    if (this.total && rate > 0 && this.bytes < this.total) line += ` · ${durationText((this.total - this.bytes) / rate)} left`;
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
  /** A message that is said even with --quiet (what could not be used). */
  say(text) {
    if (this.tty && !this.quiet) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${text}\n`);
  }
  done() {
    if (this.quiet) return;
    this.tick(true);
    if (this.tty) process.stderr.write('\n');
  }
}

// --- Reading ----------------------------------------------------------------------------------------------------

/** The decompressed bytes of one input; `onBytes` gets the bytes read from the file (compressed ones for .gz). */
async function openInput(input, onBytes) {
  const raw = input === '-' ? process.stdin : createReadStream(input);
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (!first.done) onBytes(first.value.length);
  const all = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        onBytes(next.value.length);
        yield next.value;
      }
    })(),
  );
  const gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  if (!gzip) return all;
  const gunzip = createGunzip();
  all.on('error', (error) => gunzip.destroy(error));
  return all.pipe(gunzip);
}

/** Is this input JSON Lines? By its name; standard input by whether its first line is a whole JSON value. */
function linesByName(input) {
  const name = input.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.jsonlines')) return true;
  if (name.endsWith('.json')) return false;
  return undefined;
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

class Summarizer {
  constructor(core, options, dir, progress) {
    this.core = core;
    this.options = options;
    this.dir = dir;
    this.progress = progress;
    this.files = {};
    for (const name of ['stages', 'measures', 'shares', 'largest', 'names', 'red-flags', 'pending', 'engine']) this.files[name] = openSync(join(dir, `${name}.jsonl`), 'w');
    /** Releases the engine reads: how many, the text not yet written, and the releases whose coverage is not yet counted. */
    this.engineLines = 0;
    this.engineText = '';
    this.engineCoverage = [];
    /** Per engine line, 1 when an award's supplier has an identifier id (its fields are taken back if the model reads it). */
    this.engineIdentified = new Uint8Array(1024);
    this.batches = 0;
    this.pending = 0;
    this.releases = 0;
    this.processes = 0;
    this.errors = [];
    this.errorCount = 0;
    this.coverage = {};
    this.fields = {};
    this.excluded = { noBuyer: 0, noSupplier: 0 };
    this.first = undefined;
    this.last = undefined;
    this.sources = [];
  }

  error(source, line, code, message) {
    this.errorCount++;
    if (this.errors.length < this.core.SUMMARY_ERROR_LIMIT) this.errors.push({ source, line, code, message });
  }

  write(name, rows) {
    if (!rows.length) return;
    let text = '';
    for (const row of rows) text += `${JSON.stringify(row)}\n`;
    writeSync(this.files[name], text);
  }

  /**
   * One parsed document: compiled releases and records with a compiled release go to the engine or to the model
   * now, other releases wait for their ocid's group. `text` is the document's own line, when it is one.
   */
  document(doc, source, line, text) {
    const compiled = isObject(doc) && (typeof doc.ocid === 'string' || typeof doc.ocid === 'number') && Array.isArray(doc.tag) && doc.tag.includes('compiled');
    if (compiled) {
      this.releases++;
      if (!this.engine(doc, text, false)) this.stage(doc.ocid, this.original, text, true);
      return;
    }
    let content;
    try {
      content = this.core.readOcdsContent(doc, { root: this.options.root }, () => {});
    } catch (error) {
      this.error(source, line, 'not-ocds', error?.message ?? 'Not OCDS.');
      return;
    }
    if (!content.releases.length && !content.records.length) {
      this.error(source, line, 'not-ocds', 'No release or record in it.');
      return;
    }
    for (const record of content.records) {
      this.releases++;
      if (isObject(record.compiledRelease)) {
        if (!this.engineRecord(record)) this.stage(record.ocid ?? record.compiledRelease.ocid, this.original ?? record, undefined, true);
      } else this.stage(record.ocid ?? record.compiledRelease?.ocid, record);
    }
    const single = content.releases.length === 1 && content.releases[0] === doc;
    for (const release of content.releases) {
      this.releases++;
      if (Array.isArray(release.tag) && release.tag.includes('compiled')) {
        if (!this.engine(release, undefined, false)) this.stage(release.ocid, this.original, undefined, true);
      } else this.stage(release.ocid, release, single ? text : undefined);
    }
  }

  /**
   * Hands a compiled release (`record`: a record's compiledRelease) to the engine when it can read it (see
   * src/summary/engine.ts); false when the model must, with the release as published in `this.original` (the
   * engine's check repairs in place) unless `text` holds it.
   */
  engine(release, text, record) {
    this.original = undefined;
    if (this.options.redFlags) {
      // Red flags read the whole model.
      this.original = release;
      return false;
    }
    if (text === undefined) this.original = structuredClone(release);
    const found = this.core.engineRelease(release, !record);
    if (!found) return false;
    this.original = undefined;
    const published = text !== undefined && !found.changed ? text : JSON.stringify(found.release);
    this.engineText += `{"n":${this.engineLines++},"record":${record},"bk":${JSON.stringify(found.buyer)},"pk":${JSON.stringify(found.procuringEntity)},"sk":${JSON.stringify(found.suppliers)},"nm":${JSON.stringify(found.names)},"hd":${JSON.stringify(found.historyDate)},"ht":${found.historyTender},"t":${found.tender},"r":${published}}\n`;
    if (this.engineText.length >= ENGINE_BUFFER) this.writeEngine();
    this.engineCoverage.push(found.release);
    if (this.engineCoverage.length >= BATCH) this.countEngineCoverage();
    const n = this.engineLines - 1;
    if (n >= this.engineIdentified.length) {
      const grown = new Uint8Array(this.engineIdentified.length * 2);
      grown.set(this.engineIdentified);
      this.engineIdentified = grown;
    }
    this.engineIdentified[n] = found.supplierIdentified ? 1 : 0;
    this.core.addReleaseFields(this.fields, found.release, found.supplierIdentified);
    this.progress.processes = this.processes + this.engineLines;
    this.progress.tick();
    return true;
  }

  /** A record's compiled release, for the engine when the record says nothing more (no releases of its own). */
  engineRecord(record) {
    this.original = undefined;
    const compiled = record.compiledRelease;
    const releases = record.releases;
    const recordOcid = typeof record.ocid === 'number' && Number.isFinite(record.ocid) ? String(record.ocid) : typeof record.ocid === 'string' && record.ocid.trim() ? record.ocid.trim() : undefined;
    if ((releases !== undefined && !(Array.isArray(releases) && releases.length === 0)) || this.options.redFlags) {
      this.original = record;
      return false;
    }
    const copy = structuredClone(record);
    if (compiled.ocid === undefined && recordOcid !== undefined) compiled.ocid = recordOcid;
    const ocid = compiled.ocid;
    if ((recordOcid !== undefined && (typeof ocid !== 'string' || ocid.trim() !== recordOcid)) || !this.engine(compiled, undefined, true)) {
      this.original = copy;
      return false;
    }
    return true;
  }

  writeEngine() {
    if (!this.engineText) return;
    writeSync(this.files.engine, this.engineText);
    this.engineText = '';
  }

  countEngineCoverage(sign = 1) {
    if (!this.engineCoverage.length) return;
    for (const [path, count] of Object.entries(this.core.fieldCoverage(this.engineCoverage))) this.coverage[path] = (this.coverage[path] ?? 0) + sign * count;
    this.engineCoverage = [];
  }

  /**
   * The engine reads its releases (sql/engine-load.sql). An ocid it was given more than once goes back to the
   * model, its releases merged as the browser merges them (and their coverage counted from the merged release).
   */
  async engineLoad(connection) {
    this.writeEngine();
    this.countEngineCoverage();
    for (const name of ['engine', 'pending']) {
      closeSync(this.files[name]);
      delete this.files[name];
    }
    await runSql(connection, 'engine-functions');
    await connection.run(`CREATE TABLE pending_releases AS SELECT * FROM read_json('${sqlPath(join(this.dir, 'pending.jsonl'))}', format = 'newline_delimited', columns = {ocid: 'VARCHAR', position: 'BIGINT', compiled: 'BOOLEAN', document: 'VARCHAR'})`);
    const repeated = new Set((await runSql(connection, 'engine-load', { file: sqlPath(join(this.dir, 'engine.jsonl')) })).map(([n]) => n));
    if (!repeated.size) return;
    // Their coverage is counted again from the merged release.
    const text = readFileSync(join(this.dir, 'engine.jsonl'), 'utf8');
    const extra = openSync(join(this.dir, 'pending-engine.jsonl'), 'w');
    let start = 0;
    for (let n = 0; start < text.length; n++) {
      const end = text.indexOf('\n', start);
      if (repeated.has(n)) {
        const line = JSON.parse(text.slice(start, end));
        this.engineCoverage.push(line.r);
        this.core.addReleaseFields(this.fields, line.r, this.engineIdentified[n] === 1, -1);
        const document = line.record ? { ocid: line.r.ocid, compiledRelease: line.r } : line.r;
        writeSync(extra, `${JSON.stringify({ ocid: line.r.ocid, position: this.pending++, compiled: true, document: JSON.stringify(document) })}\n`);
      }
      start = end + 1;
    }
    closeSync(extra);
    this.countEngineCoverage(-1);
    await connection.run(`INSERT INTO pending_releases SELECT * FROM read_json('${sqlPath(join(this.dir, 'pending-engine.jsonl'))}', format = 'newline_delimited', columns = {ocid: 'VARCHAR', position: 'BIGINT', compiled: 'BOOLEAN', document: 'VARCHAR'})`);
  }

  /**
   * A document for the model, grouped by ocid by the engine before it is read (compilePending): releases to merge,
   * and (`compiled`) compiled releases and records the engine does not read, which win over releases of their ocid.
   */
  stage(ocid, document, text, compiled = false) {
    this.write('pending', [{ ocid: String(ocid ?? '').trim(), position: this.pending++, compiled, document: text ?? JSON.stringify(document) }]);
  }

  model(dataset) {
    const facts = this.core.summaryFacts(dataset, this.batches++, { redFlags: this.options.redFlags });
    this.write('stages', facts.stages);
    this.write('measures', facts.measures);
    this.write('shares', facts.shares);
    this.write('largest', facts.largest);
    this.write('names', facts.names);
    this.write('red-flags', facts.redFlags);
    for (const [path, count] of Object.entries(facts.coverage)) this.coverage[path] = (this.coverage[path] ?? 0) + count;
    for (const [field, count] of Object.entries(facts.fields)) this.fields[field] = (this.fields[field] ?? 0) + count;
    this.excluded.noBuyer += facts.excluded.noBuyer;
    this.excluded.noSupplier += facts.excluded.noSupplier;
    for (const day of facts.days) {
      if (this.first === undefined || day < this.first) this.first = day;
      if (this.last === undefined || day > this.last) this.last = day;
    }
    this.processes += dataset.processes.length;
    this.progress.processes = this.processes + this.engineLines;
    this.progress.tick();
  }

  async read(input) {
    const source = { name: input === '-' ? 'stdin' : input, bytes: 0, lines: 0 };
    this.sources.push(source);
    this.original = undefined;
    const stream = await openInput(input, (bytes) => {
      source.bytes += bytes;
      this.progress.bytes += bytes;
    });
    const lines = linesByName(input);
    if (lines === false) return this.readWhole(stream, source);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let sniffed = lines;
    let whole;
    try {
      for await (const chunk of stream) {
        if (whole) {
          whole.push(chunk);
          continue;
        }
        const text = carry + decoder.write(chunk);
        const parts = text.split('\n');
        carry = parts.pop();
        if (sniffed === undefined && parts.length) {
          // Standard input (or an unknown name): JSON Lines when its first line is a JSON value of its own.
          sniffed = isJson(parts[0]);
          if (!sniffed) {
            whole = [Buffer.from(text)];
            continue;
          }
        }
        for (const line of parts) this.line(line, source);
      }
    } catch (error) {
      this.error(source.name, source.lines + 1, 'truncated', `The input ends early (${error?.message ?? error}); what came before was summarised.`);
      return;
    }
    if (whole) return this.whole(Buffer.concat(whole), source);
    carry += decoder.end();
    if (sniffed === undefined && carry.trim() && !isJson(carry)) return this.whole(Buffer.from(carry), source);
    if (carry.trim()) this.line(carry, source);
  }

  line(text, source) {
    source.lines++;
    const line = source.lines;
    if (!text.trim()) return;
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      this.error(source.name, line, 'not-json', 'This line is not JSON.');
      return;
    }
    this.document(doc, source.name, line, text);
  }

  async readWhole(stream, source) {
    const chunks = [];
    try {
      for await (const chunk of stream) chunks.push(chunk);
    } catch (error) {
      this.error(source.name, 0, 'truncated', `The file ends early (${error?.message ?? error}); nothing in it could be used.`);
      return;
    }
    this.whole(Buffer.concat(chunks), source);
  }

  /** A whole JSON file, read as the browser reads one (encoding detection, repairs). */
  whole(bytes, source) {
    let documents;
    try {
      documents = this.core.parseOcdsText(this.core.decodeOcdsBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => {}), () => {});
    } catch (error) {
      this.error(source.name, 0, 'not-json', error?.message ?? 'Not JSON.');
      return;
    }
    documents.forEach((doc) => this.document(doc, source.name, 0));
  }

  /** What the model reads: grouped by ocid by the engine, releases compiled by the kit's merge. */
  async compilePending(connection) {
    if (!this.pending) return;
    const [query] = statements(sqlText('releases-by-ocid'));
    const result = await connection.stream(query);
    let ocid;
    let groups = 0;
    let contents = [];
    for await (const rows of result.yieldRowsJs()) {
      for (const [id, document] of rows) {
        if (id !== ocid) {
          ocid = id;
          if (++groups > BATCH) {
            this.model(this.core.buildDataset(contents, {}));
            contents = [];
            groups = 1;
          }
        }
        contents.push(this.core.readOcdsContent(JSON.parse(document), {}, () => {}));
      }
    }
    if (contents.length) this.model(this.core.buildDataset(contents, {}));
  }

  close() {
    for (const fd of Object.values(this.files)) closeSync(fd);
    this.files = {};
  }
}

const sqlPath = (path) => path.replaceAll("'", "''");

function isJson(text) {
  if (!text.trim()) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The summary document of `options.inputs` (options as parseArgs gives them). */
export async function summarize(options) {
  const [core, duckdb] = await Promise.all([loadCore(), loadDuckDB()]);
  const total = options.inputs.reduce((sum, input) => sum + (input === '-' ? 0 : statSync(input).size), 0);
  const progress = new Progress(options.quiet, options.inputs.includes('-') ? 0 : total);
  const dir = mkdtempSync(join(tmpdir(), 'ocds-widgets-summarize-'));
  const instance = await duckdb.DuckDBInstance.create(':memory:', { temp_directory: join(dir, 'spill'), memory_limit: ENGINE_MEMORY });
  const connection = await instance.connect();
  const summarizer = new Summarizer(core, options, dir, progress);
  try {
    for (const input of options.inputs) {
      try {
        await summarizer.read(input);
      } catch (error) {
        summarizer.error(input, 0, 'unreadable', `Could not be read: ${error?.message ?? error}`);
      }
    }
    await summarizer.engineLoad(connection);
    await summarizer.compilePending(connection);
    summarizer.close();
    progress.done();
    for (const error of summarizer.errors) progress.say(`${error.source}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    if (summarizer.errorCount > summarizer.errors.length) progress.say(`… and ${summarizer.errorCount - summarizer.errors.length} more (${summarizer.errorCount} in all).`);
    await runSql(connection, 'load', { dir: sqlPath(dir) });
    const [[engineProcesses, first, last, noBuyer, noSupplier]] = await runSql(connection, 'engine-facts');
    // The engine's own tables are done with: their memory goes back before the cubes are built.
    for (const table of ['engine_money', 'engine_processes', 'engine_contracts', 'engine_awards', 'engine_lines']) await connection.run(`DROP TABLE IF EXISTS ${table}`);
    summarizer.processes += engineProcesses;
    summarizer.excluded.noBuyer += noBuyer;
    summarizer.excluded.noSupplier += noSupplier;
    if (first !== null && (summarizer.first === undefined || first < summarizer.first)) summarizer.first = first;
    if (last !== null && (summarizer.last === undefined || last > summarizer.last)) summarizer.last = last;
    if (!summarizer.processes) {
      throw new UserError(`Nothing usable was found in ${options.inputs.join(', ')}: no contracting process could be read${summarizer.errorCount ? ` (${summarizer.errorCount} unusable line${summarizer.errorCount === 1 ? '' : 's'} or file${summarizer.errorCount === 1 ? '' : 's'})` : ''}.`);
    }
    const summary = await cubes(core, connection, dir, summarizer);
    return summary;
  } finally {
    summarizer.close();
    connection.closeSync?.();
    instance.closeSync?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every cube, from the staged facts, by the SQL in sql/. */
async function cubes(core, connection, dir, summarizer) {
  const amount = (text) => (text === null || text === undefined ? null : core.canonicalAmount(String(text)));
  // Amount columns: every stage's (spending) or measure's (breakdown) first column, from the given position on.
  const amounts = (row, from, step) => row.map((value, i) => (i >= from && (i - from) % step === 0 ? amount(value) : value));
  const spendingBuyers = summarizer.options.spendingBuyers ?? core.SUMMARY_SPENDING_BUYERS;
  const spending = (await runSql(connection, 'spending', { limit: String(spendingBuyers) })).map((row) => amounts(row, 5, 3));
  const breakdown = (await runSql(connection, 'breakdown')).map((row) => amounts(row, 3, 2));
  const breakdownProcesses = await runSql(connection, 'breakdown-processes');
  const methodDetails = await runSql(connection, 'method-details');
  const limit = summarizer.options.networkLimit ?? core.SUMMARY_NETWORK_LIMIT;
  const suppliers = (await runSql(connection, 'network-suppliers', { limit: String(limit) })).map((row) => [row[0], row[1], amount(row[2]), row[3]]);
  const edges = (await runSql(connection, 'network-edges')).map((row) => [row[0], row[1], row[2], amount(row[3]), row[4], row[5], row[6]]);
  const others = (await runSql(connection, 'network-others')).map((row) => [row[0], row[1], amount(row[2]), row[3], row[4], row[5], row[6]]);
  const currencies = await runSql(connection, 'network-currencies');
  const largest = (await runSql(connection, 'largest', { limit: String(core.SUMMARY_LARGEST_LIMIT) })).map((row) => [row[0], amount(row[1]), ...row.slice(2)]);
  const redFlags = summarizer.options.redFlags ? await runSql(connection, 'red-flags') : null;
  const summary = core.canonicalSummary({
    type: core.SUMMARY_TYPE,
    version: core.SUMMARY_VERSION,
    meta: {
      generator: GENERATOR,
      generatedAt: new Date().toISOString(),
      sources: summarizer.sources,
      processes: summarizer.processes,
      releases: summarizer.releases,
      dateRange: summarizer.first === undefined ? null : { first: summarizer.first, last: summarizer.last },
      complete: summarizer.errorCount === 0,
      errorCount: summarizer.errorCount,
      errors: summarizer.errors,
      merged: 1,
    },
    organisations: {},
    spending: { buyers: spendingBuyers, approximate: false, columns: [...core.SPENDING_COLUMNS], rows: spending },
    breakdown: { columns: [...core.BREAKDOWN_COLUMNS], rows: breakdown, processes: { columns: [...core.BREAKDOWN_PROCESS_COLUMNS], rows: breakdownProcesses } },
    methodDetails: { columns: ['method', 'measure', 'currency', 'wording', 'processes'], rows: methodDetails },
    network: {
      limit,
      approximate: false,
      excluded: summarizer.excluded,
      currencies: { columns: ['currency', 'processes'], rows: currencies },
      suppliers: { columns: ['currency', 'supplier', 'amount', 'awards'], rows: suppliers },
      edges: { columns: ['buyer', 'supplier', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued'], rows: edges },
      others: { columns: ['buyer', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued', 'suppliers'], rows: others },
    },
    largest: { limit: core.SUMMARY_LARGEST_LIMIT, columns: ['currency', 'amount', 'ocid', 'title', 'buyer', 'method', 'start', 'tenderEnd', 'awarded', 'contractStart', 'contractEnd'], rows: largest },
    redFlags: redFlags ? { columns: ['buyer', 'indicator', 'evaluable', 'flagged'], rows: redFlags } : null,
    coverage: summarizer.coverage,
    fields: summarizer.fields,
  });
  const named = core.namedOrganisations(summary);
  for (const [key, name, uses] of await runSql(connection, 'organisations')) {
    if (named.has(key)) (summary.organisations[key] ??= []).push([name, uses]);
  }
  return core.canonicalSummary(summary);
}

/** The merged summary of the summary files `options.inputs`. */
export async function merge(options) {
  const core = await loadCore();
  const summaries = options.inputs.map((input) => {
    let value;
    try {
      value = JSON.parse(input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8'));
    } catch (error) {
      throw new UserError(`${input} is not a JSON file (${error?.message ?? error}).`);
    }
    try {
      return core.parseSummary(value);
    } catch (error) {
      if (error instanceof core.SummaryError) throw new UserError(`${input}: ${error.message}`);
      throw error;
    }
  });
  return core.mergeSummaries(summaries, GENERATOR);
}

