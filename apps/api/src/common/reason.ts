import { DomainValidationError } from '@crm/domain';

/**
 * A reason or case reference an ADMIN gives for a data-protection action, trimmed: not blank and at
 * most `maxLength` characters (counted as characters, not UTF-16 units), else a field error naming
 * `field`.
 */
export function requireReason(raw: string, maxLength: number, field = 'reason'): string {
  const reason = (raw ?? '').trim();
  if (!reason) throw new DomainValidationError(field, 'must not be blank');
  if ([...reason].length > maxLength) {
    throw new DomainValidationError(field, `must be at most ${maxLength} characters`);
  }
  return reason;
}
