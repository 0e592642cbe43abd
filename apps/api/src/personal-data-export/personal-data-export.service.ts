import { ActorKind, DomainValidationError, RefusalReason, stockholmDate } from '@crm/domain';
import {
  AccessLogRepository,
  APP_CONFIG,
  type AppConfig,
  AuditRepository,
  PersonalDataExportRecord,
  PersonalDataExportRepository,
  UserEntity,
} from '@crm/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseId } from '../common/ids';
import { buildRegisterExtract, ExtractController, RegisterExtract } from './extract-content';
import { renderExtractPdf } from './render-extract-pdf';

/** An extract is kept this long, then no longer served (and culled by the retention run). */
export const EXTRACT_KEEP_DAYS = 7;

export type ExtractFormat = 'json' | 'pdf';

/** A file to send: the bytes and a name that does not name the person. */
export interface ExtractFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExtractFormat, string> = {
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Register extracts (GDPR art. 15): gathers everything held about a person in one transaction,
 * stores it as JSON (the PDF is rendered from it on download), and logs who produced and who
 * downloaded it: an audit row on the person (no values) and an access-log entry each time.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async produce(actorIdArg: string, user: UserEntity): Promise<PersonalDataExportRecord> {
    const actorId = parseId('actorId', actorIdArg);
    const controller: ExtractController = {
      name: this.config.PRIVACY_CONTROLLER,
      contactEmail: this.config.PRIVACY_CONTACT_EMAIL,
      purpose: this.config.PRIVACY_PURPOSE,
      legalBasis: this.config.PRIVACY_LEGAL_BASIS,
      retention: this.config.PRIVACY_RETENTION,
      rights: this.config.PRIVACY_RIGHTS,
    };
    // One snapshot for every table read (REPEATABLE READ), and the extract with its log rows in
    // the same transaction: an extract exists only if its production is logged.
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const repository = new PersonalDataExportRepository(em);
      const kind = await repository.kindOf(actorId);
      if (kind === null) throw new DomainValidationError('actorId', 'no actor has this ID');
      if (kind !== ActorKind.PERSON) {
        throw new DomainValidationError(
          'actorId',
          'is an organisation; register extracts are for persons',
          RefusalReason.NOT_A_PERSON,
        );
      }
      const held = await repository.gather(actorId);
      if (!held) throw new DomainValidationError('actorId', 'no actor has this ID');
      const producedAt = new Date();
      const content = buildRegisterExtract(held, controller, producedAt);
      const record = await repository.insert(actorId, content, user.id, producedAt, EXTRACT_KEEP_DAYS);
      await new AuditRepository(em).record(user.id, 'personal_data_export', 'actor', actorId);
      await new AccessLogRepository(em).record([
        { at: producedAt, userId: user.id, operation: 'personalDataExport', actorIds: [actorId] },
      ]);
      return record;
    });
  }

  /** The person's extracts that have not expired, newest first. */
  async list(actorIdArg: string): Promise<PersonalDataExportRecord[]> {
    const actorId = parseId('actorId', actorIdArg);
    return new PersonalDataExportRepository(this.dataSource.manager).unexpiredFor(actorId);
  }

  /** An unexpired extract as a file, the download logged; null when there is none. */
  async download(id: string, format: ExtractFormat, user: UserEntity): Promise<ExtractFile | null> {
    const found = await new PersonalDataExportRepository(this.dataSource.manager).findUnexpired(id);
    if (!found) return null;
    const content = found.content as RegisterExtract;
    const bytes =
      format === 'pdf'
        ? await renderExtractPdf(content)
        : Buffer.from(JSON.stringify(content, null, 2), 'utf8');
    await this.dataSource.transaction(async (em) => {
      // The format is in the action: audit_log.changed_fields holds field names, and a download changes none.
      const action = `personal_data_export_download_${format}`;
      await new AuditRepository(em).record(user.id, action, 'actor', found.actorId);
      await new AccessLogRepository(em).record([
        {
          at: new Date(),
          userId: user.id,
          operation: `personalDataExport.${format}`,
          actorIds: [found.actorId],
        },
      ]);
    });
    return {
      bytes,
      contentType: CONTENT_TYPES[format],
      fileName: `registerutdrag-${stockholmDate(found.createdAt)}-${found.id.slice(0, 8)}.${format}`,
    };
  }
}
