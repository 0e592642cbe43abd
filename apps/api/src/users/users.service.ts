import { DomainValidationError, normaliseEmail, requireName, Role } from '@crm/domain';
import { AuditRepository, UserEntity, UserRepository } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvitationService } from '../auth/invitations/invitation.service';
import { PasswordService } from '../auth/passwords/password.service';
import { generateToken, hashToken } from '../auth/token';
import { parseId } from '../common/ids';
import { translateConstraint } from '../common/transaction';
import { ChangePasswordInput, CreateUserInput } from './user.inputs';

/** A user with the bearer token just made for them: the only moment the token itself is known. */
export interface IssuedToken {
  user: UserEntity;
  token: string;
  /** The web app path of the invitation made with it (`/invitation/<secret>`), or null. */
  invitationPath: string | null;
}

/** What a write did to one user, as the repository answers it: null when no user has the id. */
type UserWrite = (users: UserRepository) => Promise<{ user: UserEntity; changed: boolean } | null>;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationService,
    private readonly passwords: PasswordService,
  ) {}

  findAll(): Promise<UserEntity[]> {
    return new UserRepository(this.dataSource.manager).findAll();
  }

  async createUser(input: CreateUserInput, admin: UserEntity): Promise<IssuedToken> {
    const name = requireName('name', input.name);
    const email = normaliseEmail(input.email);
    if (!email) throw new DomainValidationError('email', 'is required');
    const token = generateToken();
    try {
      return await this.dataSource.transaction(async (em) => {
        const user = await new UserRepository(em).insert(
          { name, email, role: input.role, tokenHash: hashToken(token) },
          admin.id,
        );
        await new AuditRepository(em).record(admin.id, 'create', 'app_user', user.id, [
          'name',
          'email',
          'role',
        ]);
        // The new user sets a password through this link (the 'create' audit row covers it).
        return { user, token, invitationPath: await this.invitations.create(em, user.id) };
      });
    } catch (error) {
      throw translateConstraint(error, { app_user_email_key: ['email', 'already has a user'] });
    }
  }

  /** A new invitation link for the user (earlier unused ones stop working); how a password is reset. */
  inviteUser(rawUserId: string, admin: UserEntity): Promise<string> {
    return this.invitations.invite(rawUserId, admin);
  }

  /** The signed-in user's own password; their other sessions end. */
  async changePassword(
    user: UserEntity,
    input: ChangePasswordInput,
    sessionId: string | null,
  ): Promise<true> {
    await this.passwords.change(user, input, sessionId);
    return true;
  }

  /** Revokes the user's token and ends their sessions at once; an admin cannot disable themselves. */
  async disableUser(rawId: string, admin: UserEntity): Promise<UserEntity> {
    const id = parseId('id', rawId);
    if (id === admin.id) throw new DomainValidationError('id', 'you cannot disable your own user');
    return this.writeUser('id', id, (users) => users.setDisabled(id, true), {
      by: admin,
      action: 'disable',
      fields: ['disabledAt'],
    });
  }

  /**
   * Gives a user another role, from their next request on. An admin cannot change their own role
   * (so the last admin cannot demote themselves and leave nobody to manage users).
   */
  async changeUserRole(rawId: string, role: Role, admin: UserEntity): Promise<UserEntity> {
    const id = parseId('id', rawId);
    if (id === admin.id) throw new DomainValidationError('id', 'you cannot change your own role');
    return this.writeUser('id', id, (users) => users.setRole(id, role), {
      by: admin,
      action: 'change_role',
      fields: ['role'],
    });
  }

  /** Lets a disabled user's token work again (the same token). */
  async enableUser(rawId: string, admin: UserEntity): Promise<UserEntity> {
    const id = parseId('id', rawId);
    return this.writeUser('id', id, (users) => users.setDisabled(id, false), {
      by: admin,
      action: 'enable',
      fields: ['disabledAt'],
    });
  }

  /** Replaces the user's token: the new one works and the old one stops with this commit. */
  async issueToken(rawUserId: string, admin: UserEntity): Promise<IssuedToken> {
    const userId = parseId('userId', rawUserId);
    const token = generateToken();
    const replace: UserWrite = async (users) => {
      const user = await users.replaceToken(userId, hashToken(token));
      return user && { user, changed: true };
    };
    const user = await this.writeUser('userId', userId, replace, {
      by: admin,
      action: 'issue_token',
      fields: ['token'],
    });
    return { user, token, invitationPath: null };
  }

  /**
   * Loads and writes the user in one transaction with its audit row (field names only). An unknown
   * id is BAD_USER_INPUT naming `field`; a write that changed nothing is not audited.
   */
  private writeUser(
    field: 'id' | 'userId',
    id: string,
    write: UserWrite,
    audit: { by: UserEntity; action: string; fields: readonly string[] },
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      const result = await write(new UserRepository(em));
      if (!result) throw new DomainValidationError(field, 'no user has this ID');
      if (result.changed) {
        await new AuditRepository(em).record(audit.by.id, audit.action, 'app_user', id, audit.fields);
      }
      return result.user;
    });
  }
}
