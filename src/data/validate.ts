// Lenient validation with repair. Publisher data in the wild has amounts as strings, Mongo number wrappers,
// lowercase or misspelt currencies, `tag` as a string, single objects where arrays belong, integer ids,
// malformed dates and double-encoded UTF-8. What is unambiguous is repaired, what is not is dropped, and
// every repair or drop is a DataIssue. Repairs are made in place on the release object.
import { releaseSchema } from '../../schemas/ocds.js';
import { safeParse, type z } from 'zod/mini';
import type { DataIssue, JsonObject, ReleaseRef } from './types.js';
import { isCanonicalDate, parseOcdsDate } from './dates.js';
import { normaliseCurrency } from './organisations.js';
import { DecimalSum } from '../analysis/decimal-sum.js';
import { balanceBidi } from './bidi.js';

export type IssueSink = (issue: DataIssue) => void;

type Segment = string | number;

/** Keys whose string values are dates, wherever they appear. */
const DATE_KEYS = new Set([
  'date', 'dateSigned', 'startDate', 'endDate', 'maxExtentDate', 'dueDate', 'dateMet', 'dateModified', 'datePublished',
]);
/** Deeper than any OCDS field (about 8 levels) by far; deeper values are hostile and left out. */
const MAX_DEPTH = 100;
/** Names and titles are free text anyone can register: cut beyond this (charts, tooltips and tables choke on 10,000). */
const MAX_NAME_LENGTH = 1000;
const NAME_KEYS = new Set(['name', 'legalName', 'title']);
/** Keys whose values are numbers, wherever they appear. */
const NUMBER_KEYS = new Set(['amount', 'numberOfTenderers', 'durationInDays', 'quantity']);
/** Keys whose values are identifiers (strings in OCDS; integers are common). */
const ID_KEYS = new Set(['id', 'awardID']);
/** Keys whose values are arrays in OCDS 1.0 and 1.1; a single object there is wrapped. */
const ARRAY_KEYS = new Set([
  'parties', 'awards', 'contracts', 'suppliers', 'tenderers', 'transactions', 'milestones', 'amendments', 'items',
  'documents', 'additionalIdentifiers', 'relatedProcesses',
]);
/** Keys whose values are single objects; a list of exactly one object there is unwrapped. */
const OBJECT_KEYS = new Set([
  'planning', 'tender', 'buyer', 'budget', 'value', 'implementation', 'procuringEntity', 'identifier', 'period',
  'tenderPeriod', 'enquiryPeriod', 'awardPeriod', 'contractPeriod',
]);
/** What a string value is read as, by its key (most keys are none of these: one lookup). */
const TEXT_KEYS = new Map<string, 'date' | 'number' | 'currency' | 'name'>([
  ...[...DATE_KEYS].map((key) => [key, 'date'] as const),
  ...[...NUMBER_KEYS].map((key) => [key, 'number'] as const),
  ['currency', 'currency'],
  ...[...NAME_KEYS].map((key) => [key, 'name'] as const),
]);
/** Keys under which a number is repaired (`value`, ids, dates); a number under any other key stays as it is. */
const NUMBER_REPAIR_KEYS = new Set(['value', ...ID_KEYS, ...DATE_KEYS]);
const NUMBER_WRAPPERS = ['$numberLong', '$numberDecimal', '$numberDouble', '$numberInt'];
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const HAS_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const MAY_NEED_REPAIR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u00C2-\u00F4\u202A-\u202E\u2066-\u2069]/;
/** Bidirectional embeddings, overrides and isolates (and their closers): a name with an open U+202E reverses what follows it. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Repairs (and drops of empty values) that recur throughout a release are reported once per release and code,
 * with the first occurrence and a count: a national feed that writes every date without its offset would
 * otherwise hold more issues than data. Drops of unusable values are reported one by one.
 */
const COUNTED: Record<string, string> = {
  'id-number': 'integer ids converted to strings',
  'mojibake-repaired': 'double-encoded UTF-8 texts repaired (e.g. "Ã“" -> "Ó")',
  'mojibake-unrepaired': 'texts still look double-encoded (UTF-8 read as Latin-1) and could not be repaired',
  'control-characters': 'texts had control characters (e.g. NUL) removed',
  'date-repaired': 'dates repaired',
  'date-empty': 'empty dates dropped',
  'currency-normalised': 'currency codes normalised',
  'amount-string': 'amounts given as strings read as numbers',
  'number-string': 'numbers given as strings read as numbers',
  'number-wrapper': 'numbers in {"$numberLong": …} wrappers read as numbers',
};

