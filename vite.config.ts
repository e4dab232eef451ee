import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error plain JS module shared with the test runner
import { ocdsApiPlugin } from './demos/api/vite-plugin.js';

// `vite` (npm start) serves the demos and the local OCDS API.
// `vite build` builds the npm package into dist/: the core (index.js: Node-safe, nothing registered), one module per
//   element that registers it, all.js (registers every element), elements.js (the classes, nothing registered).
//   Dependencies stay bare imports for the consumer's bundler; modules shared by entries go into shared chunks.
// `vite build --mode cdn` builds dist/cdn/, a folder to host anywhere: ocds-widgets.js (the script tag's module: it
//   defines each element the page uses from chunks beside it, with Vega and locale data in chunks of their own),
//   embed.html + embed-frame.js (the iframe embed) and embed-resize.js (the host page's helper for it).
const PACKAGE_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  all: 'components/all.ts',
  elements: 'components/elements.ts',
  'spending-by-stage': 'components/spending-by-stage/define.ts',
  'contract-timeline': 'components/contract-timeline/define.ts',
  'supplier-network': 'components/supplier-network/define.ts',
  breakdown: 'components/breakdown/define.ts',
  'process-table': 'components/process-table/define.ts',
  'red-flags': 'components/red-flags/define.ts',
  dataset: 'components/dataset/define.ts',
  'data-quality': 'components/data-quality/define.ts',
};

const CDN_ENTRIES: Record<string, string> = {
  'ocds-widgets': 'components/cdn.ts',
  'embed-frame': 'components/embed/frame.ts',
  'embed-resize': 'components/embed/resize.ts',
};

/** dist/cdn/embed.html: the development page demos/embed.html, pointing at the built frame script. */
function embedPage(): Plugin {
  let root = '.';
  return {
    name: 'ocds-embed-page',
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      const page = readFileSync(join(root, 'demos/embed.html'), 'utf8');
      const built = page.replace('src="/components/embed/frame.ts"', 'src="./embed-frame.js"');
      if (built === page) this.error('demos/embed.html no longer loads /components/embed/frame.ts');
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: built });
    },
  };
}

/** Under `npm start`, the CDN folder's files (the URLs the embed builder's snippets name) served from source. */
export const CDN_FROM_SOURCE: Record<string, string> = {
  '/dist/cdn/ocds-widgets.js': '/components/cdn.ts',
  '/dist/cdn/embed-resize.js': '/components/embed/resize.ts',
  '/dist/cdn/embed-frame.js': '/components/embed/frame.ts',
  '/dist/cdn/embed.html': '/demos/embed.html',
};

/** `npm start` needs no build: /dist/cdn/… is rewritten to the source it is built from. */
function cdnFromSource(): Plugin {
  return {
    name: 'ocds-cdn-from-source',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split(/\?(.*)/s);
        const source = CDN_FROM_SOURCE[path];
        if (source) req.url = query ? `${source}?${query}` : source;
        next();
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    plugins: cdn ? [embedPage()] : [cdnFromSource(), ocdsApiPlugin()],
    // No CORS headers from the dev server: the local API's own (and its `cors=0` fault, a server that refuses other
    // sites) are what a page sees, as from a real server.
    server: { host: '127.0.0.1', port: 5173, cors: false },
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      lib: { entry: cdn ? CDN_ENTRIES : PACKAGE_ENTRIES, formats: ['es'] as const },
      rolldownOptions: {
        // The npm build leaves dependencies to the consumer's bundler; the CDN build bundles everything.
        external: cdn ? [] : [/^zod(\/|$)/, /^lit(\/|$)/, /^@lit(-labs)?\//, /^vega(-lite|-embed)?(\/|$)/],
        output: {
          minify: true,
          // No `/* @__PURE__ */` left in minified files.
          comments: false,
          // CDN: what every element needs (Lit, zod/mini, i18n) in one chunk, the data core in another (loaded once an
          // element has data to read: components/base/data-core.ts) and the chart base in a third, rather than the
          // several small shared chunks rolldown would cut: one gzip stream compresses better and a page makes fewer
          // requests. Vega with the code that draws with it (components/base/vega.ts), the keyboard list and summary
          // (components/base/list-and-summary.ts, loaded with the data) and d3 locale data stay lazy chunks of their own.
          codeSplitting: cdn
            ? {
                groups: [
                  {
                    name: 'core',
                    priority: 3,
                    test: /^\0|rolldown:runtime|node_modules[\\/](lit|lit-html|lit-element|@lit|zod)[\\/]|[\\/]src[\\/]i18n[\\/](?!d3-locales|vega-locale)|[\\/]src[\\/]data[\\/]types\.|[\\/]components[\\/]base[\\/](define|version|data-core|data-reading|lazy|visually-hidden)\./,
                  },
                  { name: 'data', priority: 2, test: /[\\/]src[\\/]data[\\/]|[\\/]schemas[\\/]ocds/ },
                  { name: 'chart-element', priority: 1, test: /[\\/]components[\\/]base[\\/](?!vega\.|list-and-summary\.)|[\\/]schemas[\\/]element-options/ },
                ],
              }
            : undefined,
          // Chunks named for what they hold: an element's (spending-by-stage-<hash>.js, not `define`), Vega's. The CDN
          // build's names carry a content hash (cache forever); the npm build's do not, since the consumer's bundler
          // hashes what it emits (else `en-US-<hash>-<hash>.js`).
          chunkFileNames: (chunk) => {
            const hash = cdn ? '-[hash]' : '';
            const facade = chunk.facadeModuleId ?? '';
            if (facade.endsWith('/define.ts')) return `${basename(dirname(facade))}${hash}.js`;
            if (facade.includes('/node_modules/vega-embed/')) return `vega${hash}.js`;
            return `[name]${hash}.js`;
          },
        },
      },
    },
  };
});
