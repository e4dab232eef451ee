// Reads the bundled demo data independently of the local API: file names from demos/data/SOURCES.md,
// files from the static server, releases counted straight from the JSON.
import type { JsonObject } from '../src/data/types.js';

export interface DemoFile {
  name: string;
  json: JsonObject;
  /** Full releases in the file: a package's releases, a record package's embedded releases, or the file itself. */
  releases: JsonObject[];
}

let files: Promise<DemoFile[]> | undefined;

export function demoFiles(): Promise<DemoFile[]> {
  files ??= (async () => {
    const sources = await (await fetch('/demos/data/SOURCES.md')).text();
    const names = [...sources.matchAll(/^\| `([^`]+\.json)` \|/gm)].map((match) => match[1]!);
    return Promise.all(
      names.map(async (name) => {
        const json = (await (await fetch(`/demos/data/${name}`)).json()) as JsonObject;
        let releases: JsonObject[];
        if (Array.isArray(json.records)) {
          releases = (json.records as JsonObject[]).flatMap((record) =>
            ((record.releases as JsonObject[] | undefined) ?? []).filter((release) => typeof release.ocid === 'string'),
          );
        } else if (Array.isArray(json.releases)) releases = json.releases as JsonObject[];
        else releases = [json];
        return { name, json, releases };
      }),
    );
  })();
  return files;
}

export async function demoReleases(): Promise<JsonObject[]> {
  return (await demoFiles()).flatMap((file) => file.releases);
}

/** A unique key for fault-injection counters, so test runs never share one. */
export function uniqueKey(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The same test server under the other loopback name: a different origin. */
export function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}