/**
 * Repairs one release (or compiled release) in place and returns it, or undefined when it cannot be used
 * (not an object, or no ocid). `prefix` is the release's own path, prepended to issue paths.
 */
export function repairRelease(
  value: unknown,
  prefix: string,
  onIssue: IssueSink,
  uncharted?: UnchartedAmounts,
): JsonObject | undefined {
  if (!isPlainObject(value)) {
    onIssue({ code: 'release-not-object', path: prefix, message: 'A release is not a JSON object; it was dropped.' });
    return undefined;
  }
  const ocid = repairOcid(value);
  if (ocid === undefined) {
    onIssue({ code: 'release-missing-ocid', path: join(prefix, 'ocid'), message: 'A release has no ocid; it was dropped.' });
    return undefined;
  }
  if (ocid !== value.ocid) {
    onIssue({ code: 'ocid-repaired', path: join(prefix, 'ocid'), ocid, message: `ocid ${JSON.stringify(value.ocid)} read as "${ocid}".` });
    value.ocid = ocid;
  }
  const context = new RepairContext(prefix, ocid, onIssue, uncharted);
  repairTag(value, context);
  repairMisnamedLists(value, context);
  context.walkObject(value, []);
  // zod copies what it parses: it runs only to tell what to drop from a release the quick check rejects.
  if (!isValidRelease(value)) context.dropInvalid(value, safeParse(releaseSchema, value));
  context.flush();
  return value;
}

/**
 * The release history entry (id, date, tags) of a record's `releases[]` entry that is not merged: a linked
 * release (url, date, tag), or an embedded release when the record has its compiled release. Only these three
 * fields are read, so only they are repaired (with issues).
 */
export function releaseReference(entry: JsonObject, prefix: string, ocid: string, onIssue: IssueSink): ReleaseRef {
  const id = entry.id ?? entry.url;
  const ref: ReleaseRef = { id: typeof id === 'string' || typeof id === 'number' ? String(id) : '', tags: [] };
  const path = (key: string) => join(prefix, key);
  if (typeof entry.tag === 'string') {
    onIssue({ code: 'tag-string', path: path('tag'), ocid, message: `tag "${entry.tag}" is a string, read as a list of one tag.` });
    ref.tags = [entry.tag];
  } else if (Array.isArray(entry.tag)) {
    ref.tags = entry.tag.filter((tag): tag is string => typeof tag === 'string');
  }
  if (typeof entry.date === 'string') {
    const checked = checkDate(entry.date);
    if (checked.code) onIssue({ code: checked.code, path: path('date'), ocid, message: checked.message });
    if (checked.iso) ref.date = checked.iso;
  }
  return ref;
}

/** The ocid as a trimmed non-empty string (numbers accepted), else undefined. */
export function repairOcid(release: JsonObject): string | undefined {
  const { ocid } = release;
  if (typeof ocid === 'number' && Number.isFinite(ocid)) return String(ocid);
  if (typeof ocid !== 'string') return undefined;
  const trimmed = ocid.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Repairs double-encoded UTF-8 ("AUTORIZACIÃ“N" -> "AUTORIZACIÓN"); returns the input when it cannot. */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_TEST.test(text)) return text;
  return text.replace(MOJIBAKE_SEQUENCE, (sequence) => {
    const bytes = new Uint8Array(sequence.length);
    for (let i = 0; i < sequence.length; i++) {
      const code = sequence.charCodeAt(i);
      const byte = code <= 0xff ? code : CP1252_BYTES.get(code);
      if (byte === undefined) return sequence;
      bytes[i] = byte;
    }
    try {
      const decoded = strictUtf8.decode(bytes);
      // "Ã¿" is what an export leaves when the second byte was lost (Í = C3 8D has no Windows-1252 character):
      // decoding it would give "ÿ", a wrong letter. It stays, and is reported as not repaired.
      return decoded === '\u00FF' ? sequence : decoded;
    } catch {
      return sequence;
    }
  });
}

