import { Role } from '@crm/domain';
import { Field, InputType } from '@nestjs/graphql';
import '../common/enums';

@InputType()
export class CreateUserInput {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
}
