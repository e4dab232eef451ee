// Milliseconds since the epoch for a model date, or undefined when it cannot be placed on a time axis.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

export function timeOf(iso: string): number | undefined {
  // A date-only value is a calendar date (UTC); a timestamp without an offset is read as UTC too, never local.
  const text = DATE_ONLY.test(iso) || HAS_OFFSET.test(iso) ? iso : `${iso}Z`;
  const time = Date.parse(text);
  // Epoch placeholders (1970-01-01) are never an event date.
  if (Number.isNaN(time) || iso.startsWith('1970-01-01')) return undefined;
  return time;
}
