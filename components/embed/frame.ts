// The iframe embed page's script (demos/embed.html when developing, dist/cdn/embed.html built): reads the chart and
// its options from the query string (`?widget=spending-by-stage&src=…&lang=es-MX`), validates them, shows the chart,
// and tells the parent page its height whenever it changes.
import { embedMessages, parseEmbedParams } from '../../schemas/embed-params.js';
import { translator } from '../../src/i18n/index.js';
import { loadElement, preloadDataCore } from '../loader.js';

const styles = new CSSStyleSheet();
// A constructed style sheet, not a <style> element: the frame stays within `style-src 'self'`.
styles.replaceSync(`
  html, body { margin: 0; background: transparent; }
  .ocds-embed-error { font: 0.9rem/1.4 system-ui, sans-serif; padding: 0.75rem 1rem; border: 1px solid #b42318; color: #1f2328; background: #fff; }
  .ocds-embed-error ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];

/** Posts the content height to the parent: `{"ocds-height": px}` for embed-resize.js, and AMP's `embed-size`. */
function reportHeight(height: number): void {
  if (window.parent === window) return;
  window.parent.postMessage({ 'ocds-height': height }, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

/** The page's language: the `lang` parameter when it is a language tag, else the browser's, else English. */
function pageLanguage(params: URLSearchParams): string {
  for (const tag of [params.get('lang'), navigator.language]) {
    try {
      const canonical = tag ? Intl.getCanonicalLocales(tag.trim())[0] : undefined;
      if (canonical) return canonical;
    } catch {
      // Not a language tag: the next choice.
    }
  }
  return 'en';
}

function showErrors(container: HTMLElement, errors: string[]): void {
  const box = document.createElement('div');
  box.className = 'ocds-embed-error';
  box.setAttribute('role', 'alert');
  box.lang = language;
  const heading = document.createElement('strong');
  heading.textContent = t('embed.cannot-show');
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    item.textContent = error;
    list.append(item);
  }
  box.append(heading, list);
  container.replaceChildren(box);
}

const container = document.querySelector<HTMLElement>('main') ?? document.body;
const params = new URLSearchParams(location.search);
const language = pageLanguage(params);
const t = translator(embedMessages, language);
const parsed = parseEmbedParams(Object.fromEntries(params), language);
if (parsed.ok) {
  const tag = `ocds-${parsed.widget}`;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(parsed.options)) {
    if (name !== 'drill') element.setAttribute(name, value);
    else if (value === 'true') element.setAttribute('drill', '');
  }
  if (parsed.options.lang) document.documentElement.lang = parsed.options.lang;
  container.replaceChildren(element);
  // `src` is required: the data core is needed, so it loads beside the element's chunk.
  preloadDataCore();
  loadElement(tag).catch((error: unknown) => showErrors(container, [t('embed.load-failed', { error: String(error) })]));
} else {
  showErrors(container, parsed.errors);
}

let reported = -1;
new ResizeObserver(() => {
  const height = Math.ceil(container.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  reportHeight(height);
}).observe(container);
