import { type AppConfig, type LockState, SignInFailureRepository } from '@crm/persistence';
import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Failed attempts that lock an account… */
export const LOCK_OUT_ATTEMPTS = 5;
/** …within this many seconds of each other; it then stays locked this long after the last one. */
export const LOCK_OUT_WINDOW_SECONDS = 15 * 60;

/**
 * The key of the HMAC that replaces emails in sign_in_failure. Derived from the database password,
 * which every API process sharing the table has: a copy of the table (a dump, a backup) without that
 * password does not give back the addresses that were tried, which may be typos of real ones or
 * passwords typed into the wrong field. Without a database password (development) the key is fixed
 * and the keys are pseudonymous, not secret.
 */
export function emailKeyOf(config: Pick<AppConfig, 'DATABASE_URL'>): Buffer {
  const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
  return createHash('sha256').update(`crm:sign-in-failure\0${password}`, 'utf8').digest();
}

/** The form emails are compared in: trimmed, NFC, lower-case (what normaliseEmail stores), not validated. */
export function foldEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/**
 * Lock-out per account: failed password attempts are counted per normalised email, whether or not a
 * user has it, in PostgreSQL (see SignInFailureRepository). PostgreSQL rather than Redis: a lock-out
 * must hold when Redis is away (the rate limiter then falls back to per-process memory), the sign-in
 * needs the database anyway, the attempt is recorded in advance under an advisory lock so parallel
 * guesses count against each other, and the failures' times can be read and moved in tests.
 */
export class LockOut {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: Buffer,
  ) {}

  keyOf(email: string): string {
    return createHmac('sha256', this.key).update(foldEmail(email), 'utf8').digest('base64url');
  }

  /** Locked, or this attempt recorded as a failure in advance (its own short transaction). */
  begin(emailKey: string): Promise<LockState> {
    return this.dataSource.transaction((em) =>
      new SignInFailureRepository(em).begin(emailKey, LOCK_OUT_ATTEMPTS, LOCK_OUT_WINDOW_SECONDS),
    );
  }

  /** The password was right: the account's failures are forgotten. */
  succeeded(emailKey: string): Promise<void> {
    return new SignInFailureRepository(this.dataSource.manager).clear(emailKey);
  }
}
