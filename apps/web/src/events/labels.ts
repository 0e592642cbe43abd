// The Swedish names of the API's event enums, from the catalogue.
import type { AttendanceMode, RusPriority } from '../gql/graphql';
import { t, type MessageKey } from '../i18n/i18n';

export const EVENT_FORMATS = [
  'SEMINAR',
  'ROUND_TABLE',
  'WORKSHOP',
  'THEMED_DAY',
  'CONFERENCE',
  'WEBINAR',
  'NETWORKING',
  'OTHER',
] as const;

export const ATTENDANCE_MODES: readonly AttendanceMode[] = ['PHYSICAL', 'HYBRID', 'DIGITAL'];

export const RUS_PRIORITIES: readonly RusPriority[] = [
  'SMART_REGION',
  'PLACE_BASED_BUSINESS',
  'ACCESSIBLE_REGION',
  'SUSTAINABLE_LIVING_ENVIRONMENTS',
  'HEALTH_PROMOTING_REGION',
  'SKILLS_RICH_REGION',
];

export function formatLabel(format: string | null | undefined): string {
  if (!format) return t('app.none');
  const key = `events.format.${format}` as MessageKey;
  return (EVENT_FORMATS as readonly string[]).includes(format) ? t(key) : format;
}

export const attendanceModeLabel = (mode: AttendanceMode): string => t(`events.mode.${mode}`);
export const rusPriorityLabel = (priority: RusPriority): string => t(`events.rus.${priority}`);
