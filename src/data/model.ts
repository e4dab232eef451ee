// The model: one Process per contracting process, read from its (repaired, 1.1) compiled release.
// Money follows the README's "Money rules": normalised currency, `XXX` bucket for missing or unknown
// currencies, transactions inherit their contract's currency, negative amounts kept and reported.
import type {
  Amendment,
  Award,
  Contract,
  DataIssue,
  JsonObject,
  Milestone,
  Money,
  OrgRef,
  Organisation,
  Period,
  Process,
  ReleaseRef,
  Tender,
  Transaction,
} from './types.js';
import { normaliseCurrency, normaliseScheme, referenceKey } from './organisations.js';

/** The ISO 4217 code for "no currency": the bucket for missing or unknown currencies. */
export const NO_CURRENCY = 'XXX';

/** Collects every organisation referenced by the processes, with its name variants. */
export class OrganisationRegistry {
  private readonly entries = new Map<string, { names: Map<string, number>; identifier?: { scheme: string; id: string } }>();

  add(ref: OrgRef): void {
    let entry = this.entries.get(ref.key);
    if (!entry) {
      entry = { names: new Map() };
      this.entries.set(ref.key, entry);
    }
    const name = ref.name.trim();
    if (name) entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
    // Only identity keys built from an identifier carry one (`scheme/id`, the scheme normalised).
    const id = ref.identifier?.id;
    if (!entry.identifier && id && !ref.key.startsWith('name:') && !ref.key.startsWith('party:')) {
      // A scheme-less identifier used as the identity (see `organisationKey`) has its scheme in the key.
      const scheme = normaliseScheme(ref.identifier?.scheme) ?? ref.key.slice(0, ref.key.indexOf('/'));
      if (scheme) entry.identifier = { scheme, id };
    }
  }

  /** Organisations by key; names most frequent first (ties in code-unit order, so the input order does not matter). */
  toMap(): Map<string, Organisation> {
    const organisations = new Map<string, Organisation>();
    for (const [key, entry] of this.entries) {
      const ranked = [...entry.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const names = ranked.map(([name]) => name);
      const nameCounts = ranked.map(([, count]) => count);
      organisations.set(key, entry.identifier ? { key, names, nameCounts, identifier: entry.identifier } : { key, names, nameCounts });
    }
    return organisations;
  }
}

export interface ModelContext {
  onIssue: (issue: DataIssue) => void;
  organisations: OrganisationRegistry;
}

/** Builds the model of one process from its compiled release and release history. */
export function buildProcess(compiled: JsonObject, releases: ReleaseRef[], context: ModelContext): Process {
  const ocid = String(compiled.ocid);
  const reader = new ProcessReader(ocid, compiled, context);
  const process = reader.read(releases);
  reader.flush();
  return process;
}

class ProcessReader {
  private readonly parties = new Map<string, JsonObject>();
  private readonly partiesByIdentifier = new Map<string, JsonObject>();
  /** The identity each party was registered under (a reference with the same identity is not counted again). */
  private readonly partyKeys = new Map<JsonObject, string>();
  /**
   * Identifier-based keys of this process's parties by their name key, for references with a name and no
   * identifier (1.0 payees upgraded without their party); null when two identifiers share the name.
   */
  private readonly keysByName = new Map<string, string | null>();
  /** Identity keys taken from a scheme-less identifier, reported once per process. */
  private readonly schemeless = new Set<string>();
  private counts: Map<string, { path: string; message: string; count: number }> | undefined;

  constructor(
    private readonly ocid: string,
    private readonly compiled: JsonObject,
    private readonly context: ModelContext,
  ) {
    for (const party of objects(compiled.parties)) {
      const id = text(party.id);
      if (id !== undefined && !this.parties.has(id)) this.parties.set(id, party);
      const identifierId = text(object(party.identifier)?.id);
      if (identifierId && !this.partiesByIdentifier.has(identifierId)) this.partiesByIdentifier.set(identifierId, party);
      // Every party is an organisation seen in the dataset, referenced or not (tenderers, enquirers, ...).
      const ref = this.ref(object(party.identifier), text(party.name) ?? text(object(party.identifier)?.legalName) ?? '', id, 'parties');
      if (ref) {
        this.partyKeys.set(party, ref.key);
        context.organisations.add(ref);
      }
    }
  }

