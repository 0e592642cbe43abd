import {
  csvLine,
  DomainValidationError,
  isFormulaLike,
  ParticipationRole,
  participationRoleLabelSv,
  ParticipationSource,
  participationSourceLabelSv,
  ParticipationStatus,
  participationStatusLabelSv,
  sectorLabelSv,
} from '@crm/domain';
import {
  AuditRepository,
  ExportedEvent,
  ExportedParticipant,
  ParticipantExportRepository,
  UserEntity,
} from '@crm/persistence';
import { NotFoundException } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { parseId } from '../common/ids';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFilter {
  status: ParticipationStatus | null;
  role: ParticipationRole | null;
}

/** A finished export file, built in memory (an event has at most a few thousand participants). */
export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  /** ASCII only: `deltagare-2026-05-12-hostkonferens-i-umea.csv`. */
  asciiName: string;
  /** The same with the event's own title: `deltagare-2026-05-12-Höstkonferens i Umeå.csv`. */
  unicodeName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The columns, in order: Swedish headers, as the staff's own lists have them. */
export const EXPORT_HEADERS = [
  'Namn',
  'E-post',
  'Organisation',
  'Roll',
  'Status',
  'Källa',
  'Incheckad',
  'Kommun',
  'Sektor',
  'Incheckningskod',
] as const;

const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const CHECKED_IN_FORMAT = 'yyyy-mm-dd hh:mm';
const FILE_PREFIX = 'deltagare';

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

/** One participant as the file's text cells (null: an empty cell). */
export function exportRow(p: ExportedParticipant): (string | null)[] {
  return [
    p.name,
    p.email,
    p.organisation,
    participationRoleLabelSv[p.role] ?? p.role,
    participationStatusLabelSv[p.status] ?? p.status,
    participationSourceLabelSv[p.source as ParticipationSource] ?? p.source,
    p.checkedIn,
    p.municipality,
    sectorLabelSv[p.sector] ?? p.sector,
    p.checkInCode,
  ];
}

/**
 * The CSV for Excel: UTF-8 with a byte order mark (so Excel reads å, ä, ö), semicolons (Swedish
 * Excel's list separator), CRLF line ends, every text cell formula-safe (a leading apostrophe).
 */
export function participantsCsv(participants: readonly ExportedParticipant[]): Buffer {
  const lines = [EXPORT_HEADERS, ...participants.map(exportRow)].map((cells) =>
    csvLine(cells, CSV_SEPARATOR),
  );
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * The workbook: one sheet, a bold frozen header row with an auto filter, widths from the content.
 * Text is always a string cell (exceljs writes a formula only from `{ formula }`, never from a
 * string, and this code never writes one); the check-in time is a date cell shown in Stockholm time.
 */
export async function participantsXlsx(participants: readonly ExportedParticipant[]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Deltagare', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const header = ws.addRow([...EXPORT_HEADERS]);
  header.font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };
  const checkedInColumn = EXPORT_HEADERS.indexOf('Incheckad') + 1;
  const widths: number[] = EXPORT_HEADERS.map((h) => h.length);

  for (const participant of participants) {
    const cells = exportRow(participant);
    const row = ws.addRow([]);
    cells.forEach((text, i) => {
      if (text === null) return;
      const cell = row.getCell(i + 1);
      if (i + 1 === checkedInColumn) {
        // Stockholm wall time stored as is: Excel has no time zones and shows what it is given.
        cell.value = new Date(`${text.replace(' ', 'T')}:00Z`);
        cell.numFmt = CHECKED_IN_FORMAT;
      } else {
        cell.value = text; // a string cell, also when the text begins like a formula
        if (isFormulaLike(text)) cell.alignment = { horizontal: 'left' };
      }
      widths[i] = Math.max(widths[i], text.length);
    });
  }
  ws.columns.forEach((column, i) => {
    column.width = Math.min(Math.max(widths[i] + 2, 10), 50);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file-name part from the title: lower case ASCII letters and digits joined by hyphens. */
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

/** The title as a file-name part: no path or control characters, spaces collapsed, at most 80 characters. */
export function titleForFileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, 80).join('').trim();
}

export function exportFileNames(
  event: ExportedEvent,
  format: ExportFormat,
): { ascii: string; unicode: string } {
  const slug = slugOf(event.title);
  const title = titleForFileName(event.title);
  return {
    ascii: `${FILE_PREFIX}-${event.date}${slug ? `-${slug}` : ''}.${format}`,
    unicode: `${FILE_PREFIX}-${event.date}${title ? `-${title}` : ''}.${format}`,
  };
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

/**
 * An event's participant list as CSV or XLSX, for the download routes under /exports. A plain class
 * the controller makes from the DataSource, so registering the controller is all the module needs.
 */
export class ParticipantExportService {
  constructor(private readonly dataSource: DataSource) {}

  async export(
    rawEventId: string,
    filter: ExportFilter,
    format: ExportFormat,
    user: UserEntity,
  ): Promise<ExportFile> {
    const eventId = parseId('eventId', rawEventId);
    const repository = new ParticipantExportRepository(this.dataSource.manager);
    const event = await repository.event(eventId);
    if (!event) throw new NotFoundException('eventId: no event has this ID');
    const participants = await repository.participants(eventId, filter);
    const bytes = format === 'csv' ? participantsCsv(participants) : await participantsXlsx(participants);
    // Who took a copy of the list, and which: field names only, as everywhere in the trail.
    await new AuditRepository(this.dataSource.manager).record(user.id, 'export', 'event', eventId, [
      `participants.${format}`,
      ...(filter.status ? ['status'] : []),
      ...(filter.role ? ['role'] : []),
    ]);
    const names = exportFileNames(event, format);
    return { bytes, contentType: CONTENT_TYPES[format], asciiName: names.ascii, unicodeName: names.unicode };
  }
}
