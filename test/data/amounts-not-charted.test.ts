// Amounts at a path the model does not read are reported, one issue per path with their count and totals:
// Taiwan's award items give each supplier an `awardValue`.
import { expect } from '@open-wc/testing';
import { fromOcds } from '../../src/index.js';
import { sumDecimal } from '../../src/analysis/decimal-sum.js';

const DIR = '/raw/test/fixtures/ocds/real/taiwan/sample-data/';
const FILES = ['ocid-6as3t2-51179519-ocid-6as3t2-51179519.json', 'ocid-6as3t2-51181645-ocid-6as3t2-51181645.json'];
type Json = Record<string, any>;

const list = (value: unknown): Json[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? [value as Json] : []);

describe('amounts the model does not read', () => {
  it('Taiwan: awards[].items[].suppliers[].awardValue in one issue, with its count and total per currency', async () => {
    const releases: Json[] = await Promise.all(FILES.map(async (file) => (await fetch(DIR + file)).json()));
    const values = releases.flatMap((release) =>
      list(release.awards).flatMap((award) =>
        list(award.items).flatMap((item) => list(item.suppliers).map((supplier) => supplier.awardValue)),
      ),
    ).filter((value) => value && typeof value.amount === 'number');
    expect(values.length).to.be.greaterThan(0);
    const byCurrency = new Map<string, number[]>();
    for (const value of values) byCurrency.set(value.currency, [...(byCurrency.get(value.currency) ?? []), value.amount]);

    const dataset = fromOcds(releases);
    const issues = dataset.issues.filter(
      (issue) => issue.code === 'amounts-not-charted' && issue.path === 'awards[].items[].suppliers[].awardValue',
    );
    expect(issues).to.have.length(1);
    expect(issues[0].message).to.contain(`${values.length} amount(s)`);
    for (const [currency, amounts] of byCurrency) expect(issues[0].message).to.contain(`${sumDecimal(amounts)} ${currency}`);
  });

  it('reports nothing for amounts where the model reads them', () => {
    const dataset = fromOcds({
      ocid: 'ocds-x-1',
      id: '1',
      date: '2020-01-01T00:00:00Z',
      tag: ['award'],
      tender: { id: 't', value: { amount: 3, currency: 'USD' } },
      awards: [{ id: 'a', value: { amount: 2, currency: 'USD' } }],
      contracts: [{ id: 'c', awardID: 'a', value: { amount: 1, currency: 'USD' }, implementation: { transactions: [{ id: 'x', value: { amount: 1, currency: 'USD' } }] } }],
    });
    expect(dataset.issues.map((issue) => issue.code)).not.to.include('amounts-not-charted');
  });
});
