// The CDN entry, dist/cdn/ocds-widgets.js: `<script type="module" src=".../ocds-widgets.js">` and any ocds-widgets
// tag on the page is defined, from chunks beside this file (resolved relative to it, so the folder can be hosted
// anywhere). Scripts that create elements before appending them can `await loadAllElements()` first.
import { autoloadElements } from './loader.js';

export { loadElement, loadAllElements } from './loader.js';

autoloadElements(document);
