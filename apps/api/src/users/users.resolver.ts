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
import { translateConstraint } from '../common/transaction';

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => GraphQLISODateTime) createdAt!: Date;

  static from(u: UserEntity): User {
    return Object.assign(new User(), {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      createdAt: u.createdAt,
    });
  }
}

@ObjectType()
export class CreatedUser {
  @Field(() => User) user!: User;
  @Field({ description: 'The bearer token. Shown only now: store it safely.' }) token!: string;
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
      return { user: User.from(user), token };
    } catch (error) {
      throw translateConstraint(error, { app_user_email_key: ['email', 'already has a user'] });
    }
  }
}