// Windows-1252 characters for bytes 0x80-0x9F: UTF-8 continuation bytes shown by a Windows-1252 reader.
const CP1252_BYTES = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);
const CONTINUATION = `[\\u0080-\\u00BF${[...CP1252_BYTES.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
const MOJIBAKE_SEQUENCE = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  'g',
);
const MOJIBAKE_TEST = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}`);
// What is left after repair and still reads as UTF-8 shown as Latin-1 (e.g. "SECRETARÃ¿A", where a byte was lost).
const MOJIBAKE_LEFT = /Ã[\u00A0-\u00BF\u00FF]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** What `repairText` acts on: a control character, a mojibake sequence, mojibake left by a lost byte, or a bidi control. */
const NEEDS_REPAIR = new RegExp(`${HAS_CONTROL_CHARACTER.source}|${MOJIBAKE_TEST.source}|${MOJIBAKE_LEFT.source}|${BIDI_CONTROL.source}`);

/**
 * A published date, normalised (`iso`), or dropped (no `iso`); `code` and `message` describe the repair or the drop
 * (`date-repaired`, `date-empty`, `date-invalid`, `date-placeholder`), and are absent when the date was fine.
 */
export function checkDate(text: string): { iso?: string; code?: string; message: string } {
  const parsed = parseOcdsDate(text);
  if ('error' in parsed) {
    const code = { empty: 'date-empty', invalid: 'date-invalid', epoch: 'date-placeholder' }[parsed.error];
    const why = { empty: 'is empty', invalid: 'is not an ISO 8601 date', epoch: 'is a placeholder, not a real date' }[
      parsed.error
    ];
    return { code, message: `Date ${JSON.stringify(text)} ${why}; it was dropped.` };
  }
  if (parsed.iso !== text) return { iso: parsed.iso, code: 'date-repaired', message: `Date "${text}" read as "${parsed.iso}".` };
  return { iso: parsed.iso, message: '' };
}

function repairTag(release: JsonObject, context: RepairContext): void {
  if (typeof release.tag === 'string') {
    context.issue('tag-string', ['tag'], `tag "${release.tag}" is a string, read as a list of one tag.`);
    release.tag = [release.tag];
  }
}

/**
 * Lists published under the singular key (Paraguay's 2016 records: `compiledRelease.contract: [{…}]`) are read as
 * the OCDS list, when the singular key holds an array of objects and the plural key is absent. Only the lists
 * whose items the model reads: awards, contracts, their transactions and milestones.
 */
function repairMisnamedLists(release: JsonObject, context: RepairContext): void {
  renameList(release, 'award', 'awards', [], context);
  renameList(release, 'contract', 'contracts', [], context);
  for (const key of ['planning', 'tender'] as const) {
    const stage = release[key];
    if (isPlainObject(stage)) renameList(stage, 'milestone', 'milestones', [key], context);
  }
  const contracts = release.contracts;
  if (!Array.isArray(contracts)) return;
  contracts.forEach((contract, index) => {
    if (!isPlainObject(contract)) return;
    renameList(contract, 'milestone', 'milestones', ['contracts', index], context);
    const implementation = contract.implementation;
    if (!isPlainObject(implementation)) return;
    const path: Segment[] = ['contracts', index, 'implementation'];
    renameList(implementation, 'transaction', 'transactions', path, context);
    renameList(implementation, 'milestone', 'milestones', path, context);
  });
}

function renameList(parent: JsonObject, singular: string, plural: string, path: Segment[], context: RepairContext): void {
  const list = parent[singular];
  if (parent[plural] !== undefined || !Array.isArray(list) || list.length === 0 || !list.every(isPlainObject)) return;
  context.issue(
    'list-misnamed',
    [...path, singular],
    `${list.length} item(s) under "${singular}" are read as "${plural}", where OCDS puts them.`,
  );
  parent[plural] = list;
  delete parent[singular];
}

/** Where the model reads amounts (`{amount, currency}`), paths with indices left out; 1.0 transactions too. */
const CHARTED_AMOUNTS = new Set([
  'planning.budget.amount',
  'tender.value',
  'awards.value',
  'contracts.value',
  'contracts.implementation.transactions.value',
  'contracts.implementation.transactions.amount',
]);

