// Every element the hostile corpus runs against. A new element joins with one line here.
import type { OcdsChartElement } from '../../components/base/chart-element.js';

export interface ElementUnderTest {
  tag: string;
  define: () => Promise<unknown>;
  /** `false` for an element whose main view is its own HTML (a table): no SVG, tooltip or Vega view to check. */
  vega?: false;
}

export const ELEMENTS: ElementUnderTest[] = [
  { tag: 'ocds-spending-by-stage', define: () => import('../../components/spending-by-stage/define.js') },
  { tag: 'ocds-contract-timeline', define: () => import('../../components/contract-timeline/define.js') },
  { tag: 'ocds-supplier-network', define: () => import('../../components/supplier-network/define.js') },
  { tag: 'ocds-process-table', define: () => import('../../components/process-table/define.js'), vega: false },
];

/** Whether the element `tag` draws with Vega (an SVG chart, tooltips, a Vega view). */
export const drawsWithVega = (tag: string): boolean => ELEMENTS.find((element) => element.tag === tag)?.vega !== false;

export type AnyChartElement = OcdsChartElement<object>;

export async function defineAll(): Promise<void> {
  await Promise.all(ELEMENTS.map((element) => element.define()));
}
