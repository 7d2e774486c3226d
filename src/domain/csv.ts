// CSV as Swedish Excel opens it by double-click: UTF-8 *with* a BOM (else å, ä, ö come
// out as Ã¥…), semicolons (the comma is the decimal separator), CRLF line ends, a field
// quoted when it holds the separator, a quote or a line break (RFC 4180). The rule is
// here so the app's report (src/ui/features/report/csv.ts) and the server's audit export
// write the same thing.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

/**
 * One text field. Text that a spreadsheet would run as a formula (=, +, -, @, or a
 * leading tab or CR) gets a leading apostrophe (OWASP "CSV injection"): an audit row
 * holds text a user typed, and the data protection officer opens it in Excel.
 */
export function csvText(value: string): string {
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A line of text fields, CRLF included. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvText).join(CSV_SEPARATOR) + CSV_EOL;
}
