// The API names the field of a refused value with an English reason (see app/apollo.ts fieldErrors);
// the form shows a Swedish one in plain words at that field.
import { fieldErrors } from '../app/apollo';
import { t } from '../i18n/i18n';

export function eventReason(field: string, reason: string): string {
  if (/before startsAt/.test(reason)) return t('events.reason.endBeforeStart');
  if (/must not be empty/.test(reason)) return t('events.reason.empty');
  if (/at most \d+ characters/.test(reason) && field !== 'topics') return t('events.reason.tooLong');
  if (/cannot be cleared/.test(reason)) return t('events.reason.cannotClear');
  if (field === 'format') return t('events.reason.format');
  if (field === 'topics') return t('events.reason.topics');
  if (/not a valid date/.test(reason)) return t('events.reason.invalidDate');
  return t('events.reason.other');
}

/** The error's field errors, in Swedish. */
export function eventFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, reason]) => [field, eventReason(field, reason)]),
  );
}
