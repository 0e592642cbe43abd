import { Role } from '@crm/domain';
import { Field, InputType } from '@nestjs/graphql';
import '../common/enums';

@InputType()
export class CreateUserInput {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field({ description: 'At least 12 characters, not a common password, not the email address' })
  newPassword!: string;
}
