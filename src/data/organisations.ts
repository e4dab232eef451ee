// Organisation identity across processes. Party ids are only unique inside one process (and 1.0 upgrades
// hash them from contact details), so the identity is the registered identifier when there is a real one,
// else the normalised name, else the party id scoped to its process.

/** Spellings of identifier schemes that mean one register, keyed by their normalised form. */
const SCHEME_ALIASES: Record<string, string> = {
  RFC: 'MX-RFC',
  'MX-RFC': 'MX-RFC',
  'REGISTRO FEDERAL DE CONTRIBUYENTES': 'MX-RFC',
  'REGISTRO FEDERAL DE CONTRIBUYENTES DE MEXICO': 'MX-RFC',
  'REGISTRO UNICO DE CONTRIBUYENTE EMITIDO POR EL MINISTERIO DE HACIENDA DEL GOBIERNO DE PARAGUAY': 'PY-RUC',
  'PY-RUC': 'PY-RUC',
};

/** Identifier values that stand for "unknown" rather than one organisation (after `normaliseIdentifierId`). */
const PLACEHOLDER_IDS = new Set([
  '',
  'NA',
  'N/A',
  'NULL',
  'NONE',
  'NIL',
  'UNKNOWN',
  'DESCONOCIDO',
  'SINRFC',
  'SN',
  'S/N',
  'XAXX010101000', // Mexico's generic RFC for the public at large
  'XEXX010101000', // Mexico's generic RFC for foreign residents
]);

/** Legal-form words at the end of a name, after `normaliseName`'s punctuation handling. */
const LEGAL_FORMS = new Set([
  'sa', 'sab', 'sapi', 'sas', 'saa', 'sac', 'srl', 'sl', 'sc', 'ac', 'rl', 'cv', 'de', 'y', 'ltd', 'ltda', 'limited',
  'llc', 'llp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'gmbh', 'ag', 'bv', 'nv', 'spa',
  'eirl', 'cia', 'pty', 'lp', 'oy', 'ab', 'as', 'sarl', 'tov', 'ooo', 'srls', 'scs',
]);

/** Currency typos seen in real data, after trimming and upper-casing. */
const CURRENCY_TYPOS: Record<string, string> = {
  MNX: 'MXN',
  EURO: 'EUR',
  EUROS: 'EUR',
  'US$': 'USD',
  NTD: 'TWD',
  'NT$': 'TWD',
  RMB: 'CNY',
};

/**
 * The page-wide identity of an organisation: `scheme/id` (normalised, e.g. `MX-RFC/ABC123456XY1`) when it has
 * a real identifier, else `name:` + the normalised name, else `party:` + ocid + `/` + the party id.
 */
export function organisationKey(
  org: { identifier?: { scheme?: unknown; id?: unknown }; name?: unknown; id?: unknown },
  ocid: string,
): string {
  const scheme = normaliseScheme(org.identifier?.scheme);
  const id = normaliseIdentifierId(org.identifier?.id);
  if (scheme && id !== undefined && !isPlaceholderId(id)) return boundedKey(`${scheme}/${id}`);
  // Without a scheme an id is only trusted when it has the form of a national id that cannot be mistaken for a
  // feed's own numbering ("1" for every supplier): Mexico's RFC (3-4 letters, a yymmdd date, 3 characters).
  if (!scheme && id !== undefined && !isPlaceholderId(id) && RFC_FORM.test(id)) return `MX-RFC/${id}`;
  const name = typeof org.name === 'string' ? cached(nameCache, org.name, normaliseName) : '';
  if (name) return boundedKey(`name:${name}`);
  return boundedKey(`party:${ocid}/${org.id === undefined || org.id === null ? '' : String(org.id)}`);
}

/**
 * The identity key of an organisation reference within one process: its organisationKey, except that a reference
 * with a name and no identifier takes the identifier key of the process's party of that name (1.0 payees upgraded
 * without their party). `keysByName` is the process's memory of it: name key → identifier key, null once two
 * identifiers share the name. Used by the model and by the summary engine, so both resolve alike.
 */
export function referenceKey(
  keysByName: Map<string, string | null>,
  identifier: { scheme?: unknown; id?: unknown } | undefined,
  name: string,
  partyId: string | undefined,
  ocid: string,
): string {
  const key = organisationKey({ identifier, name, id: partyId }, ocid);
  const nameKey = name ? organisationKey({ name }, ocid) : undefined;
  if (nameKey === undefined) return key;
  const known = keysByName.get(nameKey);
  if (nameKey !== key && !key.startsWith('party:')) {
    keysByName.set(nameKey, known === undefined || known === key ? key : null);
  } else if (nameKey === key && !identifier && known) {
    return known;
  }
  return key;
}

