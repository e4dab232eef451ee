import { defineConfig } from 'vite';
// @ts-expect-error plain JS module shared with the test runner
import { ocdsApiPlugin } from './demos/api/vite-plugin.js';

// `vite` (npm start) serves the demos and the local OCDS API.
// `vite build` builds the core library (dist/index.js, Node-safe, nothing registered);
// `vite build --mode cdn` builds dist/cdn/ocds-widgets.js, one module defining every element.
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  const entry: Record<string, string> = cdn ? { 'ocds-widgets': 'components/all.ts' } : { index: 'src/index.ts' };
  return {
    plugins: [ocdsApiPlugin()],
    server: { host: '127.0.0.1', port: 5173 },
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      lib: { entry, formats: ['es'] as const },
      rolldownOptions: {
        // The core library leaves its dependencies to the consumer's bundler; the CDN build bundles everything.
        external: cdn ? [] : [/^zod/],
        output: { minify: true },
      },
    },
  };
});
