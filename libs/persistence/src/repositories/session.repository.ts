import { EntityManager } from 'typeorm';
import { UserEntity, UserSessionEntity } from '../entities';
import { hydrate, rowsOf } from '../sql';
import { LAST_SEEN_RESOLUTION } from './user.repository';

/** A session ends this long after its last use (sliding). */
export const SESSION_IDLE_TIMEOUT = '8 hours';
/** …and this long after it began, however active it is. */
export const SESSION_MAX_AGE = '7 days';

/** Server-side sessions: the cookie holds a random secret, the table its SHA-256 (the session's id). */
export class SessionRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Starts a session for the user (valid for SESSION_MAX_AGE at most) and drops the user's sessions
   * that have already ended, so the table does not grow with abandoned browsers.
   */
  async create(id: string, userId: string): Promise<UserSessionEntity> {
    await this.em.query(
      `DELETE FROM user_session
        WHERE user_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - interval '${SESSION_IDLE_TIMEOUT}')`,
      [userId],
    );
    const rows = await this.em.query(
      `INSERT INTO user_session (id, user_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_MAX_AGE}')
       RETURNING *`,
      [id, userId],
    );
    return hydrate(this.em, UserSessionEntity, rows)[0];
  }

  /**
   * The enabled user of a session that has neither been idle for SESSION_IDLE_TIMEOUT nor passed its
   * expiry, or null. In the same statement, at most once a minute, the session's last_seen_at (which
   * slides the idle timeout) and the user's are moved to now; SKIP LOCKED lets a burst of requests of
   * one session pass while one of them writes.
   */
  async findActive(id: string, { touch = true }: { touch?: boolean } = {}): Promise<UserEntity | null> {
    if (!touch) {
      // A check that is not a use (a live socket's periodic re-check): the idle timeout keeps running.
      const rows = await this.em.query(
        `SELECT u.* FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.expires_at > now()
            AND s.last_seen_at > now() - interval '${SESSION_IDLE_TIMEOUT}'
            AND u.disabled_at IS NULL`,
        [id],
      );
      return hydrate(this.em, UserEntity, rows)[0] ?? null;
    }
    const rows = await this.em.query(
      `WITH found AS (
         SELECT s.id AS session_id, u.*
           FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.expires_at > now()
            AND s.last_seen_at > now() - interval '${SESSION_IDLE_TIMEOUT}'
            AND u.disabled_at IS NULL
       ), stale_session AS (
         SELECT s.id FROM user_session s JOIN found f ON f.session_id = s.id
          WHERE s.last_seen_at < now() - interval '${LAST_SEEN_RESOLUTION}'
            FOR UPDATE OF s SKIP LOCKED
       ), touched_session AS (
         UPDATE user_session s SET last_seen_at = now() FROM stale_session WHERE s.id = stale_session.id RETURNING s.id
       ), stale_user AS (
         SELECT u.id FROM app_user u JOIN found f ON f.id = u.id
          WHERE u.last_seen_at IS NULL OR u.last_seen_at < now() - interval '${LAST_SEEN_RESOLUTION}'
            FOR UPDATE OF u SKIP LOCKED
       ), touched_user AS (
         UPDATE app_user u SET last_seen_at = now() FROM stale_user WHERE u.id = stale_user.id RETURNING u.id
       )
       SELECT * FROM found`,
      [id],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  /** Ends one session (signing out); answers whether there was one. */
  async delete(id: string): Promise<boolean> {
    return (
      rowsOf(await this.em.query(`DELETE FROM user_session WHERE id = $1 RETURNING id`, [id])).length > 0
    );
  }

  /** Ends every session of the user, but the one named in `except` (the caller's own). */
  async deleteForUser(userId: string, except: string | null = null): Promise<number> {
    const rows = rowsOf(
      await this.em.query(
        `DELETE FROM user_session WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2) RETURNING id`,
        [userId, except],
      ),
    );
    return rows.length;
  }
}
