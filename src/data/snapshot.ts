// A snapshot of loaded data (the embed builder's download): an OCDS record package of the compiled releases, which
// a newsroom hosts beside an article and points `src` at, so the published numbers never drift and readers never
// hit the publisher's API. Each record links its releases (the source URL + `#` + release id, with date and tag):
// OCDS records need `releases`, and the links keep the release history the timeline draws.
import type { Dataset, JsonObject } from './types.js';

export interface SnapshotOptions {
  /** Where the data was loaded from (the `uri` of the package, the base of the release links). */
  source?: string;
  /** When the snapshot was taken (ISO 8601); the package's `publishedDate` is the data's own when known. */
  takenAt?: string;
}

export function snapshotRecordPackage(dataset: Dataset, options: SnapshotOptions = {}): JsonObject {
  const { meta } = dataset;
  const takenAt = options.takenAt ?? new Date().toISOString();
  const source = options.source ?? meta.uri;
  return {
    uri: source ?? 'urn:ocds-widgets:snapshot',
    version: '1.1',
    publishedDate: meta.publishedDate ?? takenAt,
    publisher: { name: meta.publisher ?? 'Unknown publisher' },
    ...(meta.license ? { license: meta.license } : {}),
    publicationPolicy: `Snapshot taken ${takenAt} with ocds-widgets of ${source ?? 'data given to the page'}: compiled releases only.`,
    records: dataset.processes.map((process) => ({
      ocid: process.ocid,
      releases: process.releases.map((release) => ({
        url: `${source ?? 'urn:ocds-widgets:snapshot'}#${encodeURIComponent(release.id)}`,
        ...(release.date ? { date: release.date } : {}),
        tag: release.tags,
      })),
      compiledRelease: process.compiledRelease,
    })),
  };
}
