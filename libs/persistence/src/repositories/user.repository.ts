import { Role } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../entities';
import { hydrate, rowsOf } from '../sql';

/** last_seen_at is written at most this often per user, so a busy token does not write a row per request. */
export const LAST_SEEN_RESOLUTION = '1 minute';

export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The enabled user holding this token, or null. In the same statement, and only when the user's
   * last_seen_at is older than a minute, it is set to now: one write a minute per user, never one per
   * request. SKIP LOCKED lets concurrent requests of one token pass while one of them writes.
   * The user answered carries last_seen_at as it was before this request.
   */
  async findActiveByTokenHash(tokenHash: string): Promise<UserEntity | null> {
    const rows = await this.em.query(
      `WITH found AS (
         SELECT * FROM app_user WHERE token_hash = $1 AND disabled_at IS NULL
       ), stale AS (
         SELECT u.id FROM app_user u JOIN found f ON f.id = u.id
          WHERE u.last_seen_at IS NULL OR u.last_seen_at < now() - interval '${LAST_SEEN_RESOLUTION}'
            FOR UPDATE OF u SKIP LOCKED
       ), touched AS (
         UPDATE app_user u SET last_seen_at = now() FROM stale WHERE u.id = stale.id RETURNING u.id
       )
       SELECT * FROM found`,
      [tokenHash],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  async findById(id: string): Promise<UserEntity | null> {
    const rows = await this.em.query(`SELECT * FROM app_user WHERE id = $1`, [id]);
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  /**
   * The user with this email (compared case-insensitively; `email` is already lower-cased), enabled
   * or not, with their password hash (null: none yet), or null.
   */
  async findForSignIn(email: string): Promise<{ user: UserEntity; passwordHash: string | null } | null> {
    const rows = rowsOf(await this.em.query(`SELECT * FROM app_user WHERE lower(email) = $1`, [email]));
    if (!rows.length) return null;
    return { user: hydrate(this.em, UserEntity, rows)[0], passwordHash: rows[0].password_hash ?? null };
  }

  /** The enabled user with this email (compared case-insensitively; `email` is already lower-cased), or null. */
  async findActiveByEmail(email: string): Promise<UserEntity | null> {
    const rows = await this.em.query(
      `SELECT * FROM app_user WHERE lower(email) = $1 AND disabled_at IS NULL`,
      [email],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  /** The user's password hash, null when they have none (or no user has the id). */
  async passwordHashOf(id: string): Promise<string | null> {
    const [row] = rowsOf(await this.em.query(`SELECT password_hash FROM app_user WHERE id = $1`, [id]));
    return (row?.password_hash as string | null | undefined) ?? null;
  }

  /** Replaces the user's password hash. */
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.em.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }

  /** Records a sign-in (password, invitation or single sign-on): last_signed_in_at, and last_seen_at with it. */
  async recordSignIn(id: string): Promise<void> {
    await this.em.query(`UPDATE app_user SET last_signed_in_at = now(), last_seen_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** The first enabled ADMIN (the one the installation was bootstrapped with) and whether they have a password. */
  async firstAdmin(): Promise<{ user: UserEntity; hasPassword: boolean } | null> {
    const rows = rowsOf(
      await this.em.query(
        `SELECT * FROM app_user WHERE role = 'ADMIN' AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`,
      ),
    );
    if (!rows.length) return null;
    return { user: hydrate(this.em, UserEntity, rows)[0], hasPassword: rows[0].password_hash != null };
  }

  async findAll(): Promise<UserEntity[]> {
    return hydrate(
      this.em,
      UserEntity,
      await this.em.query(`SELECT * FROM app_user ORDER BY created_at, id`),
    );
  }

  async insert(
    values: { name: string; email: string; role: Role; tokenHash: string },
    createdBy: string | null,
  ): Promise<UserEntity> {
    const rows = await this.em.query(
      `INSERT INTO app_user (name, email, role, token_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [values.name, values.email, values.role, values.tokenHash, createdBy],
    );
    return hydrate(this.em, UserEntity, rows)[0];
  }

  /**
   * Sets or clears disabled_at. Answers the user and whether anything changed (disabling a disabled
   * user keeps the first date), or null when no user has this id. Disabling also ends every session
   * of the user (the sign-in checks disabled_at too; this keeps nothing to revive on enableUser).
   */
  async setDisabled(id: string, disabled: boolean): Promise<{ user: UserEntity; changed: boolean } | null> {
    if (disabled) await this.em.query(`DELETE FROM user_session WHERE user_id = $1`, [id]);
    const changed = rowsOf(
      await this.em.query(
        disabled
          ? `UPDATE app_user SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING *`
          : `UPDATE app_user SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL RETURNING *`,
        [id],
      ),
    );
    if (changed.length) return { user: hydrate(this.em, UserEntity, changed)[0], changed: true };
    const user = await this.findById(id);
    return user ? { user, changed: false } : null;
  }

  /** Gives the user another role (at once: every request reads the role anew). Null for an unknown id. */
  async setRole(id: string, role: string): Promise<{ user: UserEntity; changed: boolean } | null> {
    const changed = rowsOf(
      await this.em.query(`UPDATE app_user SET role = $2 WHERE id = $1 AND role <> $2 RETURNING *`, [
        id,
        role,
      ]),
    );
    if (changed.length) return { user: hydrate(this.em, UserEntity, changed)[0], changed: true };
    const user = await this.findById(id);
    return user ? { user, changed: false } : null;
  }

  /** Replaces the user's token (its hash): the old token stops working with this commit. Null for an unknown id. */
  async replaceToken(id: string, tokenHash: string): Promise<UserEntity | null> {
    const rows = rowsOf(
      await this.em.query(`UPDATE app_user SET token_hash = $2 WHERE id = $1 RETURNING *`, [id, tokenHash]),
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  /**
   * Creates the first ADMIN only while no user exists. The advisory lock makes two API processes
   * starting at once agree on a single bootstrap.
   */
  async bootstrapAdmin(values: {
    name: string;
    email: string;
    tokenHash: string;
  }): Promise<UserEntity | null> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext('app_user.bootstrap'))`);
    const rows = await this.em.query(
      `INSERT INTO app_user (name, email, role, token_hash)
       SELECT $1, $2, 'ADMIN', $3 WHERE NOT EXISTS (SELECT 1 FROM app_user) RETURNING *`,
      [values.name, values.email, values.tokenHash],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }
}
