import { DomainValidationError, importLimitReason } from '@crm/domain';
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { dateText, excelSerialToDate, isDateFormat, numberText } from './cell-text';
import { UNREADABLE_XLSX, XlsxArchive } from './xlsx-archive';

/** One stored row of a sheet: its Excel row number and the text of its cells (trimmed). */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface SheetLimits {
  /** Data rows a list may have (IMPORT_MAX_ROWS). */
  maxRows: number;
}

/**
 * Rows a sheet may store beyond maxRows: the header, title rows and blank rows above the table.
 * A sheet storing more rows than maxRows + this (blank ones included: each costs reading) is
 * refused as soon as the reader gets there, whatever follows.
 */
export const ROW_ALLOWANCE = 100;
/** Rightmost column a filled cell may be in. */
export const MAX_COLUMNS = 1_000;
/** Cells (row widths summed over the rows kept) one list may hold. */
export const MAX_CELLS = 5_000_000;
/** Characters of shared strings one workbook may hold in memory. */
export const MAX_SHARED_TEXT = 32 * 1_048_576;
/** Shared strings one workbook may hold. */
export const MAX_SHARED_STRINGS = 1_000_000;
/** Excel's own limit on the characters of one cell: anything longer is cut there. */
const MAX_CELL_TEXT = 32_767;
/** Excel allows 64,000 cell formats; styles beyond this are not looked at. */
const MAX_STYLES = 65_536;
/** Hyperlinks of one sheet looked at (for cells that show nothing but their link). */
const MAX_HYPERLINKS = 10_000;
/** Rows read between two yields to the event loop, so other queues' jobs keep running. */
const ROWS_PER_YIELD = 2_000;

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';

const unreadable = (): DomainValidationError => new DomainValidationError('file', UNREADABLE_XLSX);
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string> }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string };

/** `x:row` → `row`: some writers prefix SpreadsheetML elements. */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** An attribute by local name (`r:id`, `relationships:id`). */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}

/**
 * The XML events of an entry, a chunk's worth at a time; UTF-8 is decoded across chunk borders.
 * A malformed document is refused as an unreadable workbook.
 */
async function* xmlEvents(chunks: AsyncIterable<Buffer>): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let events: XmlEvent[] = [];
  let failed = false;
  parser.on('opentag', (tag) =>
    events.push({
      kind: 'open',
      name: localName(tag.name),
      attributes: tag.attributes as Record<string, string>,
    }),
  );
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  parser.on('closetag', (tag) => events.push({ kind: 'close', name: localName(tag.name) }));
  parser.on('error', () => {
    failed = true;
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    if (failed) throw unreadable();
    yield events;
    events = [];
  }
  parser.write(decoder.end());
  parser.close();
  if (failed) throw unreadable();
  yield events;
}

interface Relationship {
  type: string;
  target: string;
}

/** The part a relationship points to, as a path inside the zip. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** The part's relationships by id; external targets (hyperlinks) only when asked for, as they are. */
async function readRelationships(
  archive: XlsxArchive,
  part: string,
  external = false,
): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const name = archive.find(relsPathOf(part));
  if (!name) return rels;
  for await (const events of xmlEvents(archive.inflate(name))) {
    for (const event of events) {
      if (event.kind !== 'open' || event.name !== 'Relationship') continue;
      const id = event.attributes.Id;
      const target = event.attributes.Target;
      if (!id || !target) continue;
      const type = event.attributes.Type ?? '';
      if (event.attributes.TargetMode === 'External') {
        if (external) rels.set(id, { type, target });
      } else {
        rels.set(id, { type, target: resolveTarget(part, target) });
      }
    }
  }
  return rels;
}

interface SheetRef {
  name: string;
  state: string | undefined;
  part: string;
}

interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

