// The demos' dashboard grid (demos/embedding.css): an error card keeps its own height beside a drawn chart.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';

describe('dashboard grid (demos/embedding.css)', () => {
  it('an element showing an error does not stretch to its tallest neighbour', async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demos/embedding.css';
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    await loaded;
    try {
      const grid = await fixture<HTMLElement>(html`<div class="dashboard" style="width: 60rem">
        <ocds-spending-by-stage src="/api/releases?source=mexico-inai"></ocds-spending-by-stage>
        <ocds-spending-by-stage src="/api/files/no-such-file.json"></ocds-spending-by-stage>
      </div>`);
      const [chart, broken] = [...grid.children] as OcdsChartElement<object>[];
      await Promise.all([chart.rendered, broken.rendered]);
      expect([chart.status, broken.status]).to.deep.equal(['ready', 'error']);
      const error = broken.shadowRoot!.querySelector('[part="error"]')!.getBoundingClientRect();
      const own = broken.getBoundingClientRect();
      expect(chart.getBoundingClientRect().top).to.equal(own.top); // side by side in one row
      expect(own.height).to.be.lessThan(chart.getBoundingClientRect().height / 2);
      expect(own.bottom).to.be.at.most(error.bottom + 40);
    } finally {
      link.remove();
    }
  });
});
