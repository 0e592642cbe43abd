import { genderLabel, kindLabel, sectorLabel } from '../actors/labels';
import type { ActorKind, Gender, LadderGrouping, LadderStep, MeetingPlaceCode, Sector } from '../gql/graphql';
import { t } from '../i18n/i18n';

/** The groupings the dashboard offers (kind is a filter instead). */
export const GROUPINGS: readonly LadderGrouping[] = [
  'NONE',
  'MEETING_PLACE',
  'SECTOR',
  'MUNICIPALITY',
  'GENDER',
];

export const MEETING_PLACES: readonly MeetingPlaceCode[] = [
  'GRAND_HOTEL',
  'MOTESPLATS_LYCKSELE',
  'ALMEDALEN',
  'DIGITALA_VASTERBOTTEN',
];

/** A step's Swedish name; null is "not engaged" (the matrix's first row and last column). */
export const stepLabel = (step: LadderStep | null): string =>
  step ? t(`ladder.step.${step}`) : t('ladder.step.none');

export const groupingLabel = (grouping: LadderGrouping): string => t(`ladder.grouping.${grouping}`);

/**
 * A bucket's name. The API names sectors and municipalities in Swedish, and gives codes for meeting
 * places and genders (ORGANISATION and UNKNOWN besides the genders).
 */
export function bucketLabel(
  grouping: LadderGrouping,
  group: string,
  apiLabel: string,
  meetingPlaceName: (code: MeetingPlaceCode) => string,
): string {
  if (grouping === 'MEETING_PLACE') return meetingPlaceName(group as MeetingPlaceCode);
  if (grouping === 'SECTOR') return sectorLabel(group as Sector);
  if (grouping === 'GENDER') {
    if (group === 'ORGANISATION') return t('ladder.gender.ORGANISATION');
    if (group === 'UNKNOWN') return t('ladder.gender.UNKNOWN');
    return genderLabel(group as Gender);
  }
  if (grouping === 'KIND') return kindLabel(group as ActorKind);
  // Actors outside Sweden are grouped by country (ISO code): named in Swedish.
  if (grouping === 'MUNICIPALITY' && /^[A-Z]{2}$/.test(group)) return countryName(group) ?? apiLabel;
  return apiLabel;
}

const countries = new Intl.DisplayNames(['sv'], { type: 'region' });
function countryName(code: string): string | null {
  try {
    return countries.of(code) ?? null;
  } catch {
    return null;
  }
}
