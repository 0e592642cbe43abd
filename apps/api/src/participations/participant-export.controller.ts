import { ParticipationRole, ParticipationStatus, Permission } from '@crm/domain';
import { Controller, ForbiddenException, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/decorators';
import type { AuthenticatedRequest } from '../auth/request-context';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { contentDisposition, enumParameter, ExportFormat } from '../common/spreadsheet-file';
import { ParticipantExportService } from './participant-export.service';

/**
 * `GET /exports/events/{eventId}/participants.csv` and `.xlsx`, optionally `?status=ATTENDED&role=SPEAKER`:
 * an event's participant list as a file, to the roles that may read personal data. Built in memory
 * (a few thousand rows at most) and sent with its length; never cached; nothing of it logged.
 * A bad parameter answers 400 JSON naming it, an unknown event 404 JSON.
 */
@Controller('exports/events/:eventId')
export class ParticipantExportController {
  private readonly service: ParticipantExportService;

  constructor(dataSource: DataSource) {
    this.service = new ParticipantExportService(dataSource);
  }

  @Get('participants.csv')
  @Requires(Permission.READ_PERSONAL_DATA)
  @RateLimit('exports')
  csv(
    @Param('eventId') eventId: string,
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(eventId, query, 'csv', req, res);
  }

  @Get('participants.xlsx')
  @Requires(Permission.READ_PERSONAL_DATA)
  @RateLimit('exports')
  xlsx(
    @Param('eventId') eventId: string,
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(eventId, query, 'xlsx', req, res);
  }

  private async answer(
    eventId: string,
    query: Record<string, unknown>,
    format: ExportFormat,
    req: AuthenticatedRequest,
    res: Response,
  ): Promise<void> {
    // A copy of personal data is taken on purpose, from the app: never by a link or navigation from
    // another site riding on the SameSite=Lax session cookie (it would leave a file on the victim's
    // disk and an export in their name in the audit trail).
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new ForbiddenException('Exports are downloaded from the app itself, not from another site');
    }
    const filter = {
      status: enumParameter('status', ParticipationStatus, query.status),
      role: enumParameter('role', ParticipationRole, query.role),
    };
    const file = await this.service.export(eventId, filter, format, req.user!);
    res
      .status(200)
      .set({
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        'content-disposition': contentDisposition(file.asciiName, file.unicodeName),
        'cache-control': 'private, no-store',
      })
      .send(file.bytes);
  }
}
