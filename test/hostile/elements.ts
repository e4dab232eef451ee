// Every element the hostile corpus runs against. A new element joins with one line here.
import type { OcdsChartElement } from '../../components/base/chart-element.js';

export interface ElementUnderTest {
  tag: string;
  define: () => Promise<unknown>;
}

export const ELEMENTS: ElementUnderTest[] = [
  { tag: 'ocds-spending-by-stage', define: () => import('../../components/spending-by-stage/define.js') },
  { tag: 'ocds-contract-timeline', define: () => import('../../components/contract-timeline/define.js') },
  { tag: 'ocds-supplier-network', define: () => import('../../components/supplier-network/define.js') },
  { tag: 'ocds-process-table', define: () => import('../../components/process-table/define.js') },
];

export type AnyChartElement = OcdsChartElement<object>;

export async function defineAll(): Promise<void> {
  await Promise.all(ELEMENTS.map((element) => element.define()));
}
