import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in for people (issue 10): an argon2id password per user (null: none yet), server-side
 * sessions that can be revoked, one-time invitations that set a password, and the failed sign-ins
 * that lock an account out for a while. Secrets are stored as SHA-256 only; the database refuses
 * an expiry that is not after the creation, and a user's sessions and invitations go with the user.
 */
export class SignIn1764300000000 implements MigrationInterface {
  name = 'SignIn1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN password_hash text,
        ADD COLUMN last_signed_in_at timestamptz,
        ADD CONSTRAINT app_user_password_hash_check CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%')
    `);
    await q.query(`
      CREATE TABLE user_session (
        id text PRIMARY KEY CONSTRAINT user_session_id_check CHECK (id ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT user_session_expiry_check CHECK (expires_at > created_at)
      )
    `);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`
      CREATE TABLE user_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        secret_hash text NOT NULL
          CONSTRAINT user_invitation_secret_hash_key UNIQUE
          CONSTRAINT user_invitation_secret_hash_check CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT user_invitation_expiry_check CHECK (expires_at > created_at),
        CONSTRAINT user_invitation_used_check CHECK (used_at IS NULL OR used_at >= created_at)
      )
    `);
    await q.query(`CREATE INDEX user_invitation_user_idx ON user_invitation (user_id) WHERE used_at IS NULL`);
    // Keyed by an HMAC of the normalised email, whether or not a user has it: never the email itself.
    await q.query(`
      CREATE TABLE sign_in_failure (
        id bigserial PRIMARY KEY,
        email_key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX sign_in_failure_key_idx ON sign_in_failure (email_key, failed_at)`);
    await q.query(`CREATE INDEX sign_in_failure_time_idx ON sign_in_failure (failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_failure`);
    await q.query(`DROP TABLE user_invitation`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_password_hash_check,
        DROP COLUMN last_signed_in_at,
        DROP COLUMN password_hash
    `);
  }
}
