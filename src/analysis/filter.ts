// Filters a Dataset for dashboards (`<ocds-dataset>` cross-filters and its `buyer=`, `supplier=`, `from=`, `to=`,
// `method=`, `category=` attributes). Pure: returns a new Dataset, the input is left as it was.
import { normaliseName } from '../data/organisations.js';
import type { Award, Dataset, OrgRef, Process } from '../data/types.js';
import { FILTER_KEYS, type DatasetFilters } from './filter-keys.js';
import { processStartDay } from './process-start.js';

export { FILTER_KEYS, periodRange, type DatasetFilters } from './filter-keys.js';
export { processStart, processStartDay, type ProcessStart, type ProcessStartSource } from './process-start.js';

/** Does `org` stand for `wanted`: the same identity key, identifier id or normalised name? */
export function organisationMatches(org: OrgRef | undefined, wanted: string): boolean {
  if (!org) return false;
  const value = wanted.trim();
  if (org.key === value) return true;
  if (org.identifier?.id !== undefined && String(org.identifier.id).trim() === value) return true;
  const name = normaliseName(value);
  return name !== '' && normaliseName(org.name) === name;
}


function supplierAwards(process: Process, supplier: string): Award[] {
  return process.awards.filter((award) => award.suppliers.some((org) => organisationMatches(org, supplier)));
}

/** The process limited to the supplier's awards and their contracts; undefined when it awarded nothing to it. */
function forSupplier(process: Process, supplier: string): Process | undefined {
  const awards = supplierAwards(process, supplier);
  if (!awards.length) return undefined;
  const awardIds = new Set(awards.map((award) => award.id));
  // A contract names its award; one without `awardID` in a single-award process belongs to that award.
  const soleAward = process.awards.length === 1 ? process.awards[0].id : undefined;
  const contracts = process.contracts.filter((contract) => {
    const awardID = contract.awardID ?? soleAward;
    return awardID !== undefined && awardIds.has(awardID);
  });
  return { ...process, awards, contracts };
}

/** Is any filter set (an empty string counts as unset)? */
export function hasFilters(filters: DatasetFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]?.trim()));
}

/**
 * The processes that pass every filter set (empty values ignored), with `supplier` also narrowing awards and
 * contracts. Issues of processes left out are left out too; `meta` and `organisations` are kept.
 */
export function filterDataset(dataset: Dataset, filters: DatasetFilters): Dataset {
  if (!hasFilters(filters)) return dataset;
  // A summary document's cubes answer some filters (the others are refused: it says which).
  if (dataset.summary) return { ...dataset, summary: dataset.summary.narrow(filters) };
  const buyer = filters.buyer?.trim();
  const procuringEntity = filters.procuringEntity?.trim();
  const supplier = filters.supplier?.trim();
  const method = filters.method?.trim().toLowerCase();
  const category = filters.category?.trim().toLowerCase();
  const from = filters.from?.trim();
  const to = filters.to?.trim();
  const ocid = filters.ocid?.trim();
  const processes: Process[] = [];
  for (const process of dataset.processes) {
    if (ocid && process.ocid !== ocid) continue;
    if (buyer && !organisationMatches(process.buyer ?? process.procuringEntity, buyer)) continue;
    if (procuringEntity && !organisationMatches(process.procuringEntity, procuringEntity)) continue;
    if (method && (process.procurementMethod ?? process.tender?.procurementMethod)?.toLowerCase() !== method) continue;
    if (category && (process.mainProcurementCategory ?? process.tender?.mainProcurementCategory)?.trim().toLowerCase() !== category) continue;
    if (from || to) {
      const day = processStartDay(process);
      if (!day || (from && day < from) || (to && day > to)) continue;
    }
    const kept = supplier ? forSupplier(process, supplier) : process;
    if (kept) processes.push(kept);
  }
  const ocids = new Set(processes.map((process) => process.ocid));
  const issues = dataset.issues.filter((issue) => issue.ocid === undefined || ocids.has(issue.ocid));
  return { ...dataset, processes, issues };
}
