import { css } from 'lit';

/** Declarations that take text off the screen but leave it to screen readers (the chart base and <ocds-dataset>). */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
