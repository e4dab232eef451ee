// OCDS 1.0 -> 1.1 upgrade, reproducing ocdskit's `upgrade 1.0:1.1`
// (https://ocdskit.readthedocs.io/en/latest/cli/ocds.html#upgrade):
// - inline organisations (buyer, procuring entity, tenderers, suppliers) move to `parties`, with roles, and are
//   replaced by references `{ id, name }`; an organisation without `id` gets the MD5 hash of its identifying fields;
// - `amendment` becomes `amendments: [amendment]` on the tender, awards and contracts;
// - transactions: `amount` -> `value`; `providerOrganization` / `receiverOrganization` (identifiers) -> `payer` /
//   `payee` references. Like ocdskit, payer and payee are not added to `parties` (only roles of parties already
//   there are updated).
// 1.0 is detected per release by its shape, since the declared `version` is often missing or wrong.
import type { DataIssue, JsonObject } from './types.js';
import { cloneJson, jsonEqual } from './merge.js';

/** Fields of an organisation that are 1.0 `Organization` details rather than a 1.1 reference. */
const ORGANISATION_DETAILS = ['identifier', 'additionalIdentifiers', 'address', 'contactPoint'];

/**
 * Whether a release is OCDS 1.0 by its shape: organisations inline without `parties` (objects without an `id`, or
 * with 1.0 details such as `identifier` or `address`), transactions with `amount`, `providerOrganization` or
 * `receiverOrganization` (and not their 1.1 names), or a singular `amendment` object on the tender, an award or a
 * contract. A release with nothing to upgrade is not 1.0.
 */
export function isOcds10Release(release: JsonObject): boolean {
  if (!isObject(release)) return false;
  // Read without building the slot lists `upgradeRelease` uses: most releases are 1.1 and this runs on each.
  if (!Object.hasOwn(release, 'parties')) {
    if (Object.hasOwn(release, 'buyer') && isInline(release.buyer)) return true;
    const tender = release.tender;
    if (isObject(tender)) {
      if (Object.hasOwn(tender, 'procuringEntity') && isInline(tender.procuringEntity)) return true;
      if (Array.isArray(tender.tenderers) && tender.tenderers.some(isInline)) return true;
    }
    if (Array.isArray(release.awards)) {
      for (const award of release.awards) {
        if (isObject(award) && Array.isArray(award.suppliers) && award.suppliers.some(isInline)) return true;
      }
    }
  }
  if (isObject(release.tender) && isObject(release.tender.amendment)) return true;
  for (const field of ['awards', 'contracts']) {
    const list = release[field];
    if (Array.isArray(list) && list.some((block) => isObject(block) && isObject(block.amendment))) return true;
  }
  if (!Array.isArray(release.contracts)) return false;
  for (const contract of release.contracts) {
    const implementation = isObject(contract) ? contract.implementation : undefined;
    const list = isObject(implementation) ? implementation.transactions : undefined;
    if (Array.isArray(list) && list.some((transaction) => isObject(transaction) && isOldTransaction(transaction))) return true;
  }
  return false;
}

/** A 1.0 organisation: inline (no `id`), or with 1.0 details. */
function isInline(organisation: unknown): boolean {
  return (
    isObject(organisation) &&
    (!Object.hasOwn(organisation, 'id') || ORGANISATION_DETAILS.some((field) => Object.hasOwn(organisation, field)))
  );
}

function isOldTransaction(transaction: JsonObject): boolean {
  return (
    (Object.hasOwn(transaction, 'amount') && !Object.hasOwn(transaction, 'value')) ||
    (Object.hasOwn(transaction, 'providerOrganization') && !Object.hasOwn(transaction, 'payer')) ||
    (Object.hasOwn(transaction, 'receiverOrganization') && !Object.hasOwn(transaction, 'payee'))
  );
}

/**
 * Upgrades an OCDS 1.0 release to 1.1 (a new object; the input is not modified, unless `owned`: the caller gives
 * the release away, and it is upgraded in place). Returns the input itself when it is not 1.0 by shape (see
 * `isOcds10Release`). Organisations that are not objects are left as they are, and organisations that share a
 * party `id` but differ are reported (the first one is kept in `parties`).
 */
