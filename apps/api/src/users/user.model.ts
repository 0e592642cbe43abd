import { Role } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import '../common/enums';
import type { IssuedToken } from './users.service';

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
  /** Resolved by UsersResolver.lastSignedInAt, which only MANAGE_USERS may read. */
  lastSignedInAt!: Date | null;

  static from(u: UserEntity): User {
    return Object.assign(new User(), {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      createdAt: u.createdAt,
      disabledAt: u.disabledAt ?? null,
      lastSeenAt: u.lastSeenAt ?? null,
      lastSignedInAt: u.lastSignedInAt ?? null,
    });
  }
}

@ObjectType()
export class CreatedUser {
  @Field(() => User) user!: User;
  @Field({ description: 'The bearer token. Shown only now: store it safely.' }) token!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The path of the web app page (`/invitation/<secret>`) where the user sets a password, valid 7 days, once; ' +
      'null where no invitation is made (issueToken)',
  })
  invitationUrl!: string | null;

  static from({ user, token, invitationPath }: IssuedToken): CreatedUser {
    return Object.assign(new CreatedUser(), { user: User.from(user), token, invitationUrl: invitationPath });
  }
}
