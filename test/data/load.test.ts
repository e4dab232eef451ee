// The network loader against the real local OCDS API (demos/api/ocds-api.js, served by the test runner).
import { expect } from '@open-wc/testing';
import { fetchOcdsContent, loadOcds, type FetchedContent } from '../../src/data/load.js';
import { sharedLoad } from '../../src/data/shared-load.js';
import { OcdsError, type LoadProgress } from '../../src/data/types.js';
import { demoReleases, otherOrigin, uniqueKey } from '../demo-data.js';

async function rejection(promise: Promise<unknown>): Promise<OcdsError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(OcdsError);
    return error as OcdsError;
  }
  throw new Error('expected the load to fail');
}

function releaseCount(result: FetchedContent): number {
  return result.contents.reduce((sum, content) => sum + content.releases.length, 0);
}

async function requests(key: string): Promise<number> {
  return ((await (await fetch(`/api/_stats?key=${key}`)).json()) as { requests: number }).requests;
}

describe('fetchOcdsContent: links.next walk', () => {
  it('follows links.next over every page and reads every bundled release once', async () => {
    const expected = await demoReleases();
    const limit = 20;
    const progress: LoadProgress[] = [];
    const result = await fetchOcdsContent(`/api/releases?limit=${limit}`, { onProgress: (p) => progress.push({ ...p }) });
    expect(result.pages).to.equal(Math.ceil(expected.length / limit));
    expect(releaseCount(result)).to.equal(expected.length);
    const ids = result.contents.flatMap((content) => content.releases.map((release) => `${release.ocid}|${release.id}`));
    expect(ids.sort()).to.deep.equal(expected.map((release) => `${release.ocid}|${release.id}`).sort());
    expect(result.complete).to.equal(true);
    expect(result.incompleteReason).to.equal(undefined);
    expect(progress.map((p) => p.pages)).to.deep.equal(Array.from({ length: result.pages }, (_, i) => i + 1));
    expect(progress.at(-1)!.releases).to.equal(expected.length);
    expect(progress.at(-1)!.bytes).to.equal(result.bytes);
    expect(result.bytes).to.be.greaterThan(0);
  });

  it('stops at maxPages and says the data is incomplete', async () => {
    const result = await fetchOcdsContent('/api/releases?limit=20', { maxPages: 2 });
    expect(result.pages).to.equal(2);
    expect(releaseCount(result)).to.equal(40);
    expect(result.complete).to.equal(false);
    expect(result.incompleteReason).to.equal('max-pages');
    expect(result.issues.map((issue) => issue.code)).to.include('max-pages');
  });

  it('stops when links.next cycles back to a page already read', async () => {
    const total = (await demoReleases()).length;
    const result = await fetchOcdsContent('/api/releases?limit=50&loop=1&page=1');
    expect(result.pages).to.equal(Math.ceil(total / 50));
    expect(releaseCount(result)).to.equal(total);
    expect(result.complete).to.equal(false);
    expect(result.incompleteReason).to.equal('cycle');
  });

  it('keeps the pages already read when a later page fails', async () => {
    const result = await fetchOcdsContent('/api/releases?limit=50&onlyPage=2&status=500');
    expect(result.pages).to.equal(1);
    expect(releaseCount(result)).to.equal(50);
    expect(result.complete).to.equal(false);
    expect(result.incompleteReason).to.equal('page-failed');
    const issue = result.issues.find((candidate) => candidate.code === 'page-failed');
    expect(issue?.message).to.include('500');
  });

  it('keeps the pages already read when a later page is cut off', async () => {
    const result = await fetchOcdsContent('/api/releases?limit=50&onlyPage=3&truncate=1');
    expect(result.pages).to.equal(2);
    expect(result.incompleteReason).to.equal('page-failed');
  });

  it('resolves a relative links.next against the page it came from', async () => {
    const total = (await demoReleases()).length;
    const result = await fetchOcdsContent(`/api/releases?limit=50&next=${encodeURIComponent('releases?limit=50&page=2')}`);
    expect(result.pages).to.equal(Math.ceil(total / 50));
    expect(releaseCount(result)).to.equal(total);
    expect(result.complete).to.equal(true);
  });

  it('refuses a javascript: links.next with an issue and stops incomplete', async () => {
    const result = await fetchOcdsContent(`/api/releases?limit=50&next=${encodeURIComponent('javascript:alert(1)')}`);
    expect(result.pages).to.equal(1);
    expect(result.complete).to.equal(false);
    expect(result.incompleteReason).to.equal('link-not-followed');
    expect(result.issues.map((issue) => issue.code)).to.include('link-refused');
  });

  it('follows a links.next to another origin only when followOrigins lists it', async () => {
    const other = otherOrigin();
    const next = encodeURIComponent(`${other}/api/releases?limit=50&page=2`);
    const refused = await fetchOcdsContent(`/api/releases?limit=50&next=${next}`);
    expect(refused.pages).to.equal(1);
    expect(refused.incompleteReason).to.equal('link-not-followed');
    expect(refused.issues.find((issue) => issue.code === 'link-not-followed')?.message).to.include(other);

    const total = (await demoReleases()).length;
    const followed = await fetchOcdsContent(`/api/releases?limit=50&next=${next}`, { followOrigins: [other] });
    expect(followed.pages).to.equal(Math.ceil(total / 50));
    expect(releaseCount(followed)).to.equal(total);
    expect(followed.complete).to.equal(true);
  });
});

