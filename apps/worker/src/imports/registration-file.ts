import { DomainValidationError, recogniseColumns, RegistrationFileKind } from '@crm/domain';
// Both from the sync entry point: each entry point bundles its own CsvError class.
import { CsvError, parse } from 'csv-parse/sync';
import { CellValue, Workbook, Worksheet } from 'exceljs';
import * as iconv from 'iconv-lite';

export interface TableRow {
  /** Where the row starts in the file: the physical line (CSV) or the Excel row number (XLSX). */
  line: number;
  cells: string[];
}

export interface RegistrationTable {
  headers: string[];
  /** The records after the header row; records whose cells are all blank are left out. */
  rows: TableRow[];
}

/** How many non-empty rows above the table may be titles ("Deltagarlista 12 mars") rather than headers. */
const MAX_TITLE_ROWS = 5;
const SEPARATORS = [';', '\t', ','] as const;
type Separator = (typeof SEPARATORS)[number];

function fileError(message: string): DomainValidationError {
  return new DomainValidationError('file', message);
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/**
 * Splits the records into header and rows. The header is the first non-empty record, unless that one
 * names no name column and one of the next few does: then the records before it are a title.
 */
function toTable(records: readonly TableRow[]): RegistrationTable {
  const nonBlank = records.filter((record) => !isBlank(record.cells));
  if (nonBlank.length === 0) throw fileError('Filen är tom: den har ingen rubrikrad');
  const hasNameColumn = (record: TableRow): boolean => {
    try {
      recogniseColumns(record.cells);
      return true;
    } catch (error) {
      if (error instanceof DomainValidationError) return false;
      throw error;
    }
  };
  let headerAt = 0;
  if (!hasNameColumn(nonBlank[0] as TableRow)) {
    const later = nonBlank.slice(1, 1 + MAX_TITLE_ROWS).findIndex(hasNameColumn);
    if (later >= 0) headerAt = later + 1;
  }
  return {
    headers: (nonBlank[headerAt] as TableRow).cells.map((cell) => cell.trim()),
    rows: nonBlank.slice(headerAt + 1),
  };
}

// --- CSV -------------------------------------------------------------------------------------------

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasPrefix(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * The file's text: UTF-16 when it has a UTF-16 byte-order mark (Excel's "Unicode text"), UTF-8 with or
 * without BOM when the bytes are valid UTF-8, and otherwise Windows-1252, which is what Excel on
 * Swedish Windows writes for "CSV (semikolonavgränsad)" and which covers Latin-1.
 */
export function decodeCsv(bytes: Buffer): string {
  if (hasPrefix(bytes, [0xff, 0xfe])) return iconv.decode(bytes, 'utf16le');
  if (hasPrefix(bytes, [0xfe, 0xff])) return iconv.decode(bytes, 'utf16be');
  const body = hasPrefix(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return iconv.decode(body, 'win1252');
  }
}

/** The separators outside quoted fields in one line. */
function countSeparators(line: string): Record<Separator, number> {
  const counts: Record<Separator, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(char)) counts[char as Separator]++;
  }
  return counts;
}

/**
 * The separator of the header line: the most frequent of ; tab and , outside quotes (on a tie in
 * that order, since Swedish Excel writes ;). Lines without any (a title) defer to the next line.
 */
function detectSeparator(lines: readonly string[]): Separator {
  for (const line of lines.filter((l) => l.trim() !== '').slice(0, 1 + MAX_TITLE_ROWS)) {
    const counts = countSeparators(line);
    const best = SEPARATORS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
    if (counts[best] > 0) return best;
  }
  return ',';
}

/** Counts line breaks (CRLF, LF or a lone CR each count once) in a UTF-8 buffer, incrementally. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** The 1-based line on which the byte at `offset` lies; offsets must not decrease. */
  lineAt(offset: number): number {
    for (; this.offset < offset; this.offset++) {
      const byte = this.bytes[this.offset];
      if (byte === 0x0a || (byte === 0x0d && this.bytes[this.offset + 1] !== 0x0a)) this.line++;
    }
    return this.line;
  }
}

/** Moves past lines that hold only spaces or tabs (csv-parse skips them as empty lines). */
function skipEmptyLines(bytes: Buffer, offset: number, separator: Separator): number {
  let start = offset;
  for (;;) {
    let i = start;
    while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] === 0x09 && separator !== '\t'))) i++;
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) start = i + 2;
    else if (bytes[i] === 0x0a || bytes[i] === 0x0d) start = i + 1;
    else return start;
  }
}

