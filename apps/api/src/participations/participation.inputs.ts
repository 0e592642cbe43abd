import { ParticipationRole, ParticipationStatus } from '@crm/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import '../common/enums';

@InputType()
export class RegisterParticipationInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => ParticipationRole) role!: ParticipationRole;
  @Field(() => ParticipationStatus, {
    nullable: true,
    description: 'A new registration defaults to REGISTERED; an existing one keeps its status',
  })
  status?: ParticipationStatus | null;
}

@InputType()
export class CheckInInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
}

@InputType()
export class CancelParticipationInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
}
