// OCDS merge: compiles the releases of one contracting process into a compiled release (and, optionally, a
// versioned release), following https://standard.open-contracting.org/1.1/en/schema/merging/ and reproducing the
// reference implementation (ocdsmerge) exactly, including its edge cases:
// - each release's leaves are set at their path in one merge tree, where an array item's path segment is its `id`,
//   so a later release overwrites a leaf, and items with equal ids merge field by field;
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
  /**
   * The releases are the caller's to give away (`compileReleases` only): their lists of values go into the
   * compiled release as they are, not copied. The compiled release then shares them with the releases.
   */
  owned?: boolean;
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
  const ordered = merger.ordered(releases);
  const direct = directMerge(ordered, ruleTree(options.rules ?? OCDS_1_1_5_RULES), options.owned ?? false);
  if (!direct) return merger.compile(ordered);
  for (const issue of direct.issues) merger.reportIssue(issue);
  return direct.compiled;
}

/**
 * Merges releases into a versioned release: each field holds the history of its values
 * (`{ releaseID, releaseDate, releaseTag, value }`, a new entry only when the value changes).
 */
export function versionReleases(releases: JsonObject[], options: MergeOptions = {}): JsonObject {
  const merger = new Merger(options);
  const merged = new MergeTree();
  for (const release of merger.ordered(releases)) {
    merged.setTop('ocid', release.ocid);
    merger.walk(release, merged, (node, path, value) => {
      if (!path.parent && path.segment === 'ocid') return;
      const version = {
        releaseID: release.id ?? null,
        releaseDate: release.date ?? null,
        releaseTag: release.tag ?? null,
        value,
      };
      if (!node.entry) {
        merged.set(node, path, [version]);
      } else {
        const history = node.entry.value as { value: unknown }[];
        if (!jsonEqual(history[history.length - 1].value, value)) history.push(version);
      }
    });
  }
  return merger.unflatten(merged.entries);
}

/**
 * An array item's place in a path: found by `key`, rebuilt by `identity` (both from its `id`, or unique to the item
 * when it has none).
 */
interface ItemSegment {
  /** Compared as ocdsmerge compares paths: the `id` as a string (so `1` and `"1"` share a path). */
  key: string;
  /** Compared as ocdsmerge compares items when rebuilding arrays: the `id` with its type. */
  identity: string;
  /** The `id` to write on the rebuilt item (absent for items without `id`, or with `id: null`). */
  id?: unknown;
  /** The item's position in its release's array (for issue paths). */
  index: number;
}
type Segment = string | ItemSegment;
/** A path as a linked list from the leaf up, so walking a release adds one node per level instead of copying. */
interface Path {
  parent: Path | undefined;
  segment: Segment;
  depth: number;
}
/** One leaf value, with the path of the release that first gave it (ocdsmerge keeps the first path's ids). */
interface Entry {
  path: Path;
  value: unknown;
}

/**
 * Merged leaves, found by their path (property names, and items' `id` keys), and listed in the order they first
 * appeared, which fixes the order of array items. This is ocdsmerge's flattened dictionary, as a tree.
 */
interface TreeNode {
  properties?: Map<string, TreeNode>;
  items?: Map<string, TreeNode>;
  entry?: Entry;
}

class MergeTree {
  readonly root: TreeNode = {};
  readonly entries: Entry[] = [];

  /** Sets a top-level field. */
  setTop(name: string, value: unknown): void {
    this.set(child(this.root, 'properties', name), { parent: undefined, segment: name, depth: 1 }, value);
  }

  set(node: TreeNode, path: Path, value: unknown): void {
    if (node.entry) {
      node.entry.value = value;
    } else {
      node.entry = { path, value };
      this.entries.push(node.entry);
    }
  }
}

function child(node: TreeNode, kind: 'properties' | 'items', key: string): TreeNode {
  const children = (node[kind] ??= new Map());
  let found = children.get(key);
  if (!found) children.set(key, (found = {}));
  return found;
}

