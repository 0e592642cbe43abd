import { APP_CONFIG, type AppConfig, UserEntity, UserRepository } from '@crm/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionService } from '../sessions/session.service';
import { emailKeyOf, foldEmail, LockOut } from './lock-out';

export type SignInResult =
  | { outcome: 'signed-in'; user: UserEntity; secret: string }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; retryAfterSeconds: number };

/**
 * Password sign-in. Whatever the email, the same work is done and the same answers are possible: a
 * locked account is refused before anything is looked up (an unknown email locks the same way), and
 * every other attempt spends one argon2id verification — against the user's hash, or a dummy one
 * when no user has the email or the user has no password — before a wrong answer.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('Auth');
  readonly lockOut: LockOut;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lockOut = new LockOut(dataSource, emailKeyOf(config));
  }

  async signIn(email: string, password: string): Promise<SignInResult> {
    const key = this.lockOut.keyOf(email);
    const state = await this.lockOut.begin(key);
    if (state.locked) return { outcome: 'locked', retryAfterSeconds: state.retryAfterSeconds };

    const found = await new UserRepository(this.dataSource.manager).findForSignIn(foldEmail(email));
    const matches = await this.hasher.verify(found?.passwordHash ?? null, password);
    if (!found || !matches || found.user.disabledAt) return { outcome: 'invalid' };

    await this.lockOut.succeeded(key);
    const secret = await this.sessions.start(found.user.id);
    this.logger.log(`User ${found.user.id} signed in with a password`);
    return { outcome: 'signed-in', user: found.user, secret };
  }
}
