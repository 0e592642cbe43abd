import type { EntityManager } from 'typeorm';
import { anonymisePersonsWithLedger, deletePersonWithoutEvidence } from './anonymise';
import { ErasureAction, ErasureLedgerEntry, ErasureLedgerRepository } from './erasure-ledger.repository';

/** What re-applying a ledger did, in counts only. */
export interface ReapplyCounts {
  /** Ledger rows read. */
  entries: number;
  /** Ledger rows this database lacked, put back with their dates. */
  ledgerRowsRestored: number;
  /** Persons anonymised again (ANONYMISED rows whose person was back with a name). */
  anonymised: number;
  /** Persons deleted again (DELETED rows whose person was back). */
  deleted: number;
  /** DELETED rows whose person is back with evidence recorded since: anonymised instead. */
  anonymisedInsteadOfDeleted: number;
  /** Rows with nothing to do: the person is anonymous already, or not in this database. */
  unchanged: number;
  /** IMPORT_ROWS_CULLED rows: culling again is the retention run's job (run it again). */
  importCullsSkipped: number;
}

const ACTIONS: readonly ErasureAction[] = ['ANONYMISED', 'DELETED', 'IMPORT_ROWS_CULLED'];
/** Persons anonymised again per call. */
const REAPPLY_CHUNK = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the JSON lines `erasure-ledger export` wrote; a bad line is an error naming its number. */
export function parseLedgerLines(text: string): ErasureLedgerEntry[] {
  const entries: ErasureLedgerEntry[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let value: Partial<ErasureLedgerEntry>;
    try {
      value = JSON.parse(line) as Partial<ErasureLedgerEntry>;
    } catch (error) {
      throw new Error(`line ${index + 1} is not JSON`, { cause: error });
    }
    const optionalText = (v: unknown) => v === null || v === undefined || typeof v === 'string';
    if (
      !ACTIONS.includes(value.action as ErasureAction) ||
      typeof value.subject_id !== 'string' ||
      !UUID.test(value.subject_id) ||
      typeof value.at !== 'string' ||
      Number.isNaN(Date.parse(value.at)) ||
      !optionalText(value.retention_run_id) ||
      (typeof value.retention_run_id === 'string' && !UUID.test(value.retention_run_id)) ||
      !optionalText(value.decision_reference)
    ) {
      throw new Error(`line ${index + 1} is not a ledger row (action, subject_id, at, …)`);
    }
    entries.push({
      action: value.action as ErasureAction,
      subject_id: value.subject_id.toLowerCase(),
      at: value.at,
      retention_run_id: value.retention_run_id ?? null,
      decision_reference: value.decision_reference ?? null,
    });
  }
  return entries;
}

/**
 * Re-applies an exported ledger to this database (after an older backup was restored), in the
 * caller's transaction, oldest row first. Idempotent: a second run changes nothing.
 *
 * - The rows this database lacks are put back with their own dates, so the ledger survives the next
 *   restore too; nothing re-applied writes a second row.
 * - ANONYMISED: a person who is here and not anonymised is anonymised again.
 * - DELETED: a person who is here is deleted again; if evidence about them has been recorded
 *   since (they came back and took part), they are anonymised instead, so no figure changes.
 * - IMPORT_ROWS_CULLED: skipped; run the retention again to cull by its rule.
 */
export async function reapplyErasureLedger(
  em: EntityManager,
  entries: readonly ErasureLedgerEntry[],
): Promise<ReapplyCounts> {
  const ledger = new ErasureLedgerRepository(em);
  const counts: ReapplyCounts = {
    entries: entries.length,
    ledgerRowsRestored: 0,
    anonymised: 0,
    deleted: 0,
    anonymisedInsteadOfDeleted: 0,
    unchanged: 0,
    importCullsSkipped: 0,
  };
  // Anonymised a chunk at a time once the ledger rows are back: one call (and one lock, one UPDATE)
  // for many persons rather than one per row. The order of rows matters only per person, and a
  // person is either anonymised or deleted, never both.
  const toAnonymise: string[] = [];
  const insteadOfDeleted: string[] = [];
  for (const entry of entries) {
    if (await ledger.restore(entry)) counts.ledgerRowsRestored += 1;
    if (entry.action === 'IMPORT_ROWS_CULLED') {
      counts.importCullsSkipped += 1;
    } else if (entry.action === 'ANONYMISED') {
      toAnonymise.push(entry.subject_id);
    } else {
      const context = { userId: null, retentionRunId: null, reference: entry.decision_reference };
      const outcome = await deletePersonWithoutEvidence(em, entry.subject_id, context, { ledger: false });
      if (outcome === 'DELETED') counts.deleted += 1;
      else if (outcome === 'HAS_EVIDENCE') insteadOfDeleted.push(entry.subject_id);
      else counts.unchanged += 1;
    }
  }
  // A re-applied anonymisation writes no ledger row, so the reference would go only to the audit
  // row, which holds none: the context is the same for all.
  const context = { userId: null, retentionRunId: null, reference: null };
  for (let start = 0; start < toAnonymise.length; start += REAPPLY_CHUNK) {
    const chunk = toAnonymise.slice(start, start + REAPPLY_CHUNK);
    const done = await anonymisePersonsWithLedger(em, chunk, context, { ledger: false });
    counts.anonymised += done.length;
    counts.unchanged += chunk.length - done.length;
  }
  for (let start = 0; start < insteadOfDeleted.length; start += REAPPLY_CHUNK) {
    const chunk = insteadOfDeleted.slice(start, start + REAPPLY_CHUNK);
    await anonymisePersonsWithLedger(em, chunk, context, { ledger: false });
    counts.anonymisedInsteadOfDeleted += chunk.length;
  }
  return counts;
}
