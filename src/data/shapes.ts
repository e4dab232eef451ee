// Input-shape detection: whatever a publisher sent (package, record, release, arrays of them, or a package
// wrapped in another object) -> the releases and records inside, the package metadata and `links.next`.
import { OcdsError, type DataIssue, type JsonObject } from './types.js';

export interface OcdsContent {
  /** Standalone releases (release packages, arrays, single releases, JSON Lines). */
  releases: JsonObject[];
  /** Records (record packages, single records). */
  records: JsonObject[];
  meta: { publisher?: string; license?: string; uri?: string; publishedDate?: string; version?: string };
  /** The package's `links.next`, if any. */
  next?: string;
}

/** Properties that wrap packages in real APIs (e.g. Mexico's INAI EDCA: `arrayReleasePackage`). */
const WRAPPERS = ['arrayReleasePackage', 'results', 'data', 'releasePackage', 'recordPackage'] as const;

type Shape = 'release-package' | 'record-package' | 'record' | 'release';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeOf(value: JsonObject): Shape | undefined {
  if (Array.isArray(value.records)) return 'record-package';
  // An unpackaged record may lack its ocid (sample-data's derived records do); its compiled or versioned release says what it is.
  if ('compiledRelease' in value || 'versionedRelease' in value) return 'record';
  if (Array.isArray(value.releases)) return typeof value.ocid === 'string' ? 'record' : 'release-package';
  if (typeof value.ocid === 'string' || typeof value.ocid === 'number') return 'release';
  return undefined;
}

function isOcdsLike(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => isObject(item) && shapeOf(item) !== undefined);
  return isObject(value) && shapeOf(value) !== undefined;
}

/**
 * Reads the releases and records out of one parsed JSON document. Throws OcdsError `not-ocds` when nothing in
 * it is OCDS (GeoJSON, `{"error": …}`, an ambiguous wrapper). Items that are not objects are dropped with an issue.
 */
export function readOcdsContent(doc: unknown, options: { root?: string }, onIssue: (i: DataIssue) => void): OcdsContent {
  const content: OcdsContent = { releases: [], records: [], meta: {} };
  let value = doc;
  let path = '';
  if (options.root) {
    for (const key of options.root.split('.')) {
      if (!isObject(value) || !(key in value)) {
        throw new OcdsError('not-ocds', `The data has no "${options.root}" property to read the OCDS packages from.`);
      }
      nextFromWrapper(value, content);
      value = value[key];
    }
    path = options.root;
  } else if (isObject(value) && shapeOf(value) === undefined) {
    const found = WRAPPERS.filter((key) => isOcdsLike((value as JsonObject)[key]));
    if (found.length > 1) {
      throw new OcdsError(
        'not-ocds',
        `The data wraps OCDS in several properties (${found.join(', ')}); choose one with the root option.`,
      );
    }
    if (found.length === 1) {
      nextFromWrapper(value, content);
      path = found[0]!;
      value = value[path];
    }
  }

  if (Array.isArray(value)) {
    let used = 0;
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!isObject(item)) {
        onIssue({ code: 'item-not-object', path: itemPath, message: `Item ${index} is ${describe(item)}, not an OCDS object; it was left out.` });
        return;
      }
      const shape = shapeOf(item);
      if (!shape) {
        onIssue({ code: 'item-not-ocds', path: itemPath, message: `Item ${index} is not an OCDS release, record or package; it was left out.` });
        return;
      }
      used++;
      addItem(item, shape, itemPath, content, onIssue);
    });
    if (used === 0 && value.length > 0) {
      throw new OcdsError('not-ocds', 'The data is a list, but none of its items is an OCDS release, record or package.');
    }
    return publisherFromRecords(content);
  }
  if (isObject(value)) {
    const shape = shapeOf(value);
    if (shape) {
      addItem(value, shape, path, content, onIssue);
      return publisherFromRecords(content);
    }
  }
  throw new OcdsError('not-ocds', notOcdsMessage(value));
}

