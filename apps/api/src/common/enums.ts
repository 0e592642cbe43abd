import {
  ActorKind,
  AttendanceMode,
  EventFormat,
  Gender,
  LegalBasis,
  MeetingPlaceCode,
  ParticipationRole,
  ParticipationSource,
  ParticipationStatus,
  Role,
  RusPriority,
  Sector,
} from '@crm/domain';
import { registerEnumType } from '@nestjs/graphql';

// The domain's enums are the GraphQL enums: one definition, named as in the contract.
registerEnumType(ActorKind, { name: 'ActorKind' });
registerEnumType(Sector, { name: 'Sector', description: 'Penta-helix sector' });
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Self-reported, optional; used for gender-balance follow-up only',
});
registerEnumType(MeetingPlaceCode, { name: 'MeetingPlaceCode' });
registerEnumType(ParticipationRole, { name: 'ParticipationRole' });
registerEnumType(ParticipationStatus, { name: 'ParticipationStatus' });
registerEnumType(ParticipationSource, {
  name: 'ParticipationSource',
  description: 'Where a participation record came from',
});
registerEnumType(Role, { name: 'Role' });
registerEnumType(EventFormat, { name: 'EventFormat' });
registerEnumType(AttendanceMode, { name: 'AttendanceMode' });
registerEnumType(RusPriority, {
  name: 'RusPriority',
  description: 'Priorities of the regional development strategy RUS 2020–2030',
});
registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'GDPR legal basis for holding a person’s data',
});
