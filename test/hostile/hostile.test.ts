// Issue #7: every case of the hostile corpus (cases.ts) against the data core and against every element (elements.ts).
import { expect } from '@open-wc/testing';
import { fromOcds, loadOcds, OcdsError, type Dataset } from '../../src/index.js';
import { baseMessages, translator } from '../../src/i18n/index.js';
import type { OcdsErrorDetail, OcdsLoadDetail } from '../../components/base/events.js';
import { HOSTILE_CASES, type HostileCase } from './cases.js';
import { defineAll, ELEMENTS, type AnyChartElement } from './elements.js';
import {
  attributesOf,
  describeExpected,
  expectedOcids,
  expectFiniteRows,
  expectPageSilent,
  expectRequestsOnlyTo,
  newRun,
  requestCount,
  settled,
  watchRequests,
} from './harness.js';
import { moneyRuleViolations } from './money-rules.js';

/** Upper bound for any case to settle, element or core (the slowest case waits a 1 s Retry-After). */
const BOUND_MS = 10_000;
const spanish = translator(baseMessages, 'es');

/** A Dataset, or the OcdsError thrown; anything else thrown fails the test. */
async function outcomeOf(load: () => Promise<Dataset> | Dataset): Promise<Dataset | OcdsError> {
  try {
    return await load();
  } catch (error) {
    expect(error, `threw ${String(error)}`).to.be.instanceOf(OcdsError);
    return error as OcdsError;
  }
}

async function expectCoreOutcome(hostileCase: HostileCase, outcome: Dataset | OcdsError, run: ReturnType<typeof newRun>): Promise<void> {
  const expected = hostileCase.expect;
  if (expected.outcome === 'error') {
    expect(outcome, outcome instanceof OcdsError ? '' : 'expected an OcdsError, got a Dataset').to.be.instanceOf(OcdsError);
    const error = outcome as OcdsError;
    expect(error.code, error.message).to.equal(expected.code);
    expect(error.message).to.be.a('string').and.not.equal('');
    if (expected.status) expect(error.status).to.equal(expected.status);
    return;
  }
  expect(outcome instanceof OcdsError ? `${outcome.code}: ${outcome.message}` : 'Dataset').to.equal('Dataset');
  const dataset = outcome as Dataset;
  expect(dataset.processes.map((process) => process.ocid).sort()).to.deep.equal(await expectedOcids(expected, run));
  const codes = dataset.issues.map((issue) => issue.code);
  for (const code of expected.issues ?? []) expect(codes, `issue ${code}`).to.include(code);
  expect(dataset.meta.complete).to.equal(expected.complete ?? true);
  const names = [...dataset.organisations.values()].flatMap((organisation) => organisation.names);
  for (const name of expected.names ?? []) expect(names, `organisation named ${name}`).to.include(name);
  expect(moneyRuleViolations(dataset)).to.deep.equal([]);
}

describe('hostile corpus: data core (loadOcds, and fromOcds for files)', () => {
  for (const hostileCase of HOSTILE_CASES) {
    it(`${hostileCase.group} · ${hostileCase.name} (${hostileCase.why}): ${describeExpected(hostileCase.expect)}`, async () => {
      const run = newRun();
      const requests = watchRequests();
      const started = performance.now();
      const outcome = await outcomeOf(() =>
        loadOcds(hostileCase.url(run), { timeout: hostileCase.options?.timeout, maxPages: hostileCase.options?.maxPages }),
      );
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.below(BOUND_MS);
      await expectCoreOutcome(hostileCase, outcome, run);
      const expected = hostileCase.expect;
      if (expected.requests !== undefined) expect(await requestCount(run.key)).to.equal(expected.requests);
      if (expected.outcome === 'ready' && expected.minMs) expect(elapsed).to.be.at.least(expected.minMs);
      if (hostileCase.file) {
        const bytes = await (await fetch(hostileCase.url(run))).arrayBuffer();
        await expectCoreOutcome(hostileCase, await outcomeOf(() => fromOcds(bytes)), run);
      }
      const urls = await requests.stop();
      // The watcher sees the data requests (so the check below is not vacuous).
      if (hostileCase.expect.outcome === 'ready' || hostileCase.expect.code !== 'bad-url') {
        expect(urls.map((url) => new URL(url).pathname)).to.include(new URL(hostileCase.url(run), location.href).pathname);
      }
      expectRequestsOnlyTo(urls, [location.origin, hostileCase.origin?.(run)]);
      expectPageSilent();
    });
  }
});

