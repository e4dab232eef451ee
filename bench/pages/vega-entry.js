// vega-embed on its own, for the rendering floor: the same chart embedded directly with its final spec.
export { default as embed } from 'vega-embed';
