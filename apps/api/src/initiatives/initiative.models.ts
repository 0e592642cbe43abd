import { EngagementKind, InitiativeKind, InitiativeRole, MeetingPlaceCode } from '@crm/domain';
import { EngagementEntity, InitiativeEntity, InitiativeMembershipEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import { GraphQLDate } from '../common/date.scalar';
import './initiative.enums';

@ObjectType({ description: 'A working group, collaboration or own initiative that actors belong to' })
export class Initiative {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => InitiativeKind) kind!: InitiativeKind;
  @Field(() => [String]) topics!: string[];
  @Field(() => GraphQLDate) startedOn!: string;
  @Field(() => MeetingPlaceCode, { nullable: true }) meetingPlace!: MeetingPlaceCode | null;

  static from(e: InitiativeEntity): Initiative {
    return Object.assign(new Initiative(), {
      id: e.id,
      name: e.name,
      kind: e.kind,
      topics: e.topics,
      startedOn: e.startedOn,
      meetingPlace: e.meetingPlace,
    });
  }
}

export const InitiativeConnection = Connection(Initiative, 'Initiative');

@ObjectType()
export class InitiativeMembership {
  @Field(() => ID) id!: string;
  @Field(() => InitiativeRole) role!: InitiativeRole;
  @Field(() => GraphQLDate, { description: 'May be before the initiative started' }) joinedOn!: string;
  @Field(() => GraphQLDate, { nullable: true, description: 'Null while the actor is a member' })
  leftOn!: string | null;
  initiativeId!: string;
  actorId!: string;

  static from(e: InitiativeMembershipEntity): InitiativeMembership {
    return Object.assign(new InitiativeMembership(), {
      id: e.id,
      role: e.role,
      joinedOn: e.joinedOn,
      leftOn: e.leftOn,
      initiativeId: e.initiativeId,
      actorId: e.actorId,
    });
  }
}

export const InitiativeMembershipConnection = Connection(InitiativeMembership, 'InitiativeMembership');

@ObjectType({ description: 'An engagement beyond attendance, as recorded by staff' })
export class Engagement {
  @Field(() => ID) id!: string;
  @Field(() => EngagementKind) kind!: EngagementKind;
  @Field(() => GraphQLDate) occurredOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  actorId!: string;
  eventId!: string | null;
  initiativeId!: string | null;

  static from(e: EngagementEntity): Engagement {
    return Object.assign(new Engagement(), {
      id: e.id,
      kind: e.kind,
      occurredOn: e.occurredOn,
      note: e.note,
      createdAt: e.createdAt,
      actorId: e.actorId,
      eventId: e.eventId,
      initiativeId: e.initiativeId,
    });
  }
}