const MAX_KEY_LENGTH = 200;
const RFC_FORM = /^[A-Z&Ñ]{3,4}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[A-Z0-9]{3}$/;

/**
 * Keys travel into charts (Vega compares them on every frame) and attributes (`focus=`): a free-text name of
 * thousands of characters becomes its first characters plus a hash of the whole, still one key per name.
 */
function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return `${key.slice(0, MAX_KEY_LENGTH - 10)}~${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** Trimmed, upper-cased ISO 4217 code; known typos corrected (`MNX` -> `MXN`); anything else -> undefined. */
export function normaliseCurrency(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Most codes are already right: no new strings for them.
  if (!Object.hasOwn(CURRENCY_TYPOS, value) && knownCurrencies().has(value)) return value;
  const code = value.trim().toUpperCase();
  const corrected = CURRENCY_TYPOS[code] ?? code;
  return knownCurrencies().has(corrected) ? corrected : undefined;
}

/** Upper case, no accents, single spaces; mapped to one spelling when it is a known alias. */
export function normaliseScheme(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const scheme = cached(schemeCache, String(value), schemeSpelling);
  return scheme || undefined;
}

function schemeSpelling(text: string): string {
  const scheme = stripAccents(text).toUpperCase().replace(/\s+/g, ' ').trim();
  const alias = SCHEME_ALIASES[scheme];
  if (alias) return alias;
  // "Registro Federal de Contribuyentes (RFC)", "... de la SHCP": the register's name starts the scheme.
  if (scheme.startsWith('REGISTRO FEDERAL DE CONTRIBUYENTES')) return 'MX-RFC';
  // org-id.guide codes written with a space, underscore or dot: "MX RFC", "GB_COH" -> "MX-RFC", "GB-COH".
  const code = scheme.replace(/[\s_.]+/g, '-');
  if (/^[A-Z]{2}-[A-Z0-9]+$/.test(code)) return SCHEME_ALIASES[code] ?? code;
  return scheme;
}

// The same few thousand names, schemes and identifiers recur across a dataset's references; normalising is the costly part.
const nameCache = new Map<string, string>();
const schemeCache = new Map<string, string>();
const identifierCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;
function cached(cache: Map<string, string>, text: string, normalise: (text: string) => string): string {
  let result = cache.get(text);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = normalise(text);
    cache.set(text, result);
  }
  return result;
}

function normaliseIdentifierId(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return cached(identifierCache, String(value), identifierSpelling);
}

function identifierSpelling(text: string): string {
  return stripAccents(text).toUpperCase().replace(/[\s.\-_]/g, '');
}

function isPlaceholderId(id: string): boolean {
  return PLACEHOLDER_IDS.has(id) || /^0+$/.test(id) || /^[^A-Z0-9]*$/.test(id);
}

/**
 * Lower case, no accents, punctuation as spaces, runs of single letters joined ("s a de c v" -> "sa de cv"),
 * trailing legal forms removed ("S.A. de C.V.", "SA DE CV", "S.R.L.", "Ltd", "LLC", "Inc").
 */
export function normaliseName(name: string): string {
  const words = stripAccents(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const joined: string[] = [];
  let previousWasInitials = false;
  for (const word of words) {
    const initial = word.length === 1 && /\p{L}/u.test(word);
    // "s a de c v" (from "S. A. de C. V.") -> "sa de cv": join runs of one-letter words.
    if (initial && previousWasInitials) joined[joined.length - 1] += word;
    else joined.push(word);
    previousWasInitials = initial;
  }
  // Trailing legal forms go, with the stray letters of a truncated one ("S.A DE C"), but only after a real one.
  let end = joined.length;
  let cut = end;
  while (end > 1 && (LEGAL_FORMS.has(joined[end - 1]) || joined[end - 1].length === 1)) {
    end--;
    if (LEGAL_FORMS.has(joined[end])) cut = end;
  }
  return joined.slice(0, cut).join(' ');
}

function stripAccents(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '');
}
const ASCII = /^[\x00-\x7f]*$/;

let currencies: { has(code: string): boolean } | undefined;
function knownCurrencies(): { has(code: string): boolean } {
  // ISO 4217 as the browser knows it; where Intl cannot list currencies (old engines), any three letters.
  currencies ??=
    typeof Intl.supportedValuesOf === 'function'
      ? new Set([...Intl.supportedValuesOf('currency'), 'XXX'])
      : { has: (code: string) => /^[A-Z]{3}$/.test(code) };
  return currencies;
}
