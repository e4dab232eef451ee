// What a dataset holds and how much of it the charts can use: the share of processes that publish each field the
// charts rely on (cardinal's coverage semantics, per compiled release), and the data's issues in plain categories.
import type { DataIssue, Dataset } from '../data/types.js';
import { fieldCoverage } from './coverage.js';
import { COVERAGE_FIELDS, ISSUE_CATEGORIES, type CoverageFieldId, type IssueCategory } from './data-quality-keys.js';

export interface CoverageRow {
  field: CoverageFieldId;
  /** cardinal path whose non-empty value counts, e.g. `/awards[]/value/amount`. */
  path: string;
  /** Processes whose compiled release has a non-empty value there. */
  processes: number;
  /** All processes. */
  total: number;
  /** processes / total (0 with no processes). */
  share: number;
}

export interface IssueGroup {
  category: IssueCategory;
  count: number;
  /** The first issue of the category, as an example (path and ocid). */
  example: DataIssue;
}

export interface DataOverview {
  publisher?: string;
  processes: number;
  releases: number;
  /** First and last release dates (ISO), when any release is dated. */
  firstDate?: string;
  lastDate?: string;
  /** Currencies of any amount, alphabetical. */
  currencies: string[];
  /** OCDS versions declared by the package(s). */
  versions: string[];
  complete: boolean;
  /** Awards with suppliers, and those whose suppliers carry no identifier (matched by name only). */
  awardsWithSuppliers: number;
  awardsMatchedByName: number;
}

/** Share of processes publishing each coverage field, in COVERAGE_FIELDS order. */
export function coverageRows(dataset: Dataset): CoverageRow[] {
  const total = dataset.processes.length;
  const counts = new Map<string, number>();
  for (const process of dataset.processes) {
    for (const path of Object.keys(fieldCoverage([process.compiledRelease]))) counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  const identified = dataset.processes.filter((process) =>
    process.awards.some((award) => award.suppliers.some((supplier) => supplier.identifier?.id))).length;
  return COVERAGE_FIELDS.map(({ field, path }) => {
    const processes = field === 'supplier-identifier' ? identified : (counts.get(path) ?? 0);
    return { field, path, processes, total, share: total ? processes / total : 0 };
  });
}

/** The category a DataIssue code belongs to. */
export function issueCategory(code: string): IssueCategory {
  for (const [category, test] of ISSUE_CATEGORY_TESTS) if (test(code)) return category;
  return 'other';
}

const ISSUE_CATEGORY_TESTS: [IssueCategory, (code: string) => boolean][] = [
  ['incomplete', (code) => ['max-pages', 'pagination-cycle', 'page-failed', 'linked-releases', 'link-refused', 'link-not-followed'].includes(code)],
  ['dates', (code) => code.startsWith('date-') || code.startsWith('merge-date-')],
  ['amounts', (code) => /^(amount|currency|value|number)-/.test(code) || code === 'amounts-not-charted'],
  ['organisations', (code) => ['party-not-found', 'duplicate-supplier', 'identifier-without-scheme', 'upgrade-party-differs', 'upgrade-organisation-not-object'].includes(code)],
  ['identity', (code) => /^(release|record)-/.test(code) || ['ocid-repaired', 'id-number', 'duplicate-release', 'duplicate-record', 'item-not-object', 'item-not-ocds'].includes(code)],
  ['structure', (code) => /^(merge|upgrade)-/.test(code) || ['tag-string', 'list-misnamed', 'array-expected', 'object-expected', 'invalid-value', 'too-deep'].includes(code)],
  ['text', (code) => /^(encoding|control-characters|mojibake|document)-/.test(code) || ['control-characters', 'bidi-unbalanced', 'text-too-long', 'bom-removed', 'trailing-comma-removed'].includes(code)],
];

/** The issues grouped by category, largest first (ISSUE_CATEGORIES order on ties), each with its first issue. */
export function issueGroups(issues: readonly DataIssue[]): IssueGroup[] {
  const groups = new Map<IssueCategory, IssueGroup>();
  for (const issue of issues) {
    const category = issueCategory(issue.code);
    const group = groups.get(category);
    if (group) group.count++;
    else groups.set(category, { category, count: 1, example: issue });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || ISSUE_CATEGORIES.indexOf(a.category) - ISSUE_CATEGORIES.indexOf(b.category));
}

/** Publisher, counts, date range, currencies, versions, completeness, and how suppliers can be matched. */
export function dataOverview(dataset: Dataset): DataOverview {
  const currencies = new Set<string>();
  const versions = new Set<string>();
  let releases = 0;
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  let awardsWithSuppliers = 0;
  let awardsMatchedByName = 0;
  if (dataset.meta.version) versions.add(dataset.meta.version);
  for (const process of dataset.processes) {
    releases += process.releases.length;
    for (const release of process.releases) {
      if (!release.date) continue;
      if (!firstDate || release.date < firstDate) firstDate = release.date;
      if (!lastDate || release.date > lastDate) lastDate = release.date;
    }
    const amounts = [process.planning?.budget, process.tender?.value, ...process.awards.map((a) => a.value), ...process.contracts.flatMap((c) => [c.value, ...c.transactions.map((t) => t.value)])];
    for (const money of amounts) if (money) currencies.add(money.currency);
    for (const award of process.awards) {
      if (!award.suppliers.length) continue;
      awardsWithSuppliers++;
      if (award.suppliers.every((supplier) => !supplier.identifier?.id)) awardsMatchedByName++;
    }
  }
  return {
    publisher: dataset.meta.publisher,
    processes: dataset.processes.length,
    releases: dataset.meta.releases || releases,
    firstDate,
    lastDate,
    currencies: [...currencies].sort(),
    versions: [...versions].sort(),
    complete: dataset.meta.complete,
    awardsWithSuppliers,
    awardsMatchedByName,
  };
}