/**
 * Amounts found at paths the model does not read (Taiwan's `awards[].items[].suppliers[].awardValue`), gathered
 * over every release read: per path (indices written `[]`), how many and their total per currency.
 */
export class UnchartedAmounts {
  private readonly paths = new Map<string, { count: number; totals: Map<string, DecimalSum> }>();
  /** The generic paths met so far as a tree of segments, so each is written out once, not once per amount. */
  private readonly written: PathNode = { path: '', children: new Map() };

  /** `awards[].items[].value` for these segments (indices left out). */
  genericPath(segments: Segment[]): string {
    let node = this.written;
    for (const segment of segments) {
      if (typeof segment === 'number') {
        node = node.items ??= { path: `${node.path}[]`, children: new Map() };
        continue;
      }
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = { path: node.path ? `${node.path}.${segment}` : segment, children: new Map() }));
      node = next;
    }
    return node.path;
  }

  add(path: string, amount: unknown, currency: unknown): void {
    let entry = this.paths.get(path);
    if (!entry) {
      entry = { count: 0, totals: new Map() };
      this.paths.set(path, entry);
    }
    entry.count++;
    if (typeof amount !== 'number') return;
    const code = normaliseCurrency(currency) ?? 'XXX';
    let total = entry.totals.get(code);
    if (!total) entry.totals.set(code, (total = new DecimalSum()));
    total.add(amount);
  }

  /** Adds what `other` gathered (a release kept after its repair was gathered apart). */
  absorb(other: UnchartedAmounts): void {
    for (const [path, { count, totals }] of other.paths) {
      let entry = this.paths.get(path);
      if (!entry) this.paths.set(path, (entry = { count: 0, totals: new Map() }));
      entry.count += count;
      for (const [code, sum] of totals) {
        const total = entry.totals.get(code);
        if (total) total.add(sum.value);
        else entry.totals.set(code, sum);
      }
    }
  }

  /** One `amounts-not-charted` issue per path. */
  issues(): DataIssue[] {
    return [...this.paths].map(([path, { count, totals }]) => {
      const sums = [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, sum]) => `${sum.value} ${code}`);
      return {
        code: 'amounts-not-charted',
        path,
        message: `${count} amount(s) at ${path}, where OCDS does not put the values charted here, are not in any chart${
          sums.length > 0 ? ` (total ${sums.join(', ')})` : ''
        }.`,
      };
    });
  }
}

class RepairContext {
  private counts: Map<string, { path: string; message: string; count: number }> | undefined;

  constructor(
    private readonly prefix: string,
    private readonly ocid: string,
    private readonly onIssue: IssueSink,
    private readonly uncharted?: UnchartedAmounts,
  ) {}

  issue(code: string, segments: Segment[], message: string): void {
    if (code in COUNTED) {
      this.counts ??= new Map();
      const counted = this.counts.get(code);
      if (counted) counted.count++;
      else this.counts.set(code, { path: join(this.prefix, pathOf(segments)), message, count: 1 });
      return;
    }
    this.onIssue({ code, path: join(this.prefix, pathOf(segments)), ocid: this.ocid, message });
  }

  /** A counted repair already seen in this release: counted again, without building its message. */
  private again(code: string): boolean {
    const counted = this.counts?.get(code);
    if (counted) counted.count++;
    return counted !== undefined;
  }

  flush(): void {
    if (!this.counts) return;
    for (const [code, { path, message, count }] of this.counts) {
      const text =
        count === 1 && message ? message : `${count} ${COUNTED[code]} (first at ${path}${message ? `: ${message.replace(/\.$/, '')}` : ''}).`;
      this.onIssue({ code, path, ocid: this.ocid, message: text });
    }
    this.counts = undefined;
  }

