import { EntityManager } from 'typeorm';
import { rowsOf } from '../sql';

/** The mutations a device may replay with an idempotency key. */
export type IdempotentOperation = 'checkIn' | 'checkInByCode' | 'undoCheckIn' | 'walkIn';

/** A key already used by the same user: for which operation, and the participation it answered. */
export interface UsedIdempotencyKey {
  operation: IdempotentOperation;
  /** Null when that participation has since been deleted (merged away). */
  participationId: string | null;
}

/**
 * Idempotency keys of replayed offline actions, per user. The key is claimed by the action's own
 * transaction before its effect and committed with it, so an action is applied at most once, even
 * by two requests carrying the same key at the same moment: the second INSERT .. ON CONFLICT waits
 * for the first transaction and then finds its key.
 */
export class IdempotencyRepository {
  constructor(private readonly em: EntityManager) {}

  /** Claims the key for this transaction; answers null when claimed, else how it was used before. */
  async claim(
    userId: string,
    key: string,
    operation: IdempotentOperation,
  ): Promise<UsedIdempotencyKey | null> {
    const claimed = rowsOf(
      await this.em.query(
        `INSERT INTO idempotency_key (user_id, key, operation) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
        [userId, key, operation],
      ),
    );
    if (claimed.length) return null;
    const [used] = (await this.em.query(
      `SELECT operation, participation_id FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key],
    )) as { operation: IdempotentOperation; participation_id: string | null }[];
    if (!used) throw new Error('an idempotency key vanished while it was looked up');
    return { operation: used.operation, participationId: used.participation_id };
  }

  /** Records the participation the claimed key's action answered. */
  async complete(userId: string, key: string, participationId: string): Promise<void> {
    await this.em.query(`UPDATE idempotency_key SET participation_id = $3 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      participationId,
    ]);
  }
}
