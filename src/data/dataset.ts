// Releases and records -> Dataset: repair, de-duplicate, order, upgrade 1.0, merge per ocid, model.
// One generator holds the pipeline, yielding after each release, record and process; `buildDataset` runs it
// straight through, `buildDatasetAsync` gives the page a turn every few milliseconds so no task is long.
//
// Records: a record's `compiledRelease` is used as published (repaired, upgraded when 1.0); its `releases` entries
// only give the release history (id, date, tags). Without a compiled release, its embedded releases are compiled
// like standalone ones. Linked releases (url only) are never fetched: they are counted in one issue per process,
// and make the dataset incomplete (`linked-releases`) only when nothing else describes the process.
// When an ocid has both, the publisher's compiled release wins over releases compiled here (the last record wins).
import { OcdsError, type DataIssue, type Dataset, type DatasetMeta, type JsonObject, type ReleaseRef } from './types.js';
import type { OcdsContent } from './shapes.js';
import { compileReleases, jsonEqual } from './merge.js';
import { upgradeRelease } from './upgrade.js';
import { dateTime } from './dates.js';
import { UnchartedAmounts, checkDate, isPlainObject, releaseReference, repairOcid, repairRelease } from './validate.js';
import { OrganisationRegistry, buildProcess } from './model.js';
import { releaseContents } from './release-contents.js';

export interface BuildExtra {
  /** Issues found before this step (decoding, parsing, loading), listed first. */
  issues?: DataIssue[];
  pages?: number;
  bytes?: number;
  /** False when the load stopped early; `incompleteReason` says why. */
  complete?: boolean;
  incompleteReason?: DatasetMeta['incompleteReason'];
  /**
   * For benchmarks: milliseconds spent in each step are added here (`repair`: validating and repairing releases
   * and records; `order`: ordering each process's releases and reading their history; `upgrade`, `merge`, `model`).
   */
  phases?: Partial<Record<BuildPhase, number>>;
}

export type BuildPhase = 'repair' | 'order' | 'upgrade' | 'merge' | 'model';

/** Longest stretch of work, in ms, `buildDatasetAsync` does before giving the page a turn. */
const SLICE_MS = 30;

/** Builds the Dataset synchronously. Repairs are made in place: the contents are owned by the dataset afterwards. */
export function buildDataset(contents: OcdsContent[], extra: BuildExtra = {}): Dataset {
  const steps = datasetSteps(contents, extra);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Same result as `buildDataset`, giving the page a turn (`giveTurn`) whenever it has worked for
 * `SLICE_MS`, so no task is long however slow the machine; honours `signal`.
 */
export async function buildDatasetAsync(
  contents: OcdsContent[],
  extra: BuildExtra & { signal?: AbortSignal } = {},
): Promise<Dataset> {
  const { signal } = extra;
  const steps = datasetSteps(contents, extra);
  const turn = giveTurn();
  // Start in a task of its own: the caller's task (often a fetch and JSON.parse) has had its share.
  await turn();
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted) throw new OcdsError('aborted', 'Reading the data was cancelled.', { cause: signal.reason });
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await turn();
      sliceStart = performance.now();
    }
  }
}

/**
 * How to give the page a turn: `scheduler.yield()` where the browser has it (the page's input and rendering go
 * first, and no timer clamp: chained `setTimeout(0)`s wait at least 4 ms each after the fifth), else `setTimeout`.
 */
function giveTurn(): () => Promise<unknown> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

/** Everything read for one ocid before it is compiled. */
interface ProcessInput {
  ocid: string;
  /** Full releases (standalone or embedded in records), repaired, without exact duplicates. */
  releases: JsonObject[];
  /** The publisher's compiled release from a record, when there is one (the last record wins). */
  compiled?: JsonObject;
  /** Release entries of records (linked or embedded): only their id, date and tags are kept. */
  recordHistory: ReleaseRef[];
  /** Linked releases (url only) seen in this process's records. */
  linked: number;
}

const STAGES = ['planning', 'tender', 'award', 'contract', 'implementation'] as const;

/**
 * The order of a release among releases with the same date: its latest lifecycle stage from `tag`
 * (planning < tender < award < contract < implementation; `tenderUpdate` counts as tender, ...).
 * Releases without a known stage tag come first.
 */