export function upgradeRelease(
  release: JsonObject,
  onIssue?: (issue: DataIssue) => void,
  { owned = false }: { owned?: boolean } = {},
): JsonObject {
  if (!isOcds10Release(release)) return release;
  const upgraded = owned ? release : (cloneJson(release) as JsonObject);
  const ocid = release.ocid;
  const report = (issue: Omit<DataIssue, 'ocid'>) => onIssue?.(typeof ocid === 'string' ? { ...issue, ocid } : issue);
  // A release that already has `parties` holds references, not 1.0 organisations (ocdskit treats it as 1.1).
  if (!Object.hasOwn(upgraded, 'parties')) upgradeOrganisations(upgraded, report);
  upgradeAmendments(upgraded, report);
  upgradeTransactions(upgraded, report);
  return upgraded;
}

/**
 * Upgrades a release package: each 1.0 release (by shape) is upgraded, and the package declares `version: "1.1"`
 * when it declared 1.0 (or nothing) or held 1.0 releases. Returns the input itself when there is nothing to do.
 */
export function upgradeReleasePackage(releasePackage: JsonObject, onIssue?: (issue: DataIssue) => void): JsonObject {
  if (!isObject(releasePackage) || !Array.isArray(releasePackage.releases)) return releasePackage;
  const releases = releasePackage.releases.map((release: JsonObject) => upgradeRelease(release, onIssue));
  return upgradedPackage(releasePackage, 'releases', releases, releasePackage.releases);
}

/**
 * Upgrades a record package: the embedded releases and the compiled release of each record, as
 * `upgradeReleasePackage` does for releases.
 */
export function upgradeRecordPackage(recordPackage: JsonObject, onIssue?: (issue: DataIssue) => void): JsonObject {
  if (!isObject(recordPackage) || !Array.isArray(recordPackage.records)) return recordPackage;
  const records = recordPackage.records.map((record: unknown) => upgradeRecord(record, onIssue));
  return upgradedPackage(recordPackage, 'records', records, recordPackage.records);
}

function upgradeRecord(record: unknown, onIssue?: (issue: DataIssue) => void): unknown {
  if (!isObject(record)) return record;
  const upgraded = { ...record };
  const releases = Array.isArray(record.releases) ? (record.releases as JsonObject[]) : [];
  const upgradedReleases = releases.map((release) => upgradeRelease(release, onIssue));
  if (upgradedReleases.some((release, i) => release !== releases[i])) upgraded.releases = upgradedReleases;
  if (isObject(record.compiledRelease)) upgraded.compiledRelease = upgradeRelease(record.compiledRelease, onIssue);
  const changed = upgraded.releases !== record.releases || upgraded.compiledRelease !== record.compiledRelease;
  return changed ? upgraded : record;
}

function upgradedPackage(original: JsonObject, field: string, items: unknown[], originalItems: unknown[]): JsonObject {
  const version = original.version;
  const declares10 =
    version === undefined || version === null || (typeof version === 'string' && version.startsWith('1.0'));
  const changed = items.some((item, i) => item !== originalItems[i]);
  if (!declares10 && !changed) return original;
  return { ...original, version: '1.1', [field]: items };
}

type Report = (issue: Omit<DataIssue, 'ocid'>) => void;

/** Parties by id, in order: the release's parties, then organisations as they are moved there. */
type Parties = Map<unknown, JsonObject>;

function upgradeOrganisations(release: JsonObject, report: Report): void {
  const parties = existingParties(release);
  // In the order ocdskit moves them to `parties`: buyer, procuring entity, tenderers, suppliers.
  if (Object.hasOwn(release, 'buyer')) moveOrganisation(parties, release, 'buyer', 'buyer', -1, -1, report);
  const tender = release.tender;
  if (isObject(tender)) {
    if (Object.hasOwn(tender, 'procuringEntity')) moveOrganisation(parties, tender, 'procuringEntity', 'procuringEntity', -1, -1, report);
    const tenderers = tender.tenderers;
    if (Array.isArray(tenderers)) {
      for (let i = 0; i < tenderers.length; i++) moveOrganisation(parties, tenderers, i, 'tenderer', -1, i, report);
    }
  }
  if (Array.isArray(release.awards)) {
    release.awards.forEach((award: unknown, a) => {
      const suppliers = isObject(award) ? award.suppliers : undefined;
      if (!Array.isArray(suppliers)) return;
      for (let i = 0; i < suppliers.length; i++) moveOrganisation(parties, suppliers, i, 'supplier', a, i, report);
    });
  }
  if (parties.size === 0) return;
  // A 1.0 release has no `parties` of its own (else it is not upgraded here): the list is new, and its parties
  // differ by id, so none is a copy of another.
  const fresh = !Array.isArray(release.parties);
  if (fresh) release.parties = [];
  const list = release.parties as unknown[];
  for (const party of parties.values()) {
    if (fresh || !list.some((existing) => existing === party || jsonEqual(existing, party))) list.push(party);
  }
}

