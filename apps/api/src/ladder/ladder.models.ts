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

const SUPPRESSED_COUNT =
  'null when suppressed for the committee: fewer than DISCLOSURE_MIN_COUNT persons, or a figure that ' +
  'together with the totals beside it would give such a count away';
const SUPPRESSED_FLAG =
  'true when the count beside it is withheld (null) by disclosure control; always false for ADMIN, ' +
  'EVENT_STAFF and STRATEGIST, who receive exact numbers';

@ObjectType()
export class StepCount {
  @Field(() => LadderStep) step!: LadderStep;
  @Field(() => Int, { nullable: true, description: `Actors on the step; ${SUPPRESSED_COUNT}` })
  count!: number | null;
  @Field({ description: SUPPRESSED_FLAG }) suppressed!: boolean;
}

@ObjectType()
export class LadderBucket {
  @Field({
    description:
      'The group: a sector, municipality code, country, meeting place, kind or gender; ALL for NONE',
  })
  group!: string;
  @Field({ description: 'The group in Swedish, for display' }) label!: string;
  @Field(() => Int, { nullable: true, description: `Actors in the group; ${SUPPRESSED_COUNT}` })
  total!: number | null;
  @Field({ description: SUPPRESSED_FLAG }) suppressed!: boolean;
  @Field(() => [StepCount]) steps!: StepCount[];
}

@ObjectType()
export class LadderTransition {
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) from!: LadderStep | null;
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) to!: LadderStep | null;
  @Field(() => Int, { nullable: true, description: `Actors who went so; ${SUPPRESSED_COUNT}` })
  count!: number | null;
  @Field({ description: SUPPRESSED_FLAG }) suppressed!: boolean;
}

/** The figures of a LadderMovement that disclosure control may withhold. */
export const MOVEMENT_FIGURES = [
  'movedUp',
  'movedDown',
  'unchanged',
  'newlyEngaged',
  'noLongerEngaged',
  'passiveToActive',
] as const;
export type MovementFigure = (typeof MOVEMENT_FIGURES)[number];

@ObjectType({
  description:
    'The movement between two dates in one answer, as the committee follows it up. For the committee a ' +
    'figure can be null (suppressed: fewer than DISCLOSURE_MIN_COUNT persons, or it would give such a ' +
    'count away); suppressedFields names those figures',
})
export class LadderMovement {
  @Field(() => Int, { nullable: true, description: `Went to a higher step; ${SUPPRESSED_COUNT}` })
  movedUp!: number | null;
  @Field(() => Int, { nullable: true, description: `Went to a lower step; ${SUPPRESSED_COUNT}` })
  movedDown!: number | null;
  @Field(() => Int, { nullable: true, description: `Stayed on the same step; ${SUPPRESSED_COUNT}` })
  unchanged!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: `Not engaged at the start, engaged at the end; ${SUPPRESSED_COUNT}`,
  })
  newlyEngaged!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: `Engaged at the start, not at the end; ${SUPPRESSED_COUNT}`,
  })
  noLongerEngaged!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'From passive listener (steps 1–2) to active (steps 3–5); the newly engaged are counted apart; ' +
      SUPPRESSED_COUNT,
  })
  passiveToActive!: number | null;
  @Field(() => [String], {
    description:
      'Names of the figures above that are null because disclosure control withholds them ' +
      '(e.g. ["movedDown", "unchanged"]); always empty for ADMIN, EVENT_STAFF and STRATEGIST',
  })
  suppressedFields!: MovementFigure[];
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