describe('fetchOcdsContent: retries', () => {
  it('retries a 429 after the Retry-After the server asked for (1 s, more than the first backoff)', async () => {
    const key = uniqueKey('429');
    const started = performance.now();
    const result = await fetchOcdsContent(`/api/releases?limit=200&failFirst=1&status=429&key=${key}`);
    const elapsed = performance.now() - started;
    expect(releaseCount(result)).to.equal((await demoReleases()).length);
    expect(await requests(key)).to.equal(2);
    expect(elapsed).to.be.at.least(950);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const key = uniqueKey('429-date');
    const started = performance.now();
    // An HTTP date has whole seconds: "2 s from now" is 1 to 2 s away, still more than the first 0.5 s backoff.
    const result = await fetchOcdsContent(`/api/releases?limit=200&failFirst=1&status=503&retryAfter=date:2&key=${key}`);
    expect(releaseCount(result)).to.equal((await demoReleases()).length);
    expect(performance.now() - started).to.be.at.least(900);
    expect(await requests(key)).to.equal(2);
  });

  it('retries 503 twice, then succeeds', async () => {
    const key = uniqueKey('503');
    const result = await fetchOcdsContent(`/api/releases?limit=200&failFirst=2&status=503&retryAfter=0&key=${key}`);
    expect(releaseCount(result)).to.equal((await demoReleases()).length);
    expect(await requests(key)).to.equal(3);
  });

  it('gives up after `retries` and reports the status', async () => {
    const key = uniqueKey('502');
    const error = await rejection(fetchOcdsContent(`/api/releases?failFirst=5&status=502&key=${key}`, { retries: 1 }));
    expect(error.code).to.equal('http-status');
    expect(error.status).to.equal(502);
    expect(await requests(key)).to.equal(2);
  });
});

describe('fetchOcdsContent: failures', () => {
  it('rejects an HTTP error on the first page as http-status', async () => {
    const error = await rejection(fetchOcdsContent('/api/releases?status=500'));
    expect(error.code).to.equal('http-status');
    expect(error.status).to.equal(500);
    const missing = await rejection(fetchOcdsContent('/api/no-such-endpoint'));
    expect(missing.status).to.equal(404);
  });

  it('rejects truncated JSON as truncated', async () => {
    expect((await rejection(fetchOcdsContent('/api/releases?truncate=1'))).code).to.equal('truncated');
  });

  it('rejects an HTML page served with status 200 as html', async () => {
    expect((await rejection(fetchOcdsContent('/api/releases?html=1'))).code).to.equal('html');
  });

  it('rejects JSON that is not OCDS as not-ocds', async () => {
    expect((await rejection(fetchOcdsContent('/api/_stats'))).code).to.equal('not-ocds');
  });

  it('rejects addresses that are not http(s) as bad-url without fetching', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/data.json', 'data:application/json,{}']) {
      expect((await rejection(fetchOcdsContent(url))).code, url).to.equal('bad-url');
    }
  });

  it('rejects an unreachable server as network, with the embedding hint', async () => {
    const error = await rejection(fetchOcdsContent('http://127.0.0.1:1/api/releases', { retries: 0 }));
    expect(error.code).to.equal('network');
    expect(error.message).to.equal('could not reach the server, or it does not allow embedding from this site');
  });

  it('rejects a response larger than maxBytes as too-large', async () => {
    expect((await rejection(fetchOcdsContent('/api/releases?limit=50', { maxBytes: 10_000 }))).code).to.equal('too-large');
  });

  it('times out a server that does not answer', async () => {
    const started = performance.now();
    const error = await rejection(fetchOcdsContent('/api/releases?delay=3000', { timeout: 300 }));
    expect(error.code).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('times out a body that arrives too slowly', async () => {
    const started = performance.now();
    const error = await rejection(fetchOcdsContent('/api/releases?drip=400', { timeout: 1000 }));
    expect(error.code).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2500);
  });
});

