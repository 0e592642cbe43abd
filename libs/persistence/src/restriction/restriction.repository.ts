import { EntityManager } from 'typeorm';
import { ActorEntity } from '../entities';
import { hydrate } from '../sql';

/**
 * How a write holds the actor row until it commits: FOR SHARE where it only adds rows that refer to
 * the actor (a restriction or anonymisation, which update the row, waits for it), FOR UPDATE where it
 * changes the actor row itself or must run one at a time per actor.
 */
export type ActorWriteLock = 'FOR SHARE' | 'FOR UPDATE';

/**
 * Restriction of processing (GDPR art. 18) on the actor row: when, why and by whom. The database
 * allows it on persons only and keeps the date and the reason together (actor_restriction_*_check).
 */
export class RestrictionRepository {
  constructor(private readonly em: EntityManager) {}

  /** Restricts the actor; null when it was already restricted (or is not there). */
  async restrict(actorId: string, reason: string, userId: string): Promise<ActorEntity | null> {
    const rows = await this.em.query(
      `UPDATE actor SET restricted_at = now(), restriction_reason = $2, restricted_by = $3,
         updated_at = now(), updated_by = $3
       WHERE id = $1 AND restricted_at IS NULL RETURNING *`,
      [actorId, reason, userId],
    );
    return hydrate(this.em, ActorEntity, rows)[0] ?? null;
  }

  /** Lifts the restriction; null when the actor was not restricted (or is not there). */
  async lift(actorId: string, userId: string): Promise<ActorEntity | null> {
    const rows = await this.em.query(
      `UPDATE actor SET restricted_at = NULL, restriction_reason = NULL, restricted_by = NULL,
         updated_at = now(), updated_by = $2
       WHERE id = $1 AND restricted_at IS NOT NULL RETURNING *`,
      [actorId, userId],
    );
    return hydrate(this.em, ActorEntity, rows)[0] ?? null;
  }

  /** The actor, locked until the transaction ends (null when there is none). */
  async lockActor(actorId: string, lock: ActorWriteLock): Promise<ActorEntity | null> {
    const rows = await this.em.query(`SELECT * FROM actor WHERE id = $1 ${lock}`, [actorId]);
    return hydrate(this.em, ActorEntity, rows)[0] ?? null;
  }

  /**
   * Whether the email (as the unique index actor_email_key compares it) belongs to a restricted
   * actor other than `exceptActorId`.
   */
  async emailHeldByRestricted(email: string, exceptActorId: string | null): Promise<boolean> {
    const [row] = await this.em.query(
      `SELECT EXISTS (
         SELECT 1 FROM actor
         WHERE lower(btrim(email)) = lower(btrim($1)) AND email IS NOT NULL
           AND restricted_at IS NOT NULL AND id IS DISTINCT FROM $2::uuid
       ) AS held`,
      [email, exceptActorId],
    );
    return row.held === true;
  }
}
