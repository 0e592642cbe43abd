import { ActorKind } from '@crm/domain';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../repositories/audit.repository';
import { rowsOf } from '../sql';
import { ErasureContext, ErasureLedgerRepository } from './erasure-ledger.repository';
import { rejectedImportRowsSql } from './rejected-import-rows';

/** What an anonymised person is called: the same for everyone, so it identifies no one. */
export const ANONYMISED_NAME = 'Anonymiserad person';

/** The fields anonymisation erases, as the audit row names them (names only, never values). */
export const ANONYMISED_FIELDS: readonly string[] = [
  'name',
  'email',
  'title',
  'engagements.note',
  'restrictedAt',
  'restrictionReason',
  'restrictedBy',
  'anonymisedAt',
];

interface PersonToErase {
  id: string;
  name: string;
  email: string | null;
}

/**
 * Anonymises these persons in the caller's transaction and writes one erasure_ledger row each.
 * Answers the ids actually anonymised (organisations, unknown ids and persons already anonymised
 * are skipped).
 *
 * For each person: the name becomes ANONYMISED_NAME (search_text and match_key follow, being
 * generated from it), email and title are emptied, the notes of their engagements are emptied,
 * a restriction of processing is lifted (nothing personal is left to restrict), anonymised_at is
 * set. Their duplicate candidates and register extracts are deleted, and rejected import rows that
 * quote their email or whole name are removed (rejectedImportRowsSql; a rejected row holds a line
 * number and a reason only; the reasons are written not to repeat a name or an address, so this
 * rarely finds any).
 *
 * Kept, so every figure stays what it was: kind, sector, municipality, country, gender, the link to
 * their organisation, legal basis, every participation, membership, engagement and ladder period
 * (whose reasons hold ids only), consents (dates, a text version and a source: the proof of the
 * legal basis under which the kept evidence was recorded, and nothing that identifies anyone), and
 * the access log (ids only). No column the ladder depends on changes, so no step moves.
 */
export function anonymisePersons(
  manager: EntityManager,
  actorIds: readonly string[],
  context: ErasureContext,
): Promise<string[]> {
  return anonymisePersonsWithLedger(manager, actorIds, context, { ledger: true });
}

/**
 * anonymisePersons, optionally without its ledger rows: re-applying a ledger after a restore puts
 * back the original rows (with their dates) instead of writing new ones.
 */
export async function anonymisePersonsWithLedger(
  manager: EntityManager,
  actorIds: readonly string[],
  context: ErasureContext,
  options: { ledger: boolean },
): Promise<string[]> {
  const ids = [...new Set(actorIds)].sort();
  if (!ids.length) return [];
  // Locked in id order, so two erasures of overlapping sets run one after the other.
  const persons: PersonToErase[] = await manager.query(
    `SELECT id, name, email FROM actor
     WHERE id = ANY ($1::uuid[]) AND kind = $2 AND anonymised_at IS NULL
     ORDER BY id FOR UPDATE`,
    [ids, ActorKind.PERSON],
  );
  if (!persons.length) return [];
  const erased = persons.map((p) => p.id);

  await removeRejectedImportRows(manager, persons);
  await manager.query(
    `DELETE FROM duplicate_candidate WHERE actor_a = ANY ($1::uuid[]) OR actor_b = ANY ($1::uuid[])`,
    [erased],
  );
  await manager.query(`DELETE FROM personal_data_export WHERE actor_id = ANY ($1::uuid[])`, [erased]);
  // The note is not evidence (the ladder counts kind and date), and updating engagement fires its
  // ladder trigger, which only marks the person for a recomputation that gives the same steps.
  await manager.query(
    `UPDATE engagement SET note = NULL WHERE actor_id = ANY ($1::uuid[]) AND note IS NOT NULL`,
    [erased],
  );
  await manager.query(
    `UPDATE actor SET name = $2, email = NULL, title = NULL,
       restricted_at = NULL, restriction_reason = NULL, restricted_by = NULL,
       anonymised_at = now(), updated_at = now(), updated_by = $3
     WHERE id = ANY ($1::uuid[])`,
    [erased, ANONYMISED_NAME, context.userId],
  );

  // One audit row per person, in one statement (AuditRepository.record's row, set-wise).
  await manager.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, changed_fields)
     SELECT $1, 'anonymise', 'actor', id, $3 FROM unnest($2::uuid[]) AS id`,
    [context.userId, erased, ANONYMISED_FIELDS],
  );
  if (options.ledger) await new ErasureLedgerRepository(manager).record('ANONYMISED', erased, context);
  return erased;
}

/** What counts as recorded evidence about a person: any participation, membership, engagement or ladder period. */
export async function hasEvidence(manager: EntityManager, actorId: string): Promise<boolean> {
  const [{ found }] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM participation WHERE actor_id = $1)
         OR EXISTS (SELECT 1 FROM initiative_membership WHERE actor_id = $1)
         OR EXISTS (SELECT 1 FROM engagement WHERE actor_id = $1)
         OR EXISTS (SELECT 1 FROM ladder_period WHERE actor_id = $1) AS found`,
    [actorId],
  );
  return found === true;
}