describe('fetchOcdsContent: abort', () => {
  it('rejects promptly with aborted when the signal aborts mid-walk', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const error = await rejection(
      fetchOcdsContent('/api/releases?limit=10&delay=300', {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.pages === 2) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      }),
    );
    expect(error.code).to.equal('aborted');
    expect(abortedAt).to.be.greaterThan(0);
    expect(performance.now() - abortedAt).to.be.below(250);
  });

  it('rejects promptly when aborted while a response is being waited for or streamed', async () => {
    for (const fault of ['delay=3000', 'drip=500']) {
      const controller = new AbortController();
      const load = fetchOcdsContent(`/api/releases?${fault}`, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const abortedAt = performance.now();
      controller.abort();
      expect((await rejection(load)).code, fault).to.equal('aborted');
      expect(performance.now() - abortedAt, fault).to.be.below(250);
    }
  });

  it('rejects at once with an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(fetchOcdsContent('/api/releases', { signal: controller.signal }))).code).to.equal('aborted');
  });

  it('stops waiting for a Retry-After when aborted', async () => {
    const controller = new AbortController();
    const key = uniqueKey('abort-retry');
    const load = fetchOcdsContent(`/api/releases?failFirst=1&status=503&retryAfter=20&key=${key}`, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const abortedAt = performance.now();
    controller.abort();
    expect((await rejection(load)).code).to.equal('aborted');
    expect(performance.now() - abortedAt).to.be.below(250);
  });
});

describe('fetchOcdsContent: shapes served by the API', () => {
  it('reads a JSON array of release packages, JSON Lines, and the EDCA wrapper', async () => {
    const releases = await demoReleases();
    const packages = await fetchOcdsContent('/api/packages');
    expect(releaseCount(packages)).to.equal(releases.length);
    const lines = await fetchOcdsContent('/api/releases.jsonl');
    expect(releaseCount(lines)).to.equal(releases.length);
    const year = '2018';
    const edca = await fetchOcdsContent(`/api/edca/contractingprocess/${year}`);
    const ofYear = releases.filter((release) => String(release.date).startsWith(year));
    expect(ofYear.length).to.be.greaterThan(0);
    expect(releaseCount(edca)).to.equal(ofYear.length);
    const rooted = await fetchOcdsContent(`/api/edca/contractingprocess/${year}`, { root: 'arrayReleasePackage' });
    expect(releaseCount(rooted)).to.equal(ofYear.length);
    expect((await rejection(fetchOcdsContent(`/api/edca/contractingprocess/${year}`, { root: 'results' }))).code).to.equal('not-ocds');
  });

  it('reads a record package for an ocid containing "/"', async () => {
    const ocid = 'OCDS-87SD3T-SEFIN/AD/SF/DRM/001/2015';
    const result = await fetchOcdsContent(`/api/records/${encodeURIComponent(ocid)}`);
    const records = result.contents[0]!.records;
    expect(records).to.have.length(1);
    expect(records[0]!.ocid).to.equal(ocid);
    const expected = (await demoReleases()).filter((release) => release.ocid === ocid);
    expect(records[0]!.releases).to.deep.equal(expected);
  });
});

describe('loadOcds', () => {
  it('loads every page of the API into a Dataset with its metadata', async () => {
    const releases = await demoReleases();
    const progress: LoadProgress[] = [];
    const dataset = await loadOcds('/api/releases?limit=50', { onProgress: (p) => progress.push({ ...p }) });
    expect(dataset.meta.pages).to.equal(Math.ceil(releases.length / 50));
    expect(dataset.meta.complete).to.equal(true);
    expect(dataset.meta.releases).to.equal(new Set(releases.map((release) => `${release.ocid}|${release.id}`)).size);
    expect(dataset.processes.map((process) => process.ocid).sort()).to.deep.equal([...new Set(releases.map((release) => String(release.ocid)))].sort());
    expect(dataset.meta.bytes).to.equal(progress.at(-1)!.bytes);
    expect(dataset.meta.publisher).to.equal('ocds-widgets local API (real data from several publishers)');
  });

  it('carries an incomplete walk into the Dataset meta', async () => {
    const dataset = await loadOcds('/api/releases?limit=20', { maxPages: 1 });
    expect(dataset.meta.pages).to.equal(1);
    expect(dataset.meta.complete).to.equal(false);
    expect(dataset.meta.incompleteReason).to.equal('max-pages');
    expect(dataset.issues.map((issue) => issue.code)).to.include('max-pages');
  });
});

