// The API's (English) reasons for a refused field, in plain Swedish at the field.
import { fieldErrors } from '../app/apollo';
import { t } from '../i18n/i18n';

export function actorReason(field: string, reason: string): string {
  if (/must not be empty/.test(reason)) return t('actors.reason.empty');
  if (/at most \d+ characters/.test(reason)) return t('actors.reason.tooLong');
  if (/cannot be cleared/.test(reason)) return t('actors.reason.cannotClear');
  if (field === 'email') return t('actors.reason.email');
  if (field === 'organisationNumber') {
    if (/personal identity number/.test(reason)) return t('actors.reason.orgNumberPersonal');
    if (/check digit/.test(reason)) return t('actors.reason.orgNumberCheck');
    return t('actors.reason.orgNumberForm');
  }
  if (field === 'sector') return t('actors.reason.sectorRequired');
  if (field === 'organisationId') return t('actors.reason.organisation');
  if (field === 'municipalityCode') return t('actors.reason.municipality');
  if (field === 'country')
    return /must be SE/.test(reason) ? t('actors.reason.countrySe') : t('actors.reason.country');
  return t('actors.reason.other');
}

export function actorFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, reason]) => [field, actorReason(field, reason)]),
  );
}

/** recordEngagement's refusals in plain Swedish, by the input's field names. */
export function engagementReason(field: string, reason: string): string {
  if (field === 'occurredOn') return t('actors.reason.date');
  if (field === 'note')
    return /at most/.test(reason) ? t('actors.reason.noteTooLong') : t('actors.reason.other');
  if (field === 'eventId') return t('actors.reason.event');
  if (field === 'initiativeId') return t('actors.reason.initiative');
  return t('actors.reason.other');
}

export function engagementFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, reason]) => [field, engagementReason(field, reason)]),
  );
}
