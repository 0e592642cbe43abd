import { ActorEntity } from './actor.entity';
import { AuditLogEntity } from './audit-log.entity';
import { EventEntity } from './event.entity';
import { ParticipationEntity } from './participation.entity';
import { CountyEntity, MeetingPlaceEntity, MunicipalityEntity } from './reference.entities';
import { UserEntity } from './user.entity';

export { ActorEntity, AuditLogEntity, CountyEntity, EventEntity, MeetingPlaceEntity, MunicipalityEntity };
export { ParticipationEntity, UserEntity };

export const ENTITIES = [
  ActorEntity,
  AuditLogEntity,
  CountyEntity,
  EventEntity,
  MeetingPlaceEntity,
  MunicipalityEntity,
  ParticipationEntity,
  UserEntity,
];
