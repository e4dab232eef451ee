// Field coverage as Open Contracting's cardinal counts it (`ocdscardinal coverage`): how many times each JSON path
// holds a non-empty value. Empty values are null, "", [] and {}, and arrays or objects holding only empty values;
// false and 0 are values. Paths: "" is a line (one compiled release), a path ending in "/" an object, one ending in
// "[]" an array element, and any other an object member ("/tender/value/amount"). An array element counts once per
// non-empty element, so "/awards[]" counts awards while "/awards" counts releases with at least one.

/** Counts per path, in cardinal's output shape: `{ "": 3, "/": 3, "/tender": 2, "/awards[]": 5, … }`. */
export type FieldCoverage = Record<string, number>;

/**
 * One JSON path of the counts. Paths are a tree, so a value's members find their counters by key instead of
 * building and hashing their path text each time (a national summary counts millions of values).
 */
interface PathNode {
  path: string;
  /** Times the path held a non-empty value. */
  count: number;
  /** Times it held a non-empty object (the path + "/"). */
  objects: number;
  members?: Map<string, PathNode>;
  element?: PathNode;
}

/** Paths in the order they were first counted, as `[node, object?]` (the order a Map of path texts would keep). */
type Order = [PathNode, boolean][];

const pathNode = (path: string): PathNode => ({ path, count: 0, objects: 0 });

/** Adds the paths of `value` under `node` to the counts; true if the value is non-empty. */
function countValue(value: unknown, node: PathNode, order: Order): boolean {
  let present: boolean;
  if (value === null || value === undefined || value === '') {
    present = false;
  } else if (Array.isArray(value)) {
    present = false;
    const element = (node.element ??= pathNode(`${node.path}[]`));
    for (const item of value) if (countValue(item, element, order)) present = true;
  } else if (typeof value === 'object') {
    present = false;
    const members = (node.members ??= new Map());
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      let member = members.get(key);
      if (!member) members.set(key, (member = pathNode(`${node.path}/${key}`)));
      if (countValue(object[key], member, order)) present = true;
    }
    if (present && node.objects++ === 0) order.push([node, true]);
  } else {
    present = true;
  }
  if (present && node.count++ === 0) order.push([node, false]);
  return present;
}

/** Each line's JSON value; blank lines, lines that are not JSON, and (for bytes) lines that are not UTF-8 are skipped. */
function* jsonLines(input: string | Uint8Array): Generator<unknown> {
  const lines: string[] = [];
  if (typeof input === 'string') {
    lines.push(...input.split('\n'));
  } else {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let end = 0; end <= input.length; end++) {
      if (end < input.length && input[end] !== 0x0a) continue;
      try {
        lines.push(decoder.decode(input.subarray(start, end)));
      } catch {
        // not UTF-8: skipped, as cardinal skips it
      }
      start = end + 1;
    }
  }
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch {
      // not JSON: skipped, as cardinal skips it
    }
  }
}

/**
 * How many times each JSON path is non-empty, as cardinal's `coverage` command counts it. `input` is JSON Lines
 * (text or bytes: one compiled release per line), or the values themselves (e.g. each process's `compiledRelease`).
 */
export function fieldCoverage(input: string | Uint8Array | Iterable<unknown>): FieldCoverage {
  const root = pathNode('');
  const order: Order = [];
  const values = typeof input === 'string' || input instanceof Uint8Array ? jsonLines(input) : input;
  for (const value of values) countValue(value, root, order);
  const coverage: FieldCoverage = {};
  for (const [node, object] of order) {
    // A member named "" has the text of its object's "/" path: both add to one count, as in cardinal.
    const path = object ? `${node.path}/` : node.path;
    coverage[path] = (coverage[path] ?? 0) + (object ? node.objects : node.count);
  }
  return coverage;
}