/** Replaces the organisation at `holder[key]` with a reference to its party (the party added when new). */
function moveOrganisation(
  parties: Parties,
  holder: JsonObject | unknown[],
  key: string | number,
  role: string,
  award: number,
  index: number,
  report: Report,
): void {
  const organisation = (holder as Record<string | number, unknown>)[key];
  if (organisation === null || organisation === undefined) return;
  const path = organisationPath(role, award, index);
  if (!isObject(organisation)) {
    report({ code: 'upgrade-organisation-not-object', path, message: `The ${role} at ${path} is not an object; it was left as it is.` });
    return;
  }
  (holder as Record<string | number, unknown>)[key] = addParty(parties, organisation, role, path, report);
}

function organisationPath(role: string, award: number, index: number): string {
  if (role === 'buyer') return 'buyer';
  if (role === 'procuringEntity') return 'tender.procuringEntity';
  return role === 'tenderer' ? `tender.tenderers[${index}]` : `awards[${award}].suppliers[${index}]`;
}

function upgradeAmendments(release: JsonObject, report: Report): void {
  for (const { block, path } of amendable(release)) {
    if (!Object.hasOwn(block, 'amendment')) continue;
    const amendment = block.amendment;
    delete block.amendment;
    if (amendment === null) continue;
    if (!Array.isArray(block.amendments)) {
      if (block.amendments !== undefined) {
        report({
          code: 'upgrade-amendments-not-array',
          path: `${path}.amendments`,
          message: 'An `amendments` value that is not an array was replaced by the 1.0 `amendment`.',
        });
      }
      block.amendments = [];
    }
    const amendments = block.amendments as unknown[];
    if (!amendments.some((existing) => jsonEqual(existing, amendment))) amendments.push(amendment);
  }
}

const TRANSACTION_ORGANISATIONS = [
  ['providerOrganization', 'payer'],
  ['receiverOrganization', 'payee'],
] as const;

function upgradeTransactions(release: JsonObject, report: Report): void {
  if (!Array.isArray(release.contracts)) return;
  let parties: Parties | undefined;
  release.contracts.forEach((contract: unknown, c) => {
    const implementation = isObject(contract) ? contract.implementation : undefined;
    const list = isObject(implementation) ? implementation.transactions : undefined;
    if (!Array.isArray(list)) return;
    list.forEach((transaction: unknown, t) => {
      if (!isObject(transaction)) return;
      if (!Object.hasOwn(transaction, 'value') && Object.hasOwn(transaction, 'amount')) {
        transaction.value = transaction.amount;
        delete transaction.amount;
      }
      for (const [old, role] of TRANSACTION_ORGANISATIONS) {
        if (!Object.hasOwn(transaction, old) || Object.hasOwn(transaction, role)) continue;
        const identifier = transaction[old];
        const party: JsonObject = { identifier };
        if (isObject(identifier) && Object.hasOwn(identifier, 'legalName')) party.name = identifier.legalName;
        // The parties and the path only when a transaction has a 1.0 organisation: most have none.
        parties ??= existingParties(release);
        transaction[role] = addParty(parties, party, role, `contracts[${c}].implementation.transactions[${t}].${old}`, report);
        delete transaction[old];
      }
    });
  });
}

function existingParties(release: JsonObject): Parties {
  const parties: Parties = new Map();
  if (!Array.isArray(release.parties)) return parties;
  for (const party of release.parties) {
    if (isObject(party)) parties.set(Object.hasOwn(party, 'id') ? party.id : partyId(party), party);
  }
  return parties;
}

/** Puts an organisation in `parties` with its role, and returns the reference that replaces it. */
function addParty(parties: Parties, party: JsonObject, role: string, path: string, report: Report): JsonObject {
  // `party` moves to `parties`: the upgraded release (a copy, or owned) replaces it with the returned reference.
  if (!Object.hasOwn(party, 'id')) party.id = partyId(party);
  const id = party.id;
  const survivor = parties.get(id);
  if (!survivor) {
    parties.set(id, party);
  } else if (Object.keys(party).some((key) => key !== 'roles' && !jsonEqual(party[key], survivor[key]))) {
    report({
      code: 'upgrade-party-differs',
      path,
      message: `The ${role} at ${path} has the same party id as another organisation in the release but different details; the first one's details were kept.`,
    });
  }
  const stored = parties.get(id)!;
  // As ocdskit does: roles are sorted before a new one is added.
  const roles =
    typeof stored.roles === 'string' ? [stored.roles] : Array.isArray(stored.roles) ? [...stored.roles].sort() : [];
  if (!roles.includes(role)) roles.push(role);
  stored.roles = roles;
  const reference: JsonObject = { id };
  if (Object.hasOwn(party, 'name')) reference.name = party.name;
  return reference;
}

