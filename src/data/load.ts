// The network loader: fetch a URL, follow `links.next` page by page (bounded, cycle-safe, same-origin unless
// allowed), retry what is worth retrying, and turn every failure into an OcdsError.
//
// Aborting (the caller's `signal`) always rejects with OcdsError code `aborted` (the signal's reason as `cause`),
// so callers can test `error.code === 'aborted'` and everything thrown here is an OcdsError.
import { buildDatasetAsync } from './dataset.js';
import { decodeOcdsBytes, parseOcdsText } from './read.js';
import { mergeContents, readOcdsContent, type OcdsContent } from './shapes.js';
import { isSummaryDocument } from '../summary/format.js';
import { OcdsError, type DataIssue, type Dataset, type DatasetMeta, type LoadOptions } from './types.js';

const DEFAULT_MAX_PAGES = 100;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_RETRIES = 3;
const LARGE_PAGE_BYTES = 1024 * 1024;
const BACKOFF_BASE = 500;
const MAX_WAIT = 30_000;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const NETWORK_MESSAGE = 'could not reach the server, or it does not allow embedding from this site';

export interface FetchedContent {
  contents: OcdsContent[];
  issues: DataIssue[];
  pages: number;
  bytes: number;
  complete: boolean;
  incompleteReason?: DatasetMeta['incompleteReason'];
  /** The URL held a summary document (`ocds-widgets summarize`), not OCDS: read it with `summaryDataset`. */
  summary?: unknown;
}

/** Loads an OCDS URL (following `links.next`) into a Dataset. */
export async function loadOcds(url: string, options: LoadOptions = {}): Promise<Dataset> {
  const fetched = await fetchOcdsContent(url, options);
  try {
    // Its reader is a chunk of its own: loading OCDS never fetches it.
    if (fetched.summary !== undefined) return (await import('../summary/dataset.js')).summaryDataset(fetched.summary, fetched.bytes);
    return await buildDatasetAsync(fetched.contents, {
      issues: fetched.issues,
      pages: fetched.pages,
      bytes: fetched.bytes,
      complete: fetched.complete,
      incompleteReason: fetched.incompleteReason,
      signal: options.signal,
    });
  } catch (error) {
    throw asOcdsError(error, options.signal, url);
  }
}

/** Fetches every page of an OCDS URL and reads the releases and records of each; no merging. */
export async function fetchOcdsContent(url: string, options: LoadOptions = {}): Promise<FetchedContent> {
  const { signal } = options;
  const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
  const first = resolveUrl(url, pageBase());
  const allowedOrigins = new Set([first.origin, ...(options.followOrigins ?? []).map(originOf).filter((o) => o !== '')]);
  const result: FetchedContent = { contents: [], issues: [], pages: 0, bytes: 0, complete: true };
  const onIssue = (issue: DataIssue) => result.issues.push(issue);
  const stop = (reason: NonNullable<DatasetMeta['incompleteReason']>, issue: DataIssue) => {
    result.complete = false;
    result.incompleteReason = reason;
    onIssue(issue);
  };
  const seen = new Set<string>();
  let releases = 0;
  let next: URL | undefined = first;

  while (next) {
    throwIfAborted(signal, next.href);
    if (result.pages >= maxPages) {
      stop('max-pages', {
        code: 'max-pages',
        path: '',
        message: `Stopped after ${maxPages} page(s) (the max-pages limit); more data is available at ${next.href}.`,
      });
      break;
    }
    const key = pageKey(next);
    if (seen.has(key)) {
      stop('cycle', {
        code: 'pagination-cycle',
        path: '',
        message: `The next-page link points back to a page already read (${next.href}); stopped there.`,
      });
      break;
    }
    seen.add(key);

    let page: OcdsContent;
    let pageIssues: DataIssue[] = [];
    try {
      const bytes = await fetchBytes(next.href, { ...options, followOrigins: [...allowedOrigins] });
      result.bytes += bytes.length;
      const collect = (issue: DataIssue) => pageIssues.push(issue);
      const text = decodeOcdsBytes(bytes, collect);
      // A large page is decoded and parsed in two tasks, so neither holds the page for long.
      if (bytes.length > LARGE_PAGE_BYTES) await yieldToPage(signal, next.href);
      const documents = parseOcdsText(text, collect);
      if (result.pages === 0 && documents.length === 1 && isSummaryDocument(documents[0])) {
        result.summary = documents[0];
        result.pages = 1;
        return result;
      }
      const pageContents = documents.map((doc) => readOcdsContent(doc, { root: options.root }, collect));
      page = mergeContents(pageContents);
      page.next = pageContents.map((content) => content.next).find((link) => link !== undefined);
    } catch (error) {
      const failure = asOcdsError(error, signal, next.href);
      if (result.pages === 0 || failure.code === 'aborted') throw failure;
      stop('page-failed', {
        code: 'page-failed',
        path: '',
        message: `Page ${result.pages + 1} (${next.href}) could not be read: ${failure.message} The pages before it were kept.`,
      });
      break;
    }
    if (result.pages > 0) pageIssues = pageIssues.map((issue) => ({ ...issue, message: `Page ${result.pages + 1}: ${issue.message}` }));
    for (const issue of pageIssues) onIssue(issue);
    result.contents.push(page);
    result.pages++;
    releases += page.releases.length + page.records.reduce((sum, record) => sum + (Array.isArray(record.releases) ? record.releases.length : 0), 0);
    options.onProgress?.({ pages: result.pages, releases, bytes: result.bytes });

    next = page.next ? followable(page.next, next, allowedOrigins, stop) : undefined;
    if (next) await yieldToPage(signal, next.href);
  }
  return result;
}