async function readWorkbook(archive: XlsxArchive): Promise<Workbook> {
  const rootRels = await readRelationships(archive, '');
  const office = [...rootRels.values()].find((rel) => rel.type.endsWith(REL_OFFICE_DOCUMENT));
  const workbookPart = archive.find(office?.target ?? 'xl/workbook.xml');
  if (!workbookPart) throw unreadable();
  const rels = await readRelationships(archive, workbookPart);

  const sheets: SheetRef[] = [];
  let date1904 = false;
  for await (const events of xmlEvents(archive.inflate(workbookPart))) {
    for (const event of events) {
      if (event.kind !== 'open') continue;
      if (event.name === 'workbookPr') {
        const value = event.attributes.date1904;
        date1904 = value === '1' || value === 'true';
      } else if (event.name === 'sheet') {
        const rel = rels.get(attribute(event.attributes, 'id') ?? '');
        if (!rel || !rel.type.endsWith(REL_WORKSHEET)) continue; // a chart sheet, or a dangling reference
        const part = archive.find(rel.target);
        if (part) sheets.push({ name: event.attributes.name ?? '', state: event.attributes.state, part });
      }
    }
  }
  const partOf = (suffix: string): string | null => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(suffix));
    return rel ? archive.find(rel.target) : null;
  };
  return {
    sheets,
    date1904,
    sharedStringsPart: partOf(REL_SHARED_STRINGS) ?? archive.find('xl/sharedStrings.xml'),
    stylesPart: partOf(REL_STYLES) ?? archive.find('xl/styles.xml'),
  };
}

