import { EntityManager } from 'typeorm';
import { UserEntity, UserInvitationEntity } from '../entities';
import { hydrate, rowsOf } from '../sql';

/** How long an invitation link works. */
export const INVITATION_VALIDITY = '7 days';

/** One-time invitations that set a user's password; only the SHA-256 of their secret is stored. */
export class InvitationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * A new invitation for the user, valid for INVITATION_VALIDITY; the user's earlier unused
   * invitations are deleted in the same transaction, so only the newest link works.
   */
  async create(userId: string, secretHash: string): Promise<UserInvitationEntity> {
    await this.em.query(`DELETE FROM user_invitation WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    const rows = await this.em.query(
      `INSERT INTO user_invitation (user_id, secret_hash, expires_at)
       VALUES ($1, $2, now() + interval '${INVITATION_VALIDITY}') RETURNING *`,
      [userId, secretHash],
    );
    return hydrate(this.em, UserInvitationEntity, rows)[0];
  }

  /** The enabled user an unused, unexpired invitation is for, or null. */
  async findValid(secretHash: string): Promise<UserEntity | null> {
    const rows = await this.em.query(
      `SELECT u.* FROM user_invitation i JOIN app_user u ON u.id = i.user_id
        WHERE i.secret_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.disabled_at IS NULL`,
      [secretHash],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  /**
   * Marks the invitation used, once: answers the user id, or null when it is unknown, used, expired
   * or its user is disabled (a concurrent use of the same link loses here).
   */
  async use(secretHash: string): Promise<string | null> {
    const rows = rowsOf(
      await this.em.query(
        `UPDATE user_invitation i SET used_at = now()
           FROM app_user u
          WHERE i.secret_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()
            AND u.id = i.user_id AND u.disabled_at IS NULL
        RETURNING i.user_id`,
        [secretHash],
      ),
    );
    return (rows[0]?.user_id as string | undefined) ?? null;
  }
}
