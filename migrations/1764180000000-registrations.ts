import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration imports, duplicate candidates and merges.
 *
 * Matching keys are computed in the database only (person_name_key, organisation_name_key), so the
 * import, the walk-in desk and the duplicate scan can never disagree about what "the same name" is.
 */
export class Registrations1764180000000 implements MigrationInterface {
  name = 'Registrations1764180000000';

  async up(q: QueryRunner): Promise<void> {
    // "Anna-Karin  Öberg" and "anna karin oberg" are the same name: folded, punctuation as spaces.
    await q.query(`
      CREATE FUNCTION person_name_key(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT btrim(regexp_replace(public.search_fold(value), '[^[:alnum:]]+', ' ', 'g')) $$`);
    // "Norrmejerier AB", "NORRMEJERIER" and "Skellefteå kommun"/"Skellefteå": the legal form and
    // the word kommun do not tell organisations apart in a registration list. A name that is nothing
    // but such a word keeps it.
    await q.query(`
      CREATE FUNCTION organisation_name_key(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT coalesce(nullif(btrim(regexp_replace(regexp_replace(
          ' ' || public.person_name_key(value) || ' ',
          '^ (ab|aktiebolaget) ', ' '),
          '( (ab|aktiebolag|aktiebolaget|publ|hb|kb|handelsbolag|kommanditbolag|ek for|ekonomisk forening|'
            || 'ideell forening|kommun|kommunen|inc|ltd|llc|oy|oyj|gmbh|asa|aps))+ $', ' ')), ''),
        public.person_name_key(value)) $$`);
    await q.query(`
      ALTER TABLE actor ADD COLUMN match_key text GENERATED ALWAYS AS (
        CASE WHEN kind = 'ORGANISATION' THEN organisation_name_key(name) ELSE person_name_key(name) END) STORED`);
    await q.query(`CREATE INDEX actor_match_key_idx ON actor (kind, match_key, organisation_id)`);
    // GiST, not GIN: the duplicate scan asks for the nearest names (ORDER BY <-> LIMIT), which only
    // GiST answers without visiting every name that shares a common trigram.
    await q.query(`CREATE INDEX actor_match_key_trgm_idx ON actor USING gist (match_key gist_trgm_ops)`);
    // The part of an address before @, for "same person, new employer" duplicates.
    await q.query(`
      CREATE INDEX actor_email_local_idx ON actor ((split_part(email, '@', 1))) WHERE email IS NOT NULL`);

    await q.query(`
      CREATE TABLE registration_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
        file_name text CHECK (char_length(file_name) <= 255),
        file_kind text NOT NULL CHECK (file_kind IN ('CSV', 'XLSX')),
        file_size int NOT NULL CHECK (file_size > 0),
        file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        -- The uploaded bytes, kept only until the import has run (the list holds personal data).
        content bytea,
        rows int NOT NULL DEFAULT 0 CHECK (rows >= 0),
        created_actors int NOT NULL DEFAULT 0 CHECK (created_actors >= 0),
        matched_actors int NOT NULL DEFAULT 0 CHECK (matched_actors >= 0),
        created_participations int NOT NULL DEFAULT 0 CHECK (created_participations >= 0),
        updated_participations int NOT NULL DEFAULT 0 CHECK (updated_participations >= 0),
        rejected jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rejected) = 'array'),
        ignored_columns text[] NOT NULL DEFAULT '{}',
        -- Rows before this index are done: each batch commits its rows, counts and this together,
        -- so an import interrupted by a restart resumes where it stopped and counts nothing twice.
        next_row int NOT NULL DEFAULT 0 CHECK (next_row >= 0),
        error text,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT registration_import_content_check CHECK (status IN ('DONE', 'FAILED') OR content IS NOT NULL),
        CONSTRAINT registration_import_finished_check CHECK ((status IN ('DONE', 'FAILED')) = (finished_at IS NOT NULL)),
        CONSTRAINT registration_import_error_check CHECK ((status = 'FAILED') = (error IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX registration_import_event_idx ON registration_import (event_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX registration_import_unfinished_idx ON registration_import (created_at)
       WHERE status IN ('PENDING', 'RUNNING')`,
    );

    // A pair of actors of the same kind that may be one; actor_a < actor_b makes each pair unique.
    await q.query(`
      CREATE TABLE duplicate_candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PERSON', 'ORGANISATION')),
        actor_a uuid NOT NULL,
        actor_b uuid NOT NULL,
        score real NOT NULL CHECK (score > 0 AND score <= 1),
        reasons text[] NOT NULL CHECK (cardinality(reasons) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        dismissed_at timestamptz,
        dismissed_by uuid REFERENCES app_user (id),
        CONSTRAINT duplicate_candidate_order_check CHECK (actor_a < actor_b),
        CONSTRAINT duplicate_candidate_pair_key UNIQUE (actor_a, actor_b),
        CONSTRAINT duplicate_candidate_a_fkey FOREIGN KEY (actor_a, kind) REFERENCES actor (id, kind) ON DELETE CASCADE,
        CONSTRAINT duplicate_candidate_b_fkey FOREIGN KEY (actor_b, kind) REFERENCES actor (id, kind) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX duplicate_candidate_open_idx ON duplicate_candidate (score DESC, id) WHERE dismissed_at IS NULL`,
    );
    await q.query(`CREATE INDEX duplicate_candidate_b_idx ON duplicate_candidate (actor_b)`);

    // What a merge did, by ids and counts only: the merged actor's row is gone.
    await q.query(`
      CREATE TABLE actor_merge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kept_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        merged_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PERSON', 'ORGANISATION')),
        moved jsonb NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        merged_by uuid REFERENCES app_user (id),
        CONSTRAINT actor_merge_merged_key UNIQUE (merged_id),
        CONSTRAINT actor_merge_not_itself_check CHECK (kept_id <> merged_id)
      )`);
    await q.query(`CREATE INDEX actor_merge_kept_idx ON actor_merge (kept_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS actor_merge`);
    await q.query(`DROP TABLE IF EXISTS duplicate_candidate`);
    await q.query(`DROP TABLE IF EXISTS registration_import`);
    await q.query(`ALTER TABLE actor DROP COLUMN IF EXISTS match_key`);
    await q.query(`DROP FUNCTION IF EXISTS organisation_name_key(text)`);
    await q.query(`DROP FUNCTION IF EXISTS person_name_key(text)`);
  }
}