/** Merge rules as a tree of property names, walked alongside the data (array levels are not in it). */
interface RuleNode {
  omit?: boolean;
  wholeList?: boolean;
  append?: boolean;
  mergeByPosition?: boolean;
  children: Map<string, RuleNode>;
}

const ruleTrees = new WeakMap<MergeRules, RuleNode>();

function ruleTree(rules: MergeRules): RuleNode {
  let root = ruleTrees.get(rules);
  if (root) return root;
  root = { children: new Map() };
  const add = (paths: readonly string[] | undefined, flag: 'omit' | 'wholeList' | 'append' | 'mergeByPosition') => {
    for (const path of paths ?? []) {
      let node = root!;
      for (const name of path.split('.')) {
        let next = node.children.get(name);
        if (!next) node.children.set(name, (next = { children: new Map() }));
        node = next;
      }
      node[flag] = true;
    }
  };
  add(rules.omitWhenMerged, 'omit');
  add(rules.wholeListMerge, 'wholeList');
  add(rules.append, 'append');
  add(rules.mergeByPosition, 'mergeByPosition');
  ruleTrees.set(rules, root);
  return root;
}

/** Deeper than any OCDS field: deeper values come from broken or hostile data, and are dropped. */
const MAX_DEPTH = 100;

type LeafSink = (node: TreeNode, path: Path, value: unknown) => void;

class Merger {
  private readonly rules: RuleNode;
  private readonly report: (issue: DataIssue) => void;
  private ocid: string | undefined;
  private releaseLabel = '';
  private uniqueItems = 0;

  constructor({ rules = OCDS_1_1_5_RULES, onIssue }: MergeOptions) {
    this.rules = ruleTree(rules);
    this.report = (issue) => onIssue?.({ ...issue, ocid: this.ocid ?? issue.ocid });
  }

