import { expect } from '@open-wc/testing';
import { formatDate, formatList, formatMoney, formatNumber, formatPercent, translator } from '../../src/i18n/index.js';

// The formatters keep one Intl formatter per tag and options: each answer must still be the one a formatter built
// for exactly that call gives, whatever was formatted before it.
describe('i18n formatters', () => {
  it('format money per tag, currency and notation, interleaved, as a fresh Intl.NumberFormat does', () => {
    const calls: [number, string, string, boolean][] = [
      [1234567.891, 'MXN', 'es-MX', false],
      [1234567.891, 'MXN', 'es-MX', true],
      [1234567.891, 'USD', 'es-MX', false],
      [1234567.891, 'MXN', 'en', false],
      [-42.5, 'PYG', 'es', false],
      [1234567.891, 'MXN', 'es-MX', false],
      [9876543210, 'EUR', 'en-GB', true],
    ];
    for (const [amount, currency, tag, compact] of calls) {
      const expected = new Intl.NumberFormat(tag, { style: 'currency', currency, ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}) }).format(amount);
      expect(formatMoney(amount, currency, tag, { compact })).to.equal(expected);
    }
  });

  it('show a malformed currency code as published after the number, every time', () => {
    const expected = `${new Intl.NumberFormat('es').format(1500.25)} PESOS`;
    expect(formatMoney(1500.25, 'PESOS', 'es')).to.equal(expected);
    expect(formatMoney(1500.25, 'PESOS', 'es')).to.equal(expected);
    expect(formatMoney(1500.25, 'MXN', 'es')).to.equal(new Intl.NumberFormat('es', { style: 'currency', currency: 'MXN' }).format(1500.25));
  });

  it('format numbers, percentages, lists and dates as fresh Intl formatters do', () => {
    for (const tag of ['en', 'es-MX', 'en', 'es']) {
      expect(formatNumber(1234567.5, tag)).to.equal(new Intl.NumberFormat(tag).format(1234567.5));
      expect(formatPercent(0.4567, tag)).to.equal(new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(0.4567));
      expect(formatList(['MXN', 'USD', 'EUR'], tag)).to.equal(new Intl.ListFormat(tag, { type: 'conjunction' }).format(['MXN', 'USD', 'EUR']));
      // A calendar date is shown in UTC, a timestamp in the reader's zone: two formatters for one tag.
      expect(formatDate('2016-12-31', tag)).to.equal(new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2016-12-31')));
      const stamp = '2016-12-31T23:30:00-06:00';
      expect(formatDate(stamp, tag)).to.equal(new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(new Date(stamp)));
    }
  });

  it('translate plurals and numbers per tag', () => {
    const catalogues = { en: { n: { one: '{count} award', other: '{count} awards' } }, es: { n: { one: '{count} adjudicación', other: '{count} adjudicaciones' } } };
    expect(translator(catalogues, 'en')('n', { count: 1 })).to.equal('1 award');
    expect(translator(catalogues, 'es-MX')('n', { count: 1234 })).to.equal(`${new Intl.NumberFormat('es-MX').format(1234)} adjudicaciones`);
    expect(translator(catalogues, 'en')('n', { count: 1234 })).to.equal(`${new Intl.NumberFormat('en').format(1234)} awards`);
  });
});
