import { ParticipationRole, ParticipationSource, ParticipationStatus } from '@crm/domain';
import { ParticipationEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import '../common/enums';

@ObjectType()
export class Participation {
  @Field(() => ID) id!: string;
  @Field(() => ParticipationRole) role!: ParticipationRole;
  @Field(() => ParticipationStatus) status!: ParticipationStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) checkedInAt!: Date | null;
  @Field(() => ParticipationSource) source!: ParticipationSource;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  eventId!: string;
  actorId!: string;

  static from(e: ParticipationEntity): Participation {
    return Object.assign(new Participation(), {
      id: e.id,
      role: e.role,
      status: e.status,
      checkedInAt: e.checkedInAt,
      source: e.source,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      eventId: e.eventId,
      actorId: e.actorId,
    });
  }
}

export const ParticipationConnection = Connection(Participation, 'Participation');
