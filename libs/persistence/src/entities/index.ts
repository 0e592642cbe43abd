import { ActorEntity } from './actor.entity';
import { AuditLogEntity } from './audit-log.entity';
import { EventEntity } from './event.entity';
import { EngagementEntity, InitiativeEntity, InitiativeMembershipEntity } from './initiative.entities';
import { ParticipationEntity } from './participation.entity';
import { CountyEntity, MeetingPlaceEntity, MunicipalityEntity } from './reference.entities';
import { UserInvitationEntity, UserSessionEntity } from './sign-in.entities';
import { UserEntity } from './user.entity';

export { ActorEntity, AuditLogEntity, CountyEntity, EventEntity, MeetingPlaceEntity, MunicipalityEntity };
export { ParticipationEntity, UserEntity, UserInvitationEntity, UserSessionEntity };
export { EngagementEntity, InitiativeEntity, InitiativeMembershipEntity };

export const ENTITIES = [
  ActorEntity,
  AuditLogEntity,
  CountyEntity,
  EngagementEntity,
  EventEntity,
  InitiativeEntity,
  InitiativeMembershipEntity,
  MeetingPlaceEntity,
  MunicipalityEntity,
  ParticipationEntity,
  UserEntity,
  UserInvitationEntity,
  UserSessionEntity,
];
