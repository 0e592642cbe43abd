import type { ParticipationRole, ParticipationSource, ParticipationStatus } from '../gql/graphql';
import { t } from '../i18n/i18n';

export const ROLES: readonly ParticipationRole[] = [
  'AUDIENCE',
  'SPEAKER',
  'PANELIST',
  'MODERATOR',
  'ORGANISER',
];
export const STATUSES: readonly ParticipationStatus[] = ['REGISTERED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'];

export const roleLabel = (role: ParticipationRole): string => t(`participations.role.${role}`);
export const statusLabel = (status: ParticipationStatus): string => t(`participations.status.${status}`);
export const sourceLabel = (source: ParticipationSource): string => t(`participations.source.${source}`);