  read(releases: ReleaseRef[]): Process {
    const { compiled } = this;
    const tenderObject = object(compiled.tender);
    const tender = tenderObject ? this.tender(tenderObject) : undefined;
    const procuringEntity = tenderObject ? this.org(tenderObject.procuringEntity, 'tender.procuringEntity') : undefined;
    let buyer = this.org(compiled.buyer, 'buyer');
    if (!buyer && procuringEntity) {
      buyer = procuringEntity;
      this.issue(
        'buyer-from-procuring-entity',
        'buyer',
        `No buyer${compiled.buyer === null ? ' (buyer is null)' : ''}; the procuring entity "${procuringEntity.name}" is used as the buyer.`,
      );
    }
    const planningObject = object(compiled.planning);
    const process: Process = {
      ocid: this.ocid,
      awards: this.withoutCopies(compiled.awards, 'awards').map(([award, path]) => this.award(award, path)),
      contracts: this.withoutCopies(compiled.contracts, 'contracts').map(([contract, path]) => this.contract(contract, path)),
      releases,
      compiledRelease: compiled,
    };
    assign(process, 'title', text(tenderObject?.title) ?? text(compiled.title) ?? process.awards[0]?.title ?? process.contracts[0]?.title);
    assign(process, 'description', text(tenderObject?.description) ?? text(compiled.description));
    assign(process, 'buyer', buyer);
    assign(process, 'procuringEntity', procuringEntity);
    assign(process, 'procurementMethod', tender?.procurementMethod);
    assign(process, 'procurementMethodDetails', tender?.procurementMethodDetails);
    assign(process, 'mainProcurementCategory', tender?.mainProcurementCategory);
    if (planningObject) {
      const budget = object(planningObject.budget);
      const planning: NonNullable<Process['planning']> = {
        milestones: objects(planningObject.milestones).map(milestone),
      };
      assign(planning, 'budget', this.money(budget?.amount, 'planning.budget.amount'));
      assign(planning, 'budgetDescription', text(budget?.description));
      process.planning = planning;
    }
    assign(process, 'tender', tender);
    return process;
  }

  private tender(source: JsonObject): Tender {
    const tender: Tender = {
      milestones: objects(source.milestones).map(milestone),
      amendments: amendments(source),
    };
    assign(tender, 'id', text(source.id));
    assign(tender, 'title', text(source.title));
    assign(tender, 'status', text(source.status));
    assign(tender, 'value', this.money(source.value, 'tender.value'));
    assign(tender, 'procurementMethod', text(source.procurementMethod));
    assign(tender, 'procurementMethodDetails', text(source.procurementMethodDetails));
    assign(tender, 'mainProcurementCategory', text(source.mainProcurementCategory));
    assign(tender, 'numberOfTenderers', finite(source.numberOfTenderers));
    assign(tender, 'tenderPeriod', period(source.tenderPeriod));
    assign(tender, 'enquiryPeriod', period(source.enquiryPeriod));
    assign(tender, 'awardPeriod', period(source.awardPeriod));
    return tender;
  }

  private award(source: JsonObject, path: string): Award {
    const award: Award = {
      id: text(source.id) ?? '',
      suppliers: this.suppliers(source.suppliers, `${path}.suppliers`),
      amendments: amendments(source),
    };
    assign(award, 'title', text(source.title));
    assign(award, 'status', text(source.status));
    assign(award, 'date', text(source.date));
    assign(award, 'value', this.money(source.value, `${path}.value`));
    assign(award, 'contractPeriod', period(source.contractPeriod));
    return award;
  }

  private contract(source: JsonObject, path: string): Contract {
    const value = this.money(source.value, `${path}.value`);
    const implementation = object(source.implementation);
    const contractCurrency = value && value.currency !== NO_CURRENCY ? value.currency : undefined;
    const contract: Contract = {
      id: text(source.id) ?? '',
      transactions: objects(implementation?.transactions).map((transaction, i) =>
        this.transaction(transaction, `${path}.implementation.transactions[${i}]`, contractCurrency),
      ),
      milestones: [
        ...objects(source.milestones).map((m) => ({ ...milestone(m), source: 'contract' as const })),
        ...objects(implementation?.milestones).map((m) => ({ ...milestone(m), source: 'implementation' as const })),
      ],
      amendments: amendments(source),
    };
    assign(contract, 'awardID', text(source.awardID));
    assign(contract, 'title', text(source.title));
    assign(contract, 'status', text(source.status));
    assign(contract, 'value', value);
    assign(contract, 'period', period(source.period));
    assign(contract, 'dateSigned', text(source.dateSigned));
    return contract;
  }

