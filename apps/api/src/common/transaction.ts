import { DomainValidationError } from '@crm/domain';
import {
  constraintOf,
  isDatabaseError,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
} from '@crm/persistence';

/** Which input field a violated constraint is about, and what to tell the user. */
export type ConstraintMessages = Record<string, [field: string, message: string]>;

/**
 * Translates a unique or foreign-key violation raised by the database (the last word on
 * concurrent writes) into the field-level error the user sees. Other errors pass unchanged.
 */
export function translateConstraint(error: unknown, messages: ConstraintMessages): unknown {
  if (isDatabaseError(error, PG_UNIQUE_VIOLATION) || isDatabaseError(error, PG_FOREIGN_KEY_VIOLATION)) {
    const known = messages[constraintOf(error) ?? ''];
    if (known) return new DomainValidationError(known[0], known[1]);
  }
  return error;
}
