// OCDS merge: compiles the releases of one contracting process into a compiled release (and, optionally, a
// versioned release), following https://standard.open-contracting.org/1.1/en/schema/merging/ and reproducing the
// reference implementation (ocdsmerge) exactly, including its edge cases:
// - a release is flattened into (path -> value) entries, where an array item's path segment is its `id`, so
//   merging releases is "later entries overwrite earlier ones" and items with equal ids merge field by field;
// - a `null` value removes a field that holds a value, but not the fields inside an object an earlier release
//   gave (`tender: null` leaves an earlier `tender.id`); an object whose fields are all null stays as `{}`;
// - empty objects and empty identifier-merge arrays add nothing; an empty whole-list array replaces the list;
// - array items without an `id` are appended; items with the same `id` inside one array merge (last value wins).
// Where ocdsmerge raises an error (fields whose type changes between releases, missing dates, non-object
// releases, object `id`s), this merge reports an issue and goes on.
import type { DataIssue, JsonObject } from './types.js';
import { OCDS_1_1_5_RULES, type MergeRules } from './merge-rules.js';
import { dateTime } from './dates.js';

export interface MergeOptions {
  /** Merge rules, e.g. `mergeRulesFromSchema(schema)`; the OCDS 1.1.5 rules by default. */
  rules?: MergeRules;
  /** Receives each problem met while merging (the merge itself never throws). */
  onIssue?: (issue: DataIssue) => void;
}

/**
 * Compiles releases (of one `ocid`) into a compiled release: releases are applied in `date` order (instants, by a
 * stable sort, so releases with equal dates keep the caller's order), later values win, `null` removes a field,
 * arrays of objects merge by `id`. The result has `tag: ["compiled"]`, the last release's `date`, and `id`
 * `${ocid}-${date}`. Non-object releases are skipped; releases without a readable `date` are applied first; both
 * are reported.
 */
export function compileReleases(releases: JsonObject[], options: MergeOptions = {}): JsonObject {
  const merger = new Merger(options);
  const merged: Flattened = new Map();
  merged.set(propertyKey('tag'), { path: ['tag'], value: ['compiled'] });
  for (const release of merger.ordered(releases)) {
    const ocid = release.ocid;
    const date = release.date;
    setEntry(merged, 'id', `${ocid ?? ''}-${date ?? ''}`);
    setEntry(merged, 'date', date);
    // OCDS 1.0 marks `ocid` "ocdsOmit", but a compiled release keeps it.
    setEntry(merged, 'ocid', ocid);
    for (const [key, entry] of merger.flatten(release)) {
      const existing = merged.get(key);
      if (existing) existing.value = entry.value;
      else merged.set(key, entry);
    }
  }
  return merger.unflatten(merged);
}

/**
 * Merges releases into a versioned release: each field holds the history of its values
 * (`{ releaseID, releaseDate, releaseTag, value }`, a new entry only when the value changes).
 */
export function versionReleases(releases: JsonObject[], options: MergeOptions = {}): JsonObject {
  const merger = new Merger(options);
  const merged: Flattened = new Map();
  for (const release of merger.ordered(releases)) {
    setEntry(merged, 'ocid', release.ocid);
    for (const [key, entry] of merger.flatten(release)) {
      if (key === OCID_KEY) continue;
      const version = {
        releaseID: release.id ?? null,
        releaseDate: release.date ?? null,
        releaseTag: release.tag ?? null,
        value: entry.value,
      };
      const existing = merged.get(key);
      if (!existing) {
        merged.set(key, { path: entry.path, value: [version] });
      } else {
        const history = existing.value as { value: unknown }[];
        if (!jsonEqual(history[history.length - 1].value, entry.value)) history.push(version);
      }
    }
  }
  return merger.unflatten(merged);
}

/** An array item's place in a path: merged by `identity` (its `id`, or a unique key when it has none). */
interface ItemSegment {
  /** Compared as ocdsmerge compares paths: the `id` as a string (so `1` and `"1"` share a path). */
  key: string;
  /** Compared as ocdsmerge compares items when rebuilding arrays: the `id` with its type. */
  identity: string;
  /** The `id` to write on the rebuilt item (absent for items without `id`, or with `id: null`). */
  id?: unknown;
}
type Segment = string | ItemSegment;
interface Entry {
  path: Segment[];
  value: unknown;
}
/** Flattened JSON: one entry per leaf, keyed by its encoded path, in first-seen order. */
type Flattened = Map<string, Entry>;

const OCID_KEY = propertyKey('ocid');
/** Deeper than any OCDS field: deeper values come from broken or hostile data, and are dropped. */
const MAX_DEPTH = 100;

class Merger {
  private readonly omitted: Set<string>;
  private readonly wholeList: Set<string>;
  private readonly append: Set<string>;
  private readonly mergeByPosition: Set<string>;
  private readonly report: (issue: DataIssue) => void;
  private ocid: string | undefined;
  private releaseLabel = '';
  private uniqueItems = 0;

