import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from '../common/date.scalar';
import { ActorKind, LadderStep, MeetingPlaceCode, Sector } from '@crm/domain';
import '../common/enums';

registerEnumType(LadderStep, {
  name: 'LadderStep',
  description: 'The five steps of the engagement ladder (engagemangstrappan)',
});

export enum LadderGrouping {
  NONE = 'NONE',
  SECTOR = 'SECTOR',
  MUNICIPALITY = 'MUNICIPALITY',
  MEETING_PLACE = 'MEETING_PLACE',
  KIND = 'KIND',
  GENDER = 'GENDER',
}
registerEnumType(LadderGrouping, { name: 'LadderGrouping' });

@ObjectType()
export class LadderReason {
  @Field(() => LadderStep, { description: 'The rule (step) this record satisfies' }) rule!: LadderStep;
  @Field() text!: string;
  @Field() textSv!: string;
  @Field(() => GraphQLDate) occurredOn!: string;
  @Field(() => ID, { nullable: true }) eventId!: string | null;
  @Field(() => ID, { nullable: true }) initiativeId!: string | null;
  @Field(() => ID, { nullable: true }) engagementId!: string | null;
  @Field(() => ID, { nullable: true, description: 'For an organisation: the person whose record it is' })
  viaActorId!: string | null;
}

@ObjectType()
export class LadderPosition {
  @Field(() => LadderStep) step!: LadderStep;
  @Field(() => Int) level!: number;
  @Field({ description: 'Swedish name of the step' }) label!: string;
  @Field(() => GraphQLDate, { description: 'First day on this step' }) since!: string;
  @Field(() => GraphQLDate, { nullable: true, description: 'First day no longer on it, when already known' })
  until!: string | null;
  @Field(() => Int) rulesVersion!: number;
  @Field(() => [LadderReason]) reasons!: LadderReason[];
}

@ObjectType()
export class LadderChange {
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged before' })
  from!: LadderStep | null;
  @Field(() => LadderStep, { nullable: true, description: 'null: no longer engaged' }) to!: LadderStep | null;
  @Field(() => GraphQLDate) effectiveOn!: string;
  @Field(() => Int) rulesVersion!: number;
  @Field(() => [LadderReason]) reasons!: LadderReason[];
}

@ObjectType()
export class StepCount {
  @Field(() => LadderStep) step!: LadderStep;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class LadderBucket {
  @Field({
    description:
      'The group: a sector, municipality code, country, meeting place, kind or gender; ALL for NONE',
  })
  group!: string;
  @Field({ description: 'The group in Swedish, for display' }) label!: string;
  @Field(() => Int) total!: number;
  @Field(() => [StepCount]) steps!: StepCount[];
}

@ObjectType()
export class LadderTransition {
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) from!: LadderStep | null;
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) to!: LadderStep | null;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The movement between two dates in one answer, as the committee follows it up' })
export class LadderMovement {
  @Field(() => Int) movedUp!: number;
  @Field(() => Int) movedDown!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: 'Not engaged at the start, engaged at the end' }) newlyEngaged!: number;
  @Field(() => Int, { description: 'Engaged at the start, not at the end' }) noLongerEngaged!: number;
  @Field(() => Int, {
    description:
      'From passive listener (steps 1–2) to active (steps 3–5); the newly engaged are counted apart',
  })
  passiveToActive!: number;
  @Field(() => [LadderTransition]) transitions!: LadderTransition[];
}

@ObjectType()
export class LadderStatus {
  @Field(() => Int, { description: 'Actors marked for recomputation and not yet placed' }) pending!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastFullRecomputeAt!: Date | null;
  @Field(() => Int) rulesVersion!: number;
}

@InputType()
export class LadderFilterInput {
  @Field(() => Sector, { nullable: true }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true, description: 'UMEA_REGION, INLAND or SKELLEFTEA' }) subRegion?:
    string | null;
  @Field(() => MeetingPlaceCode, { nullable: true, description: 'Attended an event there' })
  meetingPlace?: MeetingPlaceCode | null;
  @Field(() => ActorKind, { nullable: true }) kind?: ActorKind | null;
}