export type DeletePersonOutcome = 'DELETED' | 'NOT_A_PERSON' | 'ANONYMISED' | 'HAS_EVIDENCE' | 'NOT_FOUND';

/**
 * Deletes a person with no recorded evidence at all, in the caller's transaction, with the rejected
 * import rows that name them, and writes the ledger row 'DELETED'. Their duplicate candidates,
 * consents, extracts and outbox row go with the row (ON DELETE CASCADE). Anything else is refused
 * with the reason, and nothing is changed.
 */
export async function deletePersonWithoutEvidence(
  manager: EntityManager,
  actorId: string,
  context: ErasureContext,
  options: { ledger: boolean } = { ledger: true },
): Promise<DeletePersonOutcome> {
  const [person]: (PersonToErase & { kind: ActorKind; anonymised_at: Date | null })[] = await manager.query(
    `SELECT id, kind, name, email, anonymised_at FROM actor WHERE id = $1 FOR UPDATE`,
    [actorId],
  );
  if (!person) return 'NOT_FOUND';
  if (person.kind !== ActorKind.PERSON) return 'NOT_A_PERSON';
  if (person.anonymised_at) return 'ANONYMISED';
  if (await hasEvidence(manager, actorId)) return 'HAS_EVIDENCE';
  await removeRejectedImportRows(manager, [person]);
  await manager.query(`DELETE FROM actor WHERE id = $1`, [actorId]);
  await new AuditRepository(manager).record(context.userId, 'delete', 'actor', actorId, []);
  if (options.ledger) await new ErasureLedgerRepository(manager).record('DELETED', [actorId], context);
  return 'DELETED';
}

/**
 * Removes, from every import's rejected rows, those that name one of these persons by their email or
 * name (rejectedImportRowsSql: the same rows a register extract shows them). Locks only the imports
 * that change.
 */
async function removeRejectedImportRows(manager: EntityManager, persons: readonly PersonToErase[]) {
  const emails = persons.map((p) => p.email).filter((e): e is string => Boolean(e));
  const names: string[] = persons.map((p) => p.name);
  const updated = await manager.query(
    `WITH named AS (${rejectedImportRowsSql('$1', '$2')}),
     changed AS (
       SELECT import_id, coalesce(jsonb_agg(el ORDER BY ord) FILTER (WHERE NOT names_person), '[]'::jsonb) AS rejected
       FROM named GROUP BY import_id HAVING bool_or(names_person)
     )
     UPDATE registration_import i SET rejected = changed.rejected FROM changed WHERE i.id = changed.import_id
     RETURNING i.id`,
    [emails, names],
  );
  return rowsOf(updated).length;
}
