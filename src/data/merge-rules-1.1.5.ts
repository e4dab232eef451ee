// Generated from the OCDS 1.1.5 release schema (test/fixtures/ocds/schemas/ocds-1.1.5/release-schema.json)
// with mergeRulesFromSchema; test/data/merge.test.ts checks that it still matches. Do not edit by hand.
export const OCDS_1_1_5_RULE_TABLE = {
  omitWhenMerged: [
    'date',
    'id',
    'tag',
  ],
  wholeListMerge: [
    'awards.amendment.changes',
    'awards.amendments.changes',
    'awards.items.additionalClassifications',
    'awards.suppliers.additionalIdentifiers',
    'buyer.additionalIdentifiers',
    'contracts.amendment.changes',
    'contracts.amendments.changes',
    'contracts.implementation.transactions.payee.additionalIdentifiers',
    'contracts.implementation.transactions.payer.additionalIdentifiers',
    'contracts.items.additionalClassifications',
    'contracts.relatedProcesses.relationship',
    'parties.additionalIdentifiers',
    'parties.roles',
    'relatedProcesses.relationship',
    'tender.additionalProcurementCategories',
    'tender.amendment.changes',
    'tender.amendments.changes',
    'tender.items.additionalClassifications',
    'tender.procuringEntity.additionalIdentifiers',
    'tender.submissionMethod',
    'tender.tenderers.additionalIdentifiers',
  ],
};
