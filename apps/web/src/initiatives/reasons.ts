// The API's (English) reasons for a refused initiative or membership field, in plain Swedish.
import { fieldErrors } from '../app/apollo';
import { isoToStockholm, t } from '../i18n/i18n';

export function initiativeReason(field: string, reason: string): string {
  if (/must not be empty/.test(reason)) return t('initiatives.reason.empty');
  if (field === 'topics') return t('initiatives.reason.topics');
  if (/at most \d+ characters/.test(reason)) return t('initiatives.reason.tooLong');
  if (/must not be before joinedOn/.test(reason)) return t('initiatives.reason.leftBeforeJoined');
  if (/YYYY-MM-DD/.test(reason)) return t('initiatives.reason.date');
  if (field === 'meetingPlace') return t('initiatives.reason.meetingPlace');
  if (field === 'actorId') {
    return /member|left/.test(reason) ? t('initiatives.reason.notMember') : t('initiatives.reason.actor');
  }
  if (field === 'initiativeId') return t('initiatives.reason.initiative');
  return t('initiatives.reason.other');
}

export function initiativeFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, reason]) => [field, initiativeReason(field, reason)]),
  );
}

/** Today's date in Stockholm as 'YYYY-MM-DD' (the API's Date). */
export const todayInStockholm = (now: Date = new Date()): string => isoToStockholm(now.toISOString()).date;

export const isCalendarDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Where a mutation's refusals belong: at the form's fields they name, or above the form. */
export function placeErrors<K extends string>(
  server: Record<string, string>,
  fields: readonly K[],
  summary: string,
): Partial<Record<K | 'form', string>> {
  const errors: Partial<Record<K | 'form', string>> = {};
  errors.form = summary;
  for (const [field, message] of Object.entries(server)) {
    if ((fields as readonly string[]).includes(field)) errors[field as K] = message;
    else errors.form = message;
  }
  return errors;
}
