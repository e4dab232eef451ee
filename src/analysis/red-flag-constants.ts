// What <ocds-red-flags> needs before its data code loads: the indicator codes and their methodology pages.
export const RED_FLAG_CODES = ['R003', 'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038', 'R048', 'R058'] as const;

/** cardinal's methodology page of an indicator (its documentation, under docs/cli/indicators/R/). */
export const methodologyUrl = (code: string): string =>
  `https://cardinal.readthedocs.io/en/latest/cli/indicators/R/${code.slice(1)}.html`;

/** cardinal's list of indicators: what each red flag means. */
export const INDICATORS_URL = 'https://cardinal.readthedocs.io/en/latest/cli/indicators/';