describe('hostile corpus: every element (lang="es")', () => {
  before(defineAll);

  for (const hostileCase of HOSTILE_CASES) {
    it(`${hostileCase.group} · ${hostileCase.name}: every element reaches ${hostileCase.expect.outcome}`, async () => {
      const run = newRun();
      const requests = watchRequests();
      const box = document.createElement('div');
      box.lang = 'es';
      // Side by side at the top: elements draw once near the viewport.
      box.style.cssText = 'display: flex; position: absolute; top: 0; left: 0; width: 100%';
      const loads = new Map<Element, OcdsLoadDetail[]>();
      const errors = new Map<Element, OcdsErrorDetail[]>();
      const elements = ELEMENTS.map(({ tag }) => {
        const element = document.createElement(tag) as AnyChartElement;
        element.style.cssText = 'flex: 1 1 0; min-width: 0';
        for (const [name, value] of Object.entries(attributesOf(hostileCase, run))) element.setAttribute(name, value);
        loads.set(element, []);
        errors.set(element, []);
        element.addEventListener('ocds-load', (event) => loads.get(element)!.push(event.detail));
        element.addEventListener('ocds-error', (event) => errors.get(element)!.push(event.detail));
        box.append(element);
        return element;
      });
      document.body.append(box);
      try {
        await Promise.all(elements.map((element) => settled(element, BOUND_MS)));
        const expected = hostileCase.expect;
        for (const element of elements) {
          const name = `<${element.localName}>`;
          const root = element.shadowRoot!;
          const alert = root.querySelector('[part="error"][role="alert"]');
          if (expected.outcome === 'error') {
            expect(element.status, name).to.equal('error');
            expect(errors.get(element), name).to.have.length(1);
            const detail = errors.get(element)![0]!;
            expect(detail.code, name).to.equal(expected.code);
            expect(detail.phase, name).to.equal(expected.phase);
            const message = spanish(`error.${expected.code}`, { status: expected.status });
            expect(detail.message, name).to.equal(message);
            expect(alert?.textContent, name).to.contain(message);
            // Every case loads `src`: trying again can help when the network or the server failed, or the answer
            // was cut off or a web page; not for a bad URL, a refused redirect, too much data, or data that is wrong.
            const retries = ['http-status', 'timeout', 'network', 'aborted', 'truncated', 'html'].includes(expected.code);
            expect(alert?.querySelector('button')?.textContent?.trim() ?? null, `${name}: retry`).to.equal(retries ? spanish('action.retry') : null);
          } else {
            expect(element.status, `${name}: ${alert?.textContent?.trim()}`).to.equal('ready');
            expect(errors.get(element), name).to.deep.equal([]);
            expect(alert, name).to.equal(null);
            // Valid data in the response is not lost.
            expect(loads.get(element)?.[0]?.processes, name).to.equal((await expectedOcids(expected, run)).length);
            const codes = element.issues.map((issue) => issue.code);
            for (const code of expected.issues ?? []) expect(codes, `${name} issue ${code}`).to.include(code);
            if (expected.issues?.length) expect(root.querySelector('.note')?.textContent, `${name} lists its issues`).to.match(/\d/);
            if (expected.complete === false) {
              const releases = loads.get(element)![0]!.releases;
              expect(root.querySelector('.source')?.textContent, name).to.contain(spanish('source.incomplete', { count: releases }));
            }
            expectFiniteRows(element.rows, name);
          }
        }
        if (hostileCase.expect.requests !== undefined) expect(await requestCount(run.key)).to.equal(hostileCase.expect.requests);
      } finally {
        box.remove();
      }
      expectRequestsOnlyTo(await requests.stop(), [location.origin, hostileCase.origin?.(run)]);
      expectPageSilent();
    });
  }
});
