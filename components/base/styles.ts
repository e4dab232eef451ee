import { css } from 'lit';
import { visuallyHidden } from './visually-hidden.js';

/** The dark theme's colours: for `theme="dark"`, and for `theme="auto"` when the reader's system is dark. */
const darkColours = css`
  --ocds-color-text: #e6edf3;
  --ocds-color-muted: #9ea7b3;
  --ocds-color-background: #0d1117;
  --ocds-color-accent: #58a6ff;
  --ocds-stage-planning: #b3a4f0;
  --ocds-stage-tender: #6cb6ff;
  --ocds-stage-award: #f0a45d;
  --ocds-stage-contract: #57c26c;
  --ocds-stage-implementation: #f47aa8;
`;

/**
 * Not loaded, or not drawn yet (Vega loads once the element nears the viewport): the status box and the empty chart
 * keep the height the chart will be drawn at, so the page does not jump when it appears. Each element sets
 * --ocds-chart-reserve as its chart spec sizes the drawing; a percentage is of the chart's width, which a zero-width
 * float's padding resolves against. While loading, the status box (1rem padding, 1px border) also keeps the controls'
 * row(s): about one per 330 px of buttons, as they wrap. (A comment here, not in the CSS, which ships as written.)
 */
const reservedHeight = css`
  .pending,
  [part~='chart']:empty {
    display: flow-root;
  }
  .pending::before,
  [part~='chart']:empty::before {
    content: '';
    float: left;
    padding-top: var(--ocds-chart-min-height, var(--ocds-chart-reserve, 18rem));
  }
  .pending::before {
    padding-top: calc(var(--ocds-chart-min-height, var(--ocds-chart-reserve, 18rem)) + clamp(2.4rem, 2.4rem + (660px - 100%) * 0.2, 7.2rem) - 2rem - 2px);
  }
`;

/** Shared styles: theme defaults for every `--ocds-*` custom property, layout of states, controls and table. */
export const chartElementStyles = css`
  :host {
    --ocds-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --ocds-color-text: #1f2328;
    --ocds-color-muted: #59636e;
    --ocds-color-background: #ffffff;
    --ocds-color-accent: #0b6bcb;
    --ocds-stage-planning: #6c5ba7;
    --ocds-stage-tender: #1f78b4;
    --ocds-stage-award: #b8610a;
    --ocds-stage-contract: #1a7f37;
    --ocds-stage-implementation: #c2185b;
    display: block;
    position: relative;
    font-family: var(--ocds-font-family);
    color: var(--ocds-color-text);
    background: var(--ocds-color-background);
    padding: 0.75rem;
    line-height: 1.4;
    /* Names are free text: one unbreakable "word" of hundreds of characters breaks rather than widening the page. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkColours}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkColours}
    }
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 0.5rem;
  }
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  button,
  select {
    font: inherit;
    font-size: 0.875rem;
    color: var(--ocds-color-text);
    background: var(--ocds-color-background);
    border: 1px solid var(--ocds-color-muted);
    border-radius: 4px;
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--ocds-color-accent);
    outline-offset: 2px;
  }
  button[aria-pressed='true'] {
    border-color: var(--ocds-color-accent);
    box-shadow: inset 0 0 0 1px var(--ocds-color-accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  [part~='status'],
  [part~='error'] {
    padding: 1rem;
    border: 1px dashed var(--ocds-color-muted);
    border-radius: 4px;
  }
  [part~='error'] {
    border-style: solid;
  }
  [part~='error'] button {
    margin-left: 0.5rem;
  }
  [part~='chart'] {
    min-height: 2rem;
    width: 100%;
  }
  ${reservedHeight}
  .swatch {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    border-radius: 2px;
    margin-right: 0.35em;
    background: var(--ocds-color-accent);
  }
  .swatch.planning {
    background: var(--ocds-stage-planning);
  }
  .swatch.tender {
    background: var(--ocds-stage-tender);
  }
  .swatch.award {
    background: var(--ocds-stage-award);
  }
  .swatch.contract {
    background: var(--ocds-stage-contract);
  }
  .swatch.implementation {
    background: var(--ocds-stage-implementation);
  }
  .source,
  .note {
    font-size: 0.8rem;
    color: var(--ocds-color-muted);
    margin: 0.25rem 0;
  }
  .source a {
    color: inherit;
  }
  .table-scroll {
    overflow-x: auto;
    margin: 0.5rem 0;
  }
  .table-scroll:focus-visible {
    outline: 2px solid var(--ocds-color-accent);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--ocds-color-muted);
    padding: 0.2rem 0.6rem;
    text-align: start;
  }
  td.numeric,
  th.numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  td.numeric {
    white-space: nowrap;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    pointer-events: none;
    max-width: 20rem;
    padding: 0.35rem 0.5rem;
    font-size: 0.8rem;
    color: var(--ocds-color-background);
    background: var(--ocds-color-text);
    border-radius: 4px;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip dl {
    margin: 0;
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 0.5rem;
  }
  .tooltip dd {
    margin: 0;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
`;
