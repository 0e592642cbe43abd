import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record-keeping schema. Every rule that protects the data lives here as a constraint, so no
 * code path (API, worker, import, a psql session) can write a row the product cannot explain.
 */
export class InitSchema1764150000000 implements MigrationInterface {
  name = 'InitSchema1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is STABLE (it depends on the dictionary search path); pinning the dictionary makes
    // it safe to declare IMMUTABLE, which generated columns and indexes require.
    await q.query(`
      CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);

    await q.query(`
      CREATE TABLE county (
        code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE municipality (
        code char(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        name text NOT NULL,
        county_code char(2) NOT NULL REFERENCES county (code)
      )`);
    await q.query(`
      CREATE TABLE meeting_place (
        code text PRIMARY KEY
          CHECK (code IN ('GRAND_HOTEL', 'MOTESPLATS_LYCKSELE', 'ALMEDALEN', 'DIGITALA_VASTERBOTTEN')),
        name text NOT NULL,
        city text NOT NULL,
        description text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        role text NOT NULL CHECK (role IN ('ADMIN', 'EVENT_STAFF', 'STRATEGIST', 'COMMITTEE')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        disabled_at timestamptz,
        CONSTRAINT app_user_email_key UNIQUE (email)
      )`);

    await q.query(`
      CREATE TABLE actor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PERSON', 'ORGANISATION')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        email text CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        title text,
        organisation_id uuid,
        -- Lets the foreign key below prove that a person's organisation really is an organisation.
        organisation_kind text GENERATED ALWAYS AS (
          CASE WHEN organisation_id IS NOT NULL THEN 'ORGANISATION' END) STORED,
        gender text CHECK (gender IN ('WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED')),
        sector text NOT NULL
          CHECK (sector IN ('PUBLIC_SECTOR', 'BUSINESS', 'ACADEMIA', 'CIVIL_SOCIETY', 'INNOVATION_SYSTEM')),
        municipality_code char(4) REFERENCES municipality (code),
        country char(2) NOT NULL DEFAULT 'SE' CHECK (country ~ '^[A-Z]{2}$'),
        organisation_number text UNIQUE CHECK (organisation_number ~ '^[0-9]{6}-[0-9]{4}$'),
        legal_basis text NOT NULL DEFAULT 'PUBLIC_INTEREST'
          CHECK (legal_basis IN ('PUBLIC_INTEREST', 'CONSENT', 'LEGITIMATE_INTEREST')),
        search_text text GENERATED ALWAYS AS (search_fold(name || ' ' || coalesce(email, ''))) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT actor_id_kind_key UNIQUE (id, kind),
        CONSTRAINT actor_organisation_fkey FOREIGN KEY (organisation_id, organisation_kind)
          REFERENCES actor (id, kind),
        CONSTRAINT actor_person_fields_check CHECK (
          kind = 'PERSON' OR (email IS NULL AND title IS NULL AND gender IS NULL AND organisation_id IS NULL)),
        CONSTRAINT actor_organisation_number_kind_check CHECK (kind = 'ORGANISATION' OR organisation_number IS NULL),
        CONSTRAINT actor_location_check CHECK (municipality_code IS NULL OR country = 'SE'),
        CONSTRAINT actor_not_own_organisation_check CHECK (organisation_id IS DISTINCT FROM id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX actor_email_key ON actor (lower(btrim(email))) WHERE email IS NOT NULL`,
    );
    await q.query(`CREATE INDEX actor_search_idx ON actor USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX actor_name_idx ON actor (name, id)`);
    await q.query(
      `CREATE INDEX actor_organisation_idx ON actor (organisation_id) WHERE organisation_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX actor_municipality_idx ON actor (municipality_code)`);

    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_place text NOT NULL REFERENCES meeting_place (code),
        title text NOT NULL CHECK (btrim(title) <> ''),
        description text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        format text CHECK (format IN
          ('SEMINAR', 'ROUND_TABLE', 'WORKSHOP', 'THEMED_DAY', 'CONFERENCE', 'WEBINAR', 'NETWORKING', 'OTHER')),
        topics text[] NOT NULL DEFAULT '{}',
        rus_priorities text[] NOT NULL DEFAULT '{}' CHECK (rus_priorities <@ ARRAY[
          'SMART_REGION', 'PLACE_BASED_BUSINESS', 'ACCESSIBLE_REGION', 'SUSTAINABLE_LIVING_ENVIRONMENTS',
          'HEALTH_PROMOTING_REGION', 'SKILLS_RICH_REGION']::text[]),
        attendance_mode text NOT NULL DEFAULT 'PHYSICAL' CHECK (attendance_mode IN ('PHYSICAL', 'DIGITAL', 'HYBRID')),
        search_text text GENERATED ALWAYS AS (search_fold(title)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT event_schedule_check CHECK (ends_at IS NULL OR ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX event_starts_at_idx ON event (starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX event_meeting_place_idx ON event (meeting_place, starts_at DESC)`);
    await q.query(`CREATE INDEX event_search_idx ON event USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('AUDIENCE', 'PANELIST', 'SPEAKER', 'MODERATOR', 'ORGANISER')),
        status text NOT NULL CHECK (status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
        checked_in_at timestamptz,
        source text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'CHECK_IN', 'WALK_IN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT participation_event_actor_key UNIQUE (event_id, actor_id),
        CONSTRAINT participation_check_in_check CHECK (checked_in_at IS NULL OR status = 'ATTENDED')
      )`);
    await q.query(`CREATE INDEX participation_actor_idx ON participation (actor_id, created_at, id)`);
    await q.query(`CREATE INDEX participation_event_page_idx ON participation (event_id, created_at, id)`);

    // Who changed what: field names only, never values, so the trail itself holds no personal data.
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES app_user (id),
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        changed_fields text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'participation',
      'event',
      'actor',
      'app_user',
      'meeting_place',
      'municipality',
      'county',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS search_fold(text)`);
  }
}
