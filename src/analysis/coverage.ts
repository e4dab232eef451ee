// Field coverage as Open Contracting's cardinal counts it (`ocdscardinal coverage`): how many times each JSON path
// holds a non-empty value. Empty values are null, "", [] and {}, and arrays or objects holding only empty values;
// false and 0 are values. Paths: "" is a line (one compiled release), a path ending in "/" an object, one ending in
// "[]" an array element, and any other an object member ("/tender/value/amount"). An array element counts once per
// non-empty element, so "/awards[]" counts awards while "/awards" counts releases with at least one.

/** Counts per path, in cardinal's output shape: `{ "": 3, "/": 3, "/tender": 2, "/awards[]": 5, … }`. */
export type FieldCoverage = Record<string, number>;

/** Adds the paths of `value` under `path` to `counts`; true if the value is non-empty. */
function countValue(value: unknown, path: string, counts: Map<string, number>): boolean {
  let present: boolean;
  if (value === null || value === undefined || value === '') {
    present = false;
  } else if (Array.isArray(value)) {
    present = false;
    const elementPath = `${path}[]`;
    for (const element of value) if (countValue(element, elementPath, counts)) present = true;
  } else if (typeof value === 'object') {
    present = false;
    for (const [key, member] of Object.entries(value)) if (countValue(member, `${path}/${key}`, counts)) present = true;
    if (present) counts.set(`${path}/`, (counts.get(`${path}/`) ?? 0) + 1);
  } else {
    present = true;
  }
  if (present) counts.set(path, (counts.get(path) ?? 0) + 1);
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
  const counts = new Map<string, number>();
  const values = typeof input === 'string' || input instanceof Uint8Array ? jsonLines(input) : input;
  for (const value of values) countValue(value, '', counts);
  return Object.fromEntries(counts);
}