function notOcdsMessage(value: unknown): string {
  if (isObject(value)) {
    if (value.type === 'FeatureCollection' || value.type === 'Feature') return 'The data is GeoJSON, not OCDS.';
    if ('error' in value || 'errors' in value) {
      const error = value.error ?? value.errors;
      const text = typeof error === 'string' ? error : isObject(error) && typeof error.message === 'string' ? error.message : '';
      return `The server answered with an error instead of OCDS data${text ? `: ${text.slice(0, 200)}` : ''}.`;
    }
    return 'The JSON has no OCDS releases, records or packages (no "releases", "records" or "ocid").';
  }
  return `The JSON is ${describe(value)}, not OCDS data.`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function nextFromWrapper(wrapper: JsonObject, content: OcdsContent): void {
  // Wrapping APIs paginate at the wrapper: OCDS `links.next` or a plain `next` (e.g. Django REST framework).
  const next = linksNext(wrapper) ?? (typeof wrapper.next === 'string' ? wrapper.next : undefined);
  if (next && !content.next) content.next = next;
}

function linksNext(value: JsonObject): string | undefined {
  const links = value.links;
  return isObject(links) && typeof links.next === 'string' && links.next !== '' ? links.next : undefined;
}

function addItem(item: JsonObject, shape: Shape, path: string, content: OcdsContent, onIssue: (i: DataIssue) => void): void {
  if (shape === 'release') {
    content.releases.push(item);
    // sample-data's unwrapped releases keep their package metadata in a non-OCDS `packageInfo`.
    if (isObject(item.packageInfo)) takeMeta(item.packageInfo, content);
    return;
  }
  if (shape === 'record') {
    content.records.push(item);
    return;
  }
  takeMeta(item, content);
  const next = linksNext(item);
  if (next && !content.next) content.next = next;
  const key = shape === 'release-package' ? 'releases' : 'records';
  const target = shape === 'release-package' ? content.releases : content.records;
  const items = item[key] as unknown[];
  const prefix = path ? `${path}.${key}` : key;
  items.forEach((entry, index) => {
    if (isObject(entry)) target.push(entry);
    else {
      onIssue({
        code: 'item-not-object',
        path: `${prefix}[${index}]`,
        message: `${key}[${index}] is ${describe(entry)}, not an object; it was left out.`,
      });
    }
  });
}

function takeMeta(pkg: JsonObject, content: OcdsContent): void {
  const meta = content.meta;
  if (Object.keys(meta).length > 0) return; // the first package's metadata describes the whole
  const name = publisherName(pkg);
  if (name !== undefined) meta.publisher = name;
  for (const field of ['license', 'uri', 'publishedDate', 'version'] as const) {
    const value = pkg[field];
    if (typeof value === 'string' && value.trim() !== '') meta[field] = value.trim();
  }
}

function publisherName(holder: JsonObject): string | undefined {
  const publisher = holder.publisher;
  const name = typeof publisher === 'string' ? publisher : isObject(publisher) ? publisher.name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/** Without a package that names its publisher, the first record that does (sample-data's unpackaged records). */
function publisherFromRecords(content: OcdsContent): OcdsContent {
  if (content.meta.publisher !== undefined) return content;
  for (const record of content.records) {
    const name = publisherName(record);
    if (name !== undefined) {
      content.meta.publisher = name;
      break;
    }
  }
  return content;
}

/** Concatenates contents (pages, JSON Lines documents); the metadata is the first package's. */
export function mergeContents(contents: OcdsContent[]): OcdsContent {
  const merged: OcdsContent = { releases: [], records: [], meta: {} };
  for (const content of contents) {
    for (const release of content.releases) merged.releases.push(release);
    for (const record of content.records) merged.records.push(record);
    if (Object.keys(merged.meta).length === 0) merged.meta = { ...content.meta };
  }
  return merged;
}
