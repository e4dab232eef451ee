// CSV and image downloads of what an element shows.

/** A column of an element's `rows`: `key` is the public field (CSV header), `label` the translated table header. */
export interface TableColumn<Row> {
  key: keyof Row & string;
  label: string;
  numeric?: boolean;
  /** How the table shows the cell (Intl-formatted); the CSV keeps the raw value. */
  format?: (row: Row) => string;
}

/**
 * A spreadsheet opening a CSV runs cells that start with = + - @ (or a tab/CR before them) as formulas: text cells
 * starting so get a leading apostrophe. Numbers are written as numbers, so negative amounts stay numbers.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv<Row>(rows: Row[], columns: TableColumn<Row>[]): string {
  const header = columns.map((column) => csvCell(column.key)).join(',');
  const lines = rows.map((row) => columns.map((column) => csvCell(row[column.key])).join(','));
  return [header, ...lines].join('\r\n') + '\r\n';
}

/** Saves `url` (a data: or blob: URL) as `filename`. */
export function download(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
}

export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
