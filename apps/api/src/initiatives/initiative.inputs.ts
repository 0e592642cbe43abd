import { EngagementKind, InitiativeKind, InitiativeRole, MeetingPlaceCode } from '@crm/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLDate } from '../common/date.scalar';
import './initiative.enums';

@InputType()
export class CreateInitiativeInput {
  @Field() name!: string;
  @Field(() => InitiativeKind) kind!: InitiativeKind;
  @Field(() => [String], { nullable: true }) topics?: string[] | null;
  @Field(() => GraphQLDate) startedOn!: string;
  @Field(() => MeetingPlaceCode, { nullable: true }) meetingPlace?: MeetingPlaceCode | null;
}

@InputType()
export class JoinInitiativeInput {
  @Field(() => ID) initiativeId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => InitiativeRole) role!: InitiativeRole;
  @Field(() => GraphQLDate, { description: 'May be before the initiative started (late field notes)' })
  joinedOn!: string;
}

@InputType()
export class LeaveInitiativeInput {
  @Field(() => ID) initiativeId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => GraphQLDate, { description: 'Not before joinedOn' }) leftOn!: string;
}

@InputType()
export class RecordEngagementInput {
  @Field(() => ID) actorId!: string;
  @Field(() => EngagementKind) kind!: EngagementKind;
  @Field(() => GraphQLDate) occurredOn!: string;
  @Field(() => ID, { nullable: true }) eventId?: string | null;
  @Field(() => ID, { nullable: true }) initiativeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Trimmed; at most 2000 characters' }) note?:
    string | null;
}

@InputType()
export class InitiativeFilterInput {
  @Field(() => InitiativeKind, { nullable: true }) kind?: InitiativeKind | null;
  @Field(() => MeetingPlaceCode, { nullable: true }) meetingPlace?: MeetingPlaceCode | null;
  @Field(() => String, { nullable: true, description: 'Part of the name; case- and accent-insensitive' })
  search?: string | null;
}
