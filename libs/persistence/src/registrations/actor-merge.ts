import {
  ActorKind,
  DomainValidationError,
  InitiativeRole,
  ParticipationRole,
  participationRoleRank,
  ParticipationStatus,
} from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ActorEntity } from '../entities';
import { hydrate, rowsOf } from '../sql';

/** What a merge moved onto the kept actor: counts and field names only, never values. */
export interface MergeMoved {
  /** The merged actor's participations that moved to the kept actor. */
  participations: number;
  /** Events both were registered for: folded into the kept actor's participation. */
  participationClashes: number;
  memberships: number;
  /** Initiatives both belonged to: folded into the kept actor's membership. */
  membershipClashes: number;
  engagements: number;
  /** Persons who moved from the merged organisation to the kept one. */
  members: number;
  /** The kept actor's empty fields that took the merged actor's value (GraphQL field names). */
  filledFields: string[];
}

export interface MergeResult {
  keptId: string;
  mergedId: string;
  kind: ActorKind;
  moved: MergeMoved;
  /** Actors whose ladder placement may change: the kept actor, its organisations, moved members. */
  affectedActorIds: string[];
}

/** Least to most engaged, as participationRoleRank orders them. */
const ROLES_ASCENDING = (Object.values(ParticipationRole) as ParticipationRole[]).sort(
  (a, b) => participationRoleRank[a] - participationRoleRank[b],
);
/** What happened at an event, weakest evidence first: ATTENDED is the one the ladder counts. */
const STATUSES_ASCENDING: ParticipationStatus[] = [
  ParticipationStatus.CANCELLED,
  ParticipationStatus.NO_SHOW,
  ParticipationStatus.REGISTERED,
  ParticipationStatus.ATTENDED,
];
/** InitiativeRole is declared in ascending order of responsibility. */
const INITIATIVE_ROLES_ASCENDING = Object.values(InitiativeRole) as InitiativeRole[];

/** The fields a merge may fill on the kept actor, by column and GraphQL field name. */
const FILLABLE: { column: string; field: keyof ActorEntity & string; kinds: ActorKind[] }[] = [
  { column: 'email', field: 'email', kinds: [ActorKind.PERSON] },
  { column: 'title', field: 'title', kinds: [ActorKind.PERSON] },
  { column: 'gender', field: 'gender', kinds: [ActorKind.PERSON] },
  { column: 'organisation_id', field: 'organisationId', kinds: [ActorKind.PERSON] },
  {
    column: 'municipality_code',
    field: 'municipalityCode',
    kinds: [ActorKind.PERSON, ActorKind.ORGANISATION],
  },
  { column: 'organisation_number', field: 'organisationNumber', kinds: [ActorKind.ORGANISATION] },
];

/**
 * Merges `mergeId` into `keepId` in the caller's transaction: everything recorded about the merged
 * actor moves to the kept one, the merged actor's row is deleted and an `actor_merge` row tells
 * what moved (counts only). Both actor rows are locked in id order first, so two merges of the same
 * pair (in either direction) run one after the other, and the second finds one of its actors gone.
 *
 * - Participations: where both were at an event, the kept row takes the stronger role and status
 *   (ATTENDED > REGISTERED > NO_SHOW > CANCELLED, with the earliest check-in), and the merged row
 *   goes; the rest move.
 * - Memberships: where both belong to an initiative, the kept row takes the widest membership
 *   (earliest joinedOn, latest leftOn or still open, the stronger role); the rest move.
 * - Engagements move; an organisation's members move to the kept organisation.
 * - The kept actor keeps its values and fills only its empty ones from the merged actor (after the
 *   merged row is gone, so the unique email and organisation number can move with it). The location
 *   is filled only when the kept actor has no municipality and is in Sweden.
 *
 * Triggers mark the actors whose evidence moved in the ladder outbox; the kept actor, its
 * organisation and the merged actor's former organisation are marked here as well.
 */