describe('sharedLoad', () => {
  it('makes one request for several callers of the same URL, and serves later callers from the cache', async () => {
    const key = uniqueKey('shared');
    const url = `/api/releases?limit=500&delay=200&key=${key}`;
    const [first, second] = await Promise.all([sharedLoad(url, {}), sharedLoad(url, {})]);
    expect(first).to.equal(second);
    expect(first.meta.releases).to.be.greaterThan(0);
    expect(await requests(key)).to.equal(1);
    expect(await sharedLoad(url, {})).to.equal(first);
    expect(await requests(key)).to.equal(1);
  });

  it('loads again when an option that changes the result differs', async () => {
    const key = uniqueKey('shared-options');
    const url = `/api/releases?limit=100&key=${key}`;
    const [all, one] = await Promise.all([sharedLoad(url, {}), sharedLoad(url, { maxPages: 1 })]);
    expect(all).not.to.equal(one);
    expect(one.meta.complete).to.equal(false);
    expect(all.meta.complete).to.equal(true);
    expect(await requests(key)).to.equal(2 + 1); // two pages for `all`, one for `one`
  });

  it('detaches only the caller that aborts while others still wait', async () => {
    const key = uniqueKey('shared-detach');
    const url = `/api/releases?limit=500&delay=500&key=${key}`;
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = sharedLoad(url, { signal: leaving.signal });
    const stays = sharedLoad(url, { signal: staying.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    leaving.abort();
    expect((await rejection(left)).code).to.equal('aborted');
    const dataset = await stays;
    expect(dataset.meta.releases).to.be.greaterThan(0);
    expect(await requests(key)).to.equal(1);
  });

  it('cancels the request when every caller has left, and starts afresh for the next caller', async () => {
    const key = uniqueKey('shared-cancel');
    const url = `/api/releases?limit=500&delay=1500&key=${key}`;
    const controllers = [new AbortController(), new AbortController()];
    const loads = controllers.map((controller) => sharedLoad(url, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = performance.now();
    controllers.forEach((controller) => controller.abort());
    for (const load of loads) expect((await rejection(load)).code).to.equal('aborted');
    expect(performance.now() - abortedAt).to.be.below(250);
    const dataset = await sharedLoad(url.replace('delay=1500', 'delay=0'), {});
    expect(dataset.meta.releases).to.be.greaterThan(0);
    const again = await sharedLoad(url, {});
    expect(again.meta.releases).to.equal(dataset.meta.releases);
    expect(await requests(key)).to.equal(3);
  });

  it('does not cache a failed load', async () => {
    const key = uniqueKey('shared-fail');
    const url = `/api/releases?limit=500&failFirst=1&status=500&key=${key}`;
    expect((await rejection(sharedLoad(url, {}))).status).to.equal(500);
    const dataset = await sharedLoad(url, {});
    expect(dataset.meta.releases).to.be.greaterThan(0);
    expect(await requests(key)).to.equal(2);
  });

  it('reports progress to every caller, replaying the latest to one who joins late', async () => {
    const url = `/api/releases?limit=40&delay=150&key=${uniqueKey('shared-progress')}`;
    const early: number[] = [];
    const late: number[] = [];
    const first = sharedLoad(url, { onProgress: (p) => early.push(p.pages) });
    while (early.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = sharedLoad(url, { onProgress: (p) => late.push(p.pages) });
    const dataset = await first;
    await second;
    expect(early).to.deep.equal(Array.from({ length: dataset.meta.pages }, (_, i) => i + 1));
    expect(late[0]).to.be.at.least(1);
    expect(late.at(-1)).to.equal(dataset.meta.pages);
  });

  it('rejects at once for an already aborted signal without a request', async () => {
    const key = uniqueKey('shared-pre-aborted');
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(sharedLoad(`/api/releases?key=${key}`, { signal: controller.signal }))).code).to.equal('aborted');
    expect(await requests(key)).to.equal(0);
  });
});
