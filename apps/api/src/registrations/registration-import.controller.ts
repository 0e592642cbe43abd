import { Permission, sniffRegistrationFile } from '@crm/domain';
import { AuditRepository, RegistrationImportRepository } from '@crm/persistence';
import {
  BadRequestException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CsrfGuard, RequirePreflight } from '../auth/csrf/csrf.guard';
import { Requires } from '../auth/decorators';
import type { AuthenticatedRequest } from '../auth/request-context';
import { parseId } from '../common/ids';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { ImportQueue } from './import-queue.service';

/** Larger files answer 413 before they are read into memory. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The part of a multer upload this controller uses. */
interface UploadedList {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * `POST /events/{eventId}/registrations/import` (multipart, field `file`): stores the list and
 * answers 202 with the import's id at once; the worker reads it, `registrationImport(id)` reports.
 */
@Controller('events/:eventId/registrations')
export class RegistrationImportController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ImportQueue,
  ) {}

  @Post('import')
  @HttpCode(202)
  @Requires(Permission.WRITE_PARTICIPATIONS, Permission.WRITE_ACTORS)
  @RateLimit('uploads')
  // With the session cookie, the header apollo-require-preflight (CSRF), refused before the body is read.
  @UseGuards(CsrfGuard)
  @RequirePreflight('cookie')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  async upload(
    @Param('eventId') rawEventId: string,
    @UploadedFile() file: UploadedList | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ id: string }> {
    // A malformed id answers 400 naming the field (the exception filter does so on REST routes).
    const eventId = parseId('eventId', rawEventId);
    if (!file)
      throw new BadRequestException('file: send the list as multipart/form-data in the field "file"');
    const kind = sniffRegistrationFile(file.buffer);
    if (!kind) {
      throw new BadRequestException(
        'file: Filen är varken CSV eller Excel (.xlsx). Spara listan som CSV eller .xlsx och försök igen.',
      );
    }
    const [event] = await this.dataSource.query(`SELECT id FROM event WHERE id = $1`, [eventId]);
    if (!event) throw new NotFoundException('eventId: no event has this ID');

    const record = await this.dataSource.transaction(async (em) => {
      const created = await new RegistrationImportRepository(em).create({
        eventId,
        fileName: cleanFileName(file.originalname),
        fileKind: kind,
        content: file.buffer,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        userId: req.user!.id,
      });
      await new AuditRepository(em).record(req.user!.id, 'upload', 'registration_import', created.id, [
        'file',
      ]);
      return created;
    });
    await this.queue.enqueue(record.id);
    return { id: record.id };
  }
}

/** The name as the browser sent it, without a path, at most 255 characters; null when blank. */
function cleanFileName(name: string | undefined): string | null {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return base ? [...base].slice(0, 255).join('') : null;
}
