// What one release carries (its planning, tender, awards, contracts, payments, ...), read from the release
// itself before merging, so the release history can say what each publication brought.
import type { JsonObject, Money, ReleaseContents, ReleaseItem } from './types.js';
import { normaliseCurrency } from './organisations.js';
import { NO_CURRENCY } from './model.js';
import { isPlainObject } from './validate.js';

/**
 * The contents of one release. Repaired releases are read as repaired; a record's embedded releases (read for
 * the history only, not repaired) are read leniently: a single object where a list belongs counts as one, and
 * only numeric amounts are shown.
 */
export function releaseContents(release: JsonObject): ReleaseContents {
  const planning = details(release.planning);
  const tender = details(release.tender);
  const awards = objects(release.awards);
  const contracts = objects(release.contracts);
  const implementations = contracts.flatMap((contract) => (isPlainObject(contract.implementation) ? [contract.implementation] : []));
  const count = (parts: JsonObject[], key: string) => parts.reduce((total, part) => total + objects(part[key]).length, 0);
  const withAmendment = (parts: JsonObject[]) =>
    count(parts, 'amendments') + parts.filter((part) => isPlainObject(part.amendment) && objects(part.amendments).length === 0).length;

  const contents: ReleaseContents = {
    awards: awards.map(item),
    contracts: contracts.map(item),
    transactions: count(implementations, 'transactions'),
    milestones: count([...optional(planning), ...optional(tender), ...contracts, ...implementations], 'milestones'),
    amendments: withAmendment([...optional(tender), ...awards, ...contracts]),
    documents: count([...optional(planning), ...optional(tender), ...awards, ...contracts, ...implementations], 'documents'),
  };
  if (planning) {
    const budget = isPlainObject(planning.budget) ? money(planning.budget.amount) : undefined;
    contents.planning = budget ? { budget } : {};
  }
  if (tender) {
    const value = money(tender.value);
    contents.tender = value ? { value } : {};
  }
  return contents;
}

/** A planning or tender section that says more than its id. */
function details(value: unknown): JsonObject | undefined {
  return isPlainObject(value) && Object.keys(value).some((key) => key !== 'id') ? value : undefined;
}

function optional(value: JsonObject | undefined): JsonObject[] {
  return value ? [value] : [];
}

function objects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) ? [value] : [];
}

function item(source: JsonObject): ReleaseItem {
  const id = source.id;
  const value = money(source.value);
  return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : '', ...(value ? { value } : {}) };
}

function money(value: unknown): Money | undefined {
  if (!isPlainObject(value) || typeof value.amount !== 'number' || !Number.isFinite(value.amount)) return undefined;
  return { amount: value.amount, currency: normaliseCurrency(value.currency) ?? NO_CURRENCY };
}
