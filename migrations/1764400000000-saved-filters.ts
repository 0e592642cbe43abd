import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved filters per user and page (first the "whom to invite next" page): a named JSON object,
 * one name per user and page; a user's filters go with the user.
 */
export class SavedFilters1764400000000 implements MigrationInterface {
  name = 'SavedFilters1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_filter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        page text NOT NULL CONSTRAINT saved_filter_page_check CHECK (page IN ('NEXT_INVITES')),
        name text NOT NULL CONSTRAINT saved_filter_name_check CHECK (length(name) BETWEEN 1 AND 100),
        filter jsonb NOT NULL
          CONSTRAINT saved_filter_filter_check
          CHECK (jsonb_typeof(filter) = 'object' AND pg_column_size(filter) < 8192),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_filter_user_page_name_key UNIQUE (user_id, page, name)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_filter`);
  }
}
