// The npm build's entry points (dist/, as `ocds-widgets/…` resolves them; the test server resolves their bare
// imports as a bundler would): classes without registration, one define module per element, all.js.
import { expect } from '@open-wc/testing';

const TAGS = ['ocds-spending-by-stage', 'ocds-contract-timeline', 'ocds-supplier-network', 'ocds-dataset'];
const load = (path: string) => import(/* the built package */ path);
const defined = () => TAGS.filter((tag) => customElements.get(tag));

describe('npm package entry points (dist/)', () => {
  it('elements.js registers nothing; each define module registers its element; all.js the rest, with the same classes', async () => {
    const elements = await load('/dist/elements.js');
    expect(Object.keys(elements)).to.include.members(['OcdsSpendingByStage', 'OcdsContractTimeline', 'OcdsSupplierNetwork', 'OcdsDataset', 'OcdsChartElement', 'defineElement']);
    expect(defined()).to.deep.equal([]);

    const spending = await load('/dist/spending-by-stage.js');
    expect(defined()).to.deep.equal(['ocds-spending-by-stage']);
    // One copy of each class, whichever entry point it came through.
    expect(spending.OcdsSpendingByStage).to.equal(elements.OcdsSpendingByStage);
    expect(customElements.get('ocds-spending-by-stage')).to.equal(elements.OcdsSpendingByStage);

    await load('/dist/all.js');
    expect(defined()).to.deep.equal(TAGS);
    expect(customElements.get('ocds-dataset')).to.equal(elements.OcdsDataset);
    expect(customElements.get('ocds-supplier-network')).to.equal(elements.OcdsSupplierNetwork);
  });
});