  /** Reports an issue found by the direct merge, as the general merge reports its own. */
  reportIssue(issue: DataIssue): void {
    this.report(issue);
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

  /** The general merge: every leaf set at its path in one merge tree, then the compiled release rebuilt from it. */
  compile(ordered: JsonObject[]): JsonObject {
    const merged = new MergeTree();
    merged.setTop('tag', ['compiled']);
    for (const release of ordered) {
      const ocid = release.ocid;
      const date = release.date;
      merged.setTop('id', `${ocid ?? ''}-${date ?? ''}`);
      merged.setTop('date', date);
      // OCDS 1.0 marks `ocid` "ocdsOmit", but a compiled release keeps it.
      merged.setTop('ocid', ocid);
      this.walk(release, merged, (node, path, value) => merged.set(node, path, value));
    }
    return this.unflatten(merged.entries);
  }

  /**
   * Walks one release's leaves (without its `tag`, and without the fields the rules omit) alongside the merge
   * tree: a leaf is a value that is not an object, a whole-list array, or an array holding a non-object.
   */
  walk(release: JsonObject, tree: MergeTree, sink: LeafSink): void {
    this.releaseLabel = describe(release.id);
    const { tag: _tag, ...fields } = release;
    this.walkObject(fields, undefined, tree.root, this.rules, sink);
  }

  private walkObject(
    object: JsonObject,
    parent: Path | undefined,
    node: TreeNode,
    rules: RuleNode | undefined,
    sink: LeafSink,
  ): void {
    const depth = parent ? parent.depth + 1 : 1;
    for (const name of Object.keys(object)) {
      const childRules = rules?.children.get(name);
      if (childRules?.omit) continue;
      const path: Path = { parent, segment: name, depth };
      this.walkValue(object[name], path, child(node, 'properties', name), childRules, sink);
    }
  }

  private walkValue(value: unknown, path: Path, node: TreeNode, rules: RuleNode | undefined, sink: LeafSink): void {
    if (path.depth > MAX_DEPTH) {
      const at = displayPath(path);
      this.report({
        code: 'merge-too-deep',
        path: at,
        message: `Release ${this.releaseLabel} nests objects more than ${MAX_DEPTH} levels deep; ${at} was left out.`,
      });
      return;
    }
    if (
      rules?.wholeList ||
      typeof value !== 'object' ||
      value === null ||
      (Array.isArray(value) && value.some((item) => !isObject(item)))
    ) {
      sink(node, path, value);
    } else if (Array.isArray(value)) {
      this.walkItems(value as JsonObject[], path, node, rules, sink);
    } else {
      this.walkObject(value as JsonObject, path, node, rules, sink);
    }
  }

  /** Walks an identifier-merge array (every item an object): each item is found by its `id`. */
  private walkItems(items: JsonObject[], parent: Path, node: TreeNode, rules: RuleNode | undefined, sink: LeafSink) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const byId = this.itemSegment(item, index, parent);
      if (seen.has(byId.key)) this.report(duplicateIdIssue(this.releaseLabel, displayPath(parent), index, item.id));
      seen.add(byId.key);
      const segment = rules?.append
        ? { ...this.uniqueSegment(index), id: byId.id }
        : rules?.mergeByPosition
          ? { key: String(index), identity: `position:${index}`, id: byId.id, index }
          : byId;
      const path: Path = { parent, segment, depth: parent.depth + 1 };
      this.walkObject(item, path, child(node, 'items', segment.key), rules, sink);
    });
  }

  private itemSegment(item: JsonObject, index: number, parent: Path): ItemSegment {
    if (!Object.hasOwn(item, 'id')) return this.uniqueSegment(index);
    const id = item.id;
    if (typeof id === 'object' && id !== null) {
      const at = `${displayPath(parent)}[${index}]`;
      this.report({
        code: 'merge-id-not-scalar',
        path: `${at}.id`,
        message: `Release ${this.releaseLabel} has an object or array as an id in ${at}; the item was appended rather than merged by id.`,
      });
      return this.uniqueSegment(index);
    }
    return { key: pythonString(id), identity: typedIdentity(id), id: id === null ? undefined : id, index };
  }

  /** A segment no other item shares: the item is appended. */
  private uniqueSegment(index: number): ItemSegment {
    const unique = `#${this.uniqueItems++}`;
    return { key: unique, identity: unique, index };
  }

  /** Rebuilds JSON from the merged leaves, in the order they first appeared. */
  unflatten(entries: Entry[]): JsonObject {
    const result: JsonObject = {};
    // The items of each rebuilt array, by identity.
    const itemsOf = new Map<unknown[], Map<string, JsonObject>>();
    const conflicts = new Set<string>();
    for (const entry of entries) {
      const path = segmentsOf(entry.path);
      let node: unknown = result;
      for (let end = 1; end <= path.length; end++) {
        const part = path[end - 1];
        if (typeof part !== 'string') {
          if (!Array.isArray(node)) {
            this.inconsistent(path, end, 'an array of objects', node, conflicts);
            break;
          }
          let items = itemsOf.get(node);
          if (!items) itemsOf.set(node, (items = new Map()));
          let item = items.get(part.identity);
          if (!item) {
            item = {};
            if (part.id !== undefined) item.id = part.id;
            items.set(part.identity, item);
            node.push(item);
          }
          node = item;
        } else if (!isObject(node)) {
          this.inconsistent(path, end, 'an object', node, conflicts);
          break;
        } else if (Object.hasOwn(node, part)) {
          // Set by an earlier leaf: an object or array to go into, or a value that stays.
          node = node[part];
        } else if (end < path.length) {
          node = setProperty(node, part, typeof path[end] === 'string' ? {} : []);
        } else if (entry.value !== null) {
          setProperty(node, part, cloneJson(entry.value));
        }
      }
    }
    return result;
  }

  /** Reports, once per place, releases that disagree on a field's type (ocdsmerge stops there; we go on). */
  private inconsistent(path: Segment[], end: number, expected: string, found: unknown, reported: Set<string>): void {
    const at = formatPath(path.slice(0, end - 1));
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

/** Two objects with one `id` in one list of one release: merged into one, and reported. */
function duplicateIdIssue(releaseLabel: string, at: string, index: number, id: unknown): DataIssue {
  return {
    code: 'merge-duplicate-id',
    path: `${at}[${index}].id`,
    message:
      `Release ${releaseLabel} has more than one object with id ${describe(id)} in ` +
      `${at.replace(/\[\d+\]/g, '')}; they were merged into one (the later values win).`,
  };
}

/**
 * The common case, merged straight into the compiled release: it gives the general merge's result (same values,
 * same key and item order) as long as every field keeps one kind across the releases (a value, an object or a list
 * of objects) and array items keep the type of their `id`. An id repeated within one list of one release merges as
 * the general merge merges it, with the same issue. Anything else (and anything else the general merge reports)
 * returns undefined, and the general merge runs instead.
 * Fields and items appear when their first leaf does, as the general merge's rebuild makes them appear; a null
 * leaf holds its place with `NULL_LEAF` until the end, when the places still null are removed.
 */
function directMerge(ordered: JsonObject[], rules: RuleNode, owned: boolean): { compiled: JsonObject; issues: DataIssue[] } | undefined {
  const merge = new DirectMerge(owned);
  const compiled: JsonObject = {};
  try {
    merge.setLeaf(compiled, 'tag', ['compiled']);
    for (const release of ordered) {
      merge.release++;
      merge.current = release;
      const ocid = release.ocid;
      const date = release.date;
      merge.setLeaf(compiled, 'id', `${ocid ?? ''}-${date ?? ''}`);
      merge.setLeaf(compiled, 'date', date);
      // OCDS 1.0 marks `ocid` "ocdsOmit", but a compiled release keeps it.
      merge.setLeaf(compiled, 'ocid', ocid);
      merge.object(release, compiled, rules, 1, true, false);
    }
  } catch (error) {
    if (error === NOT_DIRECT) return undefined;
    throw error;
  }
  merge.removeNullLeaves();
  return { compiled, issues: merge.issues };
}

/** Thrown inside `DirectMerge` when the releases need the general merge. */
const NOT_DIRECT = Symbol('not direct');
/** The place of a field whose merged value is null (absent from the compiled release, unless a later release sets it). */
const NULL_LEAF = Symbol('null leaf');

interface MergedItem {
  item: JsonObject;
  /** `typeof` the item's `id`: ids with equal keys but other types are other items in the general merge. */
  idType: string;
  /** The release that last merged into this item. */
  release: number;
  /** The list of that release the item was last merged from (a second time from one list is a repeated id). */
  source: unknown[] | undefined;
}

class DirectMerge {
  release = 0;
  /** The release being merged. */
  current: JsonObject = {};
  /** What the general merge would report (repeated ids in one list), reported only if the direct merge succeeds. */
  readonly issues: DataIssue[] = [];
  /**
   * Merged items of each list, by their `id` key (as ocdsmerge prints it); for a list taken over from a release
   * as it is, the number of that release, until a later release merges into it.
   */
  private readonly items = new Map<unknown[], Map<string, MergedItem> | number>();
  /** Where null leaves were set: objects and keys side by side (no pair per leaf). */
  private readonly nullTargets: JsonObject[] = [];
  private readonly nullKeys: string[] = [];
  /** Objects of the release being merged that `isClean` found clean (an object is always met at one path). */
  private readonly clean = new Set<JsonObject>();
  /** Where each list with a repeated id is in its release, as issue paths write it. */
  private readonly listPaths = new Map<unknown[], string>();

  constructor(private readonly owned: boolean) {}

  setLeaf(target: JsonObject, key: string, value: unknown): void {
    if (value === null) {
      setProperty(target, key, NULL_LEAF);
      this.nullTargets.push(target);
      this.nullKeys.push(key);
    } else {
      setProperty(target, key, Array.isArray(value) && !this.owned ? cloneJson(value) : value);
    }
  }

  /**
   * Merges an object's fields into `target` (`top`: the release itself, whose `tag` is not merged; `fresh`: a
   * target made for this object, where none of its fields can be yet).
   */
  object(source: JsonObject, target: JsonObject, rules: RuleNode | undefined, depth: number, top: boolean, fresh: boolean): void {
    if (depth > MAX_DEPTH) throw NOT_DIRECT;
    for (const key in source) {
      if (!Object.hasOwn(source, key) || (top && key === 'tag')) continue;
      const childRules = rules?.children.get(key);
      if (childRules?.omit) continue;
      const value = source[key];
      const absent = fresh || !Object.hasOwn(target, key);
      const current = absent ? undefined : target[key];
      if (childRules?.wholeList || typeof value !== 'object' || value === null) {
        if (current !== undefined && !this.isLeaf(current)) throw NOT_DIRECT;
        this.setLeaf(target, key, value);
      } else if (Array.isArray(value)) {
        if (value.length === 0) continue; // an empty list of objects adds nothing
        if (!value.every(isObject)) {
          if (current !== undefined && !this.isLeaf(current)) throw NOT_DIRECT;
          this.setLeaf(target, key, value);
        } else if (absent) {
          if (this.owned && this.takesAsIs(value, childRules, depth + 1)) {
            setProperty(target, key, value);
            continue;
          }
          const list: unknown[] = [];
          this.list(value, list, childRules, depth + 1);
          if (list.length > 0) setProperty(target, key, list);
        } else if (Array.isArray(current) && this.items.has(current)) {
          this.list(value, current, childRules, depth + 1);
        } else {
          throw NOT_DIRECT;
        }
      } else if (absent) {
        if (this.owned && this.isClean(value as JsonObject, childRules, depth + 1)) {
          setProperty(target, key, value);
          continue;
        }
        const child: JsonObject = {};
        this.object(value as JsonObject, child, childRules, depth + 1, false, true);
        // Added only once it holds a leaf, as the general merge's rebuild would add it.
        for (const _ in child) {
          setProperty(target, key, child);
          break;
        }
      } else if (isObject(current)) {
        this.object(value as JsonObject, current, childRules, depth + 1, false, false);
      } else {
        throw NOT_DIRECT;
      }
    }
  }

  /** Merges a list of objects by `id` into `list`; items without `id` are appended. */
  private list(source: JsonObject[], list: unknown[], rules: RuleNode | undefined, depth: number): void {
    if (rules?.append || rules?.mergeByPosition || depth > MAX_DEPTH) throw NOT_DIRECT;
    let byKey = this.items.get(list);
    if (typeof byKey === 'number') byKey = this.index(list as JsonObject[], byKey);
    else if (!byKey) this.items.set(list, (byKey = new Map()));
    for (const item of source) {
      if (!Object.hasOwn(item, 'id')) {
        const appended: JsonObject = {};
        this.object(item, appended, rules, depth + 1, false, true);
        for (const _ in appended) {
          list.push(appended);
          break;
        }
        continue;
      }
      const id = item.id;
      if (typeof id === 'object' && id !== null) throw NOT_DIRECT; // reported by the general merge
      const key = pythonString(id);
      const found = byKey.get(key);
      if (found) {
        if (found.idType !== typeof id) throw NOT_DIRECT;
        // Merged from this very list already: the general merge merges the two the same way, and reports it.
        // (From another list of this release, such as the `items` of two awards with one id: merged silently.)
        if (found.release === this.release && found.source === source) this.duplicateId(source, item);
        found.release = this.release;
        found.source = source;
        this.object(item, found.item, rules, depth + 1, false, false);
      } else {
        // The item keeps the id it first had (its `id` leaf then changes nothing), first among its fields.
        const merged: JsonObject = {};
        if (id !== null) merged.id = id;
        byKey.set(key, { item: merged, idType: typeof id, release: this.release, source });
        list.push(merged);
        // Fresh: its only field so far is the `id`, which the item's own `id` sets again to the same value.
        this.object(item, merged, rules, depth + 1, false, true);
      }
    }
  }

  /**
   * Owned releases: whether a release's object, merged into nothing, would be copied exactly as it is (no nulls,
   * empty objects or empty lists to leave out, no omitted fields, every item's \`id\` a scalar, unique in its list
   * and its first field), so the compiled release can take it over instead of copying it. Its lists are noted.
   */
  private isClean(object: JsonObject, rules: RuleNode | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    // Asked again for the parts of an object that was not clean, as it is merged field by field: known already.
    if (this.clean.has(object)) return true;
    let keys = 0;
    let nests = false;
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      keys++;
      const childRules = rules?.children.get(key);
      if (childRules?.omit) return false;
      const value = object[key];
      if (value === null) return false;
      if (childRules?.wholeList || typeof value !== 'object') continue;
      nests = true;
      if (!Array.isArray(value)) {
        if (!this.isClean(value as JsonObject, childRules, depth + 1)) return false;
      } else if (value.every(isObject) && !this.takesAsIs(value, childRules, depth + 1)) {
        return false;
      }
    }
    // Remembered only when it holds objects or lists: one of plain values is as quick to look at again.
    if (keys > 0 && nests) this.clean.add(object);
    return keys > 0;
  }

  /** `isClean` for a list of objects; the list is noted as taken over in this release. */
  private takesAsIs(list: JsonObject[], rules: RuleNode | undefined, depth: number): boolean {
    if (list.length === 0 || rules?.append || rules?.mergeByPosition || depth > MAX_DEPTH) return false;
    // A list of one cannot repeat an id: no set for it (most lists in real data hold one item).
    const ids = list.length > 1 ? new Set<string>() : undefined;
    for (const item of list) {
      if (Object.hasOwn(item, 'id')) {
        const id = item.id;
        if (typeof id === 'object' || firstKey(item) !== 'id') return false;
        if (ids) {
          const key = pythonString(id);
          if (ids.has(key)) return false;
          ids.add(key);
        }
      }
      if (!this.isClean(item, rules, depth + 1)) return false;
    }
    this.items.set(list, this.release);
    return true;
  }

  /** The items of a list taken over from release \`release\`, by \`id\` key, when a later release merges into it. */
  private index(list: JsonObject[], release: number): Map<string, MergedItem> {
    const byKey = new Map<string, MergedItem>();
    for (const item of list) {
      if (Object.hasOwn(item, 'id')) byKey.set(pythonString(item.id), { item, idType: typeof item.id, release, source: list });
    }
    this.items.set(list, byKey);
    return byKey;
  }

  /** Whether a merged value came from a leaf (not an object or list of objects merged field by field). */
  private isLeaf(value: unknown): boolean {
    return value === NULL_LEAF || typeof value !== 'object' || value === null || (Array.isArray(value) && !this.items.has(value));
  }

  /**
   * Notes the general merge's `merge-duplicate-id` issue for `item` of `source`: its path, as the general merge
   * writes it, is found by looking for the list in the release (this happens seldom, so nothing is tracked on the way).
   */
  private duplicateId(source: JsonObject[], item: JsonObject): void {
    let at = this.listPaths.get(source);
    if (at === undefined) {
      const segments = pathTo(this.current, source, []);
      if (segments === undefined) throw NOT_DIRECT;
      at = formatPath(segments);
      this.listPaths.set(source, at);
    }
    this.issues.push(duplicateIdIssue(describe(this.current.id), at, source.indexOf(item), item.id));
  }

  removeNullLeaves(): void {
    for (let i = 0; i < this.nullTargets.length; i++) {
      const target = this.nullTargets[i];
      const key = this.nullKeys[i];
      if (target[key] === NULL_LEAF) delete target[key];
    }
  }
}

