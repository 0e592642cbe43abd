import { Permission } from '@crm/domain';
import { Controller, ForbiddenException, Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/decorators';
import type { AuthenticatedRequest } from '../auth/request-context';
import { contentDisposition, ExportFormat } from '../common/spreadsheet-file';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { actorExportFilter, ActorExportService } from './actor-export.service';

/**
 * `GET /exports/actors.csv` and `.xlsx`, with query parameters named as ActorFilterInput's fields
 * (`?ladderStep=INTEREST&sector=PUBLIC_SECTOR&municipalityCode=2480`): "whom to invite next" as a
 * file, to the roles that may read personal data, at most ACTOR_EXPORT_MAX_ROWS rows. Never cached;
 * nothing of it logged. A bad parameter or a too wide filter answers 400 JSON naming it.
 */
@Controller('exports')
export class ActorExportController {
  private readonly service: ActorExportService;

  constructor(dataSource: DataSource) {
    this.service = new ActorExportService(dataSource);
  }

  @Get('actors.csv')
  @Requires(Permission.READ_PERSONAL_DATA)
  @RateLimit('exports')
  csv(
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(query, 'csv', req, res);
  }

  @Get('actors.xlsx')
  @Requires(Permission.READ_PERSONAL_DATA)
  @RateLimit('exports')
  xlsx(
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(query, 'xlsx', req, res);
  }

  private async answer(
    query: Record<string, unknown>,
    format: ExportFormat,
    req: AuthenticatedRequest,
    res: Response,
  ): Promise<void> {
    // As for participant lists: a copy of personal data is taken from the app, never by a link
    // from another site riding on the SameSite=Lax session cookie.
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new ForbiddenException('Exports are downloaded from the app itself, not from another site');
    }
    const file = await this.service.export(actorExportFilter(query), format, req.user!);
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