  walkObject(object: JsonObject, segments: Segment[]): void {
    // for-in, not Object.keys: no list of keys per object (only the current key is ever deleted).
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      const value = object[key];
      // Most values need nothing: a text with no key of its own and nothing to repair, a number whose key reads it
      // as it is, true, false or null are passed over without a path or a call.
      if (typeof value === 'string') {
        const kind = TEXT_KEYS.get(key);
        if (kind === undefined) {
          // Accented text that is not mojibake ("Secretaría") is common: it fails the second test here, not in a call.
          if (!MAY_NEED_REPAIR.test(value) || !NEEDS_REPAIR.test(value)) continue;
        } else if (kind === 'date' ? isCanonicalDate(value) : kind === 'currency' && normaliseCurrency(value) === value) {
          // A canonical date or a known currency code is ASCII that `repairValue` returns as it is: no text tests.
          continue;
        } else if (kind === 'name' && value.length <= MAX_NAME_LENGTH && (!MAY_NEED_REPAIR.test(value) || !NEEDS_REPAIR.test(value))) {
          // A name within its length with nothing to repair: what `repairValue` would return, without the call.
          continue;
        }
      } else if (typeof value === 'number') {
        if (!NUMBER_REPAIR_KEYS.has(key)) continue;
      } else if (typeof value !== 'object' || value === null) {
        continue;
      } else if (!mayRepairContainer(key, value)) {
        // An object or list that stays itself (most of them): only what is inside it may need repair.
        segments.push(key);
        if (!this.walkChild(value, segments)) delete object[key];
        segments.pop();
        continue;
      }
      segments.push(key);
      const repaired = this.repairValue(key, value, segments);
      if (repaired === REMOVE) delete object[key];
      else if (repaired !== value) object[key] = repaired;
      if (!this.walkChild(object[key], segments)) delete object[key];
      segments.pop();
    }
    // An amount (after its repair above) where the model does not read one: counted, never silently lost.
    if (this.uncharted && typeof object.amount === 'number' && object.currency !== undefined && segments.length > 0) {
      if (!isCharted(segments)) this.uncharted.add(this.uncharted.genericPath(segments), object.amount, object.currency);
    }
  }

  /**
   * Repairs inside `value`; false when it nests deeper than any OCDS field (hostile input): the caller drops it,
   * so neither this walk nor a later one overflows the stack.
   */
  private walkChild(value: unknown, segments: Segment[]): boolean {
    if (typeof value !== 'object' || value === null) return true;
    if (segments.length > MAX_DEPTH) {
      this.issue('too-deep', segments, `The value nests more than ${MAX_DEPTH} levels deep; it was left out.`);
      return false;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === 'string') {
          if (!MAY_NEED_REPAIR.test(item) || !NEEDS_REPAIR.test(item)) continue;
          segments.push(i);
          value[i] = this.repairText(item, segments);
          segments.pop();
        } else if (typeof item === 'object' && item !== null) {
          segments.push(i);
          if (!this.walkChild(item, segments)) value.splice(i--, 1);
          segments.pop();
        }
      }
    } else if (isPlainObject(value)) {
      this.walkObject(value, segments);
    }
    return true;
  }

  private repairValue(key: string, value: unknown, segments: Segment[]): unknown {
    if (typeof value === 'string') {
      const text = this.repairText(value, segments);
      const kind = TEXT_KEYS.get(key);
      if (kind === undefined) return text;
      if (kind === 'date') return this.repairDate(text, segments);
      if (kind === 'number') return this.repairNumberText(key, text, segments);
      if (kind === 'currency') return this.repairCurrency(text, segments);
      if (text.length > MAX_NAME_LENGTH) {
        // Cut so the result, ellipsis included, is within the limit (a second repair finds nothing to do),
        // and never between the two halves of a surrogate pair.
        const cut = MAX_NAME_LENGTH - 1;
        const end = /[\uD800-\uDBFF]/.test(text.charAt(cut - 1)) ? cut - 1 : cut;
        this.issue('text-too-long', segments, `A ${key} of ${text.length} characters was cut to its first ${end}.`);
        return `${text.slice(0, end)}…`;
      }
      return text;
    }
    if (typeof value === 'number') {
      if (key === 'value' && isValueField(segments)) {
        this.issue('value-number', segments, `"value" is the bare number ${value}, not {amount, currency}; read as its amount.`);
        return { amount: value };
      }
      if (ID_KEYS.has(key)) {
        this.issue('id-number', segments, '');
        return String(value);
      }
      if (DATE_KEYS.has(key)) {
        this.issue('date-invalid', segments, `Date ${value} is a number, not an ISO 8601 date; it was dropped.`);
        return REMOVE;
      }
      return value;
    }
    if (Array.isArray(value) && OBJECT_KEYS.has(key) && value.length === 1 && isPlainObject(value[0])) {
      this.issue('object-expected', segments, `"${key}" is a list of one object, not an object; read as that object.`);
      return value[0];
    }
    if (isPlainObject(value)) {
      const wrapped = numberWrapper(value);
      if (wrapped !== undefined) {
        const number = Number(value[wrapped]);
        if (Number.isFinite(number)) {
          this.issue('number-wrapper', segments, `{"${wrapped}": ${JSON.stringify(value[wrapped])}} read as ${number}.`);
          return number;
        }
        this.issue('number-invalid', segments, `{"${wrapped}": ${JSON.stringify(value[wrapped])}} is not a number; dropped.`);
        return REMOVE;
      }
      if (ARRAY_KEYS.has(key)) {
        this.issue('array-expected', segments, `"${key}" is a single object, not a list; read as a list of one.`);
        return [value];
      }
    }
    return value;
  }

  private repairText(text: string, segments: Segment[]): string {
    // Most texts have neither control characters nor Latin-1 letters that could start mojibake: one test; and
    // accented text that is not mojibake ("Secretaría") passes a second one.
    if (!MAY_NEED_REPAIR.test(text) || !NEEDS_REPAIR.test(text)) return text;
    let repaired = text;
    if (HAS_CONTROL_CHARACTER.test(repaired)) {
      repaired = repaired.replace(CONTROL_CHARACTERS, '');
      this.issue('control-characters', segments, '');
    }
    const decoded = repairMojibake(repaired);
    if (decoded !== repaired) {
      this.issue('mojibake-repaired', segments, '');
      repaired = decoded;
    }
    if (MOJIBAKE_LEFT.test(repaired)) this.issue('mojibake-unrepaired', segments, '');
    if (BIDI_CONTROL.test(repaired)) {
      const balanced = balanceBidi(repaired);
      if (balanced !== repaired) {
        this.issue('bidi-unbalanced', segments, 'Bidirectional formatting characters (such as U+202E) left open were closed, so the text cannot reorder what is shown after it.');
        repaired = balanced;
      }
    }
    return repaired;
  }

  private repairDate(text: string, segments: Segment[]): unknown {
    if (isCanonicalDate(text)) return text;
    const parsed = parseOcdsDate(text);
    if ('iso' in parsed && parsed.iso === text) return text;
    const checked = checkDate(text);
    if (checked.code && !this.again(checked.code)) this.issue(checked.code, segments, checked.message);
    return checked.iso ?? REMOVE;
  }

  private repairNumberText(key: string, text: string, segments: Segment[]): unknown {
    const trimmed = text.trim();
    if (PLAIN_NUMBER.test(trimmed)) {
      const number = Number(trimmed);
      const code = key === 'amount' ? 'amount-string' : 'number-string';
      if (!this.again(code)) this.issue(code, segments, `"${text}" is a string; read as ${number}.`);
      return number;
    }
    this.issue(
      key === 'amount' ? 'amount-invalid' : 'number-invalid',
      segments,
      `${JSON.stringify(text)} is not a number; it was dropped.`,
    );
    return REMOVE;
  }

  private repairCurrency(text: string, segments: Segment[]): string {
    const code = normaliseCurrency(text);
    if (code !== undefined && code !== text) {
      if (!this.again('currency-normalised')) this.issue('currency-normalised', segments, `Currency "${text}" read as ${code}.`);
      return code;
    }
    return text;
  }

  /** Drops every value the schema still rejects after repair. */
  dropInvalid(root: JsonObject, result: ReturnType<typeof safeParse>): void {
    if (result.success) return;
    const arraysToCompact = new Map<unknown[], Set<number>>();
    for (const problem of result.error.issues) {
      const segments = problem.path.filter((p): p is Segment => typeof p !== 'symbol');
      if (segments.length === 0) continue;
      const parent = segments.slice(0, -1).reduce<unknown>((node, key) => (node as never)?.[key], root);
      const last = segments[segments.length - 1];
      const value = (parent as Record<Segment, unknown> | undefined)?.[last];
      this.issue('invalid-value', segments, `${describe(value)} is not valid here (${problem.message}); it was dropped.`);
      if (Array.isArray(parent) && typeof last === 'number') {
        const indexes = arraysToCompact.get(parent) ?? new Set<number>();
        indexes.add(last);
        arraysToCompact.set(parent, indexes);
      } else if (isPlainObject(parent)) {
        delete parent[last];
      }
    }
    for (const [array, indexes] of arraysToCompact) {
      for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
    }
  }
}

