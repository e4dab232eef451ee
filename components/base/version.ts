// The package version, so `define` can tell two copies of ocds-widgets on one page apart
// (test/components/base.test.ts checks it against package.json).
export const VERSION = '0.1.0';
