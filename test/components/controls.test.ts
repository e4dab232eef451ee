// The controls say what the chart shows.
import { expect } from '@open-wc/testing';
import '../../components/all.js';
import type { OcdsChartElement } from '../../components/base/chart-element.js';
import { settled } from '../hostile/harness.js';

describe('controls', () => {
  it('the currency switch shows a requested currency the data lacks, not the first code in the list', async () => {
    const element = document.createElement('ocds-spending-by-stage') as OcdsChartElement<object>;
    element.setAttribute('src', '/api/releases?source=mexico-inai');
    element.setAttribute('currency', 'EUR');
    document.body.append(element);
    try {
      await settled(element, 15_000);
      const select = element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="controls"] select')!;
      expect(element.currencies).to.not.include('EUR');
      expect(element.currencies.length).to.be.greaterThan(1);
      expect(select.value).to.equal('EUR');
      // Choosing a currency the data has switches to it.
      const other = element.currencies[0]!;
      select.value = other;
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
      expect(element.currency).to.equal(other);
      expect(element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="controls"] select')!.value).to.equal(other);
    } finally {
      element.remove();
    }
  });

  it('"Show table" shows the rows there are when the chart cannot be drawn, and is disabled when there are none', async () => {
    const missingCurrency = document.createElement('ocds-spending-by-stage') as OcdsChartElement<object>;
    missingCurrency.setAttribute('src', '/api/releases?source=mexico-inai');
    missingCurrency.setAttribute('currency', 'EUR');
    const missingOcid = document.createElement('ocds-spending-by-stage') as OcdsChartElement<object>;
    missingOcid.setAttribute('src', '/api/releases?source=mexico-inai');
    missingOcid.setAttribute('ocid', 'ocds-not-in-the-data');
    document.body.append(missingCurrency, missingOcid);
    try {
      await Promise.all([settled(missingCurrency, 15_000), settled(missingOcid, 15_000)]);
      const showTable = (element: OcdsChartElement<object>) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="controls"] button[aria-pressed]')!;
      showTable(missingCurrency).click();
      await missingCurrency.updateComplete;
      const rows = missingCurrency.shadowRoot!.querySelectorAll('table tbody tr');
      expect(rows.length).to.equal(missingCurrency.rows.length);
      expect(rows.length).to.be.greaterThan(0);
      expect(missingOcid.rows.length).to.equal(0);
      expect(showTable(missingOcid).disabled).to.equal(true);
    } finally {
      missingCurrency.remove();
      missingOcid.remove();
    }
  });

  for (const [lang, show, hide] of [
    ['en', 'Show table', 'Hide table'],
    ['es', 'Mostrar tabla', 'Ocultar tabla'],
  ] as const) {
    it(`the table button says what a press does: "${show}", then "${hide}" (${lang})`, async () => {
      const element = document.createElement('ocds-spending-by-stage') as OcdsChartElement<object>;
      element.setAttribute('src', '/api/releases?source=mexico-inai');
      element.lang = lang;
      document.body.append(element);
      try {
        await settled(element, 15_000);
        const toggle = () => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="controls"] button[aria-pressed]')!;
        expect(toggle().textContent!.trim()).to.equal(show);
        toggle().click();
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('table')).to.not.equal(null);
        expect([toggle().textContent!.trim(), toggle().getAttribute('aria-pressed')]).to.deep.equal([hide, 'true']);
        toggle().click();
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('table')).to.equal(null);
        expect(toggle().textContent!.trim()).to.equal(show);
      } finally {
        element.remove();
      }
    });
  }

  it('with no data, shows readers an empty state, tells the developer once in the console, and `rendered` resolves', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const element = document.createElement('ocds-supplier-network') as OcdsChartElement<object>;
    try {
      document.body.append(element);
      await element.rendered;
      const status = element.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
      expect(status).to.equal('There is no data to show yet.');
      expect(status).to.not.match(/src|data property/);
      element.lang = 'es';
      await element.rendered;
      expect(element.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim()).to.equal('Todavía no hay datos que mostrar.');
      const hints = warnings.filter((args) => String(args[0]).includes('src attribute'));
      expect(hints).to.have.length(1);
      expect(String(hints[0]![0])).to.contain('<ocds-supplier-network>');
    } finally {
      console.warn = warn;
      element.remove();
    }
  });
});
