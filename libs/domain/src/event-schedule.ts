import { DomainValidationError } from './validation';

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** An event may lack an end (open-ended or unknown); if it has one it must not precede the start. */
export function validateSchedule(startsAt: Date, endsAt: Date | null | undefined): void {
  if (!isValidDate(startsAt)) throw new DomainValidationError('startsAt', 'is not a valid date');
  if (endsAt == null) return;
  if (!isValidDate(endsAt)) throw new DomainValidationError('endsAt', 'is not a valid date');
  if (endsAt.getTime() < startsAt.getTime()) {
    throw new DomainValidationError('endsAt', 'must not be before startsAt');
  }
}
