// Issue #7, page safety: bad attributes never break a chart, removing an element mid-load cancels its requests, and
// adding and removing 100 elements leaves no listeners, observers or Vega views behind.
import { expect } from '@open-wc/testing';
import { liveVegaViews } from '../../components/base/vega.js';
import { defineAll, drawsWithVega, ELEMENTS, type AnyChartElement } from './elements.js';
import { expectPageSilent, newRun, settled } from './harness.js';

const SMALL = '/raw/test/hostile/files/bom.json';

/** Runs `body` with console.warn recorded (and silenced). */
async function withWarnings(body: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return warnings;
}

function inView(element: AnyChartElement): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'position: absolute; top: 0; left: 0; width: 600px';
  box.append(element);
  document.body.append(box);
  return box;
}

describe('page safety', () => {
  before(defineAll);

  describe('attributes are validated (schemas/element-options.ts)', () => {
    for (const { tag } of ELEMENTS) {
      it(`<${tag}> max-pages="1e9" limit="-1" lang="xx" theme="<b>" currency="<b>" timeout="-5": warnings, and the chart still draws`, async () => {
        const element = document.createElement(tag) as AnyChartElement;
        const bad = { 'max-pages': '1e9', limit: '-1', lang: 'xx', theme: '<b>', currency: '<b>', timeout: '-5' };
        for (const [name, value] of Object.entries(bad)) element.setAttribute(name, value);
        element.setAttribute('src', SMALL);
        let box: HTMLElement | undefined;
        const warnings = await withWarnings(async () => {
          box = inView(element);
          await settled(element, 10_000);
        });
        try {
          expect(element.status).to.equal('ready');
          expect(element.shadowRoot!.querySelector(drawsWithVega(tag) ? '.chart svg' : '[part="chart"] table'), 'drawn').to.not.equal(null);
          const properties = (element.constructor as unknown as { elementProperties: Map<string, unknown> }).elementProperties;
          // Each refused attribute is named in a warning and its default is used; the attribute stays as the page
          // wrote it (rewriting the author's markup breaks server-rendered hydration).
          const refused = ['max-pages', 'theme', 'currency', 'timeout', ...(properties.has('limit') ? ['limit'] : [])];
          for (const attribute of refused) {
            const value = bad[attribute as keyof typeof bad];
            expect(warnings.some((warning) => warning.includes(`${attribute}="${value}"`)), `warning for ${attribute}: ${warnings.join(' | ')}`).to.equal(true);
            expect(element.getAttribute(attribute), attribute).to.equal(value);
          }
          const values = element as unknown as Record<string, unknown>;
          expect([values.maxPages, values.timeout, values.currency, values.limit, values.theme]).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
          // lang="xx" is a well-formed tag: kept, with a warning that English messages are used.
          expect(warnings.some((warning) => warning.includes('"xx"'))).to.equal(true);
          expect(element.languageTag).to.equal('xx');
          expect(element.shadowRoot!.querySelector('[part="heading"]')?.textContent?.trim()).to.not.equal('');
        } finally {
          box?.remove();
        }
        expectPageSilent();
      });
    }

    it('a valid value is accepted silently and a bad one later keeps the good one', async () => {
      const element = document.createElement(ELEMENTS[0]!.tag) as AnyChartElement;
      element.setAttribute('src', SMALL);
      element.setAttribute('max-pages', '5');
      let box: HTMLElement | undefined;
      const warnings = await withWarnings(async () => {
        box = inView(element);
        await settled(element, 10_000);
        element.setAttribute('max-pages', 'lots');
        await element.updateComplete;
      });
      box?.remove();
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('max-pages="lots"').and.contain('"5" is kept');
      expect((element as unknown as { maxPages: number }).maxPages).to.equal(5);
    });
  });

  it('the retry button of the error state loads again (every element)', async () => {
    for (const { tag } of ELEMENTS) {
      const key = newRun().key;
      const element = document.createElement(tag) as AnyChartElement;
      // Busy for the first load (1 request + 3 retries), then answering.
      element.setAttribute('src', `/api/releases?source=colombia&failFirst=4&retryAfter=0&key=${key}`);
      const box = inView(element);
      try {
        await settled(element, 10_000);
        expect(element.status, tag).to.equal('error');
        element.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button')!.click();
        await element.updateComplete;
        expect(element.status, tag).to.equal('loading');
        await settled(element, 10_000);
        expect(element.status, tag).to.equal('ready');
        expect(element.rows.length, tag).to.be.greaterThan(0);
        expect(((await (await fetch(`/api/_stats?key=${key}`)).json()) as { requests: number }).requests).to.equal(5);
      } finally {
        box.remove();
      }
    }
    expectPageSilent();
  });

  it('removing an element mid-load cancels its request (every element)', async () => {
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/api/releases')) signals.push(init!.signal!);
      return original(input, init);
    };
    try {
      for (const { tag } of ELEMENTS) {
        const element = document.createElement(tag) as AnyChartElement;
        const errors: unknown[] = [];
        element.addEventListener('ocds-error', (event) => errors.push(event.detail));
        element.setAttribute('src', `/api/releases?source=colombia&delay=5000&key=${newRun().key}`);
        const box = inView(element);
        const before = signals.length;
        for (let i = 0; i < 100 && signals.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(signals.length, `<${tag}> started a request`).to.equal(before + 1);
        expect(element.status).to.equal('loading');
        box.remove();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(signals[before]!.aborted, `<${tag}> request aborted`).to.equal(true);
        expect(errors, 'no error state for a removed element').to.deep.equal([]);
      }
    } finally {
      window.fetch = original;
    }
    expectPageSilent();
  });

  it('adding and removing 100 elements leaves no listeners, observers or Vega views', async () => {
    // Count what the elements register on the page: window/document/media-query listeners and observed targets.
    const listeners = new Set<string>();
    const observed = new Map<object, Set<Element>>();
    const addListener = EventTarget.prototype.addEventListener;
    const removeListener = EventTarget.prototype.removeEventListener;
    const pageTarget = (target: EventTarget) => target === window || target === document || target instanceof MediaQueryList;
    const ids = new WeakMap<object, number>();
    let nextId = 0;
    const id = (value: object) => ids.get(value) ?? (ids.set(value, ++nextId), nextId);
    const key = (target: EventTarget, type: string, listener: unknown) => `${id(target)} ${type} ${listener ? id(listener as object) : ''}`;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (pageTarget(this) && !(typeof options === 'object' && options.once)) listeners.add(key(this, type, listener));
      return addListener.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      if (pageTarget(this)) listeners.delete(key(this, type, listener));
      return removeListener.call(this, type, listener, options);
    };
    const Resize = window.ResizeObserver;
    const Intersection = window.IntersectionObserver;
    const remember = (observer: object, target: Element) => {
      if (!observed.has(observer)) observed.set(observer, new Set());
      observed.get(observer)!.add(target);
    };
    class TrackedResizeObserver extends Resize {
      override observe(target: Element, options?: ResizeObserverOptions) {
        remember(this, target);
        super.observe(target, options);
      }
      override unobserve(target: Element) {
        observed.get(this)?.delete(target);
        super.unobserve(target);
      }
      override disconnect() {
        observed.delete(this);
        super.disconnect();
      }
    }
    class TrackedIntersectionObserver extends Intersection {
      override observe(target: Element) {
        remember(this, target);
        super.observe(target);
      }
      override unobserve(target: Element) {
        observed.get(this)?.delete(target);
        super.unobserve(target);
      }
      override disconnect() {
        observed.delete(this);
        super.disconnect();
      }
    }
    window.ResizeObserver = TrackedResizeObserver;
    window.IntersectionObserver = TrackedIntersectionObserver;
    const counts = () => ({
      listeners: listeners.size,
      observedTargets: [...observed.values()].reduce((sum, targets) => sum + [...targets].filter((target) => !target.isConnected).length, 0),
      vegaViews: liveVegaViews(),
    });
    const data = await (await fetch(SMALL)).arrayBuffer();
    const after: ReturnType<typeof counts>[] = [];
    try {
      for (let round = 0; round < 10; round++) {
        const box = document.createElement('div');
        box.style.cssText = 'position: absolute; top: 0; left: 0; width: 100%; display: grid; grid-template-columns: repeat(5, 1fr)';
        const elements = Array.from({ length: 10 }, (_, index) => {
          const element = document.createElement(ELEMENTS[(round * 10 + index) % ELEMENTS.length]!.tag) as AnyChartElement;
          element.style.cssText = 'min-width: 0; height: 250px; overflow: hidden';
          element.data = data;
          box.append(element);
          return element;
        });
        document.body.append(box);
        await Promise.all(elements.map((element) => settled(element, 15_000))).catch((error: Error) => {
          throw new Error(`round ${round}: ${error.message} (${elements.map((element) => `${element.localName} ${element.status} ${Math.round(element.getBoundingClientRect().top)}`).join(', ')})`);
        });
        expect(elements.map((element) => element.status)).to.deep.equal(elements.map(() => 'ready'));
        expect(liveVegaViews(), 'views while shown').to.be.at.least(elements.filter((element) => drawsWithVega(element.localName)).length);
        box.remove();
        await new Promise((resolve) => setTimeout(resolve, 0));
        after.push(counts());
      }
    } finally {
      EventTarget.prototype.addEventListener = addListener;
      EventTarget.prototype.removeEventListener = removeListener;
      window.ResizeObserver = Resize;
      window.IntersectionObserver = Intersection;
    }
    // Nothing registered by a removed element is left: the same after 10 elements as after 100.
    expect(after[after.length - 1]).to.deep.equal({ listeners: after[0]!.listeners, observedTargets: 0, vegaViews: 0 });
    expect(after[0]!.listeners, 'page listeners left by removed elements').to.equal(0);
    expectPageSilent();
  });
});
