import { DomainValidationError } from '../validation';

/** A UUID (what a browser's crypto.randomUUID() makes) or any 1 to 64 of A–Z, a–z, 0–9, _ and -. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function isIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key);
}

/** The key of an offline device's replayable action, checked; null when none is given. */
export function requireIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!isIdempotencyKey(key)) {
    throw new DomainValidationError(
      'idempotencyKey',
      'must be a UUID or 1 to 64 characters of A-Z, a-z, 0-9, _ and -',
    );
  }
  return key;
}
