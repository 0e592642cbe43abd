// Text written into spreadsheets (CSV, XLSX) that a spreadsheet program could take for a formula:
// "=HYPERLINK(…)", "+SUM(A1)", "-2+3", "@SUM(…)", or text starting with a tab or carriage return
// (CSV/formula injection). Such text stays text: in CSV it gets a leading apostrophe, which the
// programs read as "this is text" and do not show; in XLSX it is written as a string cell, never a
// formula. Numbers are numbers and are never touched.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Does this text begin like a formula (=, +, −, @, tab or carriage return)? */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text with a leading apostrophe when it begins like a formula; otherwise unchanged. */
export function csvSafe(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180): numbers as they are; text made formula-safe, then quoted when it holds
 * the separator, a comma or semicolon (whichever the reader's spreadsheet splits on: Excel uses the
 * computer's list separator, so a semicolon file can still be split on commas, and an unquoted
 * `Anna,=cmd|…` would start a cell with a formula), a quote or a line break; null and undefined as
 * an empty field.
 */
export function csvField(value: string | number | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = csvSafe(value);
  return text.includes(separator) || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of fields, without the line break. */
export function csvLine(values: readonly (string | number | null | undefined)[], separator = ','): string {
  return values.map((v) => csvField(v, separator)).join(separator);
}
