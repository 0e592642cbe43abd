import { DomainValidationError, RefusalReason } from '@crm/domain';

/**
 * A reason or case reference an ADMIN gives for a data-protection action, trimmed: not blank and at
 * most `maxLength` characters (counted as characters, not UTF-16 units), else a field error naming
 * `field` (reason REQUIRED or TOO_LONG).
 */
export function requireReason(raw: string, maxLength: number, field = 'reason'): string {
  const reason = (raw ?? '').trim();
  if (!reason) throw new DomainValidationError(field, 'must not be blank', RefusalReason.REQUIRED);
  if ([...reason].length > maxLength) {
    throw new DomainValidationError(field, `must be at most ${maxLength} characters`, RefusalReason.TOO_LONG);
  }
  return reason;
}
