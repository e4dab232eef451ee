// Lenient OCDS input schemas (1.0 + 1.1 field names) covering the fields the model reads. Unknown keys are
// kept; every field is optional and may be null (null removes a value when releases are merged).
// Repairs (amounts as strings, tag as a string, ...) happen before these run, in src/data/validate.ts;
// what still fails here is dropped with an issue.
import { z } from 'zod/mini';

// zod probes `new Function` for its JIT, which a strict Content-Security-Policy reports; the core imports
// this module, so the setting holds before any schema runs.
z.config({ jitless: true });

const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

const text = maybe(z.string());
const number = maybe(z.number());
const list = <T extends z.core.SomeType>(item: T) => maybe(z.array(item));

const valueSchema = z.looseObject({ amount: number, currency: text });

const identifierSchema = z.looseObject({ scheme: text, id: text, legalName: text });

const organisationSchema = z.looseObject({
  id: text,
  name: text,
  identifier: maybe(identifierSchema),
  roles: list(z.string()),
});

const periodSchema = z.looseObject({ startDate: text, endDate: text, maxExtentDate: text, durationInDays: number });

const milestoneSchema = z.looseObject({
  id: text,
  title: text,
  type: text,
  status: text,
  dueDate: text,
  dateMet: text,
  dateModified: text,
});

const amendmentSchema = z.looseObject({ id: text, date: text, rationale: text, description: text });

const transactionSchema = z.looseObject({
  id: text,
  date: text,
  value: maybe(valueSchema),
  // OCDS 1.0 names, mapped by the upgrade.
  amount: maybe(valueSchema),
  payer: maybe(organisationSchema),
  payee: maybe(organisationSchema),
  providerOrganization: maybe(organisationSchema),
  receiverOrganization: maybe(organisationSchema),
});

const implementationSchema = z.looseObject({
  transactions: list(transactionSchema),
  milestones: list(milestoneSchema),
});

const tenderSchema = z.looseObject({
  id: text,
  title: text,
  description: text,
  status: text,
  value: maybe(valueSchema),
  procurementMethod: text,
  procurementMethodDetails: text,
  mainProcurementCategory: text,
  numberOfTenderers: number,
  tenderPeriod: maybe(periodSchema),
  enquiryPeriod: maybe(periodSchema),
  awardPeriod: maybe(periodSchema),
  procuringEntity: maybe(organisationSchema),
  tenderers: list(organisationSchema),
  milestones: list(milestoneSchema),
  amendments: list(amendmentSchema),
  amendment: maybe(amendmentSchema),
});

const awardSchema = z.looseObject({
  id: text,
  title: text,
  status: text,
  date: text,
  value: maybe(valueSchema),
  suppliers: list(organisationSchema),
  contractPeriod: maybe(periodSchema),
  amendments: list(amendmentSchema),
  amendment: maybe(amendmentSchema),
});

const contractSchema = z.looseObject({
  id: text,
  awardID: text,
  title: text,
  status: text,
  value: maybe(valueSchema),
  period: maybe(periodSchema),
  dateSigned: text,
  milestones: list(milestoneSchema),
  amendments: list(amendmentSchema),
  amendment: maybe(amendmentSchema),
  implementation: maybe(implementationSchema),
});

const planningSchema = z.looseObject({
  budget: maybe(z.looseObject({ amount: maybe(valueSchema), description: text })),
  milestones: list(milestoneSchema),
});

/** One release (or compiled release) after repair. */
export const releaseSchema = z.looseObject({
  ocid: z.string(),
  id: text,
  date: text,
  tag: list(z.string()),
  initiationType: text,
  language: text,
  parties: list(organisationSchema),
  buyer: maybe(organisationSchema),
  planning: maybe(planningSchema),
  tender: maybe(tenderSchema),
  awards: list(awardSchema),
  contracts: list(contractSchema),
});