  private transaction(source: JsonObject, path: string, contractCurrency: string | undefined): Transaction {
    // 1.1 `value`/`payer`/`payee`; 1.0 names kept by compiled releases that were not upgraded.
    const valueKey = source.value !== undefined && source.value !== null ? 'value' : 'amount';
    const transaction: Transaction = {};
    assign(transaction, 'id', text(source.id));
    assign(transaction, 'date', text(source.date));
    assign(transaction, 'value', this.money(source[valueKey], `${path}.${valueKey}`, contractCurrency));
    assign(transaction, 'payer', this.party(source, 'payer', 'providerOrganization', path));
    assign(transaction, 'payee', this.party(source, 'payee', 'receiverOrganization', path));
    return transaction;
  }

  /**
   * The objects of a list with their paths, leaving out exact copies of an earlier item with the same id
   * (publishers' compiled releases repeat awards and contracts; counted twice, they would double the totals).
   */
  private withoutCopies(list: unknown, path: string): [JsonObject, string][] {
    const seen = new Map<string, JsonObject[]>();
    const kept: [JsonObject, string][] = [];
    arrayOf(list).forEach((item, i) => {
      const found = object(item);
      if (!found) return;
      const id = text(found.id);
      if (id !== undefined) {
        const sameId = seen.get(id);
        // Serialised only when ids collide, which is rare.
        if (sameId && sameId.some((other) => JSON.stringify(other) === JSON.stringify(found))) {
          this.issue(`duplicate-${path.slice(0, -1)}`, `${path}[${i}]`, `${path}[${i}] repeats ${path} item "${id}" exactly; the copy is left out.`);
          return;
        }
        seen.set(id, [...(sameId ?? []), found]);
      }
      kept.push([found, `${path}[${i}]`]);
    });
    return kept;
  }

  /** An award's suppliers, each organisation once (a supplier listed twice would get two shares of the award). */
  private suppliers(list: unknown, path: string): OrgRef[] {
    const suppliers: OrgRef[] = [];
    arrayOf(list).forEach((supplier, i) => {
      const ref = this.org(supplier, `${path}[${i}]`);
      if (!ref) return;
      if (suppliers.some((other) => other.key === ref.key)) {
        this.issue('duplicate-supplier', `${path}[${i}]`, `Supplier "${ref.name}" is listed more than once in this award; counted once.`);
        return;
      }
      suppliers.push(ref);
    });
    return suppliers;
  }

  /** A transaction's payer or payee: the 1.1 reference, else the 1.0 identifier. */
  private party(source: JsonObject, key: 'payer' | 'payee', key10: string, path: string): OrgRef | undefined {
    if (object(source[key])) return this.org(source[key], `${path}.${key}`);
    return this.org(source[key10], `${path}.${key10}`, 'identifier');
  }

  /** A Money for a value object with a numeric amount; undefined when there is no amount. */
  private money(source: unknown, path: string, inheritedCurrency?: string): Money | undefined {
    const value = object(source);
    const amount = finite(value?.amount);
    if (!value || amount === undefined) return undefined;
    const published = value.currency;
    let currency = normaliseCurrency(published);
    if (currency === undefined && inheritedCurrency !== undefined && isMissing(published)) {
      currency = inheritedCurrency;
      this.issue('currency-inherited', `${path}.currency`, `Amount ${amount} has no currency; the contract's ${currency} is used.`);
    } else if (currency === undefined) {
      currency = NO_CURRENCY;
      if (isMissing(published)) {
        this.issue('currency-missing', `${path}.currency`, `Amount ${amount} has no currency; it is counted under ${NO_CURRENCY}.`);
      } else {
        this.issue(
          'currency-unknown',
          `${path}.currency`,
          `Currency ${JSON.stringify(published)} is not an ISO 4217 code; amount ${amount} is counted under ${NO_CURRENCY}.`,
        );
      }
    }
    if (amount < 0) this.issue('amount-negative', `${path}.amount`, `Negative amount ${amount} ${currency} kept as published.`);
    return { amount, currency };
  }

  /**
   * Resolves an organisation: a 1.1 reference `{id, name}` or an inline 1.0 organisation through `parties`
   * (by party id, else by identifier id), or a 1.0 transaction's provider/receiver, which is an identifier.
   */
  private org(source: unknown, path: string, kind: 'organisation' | 'identifier' = 'organisation'): OrgRef | undefined {
    const given = object(source);
    if (!given) return undefined;
    const givenIdentifier = kind === 'identifier' ? given : object(given.identifier);
    const referenceId = kind === 'identifier' ? undefined : text(given.id);
    let party = referenceId !== undefined ? this.parties.get(referenceId) : undefined;
    const identifierId = text(givenIdentifier?.id);
    party ??= identifierId !== undefined ? this.partiesByIdentifier.get(identifierId) : undefined;
    const identifierObject = object(party?.identifier) ?? givenIdentifier;
    const name =
      (kind === 'organisation' ? text(given.name) : undefined) ||
      text(party?.name) ||
      text(identifierObject?.legalName) ||
      '';
    const ref = this.ref(identifierObject, name, text(party?.id) ?? referenceId, path);
    if (!ref) return undefined;
    if (referenceId !== undefined && !party && ref.key.startsWith('party:')) {
      this.issue('party-not-found', `${path}.id`, `No party with id "${referenceId}" and no name or identifier to tell who it is.`);
    }
    if (!party || this.partyKeys.get(party) !== ref.key) this.context.organisations.add(ref);
    return ref;
  }

