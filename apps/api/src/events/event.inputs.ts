import { AttendanceMode, MeetingPlaceCode, RusPriority } from '@crm/domain';
import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import '../common/enums';

@InputType()
export class CreateEventInput {
  @Field(() => MeetingPlaceCode) meetingPlace!: MeetingPlaceCode;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt?: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'SEMINAR, ROUND_TABLE, WORKSHOP, THEMED_DAY, CONFERENCE, WEBINAR, NETWORKING or OTHER',
  })
  format?: string | null;
  @Field(() => [String], { nullable: true }) topics?: string[] | null;
  @Field(() => [RusPriority], { nullable: true }) rusPriorities?: RusPriority[] | null;
  @Field(() => AttendanceMode, { nullable: true, description: 'Defaults to PHYSICAL' })
  attendanceMode?: AttendanceMode | null;
}

/** Only the fields given change; null clears an optional field. */
@InputType()
export class UpdateEventInput {
  @Field(() => MeetingPlaceCode, { nullable: true }) meetingPlace?: MeetingPlaceCode | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) startsAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt?: Date | null;
  @Field(() => String, { nullable: true }) format?: string | null;
  @Field(() => [String], { nullable: true }) topics?: string[] | null;
  @Field(() => [RusPriority], { nullable: true }) rusPriorities?: RusPriority[] | null;
  @Field(() => AttendanceMode, { nullable: true }) attendanceMode?: AttendanceMode | null;
}

@InputType()
export class EventFilterInput {
  @Field(() => MeetingPlaceCode, { nullable: true }) meetingPlace?: MeetingPlaceCode | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Events ending at or after this time' })
  from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Events starting at or before this time' })
  to?: Date | null;
  @Field(() => String, { nullable: true, description: 'Part of the title; case- and accent-insensitive' })
  search?: string | null;
}
