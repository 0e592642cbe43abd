import { Permission } from '@crm/domain';
import { ReportRepository } from '@crm/persistence';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/decorators';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(pdf|xlsx)$/i;
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `GET /reports/{id}.pdf` and `/reports/{id}.xlsx`: a ready report's files, to any signed-in role. */
@Controller('reports')
export class ReportDownloadController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':file')
  @Requires(Permission.READ_AGGREGATES)
  async download(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = FILE.exec(file);
    if (!match)
      throw new NotFoundException('No report file has this name: ask for /reports/{id}.pdf or .xlsx');
    const format = match[2].toLowerCase() as 'pdf' | 'xlsx';
    const found = await new ReportRepository(this.dataSource.manager).document(
      match[1].toLowerCase(),
      format,
    );
    if (!found) throw new NotFoundException('No ready report has this id');
    const { record, bytes } = found;
    const name = `engagemangsrapport-${record.year}-K${record.quarter}-v${record.version}.${format}`;
    res
      .status(200)
      .set({
        'content-type': CONTENT_TYPES[format],
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
      })
      .send(bytes);
  }
}