  /** An OrgRef from what is known of an organisation; undefined when nothing is. */
  private ref(identifierObject: JsonObject | undefined, name: string, partyId: string | undefined, path: string): OrgRef | undefined {
    if (partyId === undefined && !name && !identifierObject) return undefined;
    const ref: OrgRef = { key: referenceKey(this.keysByName, identifierObject, name, partyId, this.ocid), name };
    if (ref.key.startsWith('MX-RFC/') && normaliseScheme(identifierObject?.scheme) === undefined && !this.schemeless.has(ref.key)) {
      this.schemeless.add(ref.key); // once per process
      this.issue('identifier-without-scheme', `${path}.identifier`, `Identifier "${String(identifierObject?.id)}" has no scheme; it has the form of a Mexican RFC and is used as one.`);
    }
    if (partyId !== undefined) ref.partyId = partyId;
    if (identifierObject) {
      const identifier: NonNullable<OrgRef['identifier']> = {};
      assign(identifier, 'scheme', text(identifierObject.scheme));
      assign(identifier, 'id', text(identifierObject.id));
      assign(identifier, 'legalName', text(identifierObject.legalName));
      ref.identifier = identifier;
    }
    return ref;
  }

  private issue(code: string, path: string, message: string): void {
    if (code in COUNTED) {
      this.counts ??= new Map();
      const counted = this.counts.get(code);
      if (counted) counted.count++;
      else this.counts.set(code, { path, message, count: 1 });
      return;
    }
    this.context.onIssue({ code, path, ocid: this.ocid, message });
  }

  /** Reports the counted issues: once per process and code, with the first occurrence. */
  flush(): void {
    for (const [code, { path, message, count }] of this.counts ?? []) {
      const text = count === 1 ? message : `${count} ${COUNTED[code]} (first at ${path}: ${message.replace(/\.$/, '')}).`;
      this.context.onIssue({ code, path, ocid: this.ocid, message: text });
    }
    this.counts = undefined;
  }
}

/** Money issues that recur across a process's amounts (every transaction of a contract, ...), counted per process. */
const COUNTED: Record<string, string> = {
  'currency-inherited': 'amounts without currency took their contract\u2019s',
  'currency-missing': 'amounts without currency counted under XXX',
  'currency-unknown': 'amounts with an unknown currency counted under XXX',
};

function milestone(source: JsonObject): Milestone {
  const result: Milestone = {};
  for (const key of ['id', 'title', 'type', 'status', 'dueDate', 'dateMet', 'dateModified'] as const) {
    assign(result, key, text(source[key]));
  }
  return result;
}

function amendments(source: JsonObject): Amendment[] {
  // 1.0's single `amendment` object, when the release was not upgraded.
  const list = source.amendments ?? source.amendment;
  return objects(list).map((amendment) => {
    const result: Amendment = {};
    for (const key of ['id', 'date', 'rationale', 'description'] as const) assign(result, key, text(amendment[key]));
    return result;
  });
}

function period(source: unknown): Period | undefined {
  const value = object(source);
  if (!value) return undefined;
  const result: Period = {};
  assign(result, 'startDate', text(value.startDate));
  assign(result, 'endDate', text(value.endDate));
  assign(result, 'maxExtentDate', text(value.maxExtentDate));
  assign(result, 'durationInDays', finite(value.durationInDays));
  return Object.keys(result).length > 0 ? result : undefined;
}

function isMissing(currency: unknown): boolean {
  return currency === undefined || currency === null || (typeof currency === 'string' && currency.trim() === '');
}

/** Sets an optional property only when there is a value, so objects carry no `undefined` keys. */
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function object(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function arrayOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function objects(value: unknown): JsonObject[] {
  const found: JsonObject[] = [];
  for (const item of arrayOf(value)) {
    const source = object(item);
    if (source) found.push(source);
  }
  return found;
}

/** A string (or number) value; blank strings carry nothing and count as missing. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
