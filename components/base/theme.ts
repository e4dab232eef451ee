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
