// The local OCDS API (demos/api/ocds-api.js) as the test runner serves it: endpoints, shapes, headers, faults.
import { expect } from '@open-wc/testing';
import type { JsonObject } from '../src/data/types.js';
import { demoFiles, demoReleases, uniqueKey } from './demo-data.js';

async function getJson(url: string): Promise<{ response: Response; json: JsonObject }> {
  const response = await fetch(url);
  return { response, json: (await response.json()) as JsonObject };
}

function key(release: JsonObject): string {
  return `${release.ocid}|${release.id}`;
}

describe('local OCDS API', () => {
  it('pages /api/releases as release packages with absolute links.next / links.prev', async () => {
    const releases = await demoReleases();
    const limit = 30;
    const pages = Math.ceil(releases.length / limit);
    const seen: JsonObject[] = [];
    let url: string | undefined = `/api/releases?limit=${limit}&page=1`;
    for (let page = 1; url; page++) {
      const { response, json } = await getJson(url);
      expect(response.status).to.equal(200);
      for (const field of ['uri', 'version', 'publishedDate', 'publisher']) expect(json, field).to.have.property(field);
      const links = (json.links ?? {}) as { next?: string; prev?: string };
      if (page > 1) expect(new URL(links.prev!).searchParams.get('page')).to.equal(String(page - 1));
      else expect(links.prev).to.equal(undefined);
      if (links.next) expect(new URL(links.next).origin).to.equal(location.origin);
      seen.push(...(json.releases as JsonObject[]));
      url = links.next;
      expect(page).to.be.at.most(pages);
    }
    expect(seen.map(key)).to.deep.equal(releases.map(key));
  });

  it('filters /api/releases by source and keeps that publisher\'s metadata', async () => {
    const files = (await demoFiles()).filter((file) => file.name.startsWith('mexico-inai/'));
    const { json } = await getJson('/api/releases?source=mexico-inai&limit=100');
    expect((json.releases as JsonObject[]).map(key)).to.deep.equal(files.flatMap((file) => file.releases).map(key));
    const packageInfo = files[0]!.json.packageInfo as JsonObject;
    expect((json.publisher as JsonObject).name).to.equal((packageInfo.publisher as JsonObject).name);
  });

  it('answers /api/records/{ocid} with the publisher\'s record package, or a record of the releases', async () => {
    const paraguay = (await demoFiles()).find((file) => file.name === 'paraguay-dncp/sample-data/records/277004.json')!;
    const record = (paraguay.json.records as JsonObject[])[0]!;
    const { json } = await getJson(`/api/records/${encodeURIComponent(String(record.ocid))}`);
    expect(json.records).to.deep.equal([record]);
    expect(json.license).to.equal(paraguay.json.license);

    const ocid = 'OCDS-87SD3T-SEFIN/DRM/AD-CC/008/2015';
    const expected = (await demoReleases()).filter((release) => release.ocid === ocid);
    expect(expected.length).to.be.greaterThan(0);
    const slashed = await getJson(`/api/records/${encodeURIComponent(ocid)}`);
    expect(slashed.json.records).to.deep.equal([{ ocid, releases: expected }]);
    const missing = await fetch('/api/records/no-such-ocid');
    expect(missing.status).to.equal(404);
  });

  it('serves /api/packages, /api/releases.jsonl and the EDCA wrapper with every release', async () => {
    const releases = await demoReleases();
    const { json: packages } = await getJson('/api/packages');
    const fromPackages = (packages as unknown as JsonObject[]).flatMap((pkg) => pkg.releases as JsonObject[]);
    expect(fromPackages.map(key)).to.deep.equal(releases.map(key));

    const lines = (await (await fetch('/api/releases.jsonl')).text()).split('\n').filter((line) => line !== '');
    expect(lines.map((line) => key(JSON.parse(line)))).to.deep.equal(releases.map(key));

    const { json: edca } = await getJson('/api/edca/contractingprocess/2017');
    const wrapped = (edca.arrayReleasePackage as JsonObject[]).flatMap((pkg) => pkg.releases as JsonObject[]);
    const of2017 = releases.filter((release) => String(release.date).startsWith('2017'));
    expect(wrapped.map(key).sort()).to.deep.equal(of2017.map(key).sort());
    for (const pkg of edca.arrayReleasePackage as JsonObject[]) {
      expect(new Set((pkg.releases as JsonObject[]).map((release) => release.ocid)).size).to.equal(1);
    }
  });

  it('serves each bundled file as-is under /api/files/', async () => {
    for (const file of (await demoFiles()).slice(0, 5)) {
      const api = new Uint8Array(await (await fetch(`/api/files/${file.name}`)).arrayBuffer());
      const raw = new Uint8Array(await (await fetch(`/demos/data/${file.name}`)).arrayBuffer());
      expect(api.length, file.name).to.equal(raw.length);
      expect(api.every((byte, i) => byte === raw[i]), file.name).to.equal(true);
    }
  });

  it('sends CORS headers on every response, errors included', async () => {
    for (const url of ['/api/releases?limit=1', '/api/releases?status=503', '/api/nothing-here', '/api/releases?html=1']) {
      const response = await fetch(url);
      expect(response.headers.get('Access-Control-Allow-Origin'), url).to.equal('*');
      expect(response.headers.get('Access-Control-Expose-Headers'), url).to.include('Retry-After');
    }
  });

  it('injects faults: status with Retry-After, HTML with 200, a cut body, a delay', async () => {
    const busy = await fetch('/api/releases?status=429');
    expect(busy.status).to.equal(429);
    expect(busy.headers.get('Retry-After')).to.equal('1');
    const dated = await fetch('/api/releases?status=503&retryAfter=date:5');
    expect(Date.parse(dated.headers.get('Retry-After')!) - Date.now()).to.be.within(2000, 6000);
    expect((await fetch('/api/releases?status=500')).headers.get('Retry-After')).to.equal(null);

    const html = await fetch('/api/releases?html=1');
    expect(html.status).to.equal(200);
    expect(await html.text()).to.match(/^<!DOCTYPE html>/);

    const file = `/api/files/${(await demoFiles())[0]!.name}`;
    const full = new Uint8Array(await (await fetch(file)).arrayBuffer());
    const cut = new Uint8Array(await (await fetch(`${file}?truncate=1`)).arrayBuffer());
    expect(cut.length).to.equal(Math.floor(full.length / 2));
    expect(cut.every((byte, i) => byte === full[i])).to.equal(true);

    const started = performance.now();
    await fetch('/api/releases?limit=1&delay=400');
    expect(performance.now() - started).to.be.at.least(390);
  });

  it('fails only the first N requests of a key, and counts requests per key', async () => {
    const id = uniqueKey('api');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`/api/releases?limit=1&failFirst=2&key=${id}`)).status);
    expect(statuses).to.deep.equal([503, 503, 200]);
    const { json } = await getJson(`/api/_stats?key=${id}`);
    expect(json.requests).to.equal(3);
  });

  it('points the last page back to page 1 with loop=1, and links.next anywhere with next=', async () => {
    const total = (await demoReleases()).length;
    const last = Math.ceil(total / 100);
    const { json } = await getJson(`/api/releases?limit=100&loop=1&page=${last}`);
    const next = new URL((json.links as JsonObject).next as string);
    expect(next.searchParams.get('page')).to.equal('1');
    expect(next.searchParams.get('loop')).to.equal('1');
    const { json: overridden } = await getJson(`/api/releases?limit=100&next=${encodeURIComponent('javascript:alert(1)')}`);
    expect((overridden.links as JsonObject).next).to.equal('javascript:alert(1)');
  });
});
