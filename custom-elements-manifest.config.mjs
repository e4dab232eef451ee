// `npm run analyze`: dist/custom-elements.json (package.json "customElements") from the elements' JSDoc.
// Three fixes the analyzer needs for this code base, as plugins:
// - elements register through `defineElement('ocds-…', Class)` (components/base/define.ts), which the analyzer does
//   not know: read those calls for tag names;
// - several JSDoc tags on one line (`@csspart heading @csspart chart …`) arrive as one tag: split them;
// - every chart fires the element contract's events from the base class's generic `emit()`, which the analyzer
//   cannot follow, and has the contract's parts and custom properties (components/base/styles.ts): list them on every chart
//   (the README, "Elements"), keeping an element's own description where it has one.

const CHART_BASE = 'OcdsChartElement';
const CONTRACT_EVENTS = [
  {
    name: 'ocds-load',
    type: { text: 'CustomEvent<OcdsLoadDetail>' },
    description: '`{ processes, releases, issues }` of what it read, once per load of its own `src` or `data`. A chart fed by `<ocds-dataset>` fires none (the dataset does).',
  },
  {
    name: 'ocds-render',
    type: { text: 'CustomEvent<OcdsRenderDetail>' },
    description: '`{ processes, releases, rows }` each time it has been drawn (or says there is nothing to chart): the processes it shows (after the dataset’s filters and `ocid`), their releases, and its `rows`.',
  },
  { name: 'ocds-select', type: { text: 'CustomEvent<OcdsSelectDetail>' }, description: '`{ kind, id, label, value }` when an item is selected.' },
  { name: 'ocds-error', type: { text: 'CustomEvent<OcdsErrorDetail>' }, description: "`{ phase: 'fetch' | 'parse' | 'validate' | 'render', message, code? }`." },
];

const CONTRACT_CSS_PROPERTIES = [
  ['--ocds-font-family', 'Font of the whole element.'],
  ['--ocds-color-text', 'Text colour (also axes and labels).'],
  ['--ocds-color-muted', 'Secondary text, grid lines, borders.'],
  ['--ocds-color-background', 'Background of the element and the chart.'],
  ['--ocds-color-accent', 'Focus rings, selection, single-colour marks.'],
  ['--ocds-stage-planning', 'Colour of the planning stage.'],
  ['--ocds-stage-tender', 'Colour of the tender stage.'],
  ['--ocds-stage-award', 'Colour of the award stage.'],
  ['--ocds-stage-contract', 'Colour of the contract stage.'],
  ['--ocds-stage-implementation', 'Colour of the implementation stage (payments).'],
  ['--ocds-chart-min-height', 'Height kept for the chart while loading and until it is drawn (default: the height the element draws it at, for its width).'],
].map(([name, description]) => ({ name, description }));

const CONTRACT_PARTS = [
  ['heading', 'The chart’s heading (`heading` attribute, else a translated default).'],
  ['chart', 'The drawing (SVG).'],
  ['table', 'The table view of `rows` (“Show table”).'],
  ['summary', 'The written summary: the chart’s accessible description.'],
  ['status', 'Loading progress, and the empty and “not in the data” states.'],
  ['error', 'The error message (`role="alert"`), with a retry button where trying again can help (the network or the server).'],
  ['controls', 'Currency switcher, table toggle, downloads.'],
].map(([name, description]) => ({ name, description }));

/** Descriptions for the contract's attributes where the base class's JSDoc has none. */
const CONTRACT_ATTRIBUTES = {
  theme: '`light` (default), `dark`, or `auto` (follows the reader\'s colour scheme).',
  heading: 'Replaces the chart\'s translated default heading.',
  'max-pages': 'Pages of an API (OCDS `links.next`) to read at most (default 100); fewer makes the chart say “first N releases”.',
  root: 'Property that wraps the packages, e.g. `arrayReleasePackage`; auto-detected where unambiguous.',
};

/** Adds `defaults` missing from `entries` and fills in empty descriptions. */
function withDefaults(entries, defaults) {
  const merged = entries.map((entry) => ({ ...defaults.find((known) => known.name === entry.name), ...entry }));
  for (const entry of merged) if (!entry.description) entry.description = defaults.find((known) => known.name === entry.name)?.description;
  return [...merged, ...defaults.filter((known) => !entries.some((entry) => entry.name === known.name)).map((known) => ({ ...known }))];
}

/** `{ name, description: '@tag b - about b @tag c' }` -> entries a, b, c. */
function splitInlineTags(entries, tag) {
  const pattern = new RegExp(`\\s*@${tag}\\s+`);
  return (entries ?? []).flatMap((entry) => {
    const [description, ...rest] = (entry.description ?? '').split(pattern);
    const more = rest.map((text) => {
      const [, name, about] = /^(\S+)(?:\s+-\s+(.*))?$/s.exec(text.trim()) ?? [];
      return { name, ...(about ? { description: about.trim() } : {}) };
    });
    const first = { ...entry, description: description.replace(/^-\s*/, '').trim() };
    if (!first.description) delete first.description;
    return [first, ...more];
  });
}