/** The page's base for relative URLs (none in Node, where URLs must be absolute). */
function pageBase(): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

function resolveUrl(url: string, base: string | undefined): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch (error) {
    const hint = base === undefined ? ' (outside a web page, the address must be absolute)' : '';
    throw new OcdsError('bad-url', `"${url}" is not a valid address for OCDS data${hint}.`, { url, cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new OcdsError('bad-url', `Only http: and https: addresses can be loaded, not ${parsed.protocol}.`, { url });
  }
  return parsed;
}

function originOf(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return '';
  }
}

/** Same resource, same key: the fragment is ignored and the query sorted, so a reordered link still counts as seen. */
function pageKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  copy.searchParams.sort();
  return copy.href;
}

function followable(
  link: string,
  current: URL,
  allowedOrigins: Set<string>,
  stop: (reason: NonNullable<DatasetMeta['incompleteReason']>, issue: DataIssue) => void,
): URL | undefined {
  let next: URL;
  try {
    next = resolveUrl(link, current.href);
  } catch {
    stop('link-not-followed', {
      code: 'link-refused',
      path: 'links.next',
      message: `The next-page link "${link.slice(0, 200)}" is not an http(s) address; it was not followed.`,
    });
    return undefined;
  }
  if (!allowedOrigins.has(next.origin)) {
    stop('link-not-followed', {
      code: 'link-not-followed',
      path: 'links.next',
      message: `The next page is on another site (${next.origin}), which is not in follow-origins; it was not followed.`,
    });
    return undefined;
  }
  return next;
}

/** Lets the page breathe between pages; also where an abort between pages is noticed. */
async function yieldToPage(signal: AbortSignal | undefined, url: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal, url);
}

function throwIfAborted(signal: AbortSignal | undefined, url?: string): void {
  if (signal?.aborted) throw abortedError(signal, url);
}

function abortedError(signal: AbortSignal, url?: string): OcdsError {
  return new OcdsError('aborted', 'Loading was cancelled.', { url, cause: signal.reason });
}

/** Any failure -> OcdsError; an abort of the caller's signal always wins. */
function asOcdsError(error: unknown, signal: AbortSignal | undefined, url: string): OcdsError {
  if (signal?.aborted) return error instanceof OcdsError && error.code === 'aborted' ? error : abortedError(signal, url);
  if (error instanceof OcdsError) return error;
  return new OcdsError('not-json', `The data could not be read: ${(error as Error)?.message ?? String(error)}`, { url, cause: error });
}

/** One response's body, with timeout, retries on 429/502/503/504 and a byte cap while streaming. */
async function fetchBytes(url: string, options: LoadOptions): Promise<Uint8Array> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const outcome = await fetchOnce(url, options);
    if ('bytes' in outcome) return outcome.bytes;
    if (attempt >= retries) {
      throw new OcdsError('http-status', `The server answered ${outcome.status} (busy or unavailable) ${attempt + 1} time(s).`, {
        status: outcome.status,
        url,
      });
    }
    await sleep(outcome.retryAfter ?? Math.min(BACKOFF_BASE * 2 ** attempt, MAX_WAIT), options.signal, url);
  }
}

type Outcome = { bytes: Uint8Array } | { status: number; retryAfter?: number };

async function fetchOnce(url: string, options: LoadOptions): Promise<Outcome> {
  const { signal } = options;
  const controller = new AbortController();
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (error: unknown): OcdsError => {
    if (signal?.aborted) return abortedError(signal, url);
    if (timedOut) {
      const limit = timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`;
      return new OcdsError('timeout', `The server did not answer within ${limit}.`, { url, cause: error });
    }
    if (error instanceof OcdsError) return error;
    return new OcdsError('network', NETWORK_MESSAGE, { url, cause: error });
  };
  try {
    throwIfAborted(signal, url);
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'omit', headers: { Accept: 'application/json' } });
    } catch (error) {
      throw fail(error);
    }
    // fetch follows redirects before the page can see them: data that ended up on a site the walk may not read
    // is refused (a redirect to another origin must be allowed like a links.next to it).
    const landed = originOf(response.url);
    if (response.redirected && landed !== new URL(url).origin && !(options.followOrigins ?? []).map(originOf).includes(landed)) {
      void response.body?.cancel().catch(() => undefined);
      throw new OcdsError('redirect', `The server redirected the request to another site (${landed}), which is not in follow-origins; it was not read.`, {
        url,
      });
    }
    if (RETRY_STATUSES.has(response.status)) {
      void response.body?.cancel().catch(() => undefined);
      return { status: response.status, retryAfter: retryAfter(response.headers.get('Retry-After')) };
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new OcdsError('http-status', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, {
        status: response.status,
        url,
      });
    }
    try {
      return { bytes: await readBody(response, options.maxBytes ?? DEFAULT_MAX_BYTES, url) };
    } catch (error) {
      throw fail(error);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new OcdsError('too-large', `The response is larger than the ${formatBytes(maxBytes)} limit; it was not read.`, { url });
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  // A declared length within the cap: read the body whole, which settles with the request itself. A body read to its
  // end through a reader can still be reported as cancelled by Chromium ("(canceled)" in the network panel) when the
  // reader lets go before the request has completed.
  if (response.headers.has('Content-Length') && Number.isFinite(declared)) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** `Retry-After` in seconds or as an HTTP date -> milliseconds, capped; unreadable -> undefined (use the backoff). */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_WAIT);
}

function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal, url));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal!, url));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
