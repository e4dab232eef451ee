// The only door to Vega. The base imports this module when a chart first draws, so Vega, the view's locale and the
// code here arrive together, once a chart nears the viewport; nothing before that holds any of it.
import embed, { type Result } from 'vega-embed';
import { loadVegaLocale, type VegaLocale } from '../../src/i18n/vega-locale.js';
import type { ThemeColours } from './theme.js';

export type ChartView = Result['view'];
export type EmbedResult = Result;
export type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

/**
 * Embeds `spec` (Vega-Lite or Vega) into `container` with the SVG renderer, in the colours and number/date locale of
 * the element (the spec's own `config` wins); `ast: true` evaluates expressions with Vega's interpreter instead of
 * `new Function` and `defaultStyle: false` injects no `<style>`, so it renders under `script-src 'self';
 * style-src 'self'`. Tooltips go to `tooltip`, which renders inside the shadow root.
 */
export async function embedChart(
  container: HTMLElement,
  spec: Record<string, unknown>,
  { tag, colours, tooltip }: { tag: string; colours: ThemeColours; tooltip: TooltipHandler },
): Promise<EmbedResult> {
  const locale = await loadVegaLocale(tag);
  const config = { ...vegaConfig(colours, locale), ...(spec.config as object | undefined) };
  const result = await embed(container, { ...spec, config } as Parameters<typeof embed>[1], {
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

/** The Vega config every chart gets: colours, font and the view's own number/time locale. */
export function vegaConfig(colours: ThemeColours, locale: VegaLocale): Record<string, unknown> {
  const text = { labelColor: colours.text, titleColor: colours.text };
  return {
    locale,
    background: colours.background,
    font: colours.font,
    view: { stroke: null },
    // Vega describes axes and legends to screen readers in English only ("X-axis for a linear scale…"): they are left
    // out of the accessibility tree; the written summary and the table say what they show, in the reader's language.
    axis: { ...text, domainColor: colours.muted, tickColor: colours.muted, gridColor: colours.muted, gridOpacity: 0.3, aria: false },
    legend: { ...text, aria: false },
    title: { color: colours.text },
    text: { color: colours.text },
    mark: { color: colours.accent },
    range: {
      category: [
        colours.stages.planning,
        colours.stages.tender,
        colours.stages.award,
        colours.stages.contract,
        colours.stages.implementation,
      ],
    },
  };
}
