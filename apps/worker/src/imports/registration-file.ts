import {
  DomainValidationError,
  importLimitReason,
  recogniseColumns,
  RegistrationFileKind,
} from '@crm/domain';
// Both from the streaming entry point: each entry point bundles its own CsvError class.
import { CsvError, parse } from 'csv-parse';
import * as iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from './import-limits';
import { XlsxArchive } from './xlsx-archive';
import { MAX_CELLS, MAX_COLUMNS, readFirstFilledSheet, ROW_ALLOWANCE } from './xlsx-reader';

export { cellText } from './cell-text';

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

/**
 * The characters csv-parse's `trim` removes, other than line breaks (ECMAScript whitespace since
 * csv-parse 7: tab, VT, FF, space, NBSP, the Unicode space separators, LS, PS and BOM), as UTF-8.
 */
const BLANKS = [
  0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
].map((codePoint) => Buffer.from(String.fromCodePoint(codePoint), 'utf8'));

/** The length in bytes of the blank character at `offset`, or 0. A tab is no blank when it separates. */
function blankAt(bytes: Buffer, offset: number, separator: Separator): number {
  for (const blank of BLANKS) {
    if (blank[0] === 0x09 && separator === '\t') continue;
    if (bytes.subarray(offset, offset + blank.length).equals(blank)) return blank.length;
  }
  return 0;
}

/** Moves past lines that hold only blanks (csv-parse trims them and skips them as empty lines). */
function skipEmptyLines(bytes: Buffer, offset: number, separator: Separator): number {
  let start = offset;
  for (;;) {
    let i = start;
    for (let n = blankAt(bytes, i, separator); n > 0; n = blankAt(bytes, i, separator)) i += n;
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

/** Bytes handed to csv-parse at a time. */
const CSV_CHUNK_BYTES = 16 * 1024;
/** Records read between two yields to the event loop, so other queues' jobs keep running. */
const RECORDS_PER_YIELD = 2_000;

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += CSV_CHUNK_BYTES) {
    yield bytes.subarray(offset, offset + CSV_CHUNK_BYTES);
  }
}

/**
 * A record's cells as kept: refuses a filled cell right of MAX_COLUMNS (empty ones there are
 * dropped), and counts the cells against MAX_CELLS.
 */
function keptCells(record: string[], budget: { cells: number }): string[] {
  let cells = record;
  if (record.length > MAX_COLUMNS) {
    if (record.slice(MAX_COLUMNS).some((cell) => cell.trim() !== '')) {
      throw fileError(importLimitReason.columns(MAX_COLUMNS));
    }
    cells = record.slice(0, MAX_COLUMNS);
  }
  budget.cells += cells.length;
  if (budget.cells > MAX_CELLS) throw fileError(importLimitReason.cells());
  return cells;
}

/**
 * Streams the records through csv-parse, keeping only those with something in them. Refuses a
 * file with more than maxRows + ROW_ALLOWANCE records (blank ones such as ";;;" included, since
 * each costs reading) as soon as it gets there.
 */
/**
 * The list as UTF-8 bytes with its separator. csv-parse reads the bytes, so that its byte offsets
 * index the buffer we count lines in (its own line count is not usable: it counts a CRLF inside a
 * quoted field as two lines); the decoded text is not kept alive beside them.
 */
function prepareCsv(bytes: Buffer): { utf8: Buffer; separator: Separator } {
  let text = decodeCsv(bytes).replace(/^\uFEFF/u, '');
  // Excel's separator hint: "sep=;" on the first line. Blank it, so that line numbers stay physical.
  const hint = /^"?sep=(.)"?(?=\r?\n|\r|$)/iu.exec(text);
  const hinted = hint && (SEPARATORS as readonly string[]).includes(hint[1] as string) ? hint : null;
  if (hinted) text = text.slice(hinted[0].length);
  const separator = hinted
    ? (hinted[1] as Separator)
    : detectSeparator(text.slice(0, 64 * 1024).split(/\r\n|\n|\r/u));
  return { utf8: Buffer.from(text, 'utf8'), separator };
}

async function readCsv(bytes: Buffer, limits: ImportLimits): Promise<RegistrationTable> {
  const { utf8, separator } = prepareCsv(bytes);
  const parser = parse({
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: true,
    info: true,
  });
  const source = Readable.from(slices(utf8), { objectMode: false });
  source.pipe(parser);

  const lines = new LineCounter(utf8);
  const maxRecords = limits.maxRows + ROW_ALLOWANCE;
  const budget = { cells: 0 };
  const records: TableRow[] = [];
  let seen = 0;
  let end = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (++seen > maxRecords) throw fileError(importLimitReason.rows(limits.maxRows));
      const start = skipEmptyLines(utf8, end, separator);
      end = info.bytes;
      if (!isBlank(record)) records.push({ line: lines.lineAt(start), cells: keptCells(record, budget) });
      if (seen % RECORDS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const context = error as CsvError & { bytes_records?: number };
    const start = skipEmptyLines(utf8, context.bytes_records ?? 0, separator);
    const line = new LineCounter(utf8).lineAt(start);
    const what = CSV_ERRORS[error.code] ?? 'filen följer inte CSV-formatet';
    throw fileError(`Filen kunde inte läsas som CSV: ${what} (posten som börjar på rad ${line})`);
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
  return toTable(records);
}

// --- XLSX ------------------------------------------------------------------------------------------

/**
 * The zip's directory is checked before anything is inflated (XlsxArchive), then the first sheet
 * with content is streamed (xlsx-reader), stopping at the row limit: memory stays bounded by the
 * rows kept, and the event loop is yielded to as it goes, so other queues' jobs keep running.
 */
async function readXlsx(bytes: Buffer, limits: ImportLimits): Promise<RegistrationTable> {
  const archive = await XlsxArchive.open(bytes, {
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
    maxEntries: limits.maxZipEntries,
  });
  try {
    const rows = await readFirstFilledSheet(archive, { maxRows: limits.maxRows });
    if (rows === 'NO_SHEETS') throw fileError('Excel-filen innehåller inga kalkylblad');
    if (rows === 'ALL_EMPTY') throw fileError('Excel-filen är tom: inget kalkylblad har någon rubrikrad');
    return toTable(rows);
  } finally {
    archive.close();
  }
}

/**
 * Reads an uploaded registration list into a header row and data rows of text cells. Throws
 * DomainValidationError('file', …) with a Swedish message when the file cannot be read as a table,
 * or is larger than the limits allow (the whole file is refused then: nothing of it is imported).
 */
export async function readRegistrationTable(
  bytes: Buffer,
  kind: RegistrationFileKind,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RegistrationTable> {
  const table = kind === 'XLSX' ? await readXlsx(bytes, limits) : await readCsv(bytes, limits);
  if (table.rows.length > limits.maxRows) throw fileError(importLimitReason.rows(limits.maxRows));
  return table;
}
