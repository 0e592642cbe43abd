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
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the participant was checked in (ATTENDED only); shown in Europe/Stockholm time',
  })
  checkedInAt!: Date | null;
  @Field(() => ParticipationSource) source!: ParticipationSource;
  @Field({
    description:
      "What the participant's ticket carries to the door: VB- and 12 letters and digits of Crockford's " +
      'base32 in groups of four (VB-7K3M-9QXD-2HTR), random and unique. checkInByCode takes it.',
  })
  checkInCode!: string;
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
      checkInCode: e.checkInCode,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      eventId: e.eventId,
      actorId: e.actorId,
    });
  }
}

export const ParticipationConnection = Connection(Participation, 'Participation');
