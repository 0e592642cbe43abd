// The Swedish names of the API's initiative enums, from the catalogue.
import type { InitiativeKind, InitiativeRole } from '../gql/graphql';
import { t } from '../i18n/i18n';

export const INITIATIVE_KINDS: readonly InitiativeKind[] = [
  'WORKING_GROUP',
  'COLLABORATION',
  'OWN_INITIATIVE',
];
export const INITIATIVE_ROLES: readonly InitiativeRole[] = ['MEMBER', 'PARTNER', 'LEAD'];

export const initiativeKindLabel = (kind: InitiativeKind): string => t(`initiatives.kind.${kind}`);
export const initiativeRoleLabel = (role: InitiativeRole): string => t(`initiatives.role.${role}`);
