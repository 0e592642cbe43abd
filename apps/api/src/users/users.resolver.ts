import { DomainValidationError, normaliseEmail, Permission, requireName, Role } from '@crm/domain';
import { AuditRepository, UserEntity, UserRepository } from '@crm/persistence';
import {
  Args,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentUser, Requires } from '../auth/decorators';
import { generateToken, hashToken } from '../auth/token';
import '../common/enums';
import { parseId } from '../common/ids';
import { translateConstraint } from '../common/transaction';

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When disableUser revoked the token (null while enabled): the token then answers UNAUTHENTICATED',
  })
  disabledAt!: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the token was last used (kept to the minute); null if never',
  })
  lastSeenAt!: Date | null;

  static from(u: UserEntity): User {
    return Object.assign(new User(), {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      createdAt: u.createdAt,
      disabledAt: u.disabledAt ?? null,
      lastSeenAt: u.lastSeenAt ?? null,
    });
  }
}

@ObjectType()
export class CreatedUser {
  @Field(() => User) user!: User;
  @Field({ description: 'The bearer token. Shown only now: store it safely.' }) token!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A link that hands the token to the user; null where no invitation is made',
  })
  invitationUrl!: string | null;
}

@InputType()
export class CreateUserInput {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
}

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => User, { description: 'The signed-in user' })
  @Requires(Permission.READ_REFERENCE)
  me(@CurrentUser() user: UserEntity): User {
    return User.from(user);
  }

  @Query(() => [User])
  @Requires(Permission.MANAGE_USERS)
  async users(): Promise<User[]> {
    return (await new UserRepository(this.dataSource.manager).findAll()).map(User.from);
  }

  @Mutation(() => CreatedUser)
  @Requires(Permission.MANAGE_USERS)
  async createUser(
    @Args('input') input: CreateUserInput,
    @CurrentUser() admin: UserEntity,
  ): Promise<CreatedUser> {
    const name = requireName('name', input.name);
    const email = normaliseEmail(input.email);
    if (!email) throw new DomainValidationError('email', 'is required');
    const token = generateToken();
    try {
      const user = await this.dataSource.transaction(async (em) => {
        const created = await new UserRepository(em).insert(
          { name, email, role: input.role, tokenHash: hashToken(token) },
          admin.id,
        );
        await new AuditRepository(em).record(admin.id, 'create', 'app_user', created.id, [
          'name',
          'email',
          'role',
        ]);
        return created;
      });
      return { user: User.from(user), token, invitationUrl: null };
    } catch (error) {
      throw translateConstraint(error, { app_user_email_key: ['email', 'already has a user'] });
    }
  }

  @Mutation(() => User, {
    description:
      'Revokes the user’s token at once: it answers UNAUTHENTICATED until enableUser. An admin cannot disable themselves.',
  })
  @Requires(Permission.MANAGE_USERS)
  async disableUser(
    @Args('id', { type: () => ID }) rawId: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    const id = parseId('id', rawId);
    if (id === admin.id) throw new DomainValidationError('id', 'you cannot disable your own user');
    return User.from(await this.setDisabled(id, true, admin));
  }

  @Mutation(() => User, { description: 'Lets a disabled user’s token work again (the same token)' })
  @Requires(Permission.MANAGE_USERS)
  async enableUser(
    @Args('id', { type: () => ID }) rawId: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    return User.from(await this.setDisabled(parseId('id', rawId), false, admin));
  }

  @Mutation(() => CreatedUser, {
    description:
      'Gives the user a new token, shown only in this answer: it works at once and the old one stops at once. ' +
      'A disabled user stays disabled until enableUser.',
  })
  @Requires(Permission.MANAGE_USERS)
  async issueToken(
    @Args('userId', { type: () => ID }) rawUserId: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<CreatedUser> {
    const userId = parseId('userId', rawUserId);
    const token = generateToken();
    const user = await this.dataSource.transaction(async (em) => {
      const updated = await new UserRepository(em).replaceToken(userId, hashToken(token));
      if (!updated) throw new DomainValidationError('userId', 'no user has this ID');
      await new AuditRepository(em).record(admin.id, 'issue_token', 'app_user', userId, ['token']);
      return updated;
    });
    return { user: User.from(user), token, invitationUrl: null };
  }

  /** Disables or enables in one transaction with its audit row; nothing is written when nothing changes. */
  private setDisabled(id: string, disabled: boolean, admin: UserEntity): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      const result = await new UserRepository(em).setDisabled(id, disabled);
      if (!result) throw new DomainValidationError('id', 'no user has this ID');
      if (result.changed) {
        await new AuditRepository(em).record(admin.id, disabled ? 'disable' : 'enable', 'app_user', id, [
          'disabledAt',
        ]);
      }
      return result.user;
    });
  }
}
