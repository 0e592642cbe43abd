import {
  actorKindLabelSv,
  ActorKind,
  DomainValidationError,
  InitiativeKind,
  isMunicipalityCode,
  LadderStep,
  ladderStepLabelSv,
  MeetingPlaceCode,
  Sector,
  sectorLabelSv,
  stepOf,
  stockholmDate,
} from '@crm/domain';
import {
  AccessLogRepository,
  ActorRepository,
  AuditRepository,
  ExportedActor,
  UserEntity,
} from '@crm/persistence';
import { DataSource } from 'typeorm';
import {
  CONTENT_TYPES,
  csvFile,
  enumParameter,
  ExportCell,
  ExportFile,
  ExportFormat,
  textParameter,
  xlsxFile,
} from '../common/spreadsheet-file';
import { ActorFilterInput } from './actor.inputs';
import { seesRestricted } from '../restriction/restriction-visibility';
import { checkedFilter } from './actors.service';

/** The columns, in order, in Swedish: a list to invite from. */
export const ACTOR_EXPORT_HEADERS = [
  'Namn',
  'Typ',
  'E-post',
  'Titel',
  'Organisation',
  'Sektor',
  'Kommun',
  'Steg',
  'På steget sedan',
  'Senaste aktivitet',
] as const;

/** An export is a list to invite from, not a copy of the register: longer lists are refused. */
export const ACTOR_EXPORT_MAX_ROWS = 5_000;

const FILE_PREFIX = 'aktorer';

/** The filter of GET /exports/actors.csv, from query parameters named as ActorFilterInput's fields. */
export function actorExportFilter(query: Record<string, unknown>): ActorFilterInput {
  const municipalityCode = textParameter('municipalityCode', query.municipalityCode, 4);
  if (municipalityCode && !isMunicipalityCode(municipalityCode)) {
    throw new DomainValidationError('municipalityCode', 'must be a municipality code of four digits');
  }
  const invitableText = textParameter('invitable', query.invitable, 5);
  if (invitableText !== null && invitableText !== 'true' && invitableText !== 'false') {
    throw new DomainValidationError('invitable', 'must be true or false');
  }
  const restrictedText = textParameter('restricted', query.restricted, 5);
  if (restrictedText !== null && restrictedText !== 'true' && restrictedText !== 'false') {
    throw new DomainValidationError('restricted', 'must be true or false');
  }
  const minLevelText = textParameter('minLevel', query.minLevel, 1);
  if (minLevelText !== null && !/^[1-5]$/.test(minLevelText)) {
    throw new DomainValidationError('minLevel', 'must be from 1 to 5');
  }
  return {
    search: textParameter('search', query.search),
    kind: enumParameter('kind', ActorKind, query.kind),
    sector: enumParameter('sector', Sector, query.sector),
    municipalityCode,
    subRegion: textParameter('subRegion', query.subRegion, 40),
    meetingPlace: enumParameter('meetingPlace', MeetingPlaceCode, query.meetingPlace),
    ladderStep: enumParameter('ladderStep', LadderStep, query.ladderStep),
    minLevel: minLevelText === null ? null : Number(minLevelText),
    withoutInitiativeKind: enumParameter(
      'withoutInitiativeKind',
      InitiativeKind,
      query.withoutInitiativeKind,
    ),
    invitable: invitableText === 'true' ? true : null,
    restricted: restrictedText === null ? null : restrictedText === 'true',
  };
}

/** One actor as the file's cells. */
export function actorExportRow(actor: ExportedActor, lastActivityOn: string | null): ExportCell[] {
  const step = actor.step === null ? null : stepOf(actor.step);
  return [
    actor.name,
    actorKindLabelSv[actor.kind] ?? actor.kind,
    actor.email,
    actor.title,
    actor.organisation,
    sectorLabelSv[actor.sector] ?? actor.sector,
    actor.municipality,
    step ? `${actor.step} ${ladderStepLabelSv[step]}` : 'Inte engagerad',
    actor.stepSince,
    lastActivityOn,
  ];
}

/**
 * "Whom to invite next" as CSV or XLSX: the actors matching the list's filter with their step today
 * and last activity. A plain class the controller makes from the DataSource.
 */
export class ActorExportService {
  constructor(private readonly dataSource: DataSource) {}

  async export(filter: ActorFilterInput, format: ExportFormat, user: UserEntity): Promise<ExportFile> {
    // Restricted persons (GDPR art. 18) only for ADMIN, and never in a list to invite from.
    const checked = checkedFilter(filter, seesRestricted(user));
    const repository = new ActorRepository(this.dataSource.manager);
    const actors = await repository.forExport(checked, ACTOR_EXPORT_MAX_ROWS + 1);
    if (actors.length > ACTOR_EXPORT_MAX_ROWS) {
      throw new DomainValidationError(
        'filter',
        `matches more than ${ACTOR_EXPORT_MAX_ROWS} actors; narrow it to export a list`,
      );
    }
    const today = stockholmDate();
    const lastActivity = await repository.lastActivity(
      actors.map((a) => a.id),
      today,
    );
    const rows = actors.map((a) => actorExportRow(a, lastActivity.get(a.id) ?? null));
    const bytes =
      format === 'csv'
        ? csvFile(ACTOR_EXPORT_HEADERS, rows)
        : await xlsxFile('Aktörer', ACTOR_EXPORT_HEADERS, rows);
    // Who took a copy of a list, with the filter's field names only, as everywhere in the trail. A list
    // has no one subject, so the row is kept on the user who took it.
    await new AuditRepository(this.dataSource.manager).record(user.id, 'export', 'app_user', user.id, [
      `actors.${format}`,
      ...Object.entries(filter)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([field]) => field),
    ]);
    // And whose personal data left with it (persons only, ids only): the access log.
    await new AccessLogRepository(this.dataSource.manager).record([
      {
        at: new Date(),
        userId: user.id,
        operation: `GET /exports/actors.${format}`,
        actorIds: actors.filter((a) => a.kind === ActorKind.PERSON).map((a) => a.id),
      },
    ]);
    const name = `${FILE_PREFIX}-${today}.${format}`;
    return { bytes, contentType: CONTENT_TYPES[format], asciiName: name, unicodeName: name };
  }
}
