import { stockholmDate } from './ladder/calendar';
import { requireCalendarDate } from './initiatives';
import { DomainValidationError } from './validation';

/** Where a person gave their consent. */
export enum ConsentSource {
  REGISTRATION_FORM = 'REGISTRATION_FORM',
  AT_THE_DOOR = 'AT_THE_DOOR',
  EMAIL = 'EMAIL',
  PAPER_FORM = 'PAPER_FORM',
  OTHER = 'OTHER',
}

/** Checks a consent date for `field`: a calendar date, not after today in Stockholm. */
export function requireConsentDate(field: string, value: unknown, today: string = stockholmDate()): string {
  const day = requireCalendarDate(field, value);
  // 'YYYY-MM-DD' strings sort like the dates they name.
  if (day > today) throw new DomainValidationError(field, 'must not be in the future');
  return day;
}

/** The version of the consent text the person agreed to, trimmed: 1–100 characters. */
export function requireConsentTextVersion(value: string): string {
  const text = value.trim();
  if (text.length < 1 || text.length > 100)
    throw new DomainValidationError('textVersion', 'must be 1–100 characters');
  return text;
}
