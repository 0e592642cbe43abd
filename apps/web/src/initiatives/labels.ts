// The Swedish names of the API's initiative enums, from the catalogue.
import type { InitiativeKind, InitiativeRole } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';

export const INITIATIVE_KINDS: readonly InitiativeKind[] = [
  'WORKING_GROUP',
  'COLLABORATION',
  'OWN_INITIATIVE',
];
export const INITIATIVE_ROLES: readonly InitiativeRole[] = ['MEMBER', 'PARTNER', 'LEAD'];

export const initiativeKindLabel = (kind: InitiativeKind): string => t(`initiatives.kind.${kind}`);
export const initiativeRoleLabel = (role: InitiativeRole): string => t(`initiatives.role.${role}`);

/** "Sedan 15 januari 2026" while a member, "15 januari 2026 – 1 mars 2026" after leaving. */
export const membershipPeriod = (joinedOn: string, leftOn: string | null): string =>
  leftOn
    ? t('initiatives.period.closed', { from: formatDate(joinedOn), to: formatDate(leftOn) })
    : t('initiatives.period.open', { from: formatDate(joinedOn) });