  constructor({ rules = OCDS_1_1_5_RULES, onIssue }: MergeOptions) {
    this.omitted = new Set(rules.omitWhenMerged);
    this.wholeList = new Set(rules.wholeListMerge);
    this.append = new Set(rules.append);
    this.mergeByPosition = new Set(rules.mergeByPosition);
    this.report = (issue) => onIssue?.({ ...issue, ocid: this.ocid ?? issue.ocid });
  }

  /** The releases to merge, in merge order. */
  ordered(releases: unknown): JsonObject[] {
    if (!Array.isArray(releases)) {
      this.report({ code: 'merge-not-array', path: '', message: 'Expected an array of releases; nothing to merge.' });
      return [];
    }
    const ocid = releases.find((release) => isObject(release) && typeof release.ocid === 'string')?.ocid;
    if (typeof ocid === 'string') this.ocid = ocid;
    const undated: JsonObject[] = [];
    const dated: { release: JsonObject; time: number }[] = [];
    releases.forEach((release: unknown, index) => {
      if (!isObject(release)) {
        this.report({
          code: 'merge-release-not-object',
          path: `[${index}]`,
          message: `Release ${index} is not a JSON object; it was left out of the compiled release.`,
        });
        return;
      }
      const time = typeof release.date === 'string' ? dateTime(release.date) : Number.NaN;
      if (Number.isNaN(time)) {
        const missing = release.date === undefined || release.date === null;
        this.report({
          code: missing ? 'merge-date-missing' : 'merge-date-invalid',
          path: `[${index}].date`,
          message: `Release ${describe(release.id)} has ${missing ? 'no' : 'an unreadable'} date; it was merged before the dated releases.`,
        });
        undated.push(release);
      } else {
        dated.push({ release, time });
      }
    });
    // Dates compare as instants (offsets applied; ocdsmerge compares the strings, which agrees whenever a
    // publisher writes its dates one way). Array.prototype.sort is stable: equal dates keep the caller's order.
    dated.sort((a, b) => a.time - b.time);
    return [...undated, ...dated.map(({ release }) => release)];
  }

  /** Flattens one release (without its `tag`, and without the fields the rules omit). */
  flatten(release: JsonObject): Flattened {
    this.releaseLabel = describe(release.id);
    const flat: Flattened = new Map();
    const { tag: _tag, ...fields } = release;
    this.flattenObject(fields, [], '', '', '', flat);
    return flat;
  }

  private flattenObject(
    object: JsonObject,
    path: Segment[],
    key: string,
    rulePath: string,
    displayPath: string,
    flat: Flattened,
  ): void {
    for (const [name, value] of Object.entries(object)) {
      const childRulePath = rulePath ? `${rulePath}.${name}` : name;
      const childDisplayPath = displayPath ? `${displayPath}.${name}` : name;
      this.flattenValue(value, [...path, name], key + propertyKey(name), childRulePath, childDisplayPath, flat);
    }
  }

  private flattenValue(
    value: unknown,
    path: Segment[],
    key: string,
    rulePath: string,
    displayPath: string,
    flat: Flattened,
  ): void {
    if (this.omitted.has(rulePath)) return;
    if (path.length > MAX_DEPTH) {
      this.report({
        code: 'merge-too-deep',
        path: displayPath,
        message: `Release ${this.releaseLabel} nests objects more than ${MAX_DEPTH} levels deep; ${displayPath} was left out.`,
      });
      return;
    }
    if (
      this.wholeList.has(rulePath) ||
      typeof value !== 'object' ||
      value === null ||
      (Array.isArray(value) && value.some((item) => !isObject(item)))
    ) {
      flat.set(key, { path, value });
    } else if (Array.isArray(value)) {
      this.flattenItems(value as JsonObject[], path, key, rulePath, displayPath, flat);
    } else {
      this.flattenObject(value as JsonObject, path, key, rulePath, displayPath, flat);
    }
  }