function releaseStage(tags: unknown): number {
  if (!Array.isArray(tags)) return tagStage(tags);
  let stage = -1;
  for (const tag of tags) stage = Math.max(stage, tagStage(tag));
  return stage;
}

function tagStage(tag: unknown): number {
  if (typeof tag !== 'string') return -1;
  for (let index = 0; index < STAGES.length; index++) if (tag.startsWith(STAGES[index])) return index;
  return -1;
}

function* datasetSteps(contents: OcdsContent[], extra: BuildExtra): Generator<void, Dataset> {
  const { phases } = extra;
  // Only when asked: a clock reading per step costs little, but nothing at all when no one reads it.
  const clock = phases ? () => performance.now() : () => 0;
  const spent = (phase: BuildPhase, since: number) => {
    if (phases) phases[phase] = (phases[phase] ?? 0) + performance.now() - since;
  };
  const issues: DataIssue[] = extra.issues ? [...extra.issues] : [];
  const onIssue = (issue: DataIssue) => issues.push(issue);
  const uncharted = new UnchartedAmounts();
  const inputs = new Map<string, ProcessInput>();
  let complete = extra.complete ?? true;
  let incompleteReason = extra.incompleteReason;

  const inputFor = (ocid: string): ProcessInput => {
    let input = inputs.get(ocid);
    if (!input) {
      input = { ocid, releases: [], recordHistory: [], linked: 0 };
      inputs.set(ocid, input);
    }
    return input;
  };

  // A full release. A release id seen before in the same ocid: an exact copy (after repair) is dropped; a
  // release with other content is kept (publishers re-issue an id with a new date) and merged in date order.
  const seen = new Map<string, JsonObject[]>();
  const addRelease = (raw: JsonObject, path: string, recordOcid?: string): void => {
    if (recordOcid !== undefined && raw.ocid === undefined) raw.ocid = recordOcid;
    const ocid = repairOcid(raw);
    const id = raw.id;
    if (ocid === undefined || (typeof id !== 'string' && typeof id !== 'number')) {
      if (ocid !== undefined) {
        onIssue({ code: 'release-missing-id', path: path ? `${path}.id` : 'id', ocid, message: `A release of ${ocid} has no id: a copy of it could not be told apart.` });
      }
      const release = repairRelease(raw, path, onIssue, uncharted);
      if (release) inputFor(String(release.ocid)).releases.push(release);
      return;
    }
    const key = `${ocid}\u0000${String(id).trim()}`;
    const earlier = seen.get(key);
    if (!earlier) {
      const release = repairRelease(raw, path, onIssue, uncharted);
      if (release) {
        seen.set(key, [release]);
        inputFor(String(release.ocid)).releases.push(release);
      }
      return;
    }
    // Repair issues of a copy that is dropped are not reported twice.
    const repairIssues: DataIssue[] = [];
    const releaseAmounts = new UnchartedAmounts();
    const release = repairRelease(raw, path, (issue) => repairIssues.push(issue), releaseAmounts);
    if (!release) {
      repairIssues.forEach(onIssue);
      return;
    }
    // Equal content whatever the key order (as canonical JSON compares it), without writing either out.
    if (earlier.some((other) => jsonEqual(other, release))) {
      onIssue({
        code: 'duplicate-release',
        path,
        ocid,
        message: `Release "${String(id)}" of ${ocid} appears more than once; the copy was dropped.`,
      });
      return;
    }
    repairIssues.forEach(onIssue);
    uncharted.absorb(releaseAmounts);
    onIssue({
      code: 'release-id-repeated',
      path,
      ocid,
      message: `Release id "${String(id)}" of ${ocid} is used by releases with different content; all are kept and merged in date order.`,
    });
    earlier.push(release);
    inputFor(String(release.ocid)).releases.push(release);
  };

  // Issue paths are relative to the release (or the record) they are found in; the issue's ocid says which.
  for (const content of contents) {
    for (let index = 0; index < content.releases.length; index++) {
      const start = clock();
      addRelease(content.releases[index], '');
      spent('repair', start);
      yield;
    }
    for (const record of content.records) {
      const start = clock();
      const compiledRaw = isPlainObject(record.compiledRelease) ? record.compiledRelease : undefined;
      const entries = Array.isArray(record.releases) ? record.releases : [];
      // sample-data's derived records have no ocid of their own: their releases say which process they are.
      const firstEntry = entries.find(isPlainObject);
      const ocid =
        repairOcid(record) ??
        (compiledRaw && repairOcid(compiledRaw)) ??
        (firstEntry && repairOcid(firstEntry));
      if (ocid === undefined) {
        onIssue({ code: 'record-missing-ocid', path: '', message: 'A record has no ocid anywhere; it was dropped.' });
        continue;
      }
      const input = inputFor(ocid);
      entries.forEach((entry, i) => {
        const entryPath = `releases[${i}]`;
        if (!isPlainObject(entry)) {
          onIssue({ code: 'item-not-object', path: entryPath, ocid, message: `${entryPath} is not an object; it was left out.` });
        } else if (isLinkedRelease(entry) || compiledRaw) {
          // Only the history is read: the publisher's compiled release already holds what the releases say.
          const ref = releaseReference(entry, entryPath, ocid, onIssue);
          if (isLinkedRelease(entry)) input.linked++;
          else ref.contents = releaseContents(entry);
          input.recordHistory.push(ref);
        } else {
          addRelease(entry, entryPath, ocid);
        }
      });
      if (compiledRaw) {
        if (compiledRaw.ocid === undefined) compiledRaw.ocid = ocid;
        const compiled = repairRelease(compiledRaw, 'compiledRelease', onIssue, uncharted);
        if (compiled && input.compiled) {
          onIssue({
            code: 'duplicate-record',
            path: '',
            ocid,
            message: `${ocid} has more than one record with a compiled release; the last one is used.`,
          });
        }
        if (compiled) input.compiled = compiled;
      }
      spent('repair', start);
      yield;
    }
  }

  issues.push(...uncharted.issues());
  const organisations = new OrganisationRegistry();
  const context = { onIssue, organisations };
  const processes = [];
  let releaseCount = 0;
  for (const input of inputs.values()) {
    const { compiled, history } = compileProcess(input, onIssue, clock, spent);
    if (input.linked > 0) {
      const usable = input.compiled !== undefined || input.releases.length > 0;
      onIssue({
        code: 'linked-releases',
        path: '',
        ocid: input.ocid,
        message: `${input.linked} release(s) of ${input.ocid} are only linked (url), not included; they were not fetched.${
          usable ? '' : ' Nothing else describes this process, so it is empty.'
        }`,
      });
      if (!usable && complete) {
        complete = false;
        incompleteReason = 'linked-releases';
      }
    }
    releaseCount += history.length;
    const start = clock();
    processes.push(buildProcess(compiled, history, context));
    spent('model', start);
    // Only the compiled release is kept: drop the inputs as soon as they are modelled.
    inputs.delete(input.ocid);
    yield;
  }

  const meta: DatasetMeta = {
    ...firstMeta(contents),
    pages: extra.pages ?? contents.length,
    releases: releaseCount,
    bytes: extra.bytes ?? 0,
    complete,
  };
  if (!complete && incompleteReason) meta.incompleteReason = incompleteReason;
  if (meta.publishedDate !== undefined) {
    const checked = checkDate(meta.publishedDate);
    if (checked.code) onIssue({ code: checked.code, path: 'publishedDate', message: `Package ${checked.message}` });
    if (checked.iso) meta.publishedDate = checked.iso;
    else delete meta.publishedDate;
  }
  return { processes, organisations: organisations.toMap(), issues, meta };
}

