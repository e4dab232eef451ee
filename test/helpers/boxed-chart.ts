// Chart elements placed at a given width, for the tests that check how they fit.
import type { OcdsChartElement } from '../../components/base/chart-element.js';

export type ChartElement = OcdsChartElement<object>;

/** Places `element` in a box `width` pixels wide at the top of the page (charts draw once near the viewport). */
export function inBox(width: number, element: HTMLElement): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = `position: absolute; top: 0; left: 0; width: ${width}px`;
  box.append(element);
  document.body.append(box);
  return box;
}

/** A chart element of `tag` with `attributes`, not yet in the page. */
export function chart(tag: string, attributes: Record<string, string>): ChartElement {
  const element = document.createElement(tag) as ChartElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
