import { expect } from '@open-wc/testing';

describe("strict CSP (script-src 'self'; style-src 'self')", () => {
  it('<ocds-spending-by-stage> loads, draws, shows a tooltip and its table with zero violations', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/csp/spending.html';
    frame.width = '800';
    frame.height = '700';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const policy = (await fetch('/test/csp/spending.html')).headers.get('content-security-policy');
    expect(policy).to.equal("script-src 'self'; style-src 'self'");
    const window = frame.contentWindow as unknown as { cspOutcome?: Promise<Record<string, unknown>> };
    for (let i = 0; i < 100 && !window.cspOutcome; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const outcome = await window.cspOutcome!;
    frame.remove();
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.bars).to.equal(5);
    expect(outcome.tooltip).to.contain('Planeado');
    expect(outcome.table).to.be.greaterThan(0);
    expect(outcome.violations).to.deep.equal([]);
  });
});
