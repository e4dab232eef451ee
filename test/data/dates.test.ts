import { expect } from '@open-wc/testing';
import { dateTime, parseOcdsDate } from '../../src/index.js';

describe('parseOcdsDate', () => {
  // [published, iso, instant, dateOnly] — instants written with Date.UTC, offsets applied by hand.
  const valid: [string, string, number, boolean][] = [
    ['2016-12-31', '2016-12-31', Date.UTC(2016, 11, 31), true],
    ['2016-02-29', '2016-02-29', Date.UTC(2016, 1, 29), true],
    ['2017-03-06T21:30:25Z', '2017-03-06T21:30:25Z', Date.UTC(2017, 2, 6, 21, 30, 25), false],
    ['2017-03-06T21:30:25.373Z', '2017-03-06T21:30:25.373Z', Date.UTC(2017, 2, 6, 21, 30, 25, 373), false],
    ['2016-01-01T00:00:00-06:00', '2016-01-01T00:00:00-06:00', Date.UTC(2016, 0, 1, 6), false],
    ['2016-06-23T00:00:00+04:00', '2016-06-23T00:00:00+04:00', Date.UTC(2016, 5, 22, 20), false],
    ['2019-07-01T10:15:00.123456+05:30', '2019-07-01T10:15:00.123456+05:30', Date.UTC(2019, 6, 1, 4, 45, 0, 123), false],
    // Repairs of unambiguous junk seen in real data.
    ['2015-11-09T00:00:00.-06:00', '2015-11-09T00:00:00-06:00', Date.UTC(2015, 10, 9, 6), false],
    ['2016-06-07T10:00:00+0300', '2016-06-07T10:00:00+03:00', Date.UTC(2016, 5, 7, 7), false],
    ['2016-06-07 10:00:00Z', '2016-06-07T10:00:00Z', Date.UTC(2016, 5, 7, 10), false],
    ['2016-06-07T10:00Z', '2016-06-07T10:00:00Z', Date.UTC(2016, 5, 7, 10), false],
    [' 2016-12-31 ', '2016-12-31', Date.UTC(2016, 11, 31), true],
    ['2016/12/31', '2016-12-31', Date.UTC(2016, 11, 31), true],
    // Colombia publishes datetimes without an offset: read as UTC.
    ['2017-01-24T00:00:00', '2017-01-24T00:00:00Z', Date.UTC(2017, 0, 24), false],
  ];
  for (const [published, iso, time, dateOnly] of valid) {
    it(`reads ${JSON.stringify(published)} as ${iso}`, () => {
      expect(parseOcdsDate(published)).to.deep.equal({ iso, time, dateOnly });
    });
  }

  it('keeps a date-only value on its calendar day in every time zone', () => {
    const parsed = parseOcdsDate('2016-12-31');
    if (!('time' in parsed)) throw new Error('not parsed');
    expect(parsed.time).to.equal(Date.UTC(2016, 11, 31));
    expect(new Date(parsed.time).toLocaleDateString('en-US', { timeZone: 'UTC' })).to.equal('12/31/2016');
    // Shown in Mexico City without timeZone: 'UTC' it would be the 30th; that is why the iso stays date-only.
    expect(new Date(parsed.time).toLocaleDateString('en-US', { timeZone: 'America/Mexico_City' })).to.equal('12/30/2016');
    expect(parsed.iso).to.equal('2016-12-31');
  });

  const errors: [unknown, 'empty' | 'invalid' | 'epoch'][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['1970-01-01', 'epoch'],
    ['1970-01-01T00:00:00Z', 'epoch'],
    ['1970-01-01T00:00:00-06:00', 'epoch'],
    ['1900-01-01', 'epoch'],
    ['0001-01-01T00:00:00Z', 'epoch'],
    ['31/12/2016', 'invalid'],
    ['2016-13-01', 'invalid'],
    ['2017-02-29', 'invalid'],
    ['2016-12-31T25:00:00Z', 'invalid'],
    ['2016-12-31T10:00:00+25:00', 'invalid'],
    ['not a date', 'invalid'],
    ['2016', 'invalid'],
    [1475496678, 'invalid'],
    [{}, 'invalid'],
  ];
  for (const [published, error] of errors) {
    it(`rejects ${JSON.stringify(published) ?? String(published)} as ${error}`, () => {
      expect(parseOcdsDate(published)).to.deep.equal({ error });
    });
  }
});

describe('dateTime', () => {
  it('gives the instant of a normalised date, NaN for anything else', () => {
    expect(dateTime('2016-12-31')).to.equal(Date.UTC(2016, 11, 31));
    expect(dateTime('2015-11-09T00:00:00-06:00')).to.equal(Date.UTC(2015, 10, 9, 6));
    expect(dateTime('2015-11-09T00:00:00-06:00')).to.equal(Date.parse('2015-11-09T00:00:00-06:00'));
    expect(Number.isNaN(dateTime('garbage'))).to.equal(true);
  });
});