/** The path of `target` inside `root` (names, and positions of array items); undefined when it is not found. */
function pathTo(root: unknown, target: unknown, segments: Segment[]): Segment[] | undefined {
  if (root === target) return segments;
  if (Array.isArray(root)) {
    for (let i = 0; i < root.length; i++) {
      segments.push({ key: '', identity: '', index: i });
      if (pathTo(root[i], target, segments)) return segments;
      segments.pop();
    }
  } else if (isObject(root)) {
    for (const key in root) {
      if (!Object.hasOwn(root, key)) continue;
      segments.push(key);
      if (pathTo(root[key], target, segments)) return segments;
      segments.pop();
    }
  }
  return undefined;
}

function firstKey(object: JsonObject): string | undefined {
  for (const key in object) if (Object.hasOwn(object, key)) return key;
  return undefined;
}

/** How Python's `str()` prints a scalar `id`: ocdsmerge compares item paths by this string. */
function pythonString(value: unknown): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

function typedIdentity(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}

/** The segments of a path, from the top. */
function segmentsOf(path: Path): Segment[] {
  const segments: Segment[] = [];
  for (let node: Path | undefined = path; node; node = node.parent) segments.push(node.segment);
  return segments.reverse();
}

/** A path for issues, such as `awards[0].suppliers[1]` (array positions as in the release that added the item). */
function formatPath(segments: Segment[]): string {
  return segments
    .map((part, i) => (typeof part === 'string' ? `${i ? '.' : ''}${part}` : `[${part.index}]`))
    .join('');
}

