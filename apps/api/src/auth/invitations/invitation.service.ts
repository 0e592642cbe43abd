import { DomainValidationError, passwordWeakness } from '@crm/domain';
import {
  AuditRepository,
  InvitationRepository,
  SessionRepository,
  UserEntity,
  UserRepository,
} from '@crm/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../../common/ids';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionService } from '../sessions/session.service';
import { generateToken, hashToken } from '../token';

/** The web app's page for an invitation. */
export const invitationPath = (secret: string): string => `/invitation/${secret}`;
/** An invitation secret as the API makes them: 256 bits, base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export type AcceptResult =
  | { outcome: 'signed-in'; user: UserEntity; secret: string }
  | { outcome: 'invalid' }
  | { outcome: 'weak'; reason: string };

/**
 * One-time invitations: a link `/invitation/<secret>` (256 random bits; only the SHA-256 is stored)
 * that lets its holder set the user's password within 7 days, once. Making one deletes the user's
 * earlier unused ones. It is how a new user gets a password and how a forgotten one is reset: using
 * it sets the password, ends every session of the user and signs the holder in.
 */
@Injectable()
export class InvitationService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  /** A new invitation for a user, in the caller's transaction; answers its path. */
  async create(em: EntityManager, userId: string): Promise<string> {
    const secret = generateToken();
    await new InvitationRepository(em).create(userId, hashToken(secret));
    return invitationPath(secret);
  }

  /** inviteUser: a new invitation for the user (audited); an unknown id is BAD_USER_INPUT on userId. */
  async invite(rawUserId: string, admin: UserEntity): Promise<string> {
    const userId = parseId('userId', rawUserId);
    const path = await this.dataSource.transaction(async (em) => {
      if (!(await new UserRepository(em).findById(userId))) {
        throw new DomainValidationError('userId', 'no user has this ID');
      }
      const made = await this.create(em, userId);
      await new AuditRepository(em).record(admin.id, 'invite', 'app_user', userId, ['invitation']);
      return made;
    });
    this.logger.log(`User ${admin.id} invited user ${userId}`);
    return path;
  }

  /** The enabled user an unused, unexpired invitation is for, or null (the same for every other case). */
  async find(secret: string): Promise<UserEntity | null> {
    if (!SECRET.test(secret)) return null;
    return new InvitationRepository(this.dataSource.manager).findValid(hashToken(secret));
  }

  /**
   * Uses the invitation: sets the password (when the policy accepts it), ends every session of the
   * user and starts a new one, all in one transaction that also marks the invitation used.
   */
  async accept(secret: string, password: string): Promise<AcceptResult> {
    const user = await this.find(secret);
    if (!user) return { outcome: 'invalid' };
    const reason = passwordWeakness(password, { email: user.email });
    if (reason) return { outcome: 'weak', reason };
    const passwordHash = await this.hasher.hash(password);
    const result = await this.dataSource.transaction(async (em): Promise<AcceptResult> => {
      const userId = await new InvitationRepository(em).use(hashToken(secret));
      if (userId !== user.id) return { outcome: 'invalid' }; // used or expired meanwhile
      await new UserRepository(em).setPasswordHash(user.id, passwordHash);
      await new SessionRepository(em).deleteForUser(user.id);
      await new AuditRepository(em).record(user.id, 'set_password', 'app_user', user.id, ['password']);
      return { outcome: 'signed-in', user, secret: await this.sessions.start(user.id, em) };
    });
    if (result.outcome === 'signed-in') this.logger.log(`User ${user.id} set a password with an invitation`);
    return result;
  }
}
