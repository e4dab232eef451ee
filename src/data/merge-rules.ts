// OCDS merge rules: which fields a compiled release leaves out and which arrays are replaced whole.
// Derived from a release schema the way the OCDS merging specification (and ocdsmerge) reads it:
// https://standard.open-contracting.org/1.1/en/schema/merging/
import type { JsonObject } from './types.js';
import { OCDS_1_1_5_RULE_TABLE } from './merge-rules-1.1.5.js';

/**
 * Merge rules as field paths: property names joined by `.`, array levels left out
 * (`awards.suppliers`, not `awards[0].suppliers`). Sorted, so two rule sets compare with deep equality.
 */
export interface MergeRules {
  /** Fields dropped from compiled releases (`omitWhenMerged: true`, or 1.0's `mergeStrategy: "ocdsOmit"`). */
  readonly omitWhenMerged: readonly string[];
  /**
   * Arrays replaced as a whole by a later release rather than merged item by item by `id`: `wholeListMerge: true`
   * (1.0: `mergeStrategy: "ocdsVersion"`), arrays of non-objects, and arrays of objects without an `id` property.
   */
  readonly wholeListMerge: readonly string[];
  /**
   * Overrides for identifier-merge arrays whose `id`s are not unique (not derived from a schema): items of these
   * arrays are always appended, or merged by their position in the array.
   */
  readonly append?: readonly string[];
  readonly mergeByPosition?: readonly string[];
}

/** The rules of the OCDS 1.1.5 release schema (generated from it; a test checks they still match). */
export const OCDS_1_1_5_RULES: MergeRules = Object.freeze({
  omitWhenMerged: Object.freeze([...OCDS_1_1_5_RULE_TABLE.omitWhenMerged]),
  wholeListMerge: Object.freeze([...OCDS_1_1_5_RULE_TABLE.wholeListMerge]),
});

type Rule = 'omitWhenMerged' | 'wholeListMerge';

/** Derives merge rules from a release schema, following local `$ref`s (`#/definitions/...`). */
export function mergeRulesFromSchema(schema: JsonObject): MergeRules {
  const rules = new Map<string, Rule>();
  const properties = isObject(schema) ? resolve(schema, schema, new Set()).node.properties : undefined;
  if (isObject(properties)) collectRules(schema, properties, '', new Set(), rules);
  const paths = (rule: Rule) => [...rules].filter(([, r]) => r === rule).map(([path]) => path).sort();
  return { omitWhenMerged: paths('omitWhenMerged'), wholeListMerge: paths('wholeListMerge') };
}

function collectRules(
  root: JsonObject,
  properties: JsonObject,
  prefix: string,
  refsInUse: Set<string>,
  rules: Map<string, Rule>,
): void {
  for (const [key, raw] of Object.entries(properties)) {
    if (!isObject(raw)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const { node, refs } = resolve(root, raw, refsInUse);
    const types = typesOf(node);
    const items = isObject(node.items) ? resolve(root, node.items, refs) : undefined;
    // `omitWhenMerged` supersedes every other rule, and `wholeListMerge` any rule nested below it.
    if (node.omitWhenMerged === true || node.mergeStrategy === 'ocdsOmit') {
      rules.set(path, 'omitWhenMerged');
    } else if (types.includes('array') && (node.wholeListMerge === true || node.mergeStrategy === 'ocdsVersion')) {
      rules.set(path, 'wholeListMerge');
    } else if (types.includes('object') && isObject(node.properties)) {
      collectRules(root, node.properties, path, refs, rules);
    } else if (types.includes('array') && items) {
      const itemTypes = typesOf(items.node);
      if (itemTypes.some((type) => type !== 'object')) {
        rules.set(path, 'wholeListMerge');
      } else if (itemTypes.includes('object') && isObject(items.node.properties)) {
        if (!('id' in items.node.properties)) rules.set(path, 'wholeListMerge');
        else collectRules(root, items.node.properties, path, items.refs, rules);
      }
    }
  }
}

/**
 * Follows `$ref` chains to the schema they point at. A `$ref` replaces its whole object, as JSON reference
 * resolvers do. `refs` are the references being expanded on the current path, so a recursive schema stops.
 */
function resolve(root: JsonObject, node: JsonObject, refsInUse: Set<string>): { node: JsonObject; refs: Set<string> } {
  let current = node;
  let refs = refsInUse;
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    const target = refs.has(ref) ? undefined : pointer(root, ref);
    if (!target) return { node: {}, refs };
    refs = new Set(refs).add(ref);
    current = target;
  }
  return { node: current, refs };
}

/** Resolves a local JSON pointer such as `#/definitions/Award`; other references are not followed. */
function pointer(root: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return isObject(node) ? node : undefined;
}

function typesOf(node: JsonObject): string[] {
  const type = node.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
