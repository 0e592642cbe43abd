import type { ActorKind, Gender, LegalBasis, Sector } from '../gql/graphql';
import { t } from '../i18n/i18n';

export const SECTORS: readonly Sector[] = [
  'PUBLIC_SECTOR',
  'BUSINESS',
  'ACADEMIA',
  'CIVIL_SOCIETY',
  'INNOVATION_SYSTEM',
];
export const GENDERS: readonly Gender[] = ['WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED'];
export const LEGAL_BASES: readonly LegalBasis[] = ['PUBLIC_INTEREST', 'LEGITIMATE_INTEREST', 'CONSENT'];

export const sectorLabel = (sector: Sector): string => t(`actors.sector.${sector}`);
export const genderLabel = (gender: Gender): string => t(`actors.gender.${gender}`);
export const legalBasisLabel = (basis: LegalBasis): string => t(`actors.legalBasis.${basis}`);
export const kindLabel = (kind: ActorKind): string => t(`actors.kind.${kind}`);
