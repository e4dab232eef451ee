// ocds-widgets core: load, validate, merge and analyse OCDS data. Nothing here registers an element
// or touches the DOM beyond `fetch`, so it runs in Node 20 as well as the browser.
export * from './data/types.js';
