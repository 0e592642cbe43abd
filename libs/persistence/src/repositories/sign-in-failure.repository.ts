import { EntityManager } from 'typeorm';

/** What an account's failed sign-ins allow now. */
export type LockState = { locked: false } | { locked: true; retryAfterSeconds: number };

/**
 * Failed password sign-ins per account, keyed by an HMAC of the normalised email (whether or not a
 * user has it), so a made-up address locks exactly like a real one and no address is stored.
 */
export class SignInFailureRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Within a transaction: waits for the key's other attempts to pass this point, then either answers
   * that the account is locked (`limit` failures within `windowSeconds` of the latest one, which was
   * less than `windowSeconds` ago) or records this attempt as a failure in advance, so attempts
   * running in parallel count against each other. A successful sign-in then calls `clear`.
   */
  async begin(key: string, limit: number, windowSeconds: number): Promise<LockState> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext('sign_in_failure'), hashtext($1))`, [key]);
    const [state] = await this.em.query(
      `WITH last AS (SELECT max(failed_at) AS at FROM sign_in_failure WHERE email_key = $1)
       SELECT ceil(extract(epoch FROM last.at + make_interval(secs => $3) - now()))::int AS retry_after
         FROM last
        WHERE last.at + make_interval(secs => $3) > now()
          AND (SELECT count(*) FROM sign_in_failure f
                WHERE f.email_key = $1 AND f.failed_at > last.at - make_interval(secs => $3)) >= $2`,
      [key, limit, windowSeconds],
    );
    if (state) return { locked: true, retryAfterSeconds: Math.max(1, state.retry_after as number) };
    await this.em.query(`INSERT INTO sign_in_failure (email_key) VALUES ($1)`, [key]);
    // Failures older than two windows never count again: drop them, this key's and everyone's.
    await this.em.query(
      `DELETE FROM sign_in_failure WHERE failed_at < now() - make_interval(secs => $1::int * 2)`,
      [windowSeconds],
    );
    return { locked: false };
  }

  /** Forgets the key's failures (and the attempt recorded in advance): the password was right. */
  async clear(key: string): Promise<void> {
    await this.em.query(`DELETE FROM sign_in_failure WHERE email_key = $1`, [key]);
  }
}
