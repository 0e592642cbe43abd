import { EngagementKind, InitiativeKind, InitiativeRole } from '@crm/domain';
import { registerEnumType } from '@nestjs/graphql';
import '../common/enums';

// The domain's enums are the GraphQL enums, as in common/enums.ts.
registerEnumType(InitiativeKind, { name: 'InitiativeKind' });
registerEnumType(InitiativeRole, { name: 'InitiativeRole' });
registerEnumType(EngagementKind, {
  name: 'EngagementKind',
  description: 'Engagement beyond attendance, recorded by staff',
});
