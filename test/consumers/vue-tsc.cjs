// vue-tsc on TypeScript 6 (./ts6): the repo's own TypeScript 7 has no JavaScript API for vue-tsc to load.
// Arguments are tsc's, e.g. `node test/consumers/vue-tsc.cjs -p test/consumers/vue`.
const { join } = require('node:path');

require('vue-tsc').run(require.resolve('typescript/lib/tsc', { paths: [join(__dirname, 'ts6')] }));
