import { EntityManager } from 'typeorm';
import { rowsOf } from '../sql';

export type ErasureAction = 'ANONYMISED' | 'DELETED' | 'IMPORT_ROWS_CULLED';

/** Who or what erases, for the erasure ledger (ids and a reference only, never personal data). */
export interface ErasureContext {
  /** The ADMIN who asked; null for a retention run. */
  userId: string | null;
  /** The retention run that culled; null for an ADMIN's request. */
  retentionRunId: string | null;
  /** The case or decision reference (a request's diary number, a gallringsbeslut). */
  reference: string | null;
}

/** One ledger row as exported (JSON lines) and re-applied after an older backup is restored. */
export interface ErasureLedgerEntry {
  action: ErasureAction;
  subject_id: string;
  /** ISO 8601 */
  at: string;
  retention_run_id: string | null;
  decision_reference: string | null;
}

const AT_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The erasure ledger: what was anonymised, deleted or culled, by id and date only. It outlives a
 * restored backup (exported before, re-applied after), so nobody anonymised comes back.
 */
export class ErasureLedgerRepository {
  constructor(private readonly em: EntityManager) {}

  async record(action: ErasureAction, subjectIds: readonly string[], context: ErasureContext): Promise<void> {
    if (!subjectIds.length) return;
    await this.em.query(
      `INSERT INTO erasure_ledger (action, subject_id, retention_run_id, decision_reference, user_id)
       SELECT $1, subject, $3, $4, $5 FROM unnest($2::uuid[]) AS subject`,
      [action, subjectIds, context.retentionRunId, context.reference, context.userId],
    );
  }

  /** Every row, oldest first. */
  all(): Promise<ErasureLedgerEntry[]> {
    return this.entries('', []);
  }

  private async entries(where: string, params: unknown[]): Promise<ErasureLedgerEntry[]> {
    // `at` to the microsecond (a JavaScript Date keeps milliseconds), so a re-applied row is found again.
    return this.em.query(
      `SELECT action, subject_id, ${AT_TEXT} AS at, retention_run_id, decision_reference
       FROM erasure_ledger ${where} ORDER BY id`,
      params,
    );
  }

  /**
   * Puts a row exported from another copy of the database back, with its date, unless a row of the
   * same action, subject and time is already there. The retention run it names is kept only if it
   * exists here (a restored backup may predate it). Answers whether a row was added.
   */
  async restore(entry: ErasureLedgerEntry): Promise<boolean> {
    const rows = await this.em.query(
      `INSERT INTO erasure_ledger (action, subject_id, at, retention_run_id, decision_reference)
       SELECT $1, $2::uuid, $3::timestamptz,
              (SELECT id FROM retention_run WHERE id = $4::uuid), $5
       WHERE NOT EXISTS (
         SELECT 1 FROM erasure_ledger WHERE action = $1 AND subject_id = $2::uuid AND at = $3::timestamptz)
       RETURNING id`,
      [entry.action, entry.subject_id, entry.at, entry.retention_run_id, entry.decision_reference],
    );
    return rowsOf(rows).length > 0;
  }

  /** The rows about one subject (tests and the re-apply check). */
  async about(subjectId: string): Promise<ErasureLedgerEntry[]> {
    return await this.entries(`WHERE subject_id = $1`, [subjectId]);
  }
}
