import { ActorKind } from '@crm/domain';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../repositories/audit.repository';
import { rowsOf } from '../sql';
import { ErasureContext, ErasureLedgerRepository } from './erasure-ledger.repository';

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

/** A name shorter than this (folded) is not looked for in rejected import rows: it would match too much. */
const MIN_NAME_TO_MATCH = 4;

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
 * set. Their duplicate candidates and register extracts are deleted, and rejected import rows whose
 * reason quotes their email or name are removed (a rejected row holds a line number and a reason
 * only; the reasons are written not to repeat a name or an address, so this rarely finds any).
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
 * A rejected row as a retention cull leaves it (retention-rules.ts, REJECTED_IMPORT_ROWS): its line,
 * and its reason with any value quoted from the file replaced by an ellipsis. A row in that form
 * quotes nothing, so an import whose rows are all culled cannot name anyone.
 */
const CULLED_FORM = (r: string) =>
  `jsonb_build_object('line', ${r} -> 'line', 'reason', regexp_replace(${r} ->> 'reason', '".*"', '"…"'))`;

/**
 * Removes, from every import's rejected rows, those whose reason quotes one of these persons'
 * email (case ignored) or name (case, accents and punctuation ignored). Imports a retention cull
 * has stripped are not read; each row's text and name key are computed once, whatever the number
 * of persons looked for. Locks only the imports that change.
 */
async function removeRejectedImportRows(manager: EntityManager, persons: readonly PersonToErase[]) {
  // Lower-cased here, so the query compares each row's lower-cased text with them as they are.
  const emails = persons.map((p) => p.email?.toLowerCase()).filter((e): e is string => Boolean(e));
  const names: string[] = persons.map((p) => p.name);
  const updated = await manager.query(
    `WITH name_key AS MATERIALIZED (
       SELECT DISTINCT ' ' || k || ' ' AS word FROM (SELECT person_name_key(n) AS k FROM unnest($2::text[]) AS n) keys
       WHERE char_length(k) >= $3
     ),
     candidate AS (
       SELECT i.id, i.rejected FROM registration_import i
       WHERE jsonb_array_length(i.rejected) > 0
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.rejected) c(item) WHERE c.item <> ${CULLED_FORM('c.item')})
     ),
     row_text AS MATERIALIZED (
       SELECT c.id, r.ord, r.el, lower(r.el::text) AS text,
              ' ' || person_name_key(coalesce(r.el ->> 'reason', '')) || ' ' AS reason_key
       FROM candidate c CROSS JOIN LATERAL jsonb_array_elements(c.rejected) WITH ORDINALITY AS r(el, ord)
     ),
     matched AS (
       SELECT t.id, t.ord, t.el,
              EXISTS (SELECT 1 FROM unnest($1::text[]) AS e WHERE strpos(t.text, e) > 0)
              OR EXISTS (SELECT 1 FROM name_key WHERE strpos(t.reason_key, name_key.word) > 0) AS el_names
       FROM row_text t
     ),
     changed AS (
       SELECT id, coalesce(jsonb_agg(el ORDER BY ord) FILTER (WHERE NOT el_names), '[]'::jsonb) AS rejected
       FROM matched GROUP BY id HAVING bool_or(el_names)
     )
     UPDATE registration_import i SET rejected = changed.rejected FROM changed WHERE i.id = changed.id
     RETURNING i.id`,
    [emails, names, MIN_NAME_TO_MATCH],
  );
  return rowsOf(updated).length;
}
