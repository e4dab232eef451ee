// Reading a summary document: its type and version say what it is; a version this kit does not know is refused
// with a message that says so, rather than charted wrongly.
import { summarySchema } from '../../schemas/summary.js';
import { SUMMARY_TYPE, SUMMARY_VERSION, isSummaryDocument, type SummaryDocument } from './format.js';

export type SummaryProblem = 'summary-version' | 'summary-invalid';

export class SummaryError extends Error {
  override readonly name = 'SummaryError';
  constructor(
    readonly code: SummaryProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The value as a summary document of a supported version; throws SummaryError otherwise. */
export function parseSummary(value: unknown): SummaryDocument {
  if (!isSummaryDocument(value)) throw new SummaryError('summary-invalid', `This is not an ${SUMMARY_TYPE} document.`);
  if (value.version !== SUMMARY_VERSION) {
    throw new SummaryError('summary-version', `This summary is of version ${String(value.version)}; this version of ocds-widgets reads version ${SUMMARY_VERSION}.`);
  }
  const result = summarySchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SummaryError('summary-invalid', `The summary is not valid at ${issue.path.join('.') || 'its top level'}: ${issue.message}`);
  }
  return result.data as unknown as SummaryDocument;
}