const PARTY_ID_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['identifier', ['scheme', 'id', 'legalName', 'uri']],
  ['address', ['streetAddress', 'locality', 'region', 'postalCode', 'countryName']],
  ['contactPoint', ['name', 'email', 'telephone', 'faxNumber', 'url']],
];

/** The 1.0 party id: the MD5 hash of the organisation's identifying fields, as ocdskit computes it. */
function partyId(party: JsonObject): string {
  const parts: string[] = [pythonText(party.name)];
  for (const [parent, fields] of PARTY_ID_FIELDS) {
    if (!Object.hasOwn(party, parent)) continue;
    const group = isObject(party[parent]) ? party[parent] : {};
    for (const field of fields) parts.push(pythonText(group[field]));
  }
  return md5Hex(parts.join('-'));
}

/** Python's `str(value or "")` for a JSON value. */
function pythonText(value: unknown): string {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return '';
  if (Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0) return '';
  if (value === true) return 'True';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  // Python would print its own repr of an object here; no real organisation has one, any stable text will do.
  return Object.prototype.toString.call(value);
}

/** The tender, awards and contracts: the blocks where 1.0 has a singular `amendment`. */
function amendable(release: JsonObject): { block: JsonObject; path: string }[] {
  const blocks: { block: unknown; path: string }[] = [{ block: release.tender, path: 'tender' }];
  for (const field of ['awards', 'contracts']) {
    const list = release[field];
    if (Array.isArray(list)) blocks.push(...list.map((block, i) => ({ block, path: `${field}[${i}]` })));
  }
  return blocks.filter((entry): entry is { block: JsonObject; path: string } => isObject(entry.block));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// MD5 (RFC 1321), for the party ids ocdskit derives; not used for security.
const MD5_SHIFTS = new Int32Array([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);
const MD5_CONSTANTS = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const utf8 = new TextEncoder();

/**
 * Party ids already computed: a publisher's 1.0 releases repeat the same organisations in every release. Bounded,
 * and emptied when full (a page-sized working set, not a store).
 */
const md5Cache = new Map<string, string>();
const MD5_CACHE_SIZE = 4096;

function md5Hex(text: string): string {
  let hex = md5Cache.get(text);
  if (hex === undefined) {
    if (md5Cache.size >= MD5_CACHE_SIZE) md5Cache.clear();
    hex = md5(utf8.encode(text));
    md5Cache.set(text, hex);
  }
  return hex;
}

function md5(bytes: Uint8Array): string {
  const length = (((bytes.length + 8) >> 6) + 1) << 6;
  const buffer = new Uint8Array(length);
  buffer.set(bytes);
  buffer[bytes.length] = 0x80;
  const view = new DataView(buffer.buffer);
  view.setUint32(length - 8, (bytes.length * 8) >>> 0, true);
  view.setUint32(length - 4, Math.floor(bytes.length / 2 ** 29), true);
  const words = new Int32Array(16);
  let s0 = 0x67452301 | 0;
  let s1 = 0xefcdab89 | 0;
  let s2 = 0x98badcfe | 0;
  let s3 = 0x10325476 | 0;
  for (let chunk = 0; chunk < length; chunk += 64) {
    for (let w = 0; w < 16; w++) words[w] = view.getInt32(chunk + w * 4, true);
    let a = s0;
    let b = s1;
    let c = s2;
    let d = s3;
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      let f: number;
      let g: number;
      if (round === 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round === 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (round === 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const sum = (f + a + MD5_CONSTANTS[i] + words[g]) | 0;
      const shift = MD5_SHIFTS[(round << 2) | (i & 3)];
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    s0 = (s0 + a) | 0;
    s1 = (s1 + b) | 0;
    s2 = (s2 + c) | 0;
    s3 = (s3 + d) | 0;
  }
  let hex = '';
  for (const word of [s0, s1, s2, s3]) {
    hex += HEX[word & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[(word >>> 16) & 0xff] + HEX[word >>> 24];
  }
  return hex;
}
