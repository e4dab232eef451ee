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
  // Counted in place: this runs once per release, and lists of parts would be garbage at once.
  let transactions = 0;
  let milestones = 0;
  let amendments = 0;
  let documents = 0;
  if (planning) {
    milestones += count(planning.milestones);
    documents += count(planning.documents);
  }
  if (tender) {
    milestones += count(tender.milestones);
    amendments += amendmentCount(tender);
    documents += count(tender.documents);
  }
  for (const award of awards) {
    amendments += amendmentCount(award);
    documents += count(award.documents);
  }
  for (const contract of contracts) {
    milestones += count(contract.milestones);
    amendments += amendmentCount(contract);
    documents += count(contract.documents);
    const implementation = contract.implementation;
    if (isPlainObject(implementation)) {
      transactions += count(implementation.transactions);
      milestones += count(implementation.milestones);
      documents += count(implementation.documents);
    }
  }
  const contents: ReleaseContents = {
    awards: awards.map(item),
    contracts: contracts.map(item),
    transactions,
    milestones,
    amendments,
    documents,
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

/** Amendments of a tender, award or contract: its `amendments`, else 1.0's single `amendment`. */
function amendmentCount(part: JsonObject): number {
  const listed = count(part.amendments);
  return listed === 0 && isPlainObject(part.amendment) ? 1 : listed;
}

/** The number of objects in a list, or 1 for a single object (read leniently, as `objects`). */
function count(value: unknown): number {
  if (Array.isArray(value)) {
    let found = 0;
    for (const item of value) if (isPlainObject(item)) found++;
    return found;
  }
  return isPlainObject(value) ? 1 : 0;
}

/** A planning or tender section that says more than its id. */
function details(value: unknown): JsonObject | undefined {
  return isPlainObject(value) && Object.keys(value).some((key) => key !== 'id') ? value : undefined;
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
