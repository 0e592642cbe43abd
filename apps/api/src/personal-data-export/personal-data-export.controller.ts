import { Permission } from '@crm/domain';
import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { Requires } from '../auth/decorators';
import type { AuthenticatedRequest } from '../auth/request-context';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { ExtractFormat, PersonalDataExportService } from './personal-data-export.service';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(pdf|json)$/i;

/**
 * `GET /personal-data-exports/{id}.json` and `.pdf`: an unexpired register extract, to administrators
 * only (cookie or bearer, as the report downloads). Never cached; each download is in the access log.
 */
@Controller('personal-data-exports')
export class PersonalDataExportController {
  constructor(private readonly service: PersonalDataExportService) {}

  @Get(':file')
  @Requires(Permission.EXPORT_PERSONAL_DATA)
  @RateLimit('exports')
  async download(
    @Param('file') file: string,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    // A copy of everything held about a person is taken from the app, never by a link from another site.
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new ForbiddenException(
        'Register extracts are downloaded from the app itself, not from another site',
      );
    }
    const match = FILE.exec(file);
    if (!match)
      throw new BadRequestException('Ask for /personal-data-exports/{id}.pdf or .json with an extract id');
    const found = await this.service.download(
      match[1].toLowerCase(),
      match[2].toLowerCase() as ExtractFormat,
      req.user!,
    );
    if (!found) throw new NotFoundException('No register extract with this id, or it has expired');
    res
      .status(200)
      .set({
        'content-type': found.contentType,
        'content-length': String(found.bytes.length),
        'content-disposition': `attachment; filename="${found.fileName}"`,
        'cache-control': 'private, no-store',
      })
      .send(found.bytes);
  }
}
