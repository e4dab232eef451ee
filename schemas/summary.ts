// The summary document (`ocds-widgets summarize`, src/summary/format.ts; README, "Summary documents"), checked
// when read: by `summarize --merge` and by the elements given a summary as `src`/`data`.
import { z } from 'zod/mini';
import { BREAKDOWN_COLUMNS, BREAKDOWN_PROCESS_COLUMNS, SPENDING_COLUMNS, SUMMARY_BREAKDOWN_BY, SUMMARY_TYPE, SUMMARY_VERSION } from '../src/summary/format.js';

// Same setting as schemas/ocds.ts: no `new Function` probe under a strict Content-Security-Policy.
z.config({ jitless: true });

const text = z.string();
const count = z.number().check(z.int(), z.minimum(0));
/** A decimal amount as text: `-12.5`, `0`, `31130190.03`. */
const amount = z.string().check(z.regex(/^-?\d+(\.\d{1,6})?$/));
/** One spending stage's columns: amount (null when none), processes, pending. */
const stage = [z.nullable(amount), count, count] as const;
/** One breakdown measure's columns: amount (null when none), processes. */
const measure = [z.nullable(amount), count] as const;
const day = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));

const cube = <Row extends z.core.SomeType>(names: readonly string[], row: Row) =>
  z.object({ columns: z.array(z.string()).check(z.refine((columns) => columns.join() === names.join(), `columns must be ${names.join(', ')}`)), rows: z.array(row) });

const errorSchema = z.object({
  source: text,
  line: count,
  code: z.enum(['not-json', 'not-ocds', 'truncated', 'unreadable']),
  message: text,
});

const metaSchema = z.object({
  generator: z.object({ name: text, version: text }),
  generatedAt: text,
  sources: z.array(z.object({ name: text, bytes: count, lines: count })),
  processes: count,
  releases: count,
  dateRange: z.nullable(z.object({ first: day, last: day })),
  complete: z.boolean(),
  errorCount: count,
  errors: z.array(errorSchema),
  merged: count,
});

/** A summary document of version 1. */
export const summarySchema = z.object({
  type: z.literal(SUMMARY_TYPE),
  version: z.literal(SUMMARY_VERSION),
  meta: metaSchema,
  organisations: z.record(z.string(), z.array(z.tuple([text, count]))),
  spending: z.extend(
    cube(SPENDING_COLUMNS, z.tuple([text, text, text, text, text, ...stage, ...stage, ...stage, ...stage, ...stage])),
    { buyers: count, approximate: z.boolean() },
  ),
  breakdown: z.extend(cube(BREAKDOWN_COLUMNS, z.tuple([z.enum(SUMMARY_BREAKDOWN_BY), text, text, ...measure, ...measure, ...measure, ...measure, ...measure])), {
    processes: cube(BREAKDOWN_PROCESS_COLUMNS, z.tuple([z.enum(SUMMARY_BREAKDOWN_BY), text, count])),
  }),
  methodDetails: cube(['method', 'measure', 'currency', 'wording', 'processes'], z.tuple([text, text, text, text, count])),
  network: z.object({
    limit: count,
    approximate: z.boolean(),
    excluded: z.object({ noBuyer: count, noSupplier: count }),
    currencies: cube(['currency', 'processes'], z.tuple([text, count])),
    suppliers: cube(['currency', 'supplier', 'amount', 'awards'], z.tuple([text, text, amount, count])),
    edges: cube(['buyer', 'supplier', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued'], z.tuple([text, text, text, amount, count, count, count])),
    others: cube(['buyer', 'currency', 'amount', 'awards', 'sharedAwards', 'unvalued', 'suppliers'], z.tuple([text, text, amount, count, count, count, count])),
  }),
  largest: z.extend(
    cube(['currency', 'amount', 'ocid', 'title', 'buyer', 'method', 'start', 'tenderEnd', 'awarded', 'contractStart', 'contractEnd'], z.tuple([text, amount, text, text, text, text, day, day, day, day, day])),
    { limit: count },
  ),
  redFlags: z.nullable(cube(['buyer', 'indicator', 'evaluable', 'flagged'], z.tuple([text, text, count, count]))),
  coverage: z.record(z.string(), count),
  fields: z.record(z.string(), count),
});
