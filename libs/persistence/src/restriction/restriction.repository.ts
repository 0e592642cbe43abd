import { EntityManager } from 'typeorm';
import { ActorEntity } from '../entities';
import { hydrate } from '../sql';

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
}
