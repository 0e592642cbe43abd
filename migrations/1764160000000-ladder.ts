import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engagement ladder: evidence beyond attendance (initiatives, memberships, recorded
 * engagements), the versioned rule sets, each actor's timeline of steps, and the outbox that
 * marks actors for recomputation in the same transaction as any change to their evidence.
 */
export class Ladder1764160000000 implements MigrationInterface {
  name = 'Ladder1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        kind text NOT NULL CHECK (kind IN ('WORKING_GROUP', 'COLLABORATION', 'OWN_INITIATIVE')),
        topics text[] NOT NULL DEFAULT '{}',
        started_on date NOT NULL,
        meeting_place text REFERENCES meeting_place (code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id)
      )`);
    await q.query(`
      CREATE TABLE initiative_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MEMBER', 'PARTNER', 'LEAD')),
        joined_on date NOT NULL,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT initiative_membership_key UNIQUE (initiative_id, actor_id),
        CONSTRAINT initiative_membership_dates_check CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await q.query(`CREATE INDEX initiative_membership_actor_idx ON initiative_membership (actor_id)`);
    await q.query(`
      CREATE TABLE engagement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('INPUT', 'POLICY_INFLUENCE', 'IMPLEMENTATION')),
        occurred_on date NOT NULL,
        event_id uuid REFERENCES event (id) ON DELETE SET NULL,
        initiative_id uuid REFERENCES initiative (id) ON DELETE SET NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX engagement_actor_idx ON engagement (actor_id)`);

    // Rule sets are data: a new version is a new row, and every placement names the version that made it.
    await q.query(`
      CREATE TABLE ladder_rule_set (
        version int PRIMARY KEY CHECK (version > 0),
        definition jsonb NOT NULL,
        description text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO ladder_rule_set (version, definition, description) VALUES (1, $1::jsonb, $2)`,
      [JSON.stringify(RULES_V1), 'Default rules (version 1) from the engagement-ladder issue'],
    );

    // Each actor's steps over time: one row per period on a step (gaps mean "not engaged").
    await q.query(`
      CREATE TABLE ladder_period (
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_to date,
        step smallint NOT NULL CHECK (step BETWEEN 1 AND 5),
        from_step smallint CHECK (from_step BETWEEN 1 AND 5 AND from_step <> step),
        rules_version int NOT NULL REFERENCES ladder_rule_set (version),
        reasons jsonb NOT NULL,
        PRIMARY KEY (actor_id, valid_from),
        CONSTRAINT ladder_period_dates_check CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(
      `CREATE INDEX ladder_period_dates_idx ON ladder_period (valid_from, valid_to) INCLUDE (actor_id, step)`,
    );

    await q.query(`
      CREATE TABLE ladder_outbox (
        actor_id uuid PRIMARY KEY REFERENCES actor (id) ON DELETE CASCADE,
        marked_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ladder_outbox_marked_idx ON ladder_outbox (marked_at)`);
    await q.query(`
      CREATE TABLE ladder_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        rules_version int REFERENCES ladder_rule_set (version),
        last_full_recompute_at timestamptz
      )`);
    await q.query(`INSERT INTO ladder_state (singleton) VALUES (true)`);

    // The outbox is written by triggers, so no code path that changes evidence can forget it:
    // the API, imports, merges and a psql session all mark the same way, in their own transaction.
    await q.query(`
      CREATE FUNCTION ladder_mark(actor_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO ladder_outbox (actor_id)
        SELECT DISTINCT x FROM (
          SELECT unnest(actor_ids) AS x
          UNION SELECT a.organisation_id FROM actor a WHERE a.id = ANY (actor_ids) AND a.organisation_id IS NOT NULL
        ) marked
        WHERE x IS NOT NULL AND EXISTS (SELECT 1 FROM actor WHERE id = x)
        ON CONFLICT (actor_id) DO UPDATE SET marked_at = clock_timestamp()
      $$`);
    for (const [table, column] of [
      ['participation', 'actor_id'],
      ['engagement', 'actor_id'],
    ] as const) {
      await q.query(`
        CREATE FUNCTION ${table}_ladder_mark() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM ladder_mark(ARRAY(SELECT DISTINCT ${column} FROM old_rows));
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM ladder_mark(ARRAY(SELECT DISTINCT ${column} FROM new_rows));
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${table}_ladder_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_ladder_mark()`);
      await q.query(`CREATE TRIGGER ${table}_ladder_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_ladder_mark()`);
      await q.query(`CREATE TRIGGER ${table}_ladder_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_ladder_mark()`);
    }
    // A membership change can alter the sector span of its initiative, so every member is marked.
    await q.query(`
      CREATE FUNCTION initiative_membership_ladder_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM ladder_mark(ARRAY(SELECT actor_id FROM old_rows));
        END IF;
        PERFORM ladder_mark(ARRAY(
          SELECT m.actor_id FROM initiative_membership m
          WHERE m.initiative_id IN (SELECT initiative_id FROM new_rows)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER initiative_membership_ladder_insert AFTER INSERT ON initiative_membership
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION initiative_membership_ladder_mark()`);
    await q.query(`CREATE TRIGGER initiative_membership_ladder_update AFTER UPDATE ON initiative_membership
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION initiative_membership_ladder_mark()`);
    // Deleted members are no longer in the table: mark them from the transition table too.
    await q.query(`
      CREATE FUNCTION initiative_membership_ladder_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM ladder_mark(ARRAY(
          SELECT actor_id FROM old_rows
          UNION SELECT m.actor_id FROM initiative_membership m WHERE m.initiative_id IN (SELECT initiative_id FROM old_rows)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER initiative_membership_ladder_delete AFTER DELETE ON initiative_membership
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION initiative_membership_ladder_mark_deleted()`);
    // Kind of an initiative, an event's date, an actor's organisation or sector: all move steps.
    await q.query(`
      CREATE FUNCTION initiative_ladder_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind IS DISTINCT FROM OLD.kind THEN
          PERFORM ladder_mark(ARRAY(SELECT actor_id FROM initiative_membership WHERE initiative_id = NEW.id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER initiative_ladder_update AFTER UPDATE ON initiative
      FOR EACH ROW EXECUTE FUNCTION initiative_ladder_mark()`);
    await q.query(`
      CREATE FUNCTION event_ladder_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.starts_at IS DISTINCT FROM OLD.starts_at THEN
          PERFORM ladder_mark(ARRAY(SELECT actor_id FROM participation WHERE event_id = NEW.id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER event_ladder_update AFTER UPDATE ON event
      FOR EACH ROW EXECUTE FUNCTION event_ladder_mark()`);
    await q.query(`
      CREATE FUNCTION actor_ladder_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id THEN
          PERFORM ladder_mark(ARRAY[NEW.id, OLD.organisation_id]);
        END IF;
        IF NEW.sector IS DISTINCT FROM OLD.sector THEN
          PERFORM ladder_mark(ARRAY(
            SELECT m.actor_id FROM initiative_membership m
            WHERE m.initiative_id IN (SELECT initiative_id FROM initiative_membership WHERE actor_id = NEW.id)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER actor_ladder_update AFTER UPDATE OF organisation_id, sector ON actor
      FOR EACH ROW EXECUTE FUNCTION actor_ladder_mark()`);
    await q.query(`
      CREATE FUNCTION actor_ladder_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM ladder_mark(ARRAY(SELECT id FROM new_rows WHERE organisation_id IS NOT NULL));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER actor_ladder_insert AFTER INSERT ON actor
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_ladder_mark_new()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS actor_ladder_insert ON actor`);
    await q.query(`DROP TRIGGER IF EXISTS actor_ladder_update ON actor`);
    await q.query(`DROP TRIGGER IF EXISTS event_ladder_update ON event`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER IF EXISTS participation_ladder_${op} ON participation`);
    }
    for (const table of [
      'ladder_state',
      'ladder_outbox',
      'ladder_period',
      'ladder_rule_set',
      'engagement',
      'initiative_membership',
      'initiative',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    for (const fn of [
      'actor_ladder_mark_new()',
      'actor_ladder_mark()',
      'event_ladder_mark()',
      'initiative_ladder_mark()',
      'initiative_membership_ladder_mark_deleted()',
      'initiative_membership_ladder_mark()',
      'engagement_ladder_mark()',
      'participation_ladder_mark()',
      'ladder_mark(uuid[])',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
  }
}

/** Version 1 of the rules, frozen here as it was first applied (later versions are new rows). */
const RULES_V1 = {
  windowMonths: 24,
  steps: [
    { step: 'AWARENESS', anyOf: [{ evidence: 'ATTENDED_EVENT', min: 1 }] },
    {
      step: 'INTEREST',
      anyOf: [
        { evidence: 'ATTENDED_EVENT', min: 2 },
        { evidence: 'STAGE_ROLE', min: 1 },
      ],
    },
    {
      step: 'PARTICIPATION',
      anyOf: [
        { evidence: 'INPUT', min: 1 },
        { evidence: 'WORKING_GROUP', min: 1 },
        { evidence: 'LEADING_ROLE', min: 1 },
      ],
    },
    { step: 'COLLABORATION', anyOf: [{ evidence: 'CROSS_SECTOR_COLLABORATION', min: 1 }] },
    {
      step: 'INFLUENCE',
      anyOf: [
        { evidence: 'OWN_INITIATIVE_LEAD', min: 1 },
        { evidence: 'POLICY_OR_IMPLEMENTATION', min: 1 },
      ],
    },
  ],
};
