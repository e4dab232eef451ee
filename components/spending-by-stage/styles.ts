import { css } from 'lit';

// --ocds-chart-reserve: the drawn chart, a 280 px plot (src/charts/spending.ts) and the tilted stage names under it.
export const spendingStyles = css`
  :host {
    --ocds-chart-reserve: 338px;
  }
  .process {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
  }
`;
