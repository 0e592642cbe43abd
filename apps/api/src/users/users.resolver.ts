import { Permission, Role } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { type GraphqlContext } from '../auth/request-context';
import { ChangePasswordInput, CreateUserInput } from './user.inputs';
import { CreatedUser, User } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => User, { description: 'The signed-in user (any role; a bearer token or the session cookie)' })
  @Requires(Permission.READ_REFERENCE)
  me(@CurrentUser() user: UserEntity): User {
    return User.from(user);
  }

  @Query(() => [User])
  @Requires(Permission.MANAGE_USERS)
  async users(): Promise<User[]> {
    return (await this.service.findAll()).map(User.from);
  }

  @Mutation(() => CreatedUser)
  @Requires(Permission.MANAGE_USERS)
  async createUser(
    @Args('input') input: CreateUserInput,
    @CurrentUser() admin: UserEntity,
  ): Promise<CreatedUser> {
    return CreatedUser.from(await this.service.createUser(input, admin));
  }

  @Mutation(() => String, {
    description:
      'A new invitation for the user: the web app path `/invitation/<secret>`, valid 7 days, once; the user’s ' +
      'earlier unused invitations stop working. Using it sets a new password and ends all the user’s sessions: ' +
      'this is also how a forgotten password is reset.',
  })
  @Requires(Permission.MANAGE_USERS)
  inviteUser(
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<string> {
    return this.service.inviteUser(userId, admin);
  }

  @Mutation(() => Boolean, {
    description:
      'Changes the signed-in user’s own password and ends their other sessions. BAD_USER_INPUT names ' +
      'currentPassword (wrong, or too many failed attempts) or newPassword (with the policy’s Swedish reason).',
  })
  @Requires(Permission.READ_REFERENCE)
  changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() user: UserEntity,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    return this.service.changePassword(user, input, context.req.sessionId ?? null);
  }

  @Mutation(() => User, {
    description:
      'Revokes the user’s token and ends their sessions at once: the token answers UNAUTHENTICATED until ' +
      'enableUser. An admin cannot disable themselves.',
  })
  @Requires(Permission.MANAGE_USERS)
  async disableUser(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    return User.from(await this.service.disableUser(id, admin));
  }

  @Mutation(() => User, {
    description:
      'Gives the user another role, from their next request on (sessions and token stay). An admin cannot ' +
      'change their own role.',
  })
  @Requires(Permission.MANAGE_USERS)
  async changeUserRole(
    @Args('id', { type: () => ID }) id: string,
    @Args('role', { type: () => Role }) role: Role,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    return User.from(await this.service.changeUserRole(id, role, admin));
  }

  @Mutation(() => User, { description: 'Lets a disabled user’s token work again (the same token)' })
  @Requires(Permission.MANAGE_USERS)
  async enableUser(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    return User.from(await this.service.enableUser(id, admin));
  }

  @Mutation(() => CreatedUser, {
    description:
      'Gives the user a new token, shown only in this answer: it works at once and the old one stops at once. ' +
      'A disabled user stays disabled until enableUser.',
  })
  @Requires(Permission.MANAGE_USERS)
  async issueToken(
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<CreatedUser> {
    return CreatedUser.from(await this.service.issueToken(userId, admin));
  }

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the user last signed in with a password, an invitation or single sign-on; null if never. ' +
      'MANAGE_USERS only: other roles get FORBIDDEN for this field (also on `me`).',
  })
  @Requires(Permission.MANAGE_USERS)
  lastSignedInAt(@Parent() user: User): Date | null {
    return user.lastSignedInAt;
  }
}
