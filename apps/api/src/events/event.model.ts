import { AttendanceMode, MeetingPlaceCode, RusPriority } from '@crm/domain';
import { EventEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import '../common/enums';

@ObjectType()
export class Event {
  @Field(() => ID) id!: string;
  @Field(() => MeetingPlaceCode) meetingPlace!: MeetingPlaceCode;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'One of EventFormat' }) format!: string | null;
  @Field(() => [String]) topics!: string[];
  @Field(() => [RusPriority]) rusPriorities!: RusPriority[];
  @Field(() => AttendanceMode) attendanceMode!: AttendanceMode;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;

  static from(e: EventEntity): Event {
    return Object.assign(new Event(), {
      id: e.id,
      meetingPlace: e.meetingPlace,
      title: e.title,
      description: e.description,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      format: e.format,
      topics: e.topics,
      rusPriorities: e.rusPriorities,
      attendanceMode: e.attendanceMode,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const EventConnection = Connection(Event, 'Event');