function displayPath(path: Path): string {
  return formatPath(segmentsOf(path));
}

function describe(id: unknown): string {
  return typeof id === 'string' || typeof id === 'number' ? JSON.stringify(id) : '(without id)';
}

/** Sets an own property, also for keys such as `__proto__` that plain assignment would not create. */
function setProperty<T>(object: JsonObject, key: string, value: T): T {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
  return value;
}

/** Deep-copies JSON (own `__proto__` keys stay plain data). Iterative, so deep nesting cannot overflow the stack. */
export function cloneJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const root = Array.isArray(value) ? [] : {};
  // Sources and their copies, side by side (no pair per value).
  const sources: unknown[] = [value];
  const targets: unknown[] = [root];
  while (sources.length) {
    const source = sources.pop();
    const target = targets.pop();
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) {
        const item = source[i];
        const copy = emptyCopy(item);
        (target as unknown[])[i] = copy;
        if (copy !== item) {
          sources.push(item);
          targets.push(copy);
        }
      }
    } else {
      for (const key in source as JsonObject) {
        if (!Object.hasOwn(source as JsonObject, key)) continue;
        const item = (source as JsonObject)[key];
        const copy = emptyCopy(item);
        setProperty(target as JsonObject, key, copy);
        if (copy !== item) {
          sources.push(item);
          targets.push(copy);
        }
      }
    }
  }
  return root;
}

function emptyCopy(item: unknown): unknown {
  return Array.isArray(item) ? [] : isObject(item) ? {} : item;
}

/** Deep equality of JSON values (object key order ignored). Iterative, like `cloneJson`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const left: unknown[] = [a];
  const right: unknown[] = [b];
  while (left.length) {
    const x = left.pop();
    const y = right.pop();
    if (x === y) continue;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) {
        left.push(x[i]);
        right.push(y[i]);
      }
    } else if (isObject(x) && isObject(y)) {
      let keys = 0;
      for (const key in x) {
        if (!Object.hasOwn(x, key)) continue;
        if (!Object.hasOwn(y, key)) return false;
        keys++;
        left.push(x[key]);
        right.push(y[key]);
      }
      for (const key in y) if (Object.hasOwn(y, key)) keys--;
      if (keys !== 0) return false;
    } else {
      return false;
    }
  }
  return true;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