/** The shared strings as the text a person sees: rich text runs joined, phonetic guides left out. */
async function readSharedStrings(archive: XlsxArchive, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let total = 0;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  for await (const events of xmlEvents(archive.inflate(part))) {
    for (const event of events) {
      if (event.kind === 'open') {
        if (event.name === 'si') current = '';
        else if (event.name === 'rPh') inPhonetic = true;
        else if (event.name === 't' && !inPhonetic) inText = true;
      } else if (event.kind === 'text') {
        if (inText && current !== null && current.length < MAX_CELL_TEXT) {
          current += event.text.slice(0, MAX_CELL_TEXT - current.length);
        }
      } else if (event.name === 't') inText = false;
      else if (event.name === 'rPh') inPhonetic = false;
      else if (event.name === 'si' && current !== null) {
        total += current.length;
        if (strings.length >= MAX_SHARED_STRINGS || total > MAX_SHARED_TEXT) {
          throw new DomainValidationError('file', importLimitReason.cells());
        }
        strings.push(current);
        current = null;
      }
    }
  }
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** For each cell format (the `s` of a cell), whether it shows a date. */
async function readDateStyles(archive: XlsxArchive, part: string | null): Promise<boolean[]> {
  const dates: boolean[] = [];
  if (!part) return dates;
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  for await (const events of xmlEvents(archive.inflate(part))) {
    for (const event of events) {
      if (event.kind === 'open') {
        if (event.name === 'numFmt') {
          custom.set(Number(event.attributes.numFmtId), event.attributes.formatCode ?? '');
        } else if (event.name === 'cellXfs') inCellXfs = true;
        else if (event.name === 'xf' && inCellXfs && formatIds.length < MAX_STYLES) {
          formatIds.push(Number(event.attributes.numFmtId ?? 0));
        }
      } else if (event.kind === 'close' && event.name === 'cellXfs') inCellXfs = false;
    }
  }
  for (const id of formatIds) {
    const format = custom.get(id);
    dates.push(format !== undefined ? isDateFormat(format) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return dates;
}

/** `AB12` → 12; null without digits. */
function rowOf(ref: string | undefined): number | null {
  const digits = /\d+$/u.exec(ref ?? '');
  return digits ? parseInt(digits[0], 10) : null;
}

/** `AB12` → 28; null without letters. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let column = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
    if (column > 1_000_000) break;
  }
  return column > 0 ? column : null;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | null;
  inline: string | null;
}

interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

function numericText(raw: string, cell: CellState, context: SheetContext): string {
  const value = parseFloat(raw);
  if (context.dateStyles[cell.style] && Number.isFinite(value)) {
    return dateText(excelSerialToDate(value, context.date1904));
  }
  return numberText(value);
}

/** The text of a cell, as cellText shows what exceljs makes of it. */
function cellValueText(cell: CellState, context: SheetContext): string {
  const { type, value } = cell;
  if (cell.formula) {
    if (value === null) return '';
    if (type === 'str') return value;
    if (type === 'b') return parseInt(value, 10) !== 0 ? 'true' : 'false';
    if (type === 'e') return value;
    return numericText(value, cell, context);
  }
  if (type === 'inlineStr' || cell.inline !== null) return cell.inline ?? value ?? '';
  if (value === null) return '';
  switch (type) {
    case 's':
      return context.sharedStrings[parseInt(value, 10)] ?? '';
    case 'str':
      return value;
    case 'b':
      return parseInt(value, 10) !== 0 ? 'true' : 'false';
    case 'e':
      return value;
    case 'd':
      return dateText(new Date(value.endsWith('Z') || value.length <= 10 ? value : `${value}Z`));
    default:
      return numericText(value, cell, context);
  }
}

/**
 * The rows of one sheet that have something in them, streamed: nothing but the rows kept is
 * held. Refuses a sheet storing more than maxRows + ROW_ALLOWANCE rows (counting blank ones, and
 * stopping there), a filled cell right of MAX_COLUMNS, and more than MAX_CELLS cells in all.
 */
async function readSheetRows(
  archive: XlsxArchive,
  part: string,
  context: SheetContext,
  limits: SheetLimits,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const maxStoredRows = limits.maxRows + ROW_ALLOWANCE;
  let stored = 0;
  let cellsKept = 0;
  let inSheetData = false;
  let rowNumber = 0;
  let rowCells: string[] | null = null;
  let rowWidth = 0;
  let rowFilled = false;
  let lastColumn = 0;
  let cell: CellState | null = null;
  let capture: 'value' | 'inline' | null = null;
  let inInline = false;
  let inPhonetic = false;
  const links: { line: number; column: number; id: string }[] = [];

  const events = xmlEvents(archive.inflate(part));
  try {
    for await (const batch of events) {
      for (const event of batch) {
        if (event.kind === 'open') {
          switch (event.name) {
            case 'sheetData':
              inSheetData = true;
              break;
            case 'row': {
              if (!inSheetData) break;
              if (++stored > maxStoredRows) {
                throw new DomainValidationError('file', importLimitReason.rows(limits.maxRows));
              }
              const r = parseInt(event.attributes.r ?? '', 10);
              rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
              rowCells = [];
              rowWidth = 0;
              rowFilled = false;
              lastColumn = 0;
              break;
            }
            case 'c': {
              if (!rowCells) break;
              const column = columnOf(event.attributes.r) ?? lastColumn + 1;
              lastColumn = column;
              cell = {
                column,
                type: event.attributes.t ?? 'n',
                style: parseInt(event.attributes.s ?? '0', 10) || 0,
                formula: false,
                value: null,
                inline: null,
              };
              break;
            }
            case 'f':
              if (cell) cell.formula = true;
              break;
            case 'v':
              if (cell) {
                cell.value = '';
                capture = 'value';
              }
              break;
            case 'is':
              if (cell) {
                cell.inline = '';
                inInline = true;
              }
              break;
            case 'rPh':
              inPhonetic = true;
              break;
            case 't':
              if (cell && inInline && !inPhonetic) capture = 'inline';
              break;
            case 'hyperlink': {
              const line = rowOf(event.attributes.ref);
              const column = columnOf(event.attributes.ref);
              const id = attribute(event.attributes, 'id');
              if (line && column && id && links.length < MAX_HYPERLINKS) links.push({ line, column, id });
              break;
            }
          }
        } else if (event.kind === 'text') {
          if (!cell || !capture) continue;
          const current = (capture === 'value' ? cell.value : cell.inline) ?? '';
          if (current.length >= MAX_CELL_TEXT) continue;
          const next = current + event.text.slice(0, MAX_CELL_TEXT - current.length);
          if (capture === 'value') cell.value = next;
          else cell.inline = next;
        } else {
          switch (event.name) {
            case 'v':
            case 't':
              capture = null;
              break;
            case 'is':
              inInline = false;
              break;
            case 'rPh':
              inPhonetic = false;
              break;
            case 'c': {
              if (!cell || !rowCells) break;
              const text = cellValueText(cell, context).trim();
              if (cell.column > MAX_COLUMNS) {
                if (text !== '') {
                  throw new DomainValidationError('file', importLimitReason.columns(MAX_COLUMNS));
                }
              } else {
                rowWidth = Math.max(rowWidth, cell.column);
                if (text !== '') {
                  rowCells[cell.column - 1] = text;
                  rowFilled = true;
                }
              }
              cell = null;
              break;
            }
            case 'row':
              if (rowCells && rowFilled) {
                cellsKept += rowWidth;
                if (cellsKept > MAX_CELLS) throw new DomainValidationError('file', importLimitReason.cells());
                const cells = new Array<string>(rowWidth);
                for (let i = 0; i < rowWidth; i++) cells[i] = rowCells[i] ?? '';
                rows.push({ line: rowNumber, cells });
              }
              rowCells = null;
              cell = null;
              if (stored % ROWS_PER_YIELD === 0) await yieldToEventLoop();
              break;
            case 'sheetData':
              // The rows are all read; of what follows only the hyperlinks are looked at.
              inSheetData = false;
              break;
          }
        }
      }
    }
  } finally {
    await events.return(undefined);
  }
  if (links.length > 0) await showBareLinks(archive, part, rows, links);
  return rows;
}

/**
 * A cell holding nothing but a hyperlink shows its address (without "mailto:"), as cellText shows
 * such a cell when exceljs reads the whole workbook.
 */
async function showBareLinks(
  archive: XlsxArchive,
  part: string,
  rows: SheetRow[],
  links: readonly { line: number; column: number; id: string }[],
): Promise<void> {
  const rels = await readRelationships(archive, part, true);
  const byLine = new Map(rows.map((row) => [row.line, row]));
  for (const { line, column, id } of links) {
    const row = byLine.get(line);
    const target = rels.get(id)?.target;
    if (!row || !target || column > row.cells.length || row.cells[column - 1] !== '') continue;
    row.cells[column - 1] = target.replace(/^mailto:/iu, '').trim();
  }
}

/**
 * Reads the first sheet with content (visible sheets before hidden ones, in tab order) of an
 * archive already checked by XlsxArchive.open, as a stream. Answers the sheet's rows that have
 * something in them, or null when no sheet has.
 */
export async function readFirstFilledSheet(
  archive: XlsxArchive,
  limits: SheetLimits,
): Promise<SheetRow[] | 'NO_SHEETS' | 'ALL_EMPTY'> {
  const workbook = await readWorkbook(archive);
  if (workbook.sheets.length === 0) return 'NO_SHEETS';
  const sharedStrings = await readSharedStrings(archive, workbook.sharedStringsPart);
  const dateStyles = await readDateStyles(archive, workbook.stylesPart);
  const context: SheetContext = { sharedStrings, dateStyles, date1904: workbook.date1904 };
  const visible = (sheet: SheetRef): boolean => sheet.state === undefined || sheet.state === 'visible';
  const ordered = [...workbook.sheets.filter(visible), ...workbook.sheets.filter((s) => !visible(s))];
  for (const sheet of ordered) {
    const rows = await readSheetRows(archive, sheet.part, context, limits);
    if (rows.length > 0) return rows;
  }
  return 'ALL_EMPTY';
}
