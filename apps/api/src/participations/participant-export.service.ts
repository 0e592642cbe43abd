import {
  ParticipationRole,
  participationRoleLabelSv,
  ParticipationSource,
  participationSourceLabelSv,
  ParticipationStatus,
  participationStatusLabelSv,
  sectorLabelSv,
} from '@crm/domain';
import {
  AccessLogRepository,
  AuditRepository,
  ExportedEvent,
  ExportedParticipant,
  ParticipantExportRepository,
  UserEntity,
} from '@crm/persistence';
import { NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseId } from '../common/ids';
import { seesRestricted } from '../restriction/restriction-visibility';
import {
  CONTENT_TYPES,
  csvFile,
  ExportCell,
  ExportFile,
  ExportFormat,
  slugOf,
  titleForFileName,
  xlsxFile,
} from '../common/spreadsheet-file';

export interface ExportFilter {
  status: ParticipationStatus | null;
  role: ParticipationRole | null;
}

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

const FILE_PREFIX = 'deltagare';

/** One participant as the file's cells (null: an empty cell; the check-in time a date cell). */
export function exportRow(p: ExportedParticipant): ExportCell[] {
  return [
    p.name,
    p.email,
    p.organisation,
    participationRoleLabelSv[p.role] ?? p.role,
    participationStatusLabelSv[p.status] ?? p.status,
    participationSourceLabelSv[p.source as ParticipationSource] ?? p.source,
    p.checkedIn === null ? null : { dateTime: p.checkedIn },
    p.municipality,
    sectorLabelSv[p.sector] ?? p.sector,
    p.checkInCode,
  ];
}

/** `deltagare-2026-05-12-hostkonferens-i-umea.csv`, and the same with the event's own title. */
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
    // One snapshot for the list and the ids the access log records of it.
    const { event, participants, personIds } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (em) => {
        const repository = new ParticipantExportRepository(em);
        const found = await repository.event(eventId);
        if (!found) throw new NotFoundException('eventId: no event has this ID');
        // Restricted persons (GDPR art. 18) are in the list for ADMIN only, and logged only when in it.
        const sees = seesRestricted(user);
        const ids = await new AccessLogRepository(em).participantPersonIds(eventId, filter);
        const hidden = sees ? new Set<string>() : await repository.restrictedAmong(ids);
        return {
          event: found,
          participants: await repository.participants(eventId, filter, sees),
          personIds: ids.filter((id) => !hidden.has(id)),
        };
      },
    );
    const rows = participants.map(exportRow);
    const bytes =
      format === 'csv' ? csvFile(EXPORT_HEADERS, rows) : await xlsxFile('Deltagare', EXPORT_HEADERS, rows);
    // Who took a copy of the list, and which: field names only, as everywhere in the trail.
    await new AuditRepository(this.dataSource.manager).record(user.id, 'export', 'event', eventId, [
      `participants.${format}`,
      ...(filter.status ? ['status'] : []),
      ...(filter.role ? ['role'] : []),
    ]);
    // And whose personal data left with it (persons only, ids only): the access log.
    await new AccessLogRepository(this.dataSource.manager).record([
      {
        at: new Date(),
        userId: user.id,
        operation: `GET /exports/events/:eventId/participants.${format}`,
        actorIds: personIds,
      },
    ]);
    const names = exportFileNames(event, format);
    return { bytes, contentType: CONTENT_TYPES[format], asciiName: names.ascii, unicodeName: names.unicode };
  }
}
