// CSV as RFC 4180 writes it, for every download LotLedger offers (the FSMA 204 spreadsheet, a
// recall's scope, the audit log); it imports nothing, so any room may use it. CRLF line ends; a field
// holding a comma, a quote or a line break is quoted, its quotes doubled. Made safe to open in a
// spreadsheet: a text cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage
// return first; also their full-width forms, which Excel accepts too) gets a leading apostrophe, so
// it is shown as text and never run. Numbers are written as they are: -2 is a number, not a formula.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as one CSV text, every record (the last one too) ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
