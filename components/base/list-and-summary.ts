// The chart's keyboard path and its written summary on screen, loaded with the data (the chart base waits for it
// before it shows rows), so that no element's code before render carries it.
//
// Vega marks cannot take focus: one listbox per chart stands in for them. It is one tab stop, whatever the number of
// items; arrow keys, Home, End, Page Up/Down and a typed letter move the active item (highlighted in the chart, and
// announced through aria-activedescendant); Enter or Space selects it, as clicking its mark does. Only the active
// option is rendered, with its place in the list (aria-posinset/setsize), so a 1,000-node network adds one element.
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber, translator, type Catalogues, type Translate } from '../../src/i18n/index.js';
import type { SelectableItem } from './chart-element.js';

/** Items Page Up / Page Down move by. */
const PAGE = 10;

/** Its styles, adopted by the element's shadow root when the module arrives (the swatch colours are the base's). */
export const styles = css`
  /* The keyboard listbox: one line, the active item in a box with a focus ring, its place in the list beside it. */
  .items {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0.5rem 0;
    font-size: 0.875rem;
  }
  .items-label,
  .items-position {
    color: var(--ocds-color-muted);
  }
  [role='listbox'] {
    flex: 1 1 12rem;
    min-width: 0;
    border: 1px solid var(--ocds-color-muted);
    border-radius: 4px;
    padding: 0.2rem 0.5rem;
    cursor: pointer;
  }
  [role='listbox']:focus-visible {
    outline: 2px solid var(--ocds-color-accent);
    outline-offset: 2px;
  }
  [role='option'][aria-selected='true'] {
    font-weight: 600;
  }
  .summary {
    margin: 0.5rem 0;
  }
  /* "More" follows the shown sentences on their line. */
  [part~='summary'] {
    display: inline;
    margin: 0;
  }
  .more {
    margin-left: 0.25rem;
    padding: 0 0.4rem;
  }
`;

/** Its own words, here rather than in the base messages every element loads before it renders. */
const words: Catalogues = {
  en: { hint: 'Arrow keys move through the items, Enter selects.', more: 'More', less: 'Less' },
  es: { hint: 'Las flechas recorren los elementos; Intro selecciona.', more: 'Más', less: 'Menos' },
};

export interface ItemListView {
  items: readonly SelectableItem[];
  /** Id of the active item (kept while focus is elsewhere); else the selected one; else the first. */
  active?: string;
  selected?: string;
  t: Translate;
  tag: string;
  /** The active item changed (by key or by focus coming in): the base highlights it in the chart. */
  move(id: string | undefined): void;
  choose(id: string): void;
}

export function activeIndex(view: Pick<ItemListView, 'items' | 'active' | 'selected'>): number {
  const { items } = view;
  const at = (id?: string) => (id === undefined ? -1 : items.findIndex((item) => item.id === id));
  const index = at(view.active);
  return index >= 0 ? index : Math.max(0, at(view.selected));
}

/** Where `key` takes the active item from `index`: an index, 'choose', or undefined (a key the list leaves alone). */
export function keyTarget(key: string, index: number, items: readonly SelectableItem[]): number | 'choose' | undefined {
  const last = items.length - 1;
  const clamp = (to: number) => Math.max(0, Math.min(last, to));
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(index + PAGE);
    case 'PageUp':
      return clamp(index - PAGE);
    case 'Enter':
    case ' ':
      return 'choose';
  }
  // Type-ahead: a letter moves to the next item whose name starts with it.
  if (key.length !== 1 || key === ' ') return undefined;
  const letter = key.toLocaleLowerCase();
  for (let step = 1; step <= items.length; step++) {
    const candidate = (index + step) % items.length;
    if (items[candidate].label.trim().toLocaleLowerCase().startsWith(letter)) return candidate;
  }
  return undefined;
}

export function renderItemList(view: ItemListView): TemplateResult {
  const { items, t } = view;
  const index = activeIndex(view);
  const item = items[index];
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = keyTarget(event.key, index, items);
    if (target === undefined) return;
    event.preventDefault();
    if (target === 'choose') view.choose(item.id);
    else view.move(items[target].id);
  };
  // The option's id changes with the item, so screen readers announce each move.
  const optionId = `item-${index}`;
  return html`<div class="items">
    <span class="items-label" id="items-label">${t('control.select')}</span>
    <div role="listbox" tabindex="0" aria-labelledby="items-label" aria-describedby="items-hint" aria-activedescendant=${optionId}
      @keydown=${onKey} @focus=${() => view.move(item.id)} @blur=${() => view.move(undefined)}>
      <div role="option" id=${optionId} aria-selected=${item.id === view.selected ? 'true' : 'false'} aria-posinset=${index + 1}
        aria-setsize=${items.length} @click=${() => view.choose(item.id)}>
        <span class="swatch ${item.colour ?? 'accent'}"></span>${item.label}${item.detail ? `: ${item.detail}` : ''}
      </div>
    </div>
    <span class="items-position" aria-hidden="true">${formatNumber(index + 1, view.tag)} / ${formatNumber(items.length, view.tag)}</span>
    <span class="visually-hidden" id="items-hint">${translator(words, view.tag)('hint')}</span>
  </div>`;
}

/**
 * The written summary: its first `shown` sentences on screen, the rest behind "More". The paragraph holds the whole text (the
 * chart's accessible description says it all too, and the table view has the numbers).
 */
export function renderSummary(sentences: readonly string[], shown: number, open: boolean, tag: string, toggle: () => void): TemplateResult {
  const lead = sentences.slice(0, shown).join(' ');
  const rest = sentences.slice(shown).join(' ');
  return html`<div class="summary">
    <p part="summary" id="summary"><span>${lead}</span>${rest ? html` <span id="summary-rest" ?hidden=${!open}>${rest}</span>` : nothing}</p>
    ${rest
      ? html`<button type="button" class="more" aria-expanded=${open ? 'true' : 'false'} aria-controls="summary-rest" @click=${toggle}>
          ${translator(words, tag)(open ? 'less' : 'more')}
        </button>`
      : nothing}
  </div>`;
}
