import { DomainValidationError } from '@crm/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an ID argument before it reaches SQL, so a typo answers BAD_USER_INPUT naming the field. */
export function parseId(field: string, value: string): string {
  if (!UUID.test(value)) throw new DomainValidationError(field, 'is not a valid ID');
  return value.toLowerCase();
}
