import type { ActorKind, EngagementKind, Gender, LadderStep, LegalBasis, Sector } from '../gql/graphql';
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
export const ACTOR_KINDS: readonly ActorKind[] = ['PERSON', 'ORGANISATION'];

export const sectorLabel = (sector: Sector): string => t(`actors.sector.${sector}`);
export const genderLabel = (gender: Gender): string => t(`actors.gender.${gender}`);
export const legalBasisLabel = (basis: LegalBasis): string => t(`actors.legalBasis.${basis}`);
export const kindLabel = (kind: ActorKind): string => t(`actors.kind.${kind}`);

/** The ladder's five steps, lowest first (engagemangstrappan). */
export const STEPS: readonly LadderStep[] = [
  'AWARENESS',
  'INTEREST',
  'PARTICIPATION',
  'COLLABORATION',
  'INFLUENCE',
];
export const ENGAGEMENT_KINDS: readonly EngagementKind[] = ['INPUT', 'POLICY_INFLUENCE', 'IMPLEMENTATION'];

/** A step's Swedish name; null (not engaged) as "Inte engagerad". */
export const stepLabel = (step: LadderStep | null | undefined): string =>
  step ? t(`actors.step.${step}`) : t('actors.step.none');
export const stepLevel = (step: LadderStep): number => STEPS.indexOf(step) + 1;
export const engagementKindLabel = (kind: EngagementKind): string => t(`actors.engagementKind.${kind}`);
