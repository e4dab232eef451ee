import { css } from 'lit';

export const spendingStyles = css`
  .process {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
  }
`;