  /** Flattens an identifier-merge array (every item an object): each item's path segment is its `id`. */
  private flattenItems(
    items: JsonObject[],
    path: Segment[],
    key: string,
    rulePath: string,
    displayPath: string,
    flat: Flattened,
  ): void {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const byId = this.itemSegment(item, `${displayPath}[${index}]`);
      if (seen.has(byId.key)) {
        this.report({
          code: 'merge-duplicate-id',
          path: `${displayPath}[${index}].id`,
          message:
            `Release ${this.releaseLabel} has more than one object with id ${describe(item.id)} in ${rulePath}; ` +
            'they were merged into one (the later values win).',
        });
      }
      seen.add(byId.key);
      const segment = this.append.has(rulePath)
        ? { ...this.uniqueSegment(), id: byId.id }
        : this.mergeByPosition.has(rulePath)
          ? { key: String(index), identity: `position:${index}`, id: byId.id }
          : byId;
      this.flattenObject(item, [...path, segment], key + itemKey(segment), rulePath, `${displayPath}[${index}]`, flat);
    });
  }

  private itemSegment(item: JsonObject, displayPath: string): ItemSegment {
    if (!Object.hasOwn(item, 'id')) return this.uniqueSegment();
    const id = item.id;
    if (typeof id === 'object' && id !== null) {
      this.report({
        code: 'merge-id-not-scalar',
        path: `${displayPath}.id`,
        message: `Release ${this.releaseLabel} has an object or array as an id in ${displayPath}; the item was appended rather than merged by id.`,
      });
      return this.uniqueSegment();
    }
    return { key: pythonString(id), identity: typedIdentity(id), id: id === null ? undefined : id };
  }

  /** A segment no other item shares: the item is appended. */
  private uniqueSegment(): ItemSegment {
    const unique = `#${this.uniqueItems++}`;
    return { key: unique, identity: unique };
  }

  /** Rebuilds JSON from flattened entries (in their first-seen order, which fixes the order of array items). */
  unflatten(flat: Flattened): JsonObject {
    const result: JsonObject = {};
    const items = new Map<string, JsonObject>();
    const conflicts = new Set<string>();
    for (const { path, value } of flat.values()) {
      let node: unknown = result;
      let prefix = '';
      for (let end = 1; end <= path.length; end++) {
        const part = path[end - 1];
        if (typeof part !== 'string') {
          const itemId = `${prefix}\u0000${part.identity}`;
          let item = items.get(itemId);
          if (!item) {
            if (!Array.isArray(node)) {
              this.inconsistent(path, end, 'an array of objects', node, conflicts);
              break;
            }
            item = {};
            if (part.id !== undefined) item.id = part.id;
            items.set(itemId, item);
            node.push(item);
          }
          node = item;
          prefix += itemKey(part);
          continue;
        }
        if (!isObject(node)) {
          this.inconsistent(path, end, 'an object', node, conflicts);
          break;
        }
        if (Object.hasOwn(node, part)) {
          node = node[part];
        } else if (end < path.length) {
          node = setProperty(node, part, typeof path[end] === 'string' ? {} : []);
        } else if (value !== null) {
          setProperty(node, part, cloneJson(value));
        }
        prefix += propertyKey(part);
      }
    }
    return result;
  }

  /** Reports, once per place, releases that disagree on a field's type (ocdsmerge stops there; we go on). */
  private inconsistent(path: Segment[], end: number, expected: string, found: unknown, reported: Set<string>): void {
    const at = displayPath(path.slice(0, end - 1));
    if (reported.has(at)) return;
    reported.add(at);
    const kept = Array.isArray(found) ? 'an array' : isObject(found) ? 'an object' : JSON.stringify(found);
    this.report({
      code: 'merge-inconsistent-type',
      path: at,
      message: `Releases disagree on the type of ${at || 'the release'}: the compiled release keeps ${kept} and leaves out ${expected} from a later release.`,
    });
  }
}

function setEntry(flat: Flattened, name: string, value: unknown): void {
  const key = propertyKey(name);
  const existing = flat.get(key);
  if (existing) existing.value = value;
  else flat.set(key, { path: [name], value });
}

function propertyKey(name: string): string {
  return `\u0001${name}`;
}

function itemKey(segment: ItemSegment): string {
  return `\u0002${segment.key}`;
}

/** How Python's `str()` prints a JSON value: ocdsmerge compares item paths by this string. */
function pythonString(value: unknown): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

function typedIdentity(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}

function displayPath(path: Segment[]): string {
  return path
    .map((part, index) => (typeof part === 'string' ? `${index ? '.' : ''}${part}` : `[id=${part.id ?? ''}]`))
    .join('');
}

function describe(id: unknown): string {
  return typeof id === 'string' || typeof id === 'number' ? JSON.stringify(id) : '(without id)';
}

/** Sets an own property, also for keys such as `__proto__` that plain assignment would not create. */
function setProperty<T>(object: JsonObject, key: string, value: T): T {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** Deep-copies JSON (own `__proto__` keys stay plain data). Iterative, so deep nesting cannot overflow the stack. */
export function cloneJson(value: unknown): unknown {
  const copyOf = (item: unknown): unknown => (Array.isArray(item) ? [] : isObject(item) ? {} : item);
  const root = copyOf(value);
  const pending: [unknown, unknown][] = [[value, root]];
  while (pending.length) {
    const [source, target] = pending.pop()!;
    if (Array.isArray(source)) {
      source.forEach((item, i) => {
        const copy = copyOf(item);
        (target as unknown[])[i] = copy;
        if (copy !== item) pending.push([item, copy]);
      });
    } else if (isObject(source)) {
      for (const [key, item] of Object.entries(source)) {
        const copy = copyOf(item);
        setProperty(target as JsonObject, key, copy);
        if (copy !== item) pending.push([item, copy]);
      }
    }
  }
  return root;
}

/** Deep equality of JSON values (object key order ignored). Iterative, like `cloneJson`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length) {
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      x.forEach((item, i) => pending.push([item, y[i]]));
    } else if (isObject(x) && isObject(y)) {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const key of keys) {
        if (!Object.hasOwn(y, key)) return false;
        pending.push([x[key], y[key]]);
      }
    } else {
      return false;
    }
  }
  return true;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
