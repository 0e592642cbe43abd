import { SessionRepository, UserEntity, UserRepository } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { generateToken, hashToken } from '../token';

/**
 * Server-side sessions. The cookie carries a 256-bit random secret; the database keeps its SHA-256
 * as the session's id, so a copy of the table signs nobody in. A session ends after 8 hours without
 * use (last_seen_at slides, written at most once a minute) and 7 days after it began, on sign-out,
 * when the user's password is set or changed (the others), and when the user is disabled.
 */
@Injectable()
export class SessionService {
  constructor(private readonly dataSource: DataSource) {}

  /** The id a session secret is stored under. */
  static idOf(secret: string): string {
    return hashToken(secret);
  }

  /**
   * Starts a session for the user and records the sign-in (app_user.last_signed_in_at); answers the
   * secret for the cookie. Pass `em` to do it in the caller's transaction.
   */
  async start(userId: string, em: EntityManager = this.dataSource.manager): Promise<string> {
    const secret = generateToken();
    const run = async (m: EntityManager) => {
      await new SessionRepository(m).create(SessionService.idOf(secret), userId);
      await new UserRepository(m).recordSignIn(userId);
    };
    if (em.queryRunner?.isTransactionActive) await run(em);
    else await this.dataSource.transaction(run);
    return secret;
  }

  /**
   * The enabled user of a live session, or null (unknown, idle 8 hours, past 7 days, user disabled).
   * A look-up is a use of the session unless `touch` is false (a live socket's periodic re-check).
   */
  findUser(secret: string, { touch = true }: { touch?: boolean } = {}): Promise<UserEntity | null> {
    return new SessionRepository(this.dataSource.manager).findActive(SessionService.idOf(secret), { touch });
  }

  /** Ends the session of this secret, if there is one. */
  async end(secret: string): Promise<void> {
    await new SessionRepository(this.dataSource.manager).delete(SessionService.idOf(secret));
  }
}
