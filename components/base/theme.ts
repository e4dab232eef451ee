import type { VegaLocale } from '../../src/i18n/index.js';

/** The element's colours and font, read from its `--ocds-*` custom properties. */
export interface ThemeColours {
  font: string;
  text: string;
  muted: string;
  background: string;
  accent: string;
  stages: { planning: string; tender: string; award: string; contract: string; implementation: string };
}

/** Resolves the custom properties on `host` (theme defaults come from the element's styles). */
export function resolveColours(host: Element): ThemeColours {
  const style = getComputedStyle(host);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    font: read('--ocds-font-family'),
    text: read('--ocds-color-text'),
    muted: read('--ocds-color-muted'),
    background: read('--ocds-color-background'),
    accent: read('--ocds-color-accent'),
    stages: {
      planning: read('--ocds-stage-planning'),
      tender: read('--ocds-stage-tender'),
      award: read('--ocds-stage-award'),
      contract: read('--ocds-stage-contract'),
      implementation: read('--ocds-stage-implementation'),
    },
  };
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