/** The compiled release of one process and its release history (oldest first). */
function compileProcess(
  input: ProcessInput,
  onIssue: (issue: DataIssue) => void,
  clock: () => number,
  spent: (phase: BuildPhase, since: number) => void,
): { compiled: JsonObject; history: ReleaseRef[] } {
  let start = clock();
  const releases = input.releases.map((release) => ({
    release,
    time: typeof release.date === 'string' ? dateTime(release.date) : Number.NEGATIVE_INFINITY,
    stage: releaseStage(release.tag),
    id: release.id === undefined || release.id === null ? '' : String(release.id),
    content: undefined as string | undefined,
  }));
  // Publishers give several stage releases one date and APIs list newest first: order by date, then stage.
  // Ties are broken by release id, then by content, so the compiled release never depends on the input order.
  const contentOf = (entry: (typeof releases)[number]) => (entry.content ??= canonicalJson(entry.release));
  releases.sort(
    (a, b) =>
      compareTimes(a.time, b.time) ||
      a.stage - b.stage ||
      compareStrings(a.id, b.id) ||
      compareStrings(contentOf(a), contentOf(b)),
  );
  const ordered = releases.map(({ release }) => release);

  const history: ReleaseRef[] = [];
  for (const release of ordered) {
    // Read before merging: what this release itself says.
    const ref = releaseRef(release, release.id);
    ref.contents = releaseContents(release);
    history.push(ref);
  }
  // The releases' history is in date order already; entries from records are added in theirs.
  if (input.recordHistory.length > 0) {
    const historyIds = new Set(ordered.map((release) => String(release.id)));
    for (const entry of input.recordHistory) {
      if (!historyIds.has(entry.id)) history.push(entry);
    }
    const times = new Map(history.map((ref) => [ref, refTime(ref)]));
    history.sort((a, b) => compareTimes(times.get(a)!, times.get(b)!));
  }

  // The releases are the dataset's own (repaired in place, read for the history above): upgraded in place.
  if (input.compiled) {
    const compiledHistory = historyOrCompiled(history, input.compiled);
    spent('order', start);
    start = clock();
    const compiled = upgradeRelease(input.compiled, onIssue, { owned: true });
    spent('upgrade', start);
    return { compiled, history: compiledHistory };
  }
  spent('order', start);
  if (ordered.length === 0) {
    return { compiled: { ocid: input.ocid }, history };
  }
  // 1.0 releases (by shape) are upgraded before merging, or 1.1 rules would turn one id-less inline supplier
  // into two; `upgradeRelease` returns a 1.1 release as it is.
  start = clock();
  const upgraded = ordered.map((release) => upgradeRelease(release, onIssue, { owned: true }));
  spent('upgrade', start);
  start = clock();
  const compiled = compileReleases(upgraded, { onIssue, owned: true });
  spent('merge', start);
  return { compiled, history };
}

