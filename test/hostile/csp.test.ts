// Issue #7, page safety: under `default-src 'self'` (no unsafe-eval, no unsafe-inline) every element renders real
// data and hostile text, with a tooltip and its table, and the page records zero `securitypolicyviolation` events.
import { expect } from '@open-wc/testing';
import { cspPageOutcome } from '../helpers/csp-frame.js';
import { drawsWithVega, ELEMENTS } from './elements.js';
import type { CspOutcome } from './csp-page.js';

describe("hostile corpus under default-src 'self'", () => {
  it('every element draws, shows its tooltip and table, with zero CSP violations', async () => {
    const policy = (await fetch('/test/hostile/csp.html')).headers.get('content-security-policy');
    expect(policy).to.equal("default-src 'self'");
    // Within the test page's viewport: elements draw once near it (the top-level viewport, for an iframe).
    const outcome = await cspPageOutcome<CspOutcome>('/test/hostile/csp.html', 780, 600, 10000);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.elements).to.have.length(2 * ELEMENTS.length);
    for (const element of outcome.elements) {
      const name = `<${element.tag}> ${element.src}`;
      expect(element.status, name).to.equal('ready');
      expect(element.drawn, name).to.equal(true);
      expect(element.table, name).to.be.greaterThan(0);
      // An element whose main view is its own HTML table has no tooltip to show.
      if (drawsWithVega(element.tag)) expect(element.tooltip, `${name} tooltip`).to.equal(true);
    }
    expect(outcome.violations).to.deep.equal([]);
  });
});