/**
 * Whether `releaseSchema` accepts a value, read from the schema's own definition (objects with their shape, unknown
 * keys allowed; optional, nullable, string, finite number, array), without copying anything. A schema part it does
 * not know rejects, so zod decides whenever this is unsure: it never accepts what zod would reject.
 */
type Check = (value: unknown) => boolean;
function checkOf(schema: z.core.$ZodType): Check {
  const def = schema._zod.def as unknown as {
    type: string;
    checks?: unknown[];
    innerType?: z.core.$ZodType;
    element?: z.core.$ZodType;
    shape?: Record<string, z.core.$ZodType>;
    catchall?: z.core.$ZodType;
  };
  if (def.checks?.length) return () => false;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'unknown':
      return () => true;
    case 'optional': {
      const inner = checkOf(def.innerType!);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = checkOf(def.innerType!);
      return (value) => value === null || inner(value);
    }
    case 'array': {
      const element = checkOf(def.element!);
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'object': {
      if (def.catchall && def.catchall._zod.def.type !== 'unknown') return () => false;
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, checkOf(field)] as const);
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (const [key, check] of fields) if (!check(value[key])) return false;
        return true;
      };
    }
    default:
      return () => false;
  }
}
const isValidRelease = checkOf(releaseSchema);

const REMOVE = Symbol('remove');

