// Which published compiled releases `ocds-widgets summarize` hands to the engine (sql/engine-*.sql reads them as
// JSON with explicit columns and builds their facts), and which go through the kit's model (src/data) as before.
// The kit's repairs and 1.0 upgrade run here first, so the engine sees what the model would see; a release is the
// engine's only when the SQL's reading of it is the model's — every amount is a plain number with a known (or no)
// currency, every text the SQL trims or compares is plain ASCII, merging it alone would change nothing — and the
// organisations' keys and names are worked out here by the model's own rules (the kit's normalisation). Anything else is the model's: the rule is
// conservative, and test/summarize.mjs checks both paths give the browser's numbers.
import type { JsonObject } from '../data/types.js';
import { repairRelease } from '../data/validate.js';
import { isOcds10Release, upgradeRelease } from '../data/upgrade.js';
import { normaliseCurrency, referenceKey } from '../data/organisations.js';
import { decimalText } from './facts.js';

/** What the engine reads beside the release: the organisations' identity keys and names (the kit's normalisation). */
export interface EngineRelease {
  /** The release as the model would read it (repaired, upgraded). */
  release: JsonObject;
  /** The buyer's key, the procuring entity's, and each award's distinct suppliers' keys (null: none). */
  buyer: string | null;
  procuringEntity: string | null;
  suppliers: string[][];
  /** Every name the organisation registry counts for this process, under its key (a name once per use). */
  names: { k: string; n: string }[];
  /** The release history's date and whether its release had tender content (processStart's and tenderDate's last resorts). */
  historyDate: string | null;
  historyTender: boolean;
  /** Whether the release has a tender object. */
  tender: boolean;
  /** Whether an award's supplier carries an identifier id (coverageRows' `supplier-identifier`, as the model reads it). */
  supplierIdentified: boolean;
  /** Whether the repairs or the upgrade changed the release (else it is the published text's). */
  changed: boolean;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;
/** Printable ASCII without spaces at either end: SQL's TRIM and LOWER read it as JavaScript's trim and toLowerCase. */
const PLAIN = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;
/** Dates: printable ASCII without spaces, so SQL's string order is JavaScript's. */
const DATE = /^[\x21-\x7e]*$/;
const plainText = (value: unknown) => absent(value) || (typeof value === 'string' && PLAIN.test(value));
const dateText = (value: unknown) => absent(value) || (typeof value === 'string' && DATE.test(value));
/** Free text read as the model reads it (blank is missing): no spaces at either end, so no trimming is needed. */
const freeText = (value: unknown) => absent(value) || (typeof value === 'string' && value === value.trim());
/** Magnitudes whose decimal text the engine writes as decimalText does (sql/engine-functions.sql). */
const MAX_AMOUNT = 1e15;

function money(value: unknown): boolean {
  if (absent(value)) return true;
  if (!isObject(value)) return false;
  const { amount, currency } = value;
  if (!absent(amount) && !(typeof amount === 'number' && Number.isFinite(amount) && Math.abs(amount) < MAX_AMOUNT && Number(decimalText(amount)) === amount)) return false;
  return absent(currency) || currency === '' || (typeof currency === 'string' && normaliseCurrency(currency) === currency);
}

const list = (value: unknown): value is JsonObject[] | null | undefined => absent(value) || (Array.isArray(value) && value.every(isObject));

/** No array anywhere holds two objects with the same id: merging the release alone would change nothing. */
function uniqueIds(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    let ids: Set<string> | undefined;
    for (const item of value) {
      if (isObject(item) && item.id !== undefined && item.id !== null) {
        ids ??= new Set();
        const id = String(item.id);
        if (ids.has(id)) return false;
        ids.add(id);
      }
      if (typeof item === 'object' && item !== null && !uniqueIds(item, depth + 1)) return false;
    }
    return true;
  }
  if (typeof value === 'object' && value !== null) {
    for (const key in value as JsonObject) {
      const member = (value as JsonObject)[key];
      if (typeof member === 'object' && member !== null && !uniqueIds(member, depth + 1)) return false;
    }
  }
  return true;
}

