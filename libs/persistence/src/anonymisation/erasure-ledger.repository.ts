import { EntityManager } from 'typeorm';

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
    const rows: {
      action: ErasureAction;
      subject_id: string;
      at: Date;
      retention_run_id: string | null;
      decision_reference: string | null;
    }[] = await this.em.query(
      `SELECT action, subject_id, at, retention_run_id, decision_reference FROM erasure_ledger ${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      action: r.action,
      subject_id: r.subject_id,
      at: new Date(r.at).toISOString(),
      retention_run_id: r.retention_run_id,
      decision_reference: r.decision_reference,
    }));
  }

  /** The rows about one subject (tests and the re-apply check). */
  async about(subjectId: string): Promise<ErasureLedgerEntry[]> {
    return await this.entries(`WHERE subject_id = $1`, [subjectId]);
  }
}