/** Whether `repairValue` may replace this object or list under `key` (its checks, without a call or an issue). */
function mayRepairContainer(key: string, value: object): boolean {
  if (Array.isArray(value)) return OBJECT_KEYS.has(key) && value.length === 1 && isPlainObject(value[0]);
  return ARRAY_KEYS.has(key) || numberWrapper(value as JsonObject) !== undefined;
}

/**
 * The `$number…` key of a Mongo number wrapper (an object whose one own key is one of NUMBER_WRAPPERS), if the
 * object is one. Asked of every object: most have a first key without `$`, and the answer comes at that key.
 */
function numberWrapper(value: JsonObject): string | undefined {
  let found: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (found !== undefined || key.charCodeAt(0) !== 0x24 /* $ */) return undefined;
    found = key;
  }
  return found !== undefined && NUMBER_WRAPPERS.includes(found) ? found : undefined;
}

/** Whether `segments` ends at an OCDS Value `value` (tender, unit, award, contract, transaction), not an extension's number. */
function isValueField(segments: Segment[]): boolean {
  const parent = segments[segments.length - 2];
  if (parent === 'tender' || parent === 'unit') return true;
  const list = segments[segments.length - 3];
  return typeof parent === 'number' && (list === 'awards' || list === 'contracts' || list === 'transactions');
}

/** CHARTED_AMOUNTS as a tree of property names, so a path is looked up without writing it out. */
interface NameNode {
  end: boolean;
  children: Map<string, NameNode>;
}
const CHARTED_TREE: NameNode = { end: false, children: new Map() };
for (const path of CHARTED_AMOUNTS) {
  let node = CHARTED_TREE;
  for (const name of path.split('.')) {
    let next = node.children.get(name);
    if (!next) node.children.set(name, (next = { end: false, children: new Map() }));
    node = next;
  }
  node.end = true;
}

/** Whether the path's property names (indices left out) are one of CHARTED_AMOUNTS. */
function isCharted(segments: Segment[]): boolean {
  let node: NameNode | undefined = CHARTED_TREE;
  for (const segment of segments) {
    if (typeof segment !== 'string') continue;
    node = node.children.get(segment);
    if (!node) return false;
  }
  return node.end;
}

interface PathNode {
  path: string;
  /** After a property name. */
  children: Map<string, PathNode>;
  /** After an index. */
  items?: PathNode;
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathOf(segments: Segment[]): string {
  let path = '';
  for (const segment of segments) {
    path += typeof segment === 'number' ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  return path;
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function describe(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
