import { expect } from '@open-wc/testing';
import { cspPageOutcome } from './helpers/csp-frame.js';

describe("strict CSP (script-src 'self'; style-src 'self')", () => {
  it('<ocds-spending-by-stage> loads, draws, shows a tooltip and its table with zero violations', async () => {
    const policy = (await fetch('/test/csp/spending.html')).headers.get('content-security-policy');
    expect(policy).to.equal("script-src 'self'; style-src 'self'");
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/spending.html', 800, 700);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.bars).to.equal(5);
    expect(outcome.tooltip).to.contain('Planeado');
    expect(outcome.table).to.be.greaterThan(0);
    expect(outcome.violations).to.deep.equal([]);
  });

  it('<ocds-breakdown> loads, draws, shows a tooltip and its table with zero violations', async () => {
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/breakdown.html', 800, 700);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    // Paraguay's one award in PYG has three distinct suppliers (one listed twice): one bar each.
    expect(outcome.bars).to.equal(3);
    expect(outcome.tooltip).to.contain('%');
    expect(outcome.table).to.be.greaterThan(0);
    expect(outcome.violations).to.deep.equal([]);
  });

  it('<ocds-data-quality> loads, draws its coverage bars, shows a tooltip and its table with zero violations', async () => {
    const policy = (await fetch('/test/csp/data-quality.html')).headers.get('content-security-policy');
    expect(policy).to.equal("script-src 'self'; style-src 'self'");
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/data-quality.html', 800, 900);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.bars).to.equal(outcome.rows);
    expect(outcome.tooltip).to.contain('Proporción');
    expect(outcome.table).to.equal(outcome.rows);
    expect(outcome.violations).to.deep.equal([]);
  });

  it('<ocds-red-flags> loads, draws, shows a tooltip and its table with zero violations', async () => {
    const outcome = await cspPageOutcome<Record<string, unknown>>('/test/csp/red-flags.html', 800, 900);
    expect(outcome.policyEnforced).to.equal(true);
    expect(outcome.status, String(outcome.error)).to.equal('ready');
    expect(outcome.bars).to.be.greaterThan(0);
    expect(outcome.tooltip).to.contain('%');
    expect(outcome.table).to.be.greaterThan(0);
    expect(outcome.violations).to.deep.equal([]);
  });
});
