import { EntityManager } from 'typeorm';
import { rowsOf } from '../sql';

export type ImportStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
export type ImportFileKind = 'CSV' | 'XLSX';

export interface RejectedRow {
  line: number;
  reason: string;
}

/** What `registrationImport(id)` reports: status and counts, never the file itself. */
export interface RegistrationImportRecord {
  id: string;
  eventId: string;
  status: ImportStatus;
  fileName: string | null;
  fileKind: ImportFileKind;
  rows: number;
  createdActors: number;
  matchedActors: number;
  createdParticipations: number;
  updatedParticipations: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
  nextRow: number;
  error: string | null;
  attempts: number;
  createdAt: Date;
  createdBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportCounts {
  createdActors: number;
  matchedActors: number;
  createdParticipations: number;
  updatedParticipations: number;
  rejected: RejectedRow[];
}

/** Attempts (jobs, retries and recoveries together) after which an import is given up. */
export const MAX_IMPORT_ATTEMPTS = 5;

const COLUMNS = `id, event_id, status, file_name, file_kind, rows, created_actors, matched_actors,
  created_participations, updated_participations, rejected, ignored_columns, next_row, error, attempts,
  created_at, created_by, started_at, finished_at`;

function toRecord(row: Record<string, unknown>): RegistrationImportRecord {
  return {
    id: row.id as string,
    eventId: row.event_id as string,
    status: row.status as ImportStatus,
    fileName: row.file_name as string | null,
    fileKind: row.file_kind as ImportFileKind,
    rows: row.rows as number,
    createdActors: row.created_actors as number,
    matchedActors: row.matched_actors as number,
    createdParticipations: row.created_participations as number,
    updatedParticipations: row.updated_participations as number,
    rejected: row.rejected as RejectedRow[],
    ignoredColumns: row.ignored_columns as string[],
    nextRow: row.next_row as number,
    error: row.error as string | null,
    attempts: row.attempts as number,
    createdAt: row.created_at as Date,
    createdBy: row.created_by as string | null,
    startedAt: row.started_at as Date | null,
    finishedAt: row.finished_at as Date | null,
  };
}

/**
 * An uploaded registration list and the progress of reading it. The file's bytes live in the row
 * until the import has run, then are cleared: what stays is counts and the rejected lines.
 */
export class RegistrationImportRepository {
  constructor(private readonly em: EntityManager) {}

  async create(input: {
    eventId: string;
    fileName: string | null;
    fileKind: ImportFileKind;
    content: Buffer;
    sha256: string;
    userId: string;
  }): Promise<RegistrationImportRecord> {
    const rows = await this.em.query(
      `INSERT INTO registration_import (event_id, file_name, file_kind, file_size, file_sha256, content, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        input.eventId,
        input.fileName,
        input.fileKind,
        input.content.length,
        input.sha256,
        input.content,
        input.userId,
      ],
    );
    return toRecord(rows[0]);
  }

  async findById(id: string): Promise<RegistrationImportRecord | null> {
    const rows = await this.em.query(`SELECT ${COLUMNS} FROM registration_import WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** An event's imports, newest first (the index registration_import_event_idx), at most `first`. */
  async forEvent(eventId: string, first: number): Promise<RegistrationImportRecord[]> {
    const rows = await this.em.query(
      `SELECT ${COLUMNS} FROM registration_import WHERE event_id = $1
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [eventId, first],
    );
    return rows.map(toRecord);
  }

  /**
   * Takes an unfinished import for processing and answers it with its bytes; null when it is
   * finished (a repeated job) or gone (its event was deleted).
   */
  async claim(id: string): Promise<{ record: RegistrationImportRecord; content: Buffer } | null> {
    // An import that keeps taking its worker down (each attempt counted here) is given up.
    await this.em.query(
      `UPDATE registration_import SET status = 'FAILED', error = $2, content = NULL, finished_at = now()
       WHERE id = $1 AND status IN ('PENDING', 'RUNNING') AND attempts >= $3`,
      [
        id,
        'Importen avbröts upprepade gånger och har getts upp. Rader som hunnit sparas finns kvar; ladda upp filen igen.',
        MAX_IMPORT_ATTEMPTS,
      ],
    );
    const rows = rowsOf(
      await this.em.query(
        `UPDATE registration_import SET status = 'RUNNING', attempts = attempts + 1,
           started_at = coalesce(started_at, now())
         WHERE id = $1 AND status IN ('PENDING', 'RUNNING')
         RETURNING ${COLUMNS}, content`,
        [id],
      ),
    );
    return rows[0] ? { record: toRecord(rows[0]), content: rows[0].content as Buffer } : null;
  }

  /** The header was read: how many data rows there are and which columns were not understood. */
  async describe(id: string, rowCount: number, ignoredColumns: string[]): Promise<void> {
    await this.em.query(`UPDATE registration_import SET rows = $2, ignored_columns = $3 WHERE id = $1`, [
      id,
      rowCount,
      ignoredColumns,
    ]);
  }

  /** Adds one batch's counts and moves the resume point, in the batch's own transaction. */
  async advance(id: string, nextRow: number, counts: ImportCounts): Promise<void> {
    await this.em.query(
      `UPDATE registration_import SET
         next_row = $2,
         created_actors = created_actors + $3,
         matched_actors = matched_actors + $4,
         created_participations = created_participations + $5,
         updated_participations = updated_participations + $6,
         rejected = rejected || $7::jsonb
       WHERE id = $1`,
      [
        id,
        nextRow,
        counts.createdActors,
        counts.matchedActors,
        counts.createdParticipations,
        counts.updatedParticipations,
        JSON.stringify(counts.rejected),
      ],
    );
  }

  async finish(id: string): Promise<void> {
    await this.em.query(
      `UPDATE registration_import SET status = 'DONE', content = NULL, finished_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** A file that cannot be read at all (no name column, a broken xlsx): the reason, and the bytes go. */
  async fail(id: string, error: string): Promise<void> {
    await this.em.query(
      `UPDATE registration_import SET status = 'FAILED', error = $2, content = NULL, finished_at = now()
       WHERE id = $1 AND status IN ('PENDING', 'RUNNING')`,
      [id, error],
    );
  }

  /** Imports the queue may have lost (Redis was down at upload, or the worker died mid-file). */
  async unfinishedIds(olderThanMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM registration_import
       WHERE status IN ('PENDING', 'RUNNING') AND created_at < now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY created_at LIMIT 100`,
      [olderThanMs],
    );
    return rows.map((r) => r.id);
  }
}
