// The only door to Vega: imported lazily so the entry chunk stays free of it, with CSP-safe options.
import type { Result } from 'vega-embed';

export type ChartView = Result['view'];
export type EmbedResult = Result;
export type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

/**
 * Embeds `spec` (Vega-Lite or Vega) into `container` with the SVG renderer; `ast: true` evaluates expressions
 * with Vega's interpreter instead of `new Function` and `defaultStyle: false` injects no `<style>`, so it renders
 * under `script-src 'self'; style-src 'self'`. Tooltips go to `tooltip`, which renders inside the shadow root.
 */
export async function embedChart(container: HTMLElement, spec: object, tooltip: TooltipHandler): Promise<EmbedResult> {
  const { default: embed } = await import('vega-embed');
  const result = await embed(container, spec as Parameters<typeof embed>[1], {
    renderer: 'svg',
    actions: false,
    ast: true,
    defaultStyle: false,
    tooltip: tooltip as never,
    logLevel: 0,
  });
  liveViews++;
  const finalize = result.finalize.bind(result);
  let finalized = false;
  result.finalize = () => {
    if (!finalized) liveViews--;
    finalized = true;
    finalize();
  };
  return result;
}

let liveViews = 0;

/** Vega views embedded and not finalized yet, page-wide (a debug count: elements removed must leave none). */
export function liveVegaViews(): number {
  return liveViews;
}
