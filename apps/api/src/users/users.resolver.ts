import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { CreateUserInput } from './user.inputs';
import { CreatedUser, User } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => User, { description: 'The signed-in user' })
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

  @Mutation(() => User, {
    description:
      'Revokes the user’s token at once: it answers UNAUTHENTICATED until enableUser. An admin cannot disable themselves.',
  })
  @Requires(Permission.MANAGE_USERS)
  async disableUser(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() admin: UserEntity,
  ): Promise<User> {
    return User.from(await this.service.disableUser(id, admin));
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
}
