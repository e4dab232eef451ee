// The network's constants and its "others" id test, apart from the analysis: elements use them before they have
// data (and <ocds-dataset> without the network at all), so they must not pull the analysis into their chunk.

/** The currency bucket of awards published without a value (or without a usable amount). */
export const NO_VALUE = '';

export const DEFAULT_NETWORK_LIMIT = 50;

/** Starts the id of an "others" group (one per buyer). */
export const OTHERS_PREFIX = 'others:';

export function isOthersId(id: string): boolean {
  return id.startsWith(OTHERS_PREFIX);
}