export async function mergeActors(
  em: EntityManager,
  keepId: string,
  mergeId: string,
  userId: string | null,
): Promise<MergeResult> {
  if (keepId === mergeId) throw new DomainValidationError('mergeId', 'cannot be merged into itself');
  const locked = hydrate(
    em,
    ActorEntity,
    await em.query(`SELECT * FROM actor WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [keepId, mergeId],
    ]),
  );
  const keep = locked.find((a) => a.id === keepId);
  const merge = locked.find((a) => a.id === mergeId);
  if (!keep) throw new DomainValidationError('keepId', 'no actor has this ID');
  if (!merge) throw new DomainValidationError('mergeId', 'no actor has this ID');
  // An anonymised person is no one in particular: merging would tie evidence to whoever it is merged with.
  if (keep.anonymisedAt) throw new DomainValidationError('keepId', 'is anonymised and cannot be merged');
  if (merge.anonymisedAt) throw new DomainValidationError('mergeId', 'is anonymised and cannot be merged');
  if (keep.kind !== merge.kind) {
    throw new DomainValidationError(
      'mergeId',
      merge.kind === ActorKind.PERSON
        ? 'is a person and cannot be merged into an organisation'
        : 'is an organisation and cannot be merged into a person',
    );
  }
  const ids = [keepId, mergeId, userId];

  // Participations: fold the clashes into the kept row, drop the merged row, move the rest.
  const participationClashes = rowsOf(
    await em.query(
      `UPDATE participation k SET
         role = CASE WHEN array_position($4::text[], m.role) > array_position($4::text[], k.role)
                     THEN m.role ELSE k.role END,
         status = CASE WHEN array_position($5::text[], m.status) > array_position($5::text[], k.status)
                       THEN m.status ELSE k.status END,
         checked_in_at = CASE WHEN 'ATTENDED' IN (k.status, m.status)
                              THEN least(k.checked_in_at, m.checked_in_at) END,
         updated_at = now(), updated_by = $3
       FROM participation m
       WHERE k.actor_id = $1 AND m.actor_id = $2 AND m.event_id = k.event_id
       RETURNING k.id`,
      [...ids, ROLES_ASCENDING, STATUSES_ASCENDING],
    ),
  ).length;
  if (participationClashes) {
    await em.query(
      `DELETE FROM participation m WHERE m.actor_id = $2
         AND EXISTS (SELECT 1 FROM participation k WHERE k.actor_id = $1 AND k.event_id = m.event_id)`,
      [keepId, mergeId],
    );
  }
  const participations = rowsOf(
    await em.query(
      `UPDATE participation SET actor_id = $1, updated_at = now(), updated_by = $3 WHERE actor_id = $2
       RETURNING id`,
      ids,
    ),
  ).length;

  // Memberships: the same, with the widest dates and the stronger role.
  const membershipClashes = rowsOf(
    await em.query(
      `UPDATE initiative_membership k SET
         role = CASE WHEN array_position($4::text[], m.role) > array_position($4::text[], k.role)
                     THEN m.role ELSE k.role END,
         joined_on = least(k.joined_on, m.joined_on),
         left_on = CASE WHEN k.left_on IS NULL OR m.left_on IS NULL THEN NULL
                        ELSE greatest(k.left_on, m.left_on) END,
         updated_at = now(), updated_by = $3
       FROM initiative_membership m
       WHERE k.actor_id = $1 AND m.actor_id = $2 AND m.initiative_id = k.initiative_id
       RETURNING k.id`,
      [...ids, INITIATIVE_ROLES_ASCENDING],
    ),
  ).length;
  if (membershipClashes) {
    await em.query(
      `DELETE FROM initiative_membership m WHERE m.actor_id = $2
         AND EXISTS (SELECT 1 FROM initiative_membership k WHERE k.actor_id = $1 AND k.initiative_id = m.initiative_id)`,
      [keepId, mergeId],
    );
  }
  const memberships = rowsOf(
    await em.query(
      `UPDATE initiative_membership SET actor_id = $1, updated_at = now(), updated_by = $3 WHERE actor_id = $2
       RETURNING id`,
      ids,
    ),
  ).length;

  const engagements = rowsOf(
    await em.query(`UPDATE engagement SET actor_id = $1 WHERE actor_id = $2 RETURNING id`, [keepId, mergeId]),
  ).length;

  // An organisation's people move with it (before the row goes: they refer to it).
  const memberIds: string[] =
    keep.kind === ActorKind.ORGANISATION
      ? rowsOf(
          await em.query(
            `UPDATE actor SET organisation_id = $1, updated_at = now(), updated_by = $3
             WHERE organisation_id = $2 RETURNING id`,
            ids,
          ),
        ).map((row) => row.id as string)
      : [];

  // Earlier merges into the merged actor now belong to the kept one (the history keeps its chain).
  await em.query(`UPDATE actor_merge SET kept_id = $1 WHERE kept_id = $2`, [keepId, mergeId]);

  // The merged row goes (its duplicate candidates, ladder periods and outbox row with it) before
  // its email or organisation number, unique across actors, is copied onto the kept actor.
  await em.query(`DELETE FROM actor WHERE id = $1`, [mergeId]);

  const fill = FILLABLE.filter(
    ({ field, kinds }) => kinds.includes(keep.kind) && keep[field] === null && merge[field] !== null,
  ).filter(
    // A location is filled only onto an actor somewhere in Sweden without a municipality.
    ({ field }) => field !== 'municipalityCode' || keep.country === 'SE',
  );
  const assignments = fill.map(({ column }, i) => `${column} = $${i + 3}`);
  const [kept] = hydrate(
    em,
    ActorEntity,
    rowsOf(
      await em.query(
        `UPDATE actor SET ${[...assignments, 'updated_at = now()', 'updated_by = $2'].join(', ')}
         WHERE id = $1 RETURNING *`,
        [keepId, userId, ...fill.map(({ field }) => merge[field])],
      ),
    ),
  );

  // The triggers have marked whoever's evidence moved; the kept actor and the organisations on
  // either side are marked here whatever moved (an empty merge still changes whose row counts).
  const marked = [keepId, kept.organisationId, keep.organisationId, merge.organisationId].filter(
    (id): id is string => Boolean(id),
  );
  await em.query(`SELECT ladder_mark($1::uuid[])`, [marked]);
  const affectedActorIds = [...new Set([...marked, ...memberIds])];

  const moved: MergeMoved = {
    participations,
    participationClashes,
    memberships,
    membershipClashes,
    engagements,
    members: memberIds.length,
    filledFields: fill.map(({ field }) => field),
  };
  await em.query(
    `INSERT INTO actor_merge (kept_id, merged_id, kind, moved, merged_by) VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [keepId, mergeId, keep.kind, JSON.stringify(moved), userId],
  );
  return { keptId: keepId, mergedId: mergeId, kind: keep.kind, moved, affectedActorIds };
}