/**
 * The package ships built modules, not components/*.ts: each element's class and definition are in
 * dist/<element>.js, the base class and every class in dist/elements.js, all.ts is dist/all.js. Modules are renamed
 * to those paths (merged where two land on one), references follow, and internal modules with nothing public go.
 */
function shippedPath(path) {
  if (path === 'components/all.ts') return 'dist/all.js';
  if (path === 'components/elements.ts' || path.startsWith('components/base/')) return 'dist/elements.js';
  const [, folder, file] = /^components\/([\w-]+)\/([\w-]+)\.ts$/.exec(path) ?? [];
  return folder && (file === folder || file === 'define') ? `dist/${folder}.js` : undefined;
}

function shippedModules(modules) {
  const merged = new Map();
  for (const module of modules) {
    const path = shippedPath(module.path);
    if (!path) continue;
    const target = merged.get(path) ?? { kind: 'javascript-module', path, declarations: [], exports: [] };
    // dist/elements.js: what components/elements.ts exports (the base's internals are not public).
    const internal = path === 'dist/elements.js' && module.path !== 'components/elements.ts';
    target.declarations.push(...(module.declarations ?? []));
    if (!internal) target.exports.push(...(module.exports ?? []));
    merged.set(path, target);
  }
  const rename = (reference) => {
    if (reference?.module) reference.module = shippedPath(reference.module) ?? 'dist/elements.js';
  };
  const elements = merged.get('dist/elements.js');
  if (elements) {
    const exported = new Set(elements.exports.map((entry) => entry.declaration?.name ?? entry.name));
    elements.declarations = elements.declarations.filter((declaration) => exported.has(declaration.name));
  }
  for (const module of merged.values()) {
    const seen = new Set();
    module.exports = module.exports.filter((entry) => {
      const key = `${entry.kind} ${entry.name}`;
      return !seen.has(key) && seen.add(key);
    });
    for (const entry of module.exports) rename(entry.declaration);
    for (const declaration of module.declarations) {
      rename(declaration.superclass);
      for (const member of [...(declaration.members ?? []), ...(declaration.attributes ?? []), ...(declaration.events ?? [])]) rename(member.inheritedFrom);
    }
  }
  return [...merged.values()];
}

function ocdsWidgetsPlugin() {
  const tags = new Map();
  return {
    name: 'ocds-widgets',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !constructor) return;
      tags.set(constructor.getText(), tag.text);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: constructor.getText(), module: moduleDoc.path } });
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const module of customElementsManifest.modules) {
        // define.ts's own helper registers no element of its own.
        module.exports = (module.exports ?? []).filter((entry) => !(entry.kind === 'custom-element-definition' && entry.name === 'tag'));
        for (const declaration of module.declarations ?? []) if (declaration.kind === 'class') classes.set(declaration.name, { declaration, module });
      }
      for (const [name, { declaration, module }] of classes) {
        declaration.cssParts = splitInlineTags(declaration.cssParts, 'csspart');
        declaration.cssProperties = splitInlineTags(declaration.cssProperties, 'cssproperty');
        // An element that fires a contract event with its own JSDoc (e.g. <ocds-dataset>) gets the contract's type.
        declaration.events = splitInlineTags(declaration.events, 'event')
          .filter((event) => event.name && event.name !== 'type')
          .map((event) => (event.type ? event : { ...event, ...(CONTRACT_EVENTS.find((known) => known.name === event.name) && { type: { ...CONTRACT_EVENTS.find((known) => known.name === event.name).type } }) }));
        if (tags.has(name)) {
          declaration.customElement = true;
          declaration.tagName = tags.get(name);
        }
        if (declaration.superclass?.name === CHART_BASE) {
          declaration.events = withDefaults(declaration.events, CONTRACT_EVENTS);
          declaration.cssProperties = withDefaults(declaration.cssProperties, CONTRACT_CSS_PROPERTIES);
          declaration.cssParts = withDefaults(declaration.cssParts, CONTRACT_PARTS);
          for (const attribute of declaration.attributes ?? []) attribute.description ||= CONTRACT_ATTRIBUTES[attribute.name];
        }
        // Point definitions at the module that declares the class.
        for (const other of customElementsManifest.modules) {
          for (const entry of other.exports ?? []) {
            if (entry.kind === 'custom-element-definition' && entry.declaration.name === name) entry.declaration.module = module.path;
          }
        }
      }
      customElementsManifest.modules = shippedModules(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/messages.ts', 'components/embed/**', 'components/cdn.ts', 'components/loader.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [ocdsWidgetsPlugin()],
};
