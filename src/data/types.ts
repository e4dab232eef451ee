// Public types of the data core. Every module in src/ and every element codes against these.
import type { DatasetSummary } from '../summary/dataset.js';

/** A JSON object as published (after repair). */
export type JsonObject = Record<string, unknown>;

/** One repair or drop made while reading publisher data. Never silent. */
export interface DataIssue {
  /** Stable machine code, e.g. `amount-string`, `currency-normalised`, `date-invalid`, `duplicate-release`. */
  code: string;
  /** JSON path inside the release/package, e.g. `awards[0].value.amount`. */
  path: string;
  /** The contracting process the issue belongs to, when known. */
  ocid?: string;
  /** English, human-readable explanation (elements translate by `code`). */
  message: string;
}

export type OcdsErrorCode =
  | 'not-json'
  | 'not-ocds'
  | 'http-status'
  | 'too-large'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'bad-url'
  | 'html'
  | 'truncated'
  | 'encoding'
  | 'redirect'
  | 'bad-settings'
  /** A summary document of a version this kit does not read, or not a valid one. */
  | 'summary-version'
  | 'summary-invalid'
  /** The view needs process data, and was given a summary document. */
  | 'needs-processes';

/** Thrown for input that cannot be used at all. Never a bare TypeError/SyntaxError. */
export class OcdsError extends Error {
  override readonly name = 'OcdsError';
  readonly code: OcdsErrorCode;
  /** HTTP status when `code` is `http-status`. */
  readonly status?: number;
  /** The URL being read, when there was one. */
  readonly url?: string;
  constructor(code: OcdsErrorCode, message: string, extra: { status?: number; url?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.status = extra.status;
    this.url = extra.url;
  }
}

/**
 * An amount in one currency. `currency` is trimmed and upper-cased; a missing or unknown
 * currency is the ISO 4217 "no currency" code `XXX` (its own bucket, with an issue).
 */
export interface Money {
  amount: number;
  currency: string;
}

/** A date as published, validated. `iso` is the normalised ISO 8601 string. */
export interface Period {
  startDate?: string;
  endDate?: string;
  maxExtentDate?: string;
  durationInDays?: number;
}

/** An organisation as referenced in one process, resolved to a page-wide identity. */
export interface OrgRef {
  /** Page-wide identity key (see `organisationKey` in src/data/organisations.ts). */
  key: string;
  /** The name as published in this process (may be empty). */
  name: string;
  /** The party id inside this process, when there is one. */
  partyId?: string;
  identifier?: { scheme?: string; id?: string; legalName?: string };
}

export interface Milestone {
  id?: string;
  title?: string;
  type?: string;
  status?: string;
  dueDate?: string;
  dateMet?: string;
  dateModified?: string;
}

export interface Transaction {
  id?: string;
  date?: string;
  value?: Money;
  payer?: OrgRef;
  payee?: OrgRef;
}

export interface Amendment {
  id?: string;
  date?: string;
  rationale?: string;
  description?: string;
}

export interface Award {
  id: string;
  title?: string;
  status?: string;
  date?: string;
  value?: Money;
  suppliers: OrgRef[];
  contractPeriod?: Period;
  amendments: Amendment[];
}

export interface Contract {
  id: string;
  awardID?: string;
  title?: string;
  status?: string;
  value?: Money;
  period?: Period;
  dateSigned?: string;
  transactions: Transaction[];
  /** Contract milestones and implementation milestones (with `source` saying which). */
  milestones: (Milestone & { source: 'contract' | 'implementation' })[];
  amendments: Amendment[];
}

export interface Tender {
  id?: string;
  title?: string;
  status?: string;
  value?: Money;
  procurementMethod?: string;
  procurementMethodDetails?: string;
  mainProcurementCategory?: string;
  numberOfTenderers?: number;
  tenderPeriod?: Period;
  enquiryPeriod?: Period;
  awardPeriod?: Period;
  milestones: Milestone[];
  amendments: Amendment[];
}

/** An award or contract as one release states it. */
export interface ReleaseItem {
  id: string;
  value?: Money;
}

/**
 * What one release itself carries, read from that release before merging (a release restates what it
 * still holds true, so this is its content, not a difference from the releases before it).
 */
export interface ReleaseContents {
  /** The release has planning details (more than an id); its budget when stated. */
  planning?: { budget?: Money };
  /** The release has tender details (more than an id); the tender value when stated. */
  tender?: { value?: Money };
  awards: ReleaseItem[];
  contracts: ReleaseItem[];
  /** Payments: `contracts[].implementation.transactions`. */
  transactions: number;
  /** Planning, tender, contract and implementation milestones. */
  milestones: number;
  /** Tender, award and contract amendments (an OCDS 1.0 `amendment` counts as one). */
  amendments: number;
  /** Documents of planning, tender, awards, contracts and implementation. */
  documents: number;
}

/** One release published for the process (the release history). */
export interface ReleaseRef {
  id: string;
  date?: string;
  tags: string[];
  /** What the release carries; undefined when only a link to it was published. */
  contents?: ReleaseContents;
}

/** One contracting process (all releases with one `ocid`, compiled). */
export interface Process {
  ocid: string;
  title?: string;
  description?: string;
  buyer?: OrgRef;
  procuringEntity?: OrgRef;
  procurementMethod?: string;
  procurementMethodDetails?: string;
  mainProcurementCategory?: string;
  planning?: { budget?: Money; budgetDescription?: string; milestones: Milestone[] };
  tender?: Tender;
  awards: Award[];
  contracts: Contract[];
  /** Every release published for this process, oldest first. */
  releases: ReleaseRef[];
  /** The OCDS 1.1 compiled release (merged from the releases, or as published in a record). */
  compiledRelease: JsonObject;
}

/** An organisation seen anywhere in the dataset, under its page-wide identity. */
export interface Organisation {
  key: string;
  /** Every name variant seen, most frequent first. */
  names: string[];
  /** How many references used each of `names` (same order), so counts from several datasets can be added. */
  nameCounts?: number[];
  identifier?: { scheme: string; id: string };
}

export interface DatasetMeta {
  publisher?: string;
  license?: string;
  uri?: string;
  publishedDate?: string;
  version?: string;
  /** Pages (or documents) read. */
  pages: number;
  /** Releases read (after dropping exact duplicates). */
  releases: number;
  /** Bytes received. */
  bytes: number;
  /** False whenever the walk stopped early or a linked release was not fetched. */
  complete: boolean;
  incompleteReason?: 'max-pages' | 'cycle' | 'page-failed' | 'link-not-followed' | 'linked-releases' | 'aborted';
}

export interface Dataset {
  processes: Process[];
  /** Organisations by identity key. */
  organisations: Map<string, Organisation>;
  issues: DataIssue[];
  meta: DatasetMeta;
  /** Read from a summary document (`ocds-widgets summarize`): no processes, and what its cubes answer. */
  summary?: DatasetSummary;
}

export interface LoadProgress {
  pages: number;
  releases: number;
  bytes: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Maximum pages to follow through `links.next` (default 100). */
  maxPages?: number;
  /** Property that wraps the packages, e.g. `arrayReleasePackage`; auto-detected where unambiguous. */
  root?: string;
  onProgress?: (progress: LoadProgress) => void;
  /** Origins besides the first URL's whose `links.next` may be followed. */
  followOrigins?: string[];
  /** Per-request timeout in ms (default 30 000). */
  timeout?: number;
  /** Byte cap per response (default 50 MB). */
  maxBytes?: number;
  /** Retries on 429/502/503/504 (default 3). */
  retries?: number;
}
