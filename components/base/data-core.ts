// The data core (fetch and pagination, repair, the 1.0 upgrade, merge, the model) is the largest part of the kit
// before Vega, and an element needs it only once it has data to read. So it arrives in a chunk of its own the first
// time an element loads `src` or reads `data`: an element is defined and shows its loading state without it, and the
// charts inside <ocds-dataset> (given a Dataset) never load it. The CDN loader starts it early when a tag has `src`.
import { lazy } from './lazy.js';

export const dataCore = lazy(async () => {
  const [load, read] = await Promise.all([import('../../src/data/shared-load.js'), import('../../src/data/from-ocds.js')]);
  return { sharedLoad: load.sharedLoad, fromOcds: read.fromOcds };
});