const CSV_ERRORS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken (") som börjar ett fält avslutas aldrig',
  CSV_INVALID_CLOSING_QUOTE: 'text direkt efter ett avslutande citattecken (")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text direkt efter ett avslutande citattecken (")',
};

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

function readCsv(bytes: Buffer): RegistrationTable {
  let text = decodeCsv(bytes).replace(/^\uFEFF/u, '');
  // Excel's separator hint: "sep=;" on the first line. Blank it, so that line numbers stay physical.
  const hint = /^"?sep=(.)"?(?=\r?\n|\r|$)/iu.exec(text);
  const hinted = hint && (SEPARATORS as readonly string[]).includes(hint[1] as string) ? hint : null;
  if (hinted) text = text.slice(hinted[0].length);
  const separator = hinted
    ? (hinted[1] as Separator)
    : detectSeparator(text.slice(0, 64 * 1024).split(/\r\n|\n|\r/u));

  // Parse UTF-8 bytes so that csv-parse's byte offsets index the buffer we count lines in: its own
  // line count is not usable, since it counts a CRLF inside a quoted field as two lines.
  const utf8 = Buffer.from(text, 'utf8');
  let parsed: ParsedRecord[];
  try {
    parsed = parse(utf8, {
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const context = error as CsvError & { bytes_records?: number };
    const start = skipEmptyLines(utf8, context.bytes_records ?? 0, separator);
    const line = new LineCounter(utf8).lineAt(start);
    const what = CSV_ERRORS[error.code] ?? 'filen följer inte CSV-formatet';
    throw fileError(`Filen kunde inte läsas som CSV: ${what} (posten som börjar på rad ${line})`);
  }

  const lines = new LineCounter(utf8);
  let end = 0;
  const records = parsed.map(({ record, info }) => {
    const start = skipEmptyLines(utf8, end, separator);
    end = info.bytes;
    return { line: lines.lineAt(start), cells: record };
  });
  return toTable(records);
}

// --- XLSX ------------------------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel's day zero: a cell formatted as a time of day only comes back on this date. */
const EXCEL_EPOCH = '1899-12-30';

/** Excel dates come back from exceljs as UTC instants of the wall-clock time in the cell. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  // To the second (a serial day fraction is rarely exact), then seconds dropped as a hh:mm format shows them.
  const seconds = Math.round(value.getTime() / 1000);
  const rounded = new Date((seconds - (((seconds % 60) + 60) % 60)) * 1000);
  const date = `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`;
  if (date === EXCEL_EPOCH) return time;
  return time === '00:00' ? date : `${date} ${time}`;
}

/** 42 not 42.0, and 0.1 + 0.2 as Excel shows it (15 significant digits), not 0.30000000000000004. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
}

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(value: CellValue | { richText: { text: string }[] }): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) {
    // The text of a hyperlink cell may itself be rich text; a bare link shows its address.
    const text = cellText(value.text as CellValue);
    return text !== '' ? text : value.hyperlink.replace(/^mailto:/iu, '');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

function worksheetRecords(sheet: Worksheet): TableRow[] {
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      cells.push(cellText(row.getCell(column).value).trim());
    }
    records.push({ line: rowNumber, cells });
  });
  return records;
}

type ExcelBuffer = Parameters<Workbook['xlsx']['load']>[0];

async function readXlsx(bytes: Buffer): Promise<RegistrationTable> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer) in its typings; it takes a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelBuffer);
  } catch {
    throw fileError('Filen kunde inte läsas som Excel-fil (.xlsx). Spara om den i Excel och försök igen.');
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fileError('Excel-filen innehåller inga kalkylblad');
  // The first sheet with content, visible sheets before hidden ones (a hidden sheet is often a lookup list).
  const ordered = [
    ...sheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined),
    ...sheets.filter((sheet) => sheet.state !== 'visible' && sheet.state !== undefined),
  ];
  for (const sheet of ordered) {
    const records = worksheetRecords(sheet);
    if (records.some((record) => !isBlank(record.cells))) return toTable(records);
  }
  throw fileError('Excel-filen är tom: inget kalkylblad har någon rubrikrad');
}

/**
 * Reads an uploaded registration list into a header row and data rows of text cells. Throws
 * DomainValidationError('file', …) with a Swedish message when the file cannot be read as a table.
 */
export async function readRegistrationTable(
  bytes: Buffer,
  kind: RegistrationFileKind,
): Promise<RegistrationTable> {
  return kind === 'XLSX' ? readXlsx(bytes) : readCsv(bytes);
}