/** A record with a compiled release and no release entries still had one release published: the compiled one. */
function historyOrCompiled(history: ReleaseRef[], compiled: JsonObject): ReleaseRef[] {
  return history.length > 0 ? history : [{ ...releaseRef(compiled, compiled.id), contents: releaseContents(compiled) }];
}

function releaseRef(release: JsonObject, id: unknown): ReleaseRef {
  const ref: ReleaseRef = {
    id: id === undefined || id === null ? '' : String(id),
    tags: Array.isArray(release.tag) ? release.tag.filter((tag): tag is string => typeof tag === 'string') : [],
  };
  if (typeof release.date === 'string') ref.date = release.date;
  return ref;
}

/** A record's `releases` entry that only points at a release (OCDS linked release: url, date, tag). */
function isLinkedRelease(entry: JsonObject): boolean {
  // Some publishers add the release id (and ocid) beside the url; nothing else is release content.
  return typeof entry.url === 'string' && Object.keys(entry).every((key) => LINKED_RELEASE_KEYS.has(key));
}
const LINKED_RELEASE_KEYS = new Set(['url', 'date', 'tag', 'id', 'ocid']);

function refTime(ref: ReleaseRef): number {
  return ref.date === undefined ? Number.NEGATIVE_INFINITY : dateTime(ref.date);
}

function compareTimes(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted: equal for releases with the same content whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  );
}

function firstMeta(contents: OcdsContent[]): OcdsContent['meta'] {
  const meta: OcdsContent['meta'] = {};
  for (const content of contents) {
    for (const key of ['publisher', 'license', 'uri', 'publishedDate', 'version'] as const) {
      if (meta[key] === undefined && content.meta[key] !== undefined) meta[key] = content.meta[key];
    }
  }
  return meta;
}
