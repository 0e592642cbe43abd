import { csvLine, DomainValidationError, isFormulaLike } from '@crm/domain';
import { Workbook } from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';

/** A finished export file, built in memory. */
export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  /** ASCII only, for clients that cannot read the Unicode name. */
  asciiName: string;
  /** The name with Swedish letters and the user's own titles. */
  unicodeName: string;
}

/** A cell of an exported sheet: text, a point in time (a date cell in the workbook), or empty. */
export type ExportCell = string | { dateTime: string } | null;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const cellText = (cell: ExportCell): string | null =>
  cell === null ? null : typeof cell === 'string' ? cell : cell.dateTime;

/**
 * Reads one optional enum query parameter: absent is no filter; anything but one of the enum's
 * values (a repeated parameter, an empty one, a lower-case one) is refused naming the parameter.
 */
export function enumParameter<T extends string>(
  name: string,
  values: Record<string, T>,
  raw: unknown,
): T | null {
  if (raw === undefined) return null;
  const allowed = Object.values(values);
  if (typeof raw !== 'string' || !allowed.includes(raw as T)) {
    throw new DomainValidationError(name, `must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

/** Reads one optional text query parameter (at most `max` characters; a repeated one is refused). */
export function textParameter(name: string, raw: unknown, max = 100): string | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw new DomainValidationError(name, 'must be given once, as text');
  if (raw.length > max) throw new DomainValidationError(name, `must be at most ${max} characters`);
  return raw;
}

/**
 * The CSV for Excel: UTF-8 with a byte order mark (so Excel reads å, ä, ö), semicolons (Swedish
 * Excel's list separator), CRLF line ends, every text cell formula-safe (a leading apostrophe).
 */
export function csvFile(headers: readonly string[], rows: readonly ExportCell[][]): Buffer {
  const lines = [headers, ...rows.map((row) => row.map(cellText))].map((cells) =>
    csvLine(cells, CSV_SEPARATOR),
  );
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * The workbook: one sheet, a bold frozen header row with an auto filter, widths from the content.
 * Text is always a string cell (exceljs writes a formula only from `{ formula }`, never from a
 * string, and this code never writes one); a `dateTime` ("yyyy-mm-dd hh:mm", Stockholm wall time)
 * is a date cell shown as it is (Excel has no time zones).
 */
export async function xlsxFile(
  sheetName: string,
  headers: readonly string[],
  rows: readonly ExportCell[][],
): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const header = ws.addRow([...headers]);
  header.font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const widths: number[] = headers.map((h) => h.length);

  for (const cells of rows) {
    const row = ws.addRow([]);
    cells.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(i + 1);
      if (typeof value === 'string') {
        cell.value = value; // a string cell, also when the text begins like a formula
        if (isFormulaLike(value)) cell.alignment = { horizontal: 'left' };
        widths[i] = Math.max(widths[i], value.length);
      } else {
        cell.value = new Date(`${value.dateTime.replace(' ', 'T')}:00Z`);
        cell.numFmt = DATE_TIME_FORMAT;
        widths[i] = Math.max(widths[i], DATE_TIME_FORMAT.length);
      }
    });
  }
  ws.columns.forEach((column, i) => {
    column.width = Math.min(Math.max(widths[i] + 2, 10), 50);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file-name part from a title: lower case ASCII letters and digits joined by hyphens. */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A title as a file-name part: no path or control characters, spaces collapsed, at most 80 characters. */
export function titleForFileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, 80).join('').trim();
}

/**
 * `attachment; filename="…ascii…"; filename*=UTF-8''…percent-encoded…` (RFC 6266 with RFC 5987):
 * browsers take the Swedish name, older clients the ASCII one.
 */
export function contentDisposition(ascii: string, unicode: string): string {
  const encoded = encodeURIComponent(unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
