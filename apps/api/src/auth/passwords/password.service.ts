import { DomainValidationError, MAX_PASSWORD_LENGTH, passwordWeakness } from '@crm/domain';
import { AuditRepository, SessionRepository, UserEntity, UserRepository } from '@crm/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignInService } from '../sign-in/sign-in.service';
import { PasswordHasher } from './password-hasher';

/**
 * A signed-in user changes their own password. The current password is checked like a sign-in (the
 * same lock-out, so a stolen session cannot guess it faster), then the new one against the policy;
 * the user's other sessions end (the caller's own stays; a bearer-token call ends them all).
 */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly signIn: SignInService,
  ) {}

  async change(
    user: UserEntity,
    input: { currentPassword: string; newPassword: string },
    currentSessionId: string | null,
  ): Promise<void> {
    // Longer than any accepted password: refused without hashing a megabyte.
    if ([...input.currentPassword].length > MAX_PASSWORD_LENGTH) {
      throw new DomainValidationError('currentPassword', 'Nuvarande lösenord stämmer inte.');
    }
    const lockOut = this.signIn.lockOut;
    const key = lockOut.keyOf(user.email);
    const state = await lockOut.begin(key);
    if (state.locked) {
      const minutes = Math.ceil(state.retryAfterSeconds / 60);
      throw new DomainValidationError(
        'currentPassword',
        `För många felaktiga försök: försök igen om ${minutes} min.`,
      );
    }
    const users = new UserRepository(this.dataSource.manager);
    if (!(await this.hasher.verify(await users.passwordHashOf(user.id), input.currentPassword))) {
      throw new DomainValidationError('currentPassword', 'Nuvarande lösenord stämmer inte.');
    }
    await lockOut.succeeded(key);

    const reason = passwordWeakness(input.newPassword, { email: user.email });
    if (reason) throw new DomainValidationError('newPassword', reason);
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (em) => {
      await new UserRepository(em).setPasswordHash(user.id, passwordHash);
      await new SessionRepository(em).deleteForUser(user.id, currentSessionId);
      await new AuditRepository(em).record(user.id, 'change_password', 'app_user', user.id, ['password']);
    });
    this.logger.log(`User ${user.id} changed their password`);
  }
}
