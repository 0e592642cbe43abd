import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials that can be revoked: `disabled_at` (already there) is now set by disableUser, and
 * `last_seen_at` records when a user's token was last used (at most once a minute per user, so a
 * busy door does not write a row per request).
 */
export class Credentials1764200000000 implements MigrationInterface {
  name = 'Credentials1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN last_seen_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN last_seen_at`);
  }
}
