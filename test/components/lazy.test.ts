// Code loaded on first need (components/base/lazy.ts): the data core, each element's data code and Vega arrive in
// chunks of their own. A chunk that fails to load (offline, a proxy) must read as a clear, translated error in the
// element, and load on the next attempt.
import { expect, oneEvent } from '@open-wc/testing';
import { defineElement } from '../../components/base/define.js';
import { lazy } from '../../components/base/lazy.js';
import { OcdsSpendingByStage } from '../../components/spending-by-stage/spending-by-stage.js';
import { expectedSpending, fetchJson } from '../spending-expected.js';

const CDMX_RECORD = '/test/fixtures/ocds/real/mexico-cdmx/sample-data/records/OCDS-87SD3T-SEFIN-DRM-A-001-2016.json';
const PARAGUAY_RECORD = '/test/fixtures/ocds/real/paraguay-dncp/sample-data/records/277004.json';

describe('lazy()', () => {
  it('imports once, keeps the module for synchronous use, and shares one load between callers', async () => {
    let imports = 0;
    const module = lazy(async () => {
      imports++;
      return { answer: 42 };
    });
    expect(module.value).to.equal(undefined);
    const [first, second] = await Promise.all([module.load(), module.load()]);
    expect(first).to.equal(second);
    expect(module.value).to.equal(first);
    expect(imports).to.equal(1);
  });

  it('a failed import rejects as an OcdsError `network` with the cause, and the next load() tries again', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module');
    let attempts = 0;
    const module = lazy(async () => {
      attempts++;
      if (attempts === 1) throw failure;
      return { ok: true };
    });
    const error = await module.load().then(
      () => undefined,
      (reason: unknown) => reason as { name: string; code: string; cause: unknown },
    );
    expect(error?.name).to.equal('OcdsError');
    expect(error?.code).to.equal('network');
    expect(error?.cause).to.equal(failure);
    expect(module.value).to.equal(undefined);
    expect(await module.load()).to.deep.equal({ ok: true });
    expect(attempts).to.equal(2);
  });
});

/** The spending chart, with data code whose chunk fails to load the first time (as offline, then back online). */
let codeAttempts = 0;
class FlakyCodeSpending extends OcdsSpendingByStage {
  protected override dataCode = lazy(async () => {
    codeAttempts++;
    if (codeAttempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return import('../../components/spending-by-stage/spending-code.js');
  });
}
defineElement('test-flaky-code-spending', FlakyCodeSpending);

describe('an element whose code fails to load', () => {
  it('shows the translated network error and fires ocds-error; retry() loads the code and shows the data', async () => {
    const record = await fetchJson(CDMX_RECORD);
    const element = document.createElement('test-flaky-code-spending') as FlakyCodeSpending;
    element.lang = 'es';
    const error = oneEvent(element, 'ocds-error');
    element.data = record;
    document.body.append(element);
    const { detail } = await error;
    await element.updateComplete;
    expect(detail.code).to.equal('network');
    expect(element.status).to.equal('error');
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('No se pudo conectar');

    element.retry();
    await element.updateComplete;
    expect(element.status).to.equal('ready');
    const awarded = expectedSpending([record.compiledRelease]).find((row) => row.stage === 'awarded');
    expect(awarded).to.not.equal(undefined);
    const row = element.rows.find((candidate) => candidate.stage === 'awarded' && candidate.currency === awarded!.currency);
    expect(row?.amount).to.equal(awarded!.amount);
    expect(codeAttempts).to.equal(2);
    element.remove();
  });
});

/** The spending chart, with data code that arrives only when the test opens the gate (a slow connection). */
let openGate: () => void = () => undefined;
class SlowCodeSpending extends OcdsSpendingByStage {
  protected override dataCode = lazy(async () => {
    await new Promise<void>((resolve) => (openGate = resolve));
    return import('../../components/spending-by-stage/spending-code.js');
  });
}
defineElement('test-slow-code-spending', SlowCodeSpending);

describe('an element given new data while its code is loading', () => {
  it('shows only the newest data, read once, when the code arrives', async () => {
    const [first, second] = await Promise.all([fetchJson(CDMX_RECORD), fetchJson(PARAGUAY_RECORD)]);
    const element = document.createElement('test-slow-code-spending') as SlowCodeSpending;
    let loads = 0;
    element.addEventListener('ocds-load', () => loads++);
    element.data = first;
    document.body.append(element);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.status).to.equal('loading');
    element.data = second;
    await new Promise((resolve) => setTimeout(resolve, 50));
    openGate();
    await element.updateComplete;
    expect(element.status).to.equal('ready');
    expect(loads).to.equal(1);
    const compiled = second.records.map((record: { compiledRelease: unknown }) => record.compiledRelease);
    const contracted = expectedSpending(compiled).find((row) => row.stage === 'contracted')!;
    const row = element.rows.find((candidate) => candidate.stage === 'contracted' && candidate.currency === contracted.currency);
    expect(row?.amount).to.equal(contracted.amount);
    expect(element.rows.some((candidate) => candidate.currency === 'MXN')).to.equal(false);
    element.remove();
  });
});