/**
 * The release for the engine, repaired and upgraded in place, or undefined when the model must read it.
 * `compiled`: a compiled release read as a release (the browser merges it alone); otherwise a record's
 * `compiledRelease` (used as published). The caller keeps the original for the model.
 */
export function engineRelease(doc: JsonObject, compiled: boolean): EngineRelease | undefined {
  let changed = false;
  const repaired = repairRelease(doc, '', () => {
    changed = true;
  });
  if (!repaired) return undefined;
  const ocid = repaired.ocid;
  if (typeof ocid !== 'string') return undefined;
  const historyDate = typeof repaired.date === 'string' ? repaired.date : null;
  const tenderObject = repaired.tender;
  const historyTender = isObject(tenderObject) && Object.keys(tenderObject).some((key) => key !== 'id');
  if (compiled) {
    const { tag, id } = repaired;
    if (!Array.isArray(tag) || tag.length !== 1 || tag[0] !== 'compiled') return undefined;
    if (!((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id)))) return undefined;
  }
  const old = isOcds10Release(repaired);
  if (old) changed = true;
  const release = old ? upgradeRelease(repaired, undefined, { owned: true }) : repaired;
  if (!dateText(release.date) || !freeText(release.title)) return undefined;
  if (!uniqueIds(release)) return undefined;
  const references = new References(release, ocid);
  const planning = release.planning;
  if (!absent(planning)) {
    if (!isObject(planning)) return undefined;
    if (!absent(planning.budget) && !(isObject(planning.budget) && money(planning.budget.amount))) return undefined;
  }
  const tender = release.tender;
  if (!absent(tender)) {
    if (!isObject(tender)) return undefined;
    if (!money(tender.value)) return undefined;
    if (!plainText(tender.status) || !plainText(tender.procurementMethod) || !plainText(tender.mainProcurementCategory)) return undefined;
    if (!freeText(tender.procurementMethodDetails) || !freeText(tender.title) || !dateText(tender.datePublished)) return undefined;
    const period = tender.tenderPeriod;
    if (!absent(period) && !(isObject(period) && dateText(period.startDate) && dateText(period.endDate))) return undefined;
  }
  // The model's reading order (src/data/model.ts): procuring entity, buyer, awards' suppliers, then payers and payees.
  const procuringEntity = isObject(tender) ? references.org(tender.procuringEntity) : undefined;
  const buyer = references.org(release.buyer) ?? procuringEntity;
  if (!list(release.awards) || !list(release.contracts)) return undefined;
  const suppliers: string[][] = [];
  let supplierIdentified = false;
  for (const award of release.awards ?? []) {
    if (!plainText(award.status) || !dateText(award.date) || !freeText(award.title) || !money(award.value)) return undefined;
    const keys: string[] = [];
    for (const supplier of arrayOf(award.suppliers)) {
      const key = references.org(supplier);
      // Two references to one organisation in an award: the model counts it once.
      if (key !== undefined && !keys.includes(key)) {
        keys.push(key);
        if (references.identifierId !== undefined) supplierIdentified = true;
      }
    }
    suppliers.push(keys);
  }
  for (const contract of release.contracts ?? []) {
    if (!plainText(contract.status) || !dateText(contract.dateSigned) || !freeText(contract.title) || !money(contract.value)) return undefined;
    const period = contract.period;
    if (!absent(period) && !(isObject(period) && dateText(period.startDate) && dateText(period.endDate))) return undefined;
    const implementation = contract.implementation;
    if (absent(implementation)) continue;
    if (!isObject(implementation) || !list(implementation.transactions)) return undefined;
    for (const transaction of implementation.transactions ?? []) {
      if (!dateText(transaction.date) || !money(transaction.value)) return undefined;
      // 1.0 names the model would read: `amount` when there is no `value`, the provider and receiver when there is no payer or payee.
      if (absent(transaction.value) && !absent(transaction.amount)) return undefined;
      references.party(transaction, 'payer', 'providerOrganization');
      references.party(transaction, 'payee', 'receiverOrganization');
    }
  }
  return {
    release,
    buyer: buyer ?? null,
    procuringEntity: procuringEntity ?? null,
    suppliers,
    names: references.names,
    historyDate,
    historyTender,
    tender: isObject(tender),
    supplierIdentified,
    changed,
  };
}

function arrayOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return absent(value) ? [] : [value];
}

const objects = (value: unknown): JsonObject[] => arrayOf(value).filter(isObject);

/**
 * The organisations of one process as the model resolves them (ProcessReader in src/data/model.ts: parties by id,
 * else by identifier; identity keys; names by key), giving their keys and the names its registry counts.
 */
class References {
  readonly names: { k: string; n: string }[] = [];
  /** The identifier id of the organisation `org` last resolved (the model's OrgRef.identifier.id). */
  identifierId: string | undefined;
  private readonly parties = new Map<string, JsonObject>();
  private readonly partiesByIdentifier = new Map<string, JsonObject>();
  private readonly partyKeys = new Map<JsonObject, string>();
  private readonly keysByName = new Map<string, string | null>();

  constructor(
    release: JsonObject,
    private readonly ocid: string,
  ) {
    for (const party of objects(release.parties)) {
      const id = text(party.id);
      if (id !== undefined && !this.parties.has(id)) this.parties.set(id, party);
      const identifier = isObject(party.identifier) ? party.identifier : undefined;
      const identifierId = text(identifier?.id);
      if (identifierId && !this.partiesByIdentifier.has(identifierId)) this.partiesByIdentifier.set(identifierId, party);
      const ref = this.ref(identifier, text(party.name) ?? text(identifier?.legalName) ?? '', id);
      if (ref) {
        this.partyKeys.set(party, ref.key);
        this.add(ref);
      }
    }
  }

  /** A transaction's payer or payee: the 1.1 reference, else the 1.0 identifier. */
  party(source: JsonObject, key: string, key10: string): void {
    if (isObject(source[key])) this.org(source[key]);
    else this.org(source[key10], true);
  }

  /** The key of a reference (or of a 1.0 identifier), registering its name where the model does. */
  org(source: unknown, identifierKind = false): string | undefined {
    if (!isObject(source)) return undefined;
    const givenIdentifier = identifierKind ? source : isObject(source.identifier) ? source.identifier : undefined;
    const referenceId = identifierKind ? undefined : text(source.id);
    let party = referenceId !== undefined ? this.parties.get(referenceId) : undefined;
    const identifierId = text(givenIdentifier?.id);
    party ??= identifierId !== undefined ? this.partiesByIdentifier.get(identifierId) : undefined;
    const identifierObject = (isObject(party?.identifier) ? party.identifier : undefined) ?? givenIdentifier;
    this.identifierId = text(identifierObject?.id);
    const name = (identifierKind ? undefined : text(source.name)) || text(party?.name) || text(identifierObject?.legalName) || '';
    const ref = this.ref(identifierObject, name, text(party?.id) ?? referenceId);
    if (!ref) return undefined;
    if (!party || this.partyKeys.get(party) !== ref.key) this.add(ref);
    return ref.key;
  }

  private ref(identifierObject: JsonObject | undefined, name: string, partyId: string | undefined): { key: string; name: string } | undefined {
    if (partyId === undefined && !name && !identifierObject) return undefined;
    const ref = { key: referenceKey(this.keysByName, identifierObject, name, partyId, this.ocid), name };
    return ref;
  }

  private add(ref: { key: string; name: string }): void {
    const name = ref.name.trim();
    if (name) this.names.push({ k: ref.key, n: name });
  }
}

/** A string (or number) value; blank strings carry nothing (the model's `text`). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
