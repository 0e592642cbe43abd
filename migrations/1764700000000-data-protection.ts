import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection: restriction of processing and anonymisation on the actor, the register extracts
 * an ADMIN produces, retention rules (gallring) as data with the decision that allows each, the
 * record of every retention run, and the ledger of anonymisations, deletions and culls (ids and
 * dates only) that is re-applied after an older backup has been restored.
 */
export class DataProtection1764700000000 implements MigrationInterface {
  name = 'DataProtection1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE actor
        ADD COLUMN restricted_at timestamptz,
        ADD COLUMN restriction_reason text
          CONSTRAINT actor_restriction_reason_check CHECK (length(btrim(restriction_reason)) BETWEEN 1 AND 500),
        ADD COLUMN restricted_by uuid REFERENCES app_user (id),
        ADD COLUMN anonymised_at timestamptz,
        ADD CONSTRAINT actor_restriction_check CHECK ((restricted_at IS NULL) = (restriction_reason IS NULL)),
        ADD CONSTRAINT actor_restriction_person_check CHECK (restricted_at IS NULL OR kind = 'PERSON'),
        ADD CONSTRAINT actor_anonymised_check CHECK (
          anonymised_at IS NULL OR (kind = 'PERSON' AND email IS NULL AND title IS NULL))`);
    await q.query(`CREATE INDEX actor_restricted_idx ON actor (id) WHERE restricted_at IS NOT NULL`);

    // A register extract (GDPR art. 15) as it was produced: the JSON content, from which the PDF is
    // rendered on download. Kept only until it expires (the retention run deletes it).
    await q.query(`
      CREATE TABLE personal_data_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        content jsonb NOT NULL,
        requested_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT personal_data_export_expiry_check CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX personal_data_export_actor_idx ON personal_data_export (actor_id)`);
    await q.query(`CREATE INDEX personal_data_export_expires_idx ON personal_data_export (expires_at)`);

    // Retention rules are data. A rule that culls public records (allmänna handlingar) runs only
    // with the reference of the retention decision (gallringsbeslut) that allows it; the system's
    // own working data (sessions, invitations, idempotency keys, extracts) need none.
    await q.query(`
      CREATE TABLE retention_rule (
        code text PRIMARY KEY CHECK (code IN (
          'INACTIVE_PERSONS', 'REJECTED_IMPORT_ROWS', 'ACCESS_LOG', 'SESSIONS', 'INVITATIONS',
          'IDEMPOTENCY_KEYS', 'PERSONAL_DATA_EXPORTS')),
        keep_amount int NOT NULL CHECK (keep_amount BETWEEN 1 AND 1200),
        keep_unit text NOT NULL CHECK (keep_unit IN ('DAYS', 'MONTHS')),
        requires_decision boolean NOT NULL,
        decision_reference text
          CONSTRAINT retention_rule_decision_reference_check CHECK (length(btrim(decision_reference)) BETWEEN 1 AND 100),
        enabled boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT retention_rule_decision_check CHECK (
          NOT enabled OR NOT requires_decision OR decision_reference IS NOT NULL)
      )`);
    await q.query(`
      INSERT INTO retention_rule (code, keep_amount, keep_unit, requires_decision, enabled) VALUES
        ('INACTIVE_PERSONS', 36, 'MONTHS', true, false),
        ('REJECTED_IMPORT_ROWS', 90, 'DAYS', true, false),
        ('ACCESS_LOG', 24, 'MONTHS', true, false),
        ('SESSIONS', 30, 'DAYS', false, true),
        ('INVITATIONS', 30, 'DAYS', false, true),
        ('IDEMPOTENCY_KEYS', 30, 'DAYS', false, true),
        ('PERSONAL_DATA_EXPORTS', 7, 'DAYS', false, true)`);

    // Every run, with counts per rule and never a name.
    await q.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
        as_of timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
        counts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(counts) = 'object'),
        error text,
        requested_by uuid REFERENCES app_user (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT retention_run_finished_check CHECK ((status = 'RUNNING') = (finished_at IS NULL)),
        CONSTRAINT retention_run_error_check CHECK ((status = 'FAILED') = (error IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC)`);

    // What was anonymised, deleted or culled, by id and date only: restoring an older backup
    // re-applies these rows, so no anonymised person comes back.
    await q.query(`
      CREATE TABLE erasure_ledger (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        action text NOT NULL CHECK (action IN ('ANONYMISED', 'DELETED', 'IMPORT_ROWS_CULLED')),
        subject_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        retention_run_id uuid REFERENCES retention_run (id),
        decision_reference text,
        user_id uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX erasure_ledger_subject_idx ON erasure_ledger (subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erasure_ledger`);
    await q.query(`DROP TABLE retention_run`);
    await q.query(`DROP TABLE retention_rule`);
    await q.query(`DROP TABLE personal_data_export`);
    await q.query(`
      ALTER TABLE actor
        DROP COLUMN anonymised_at, DROP COLUMN restricted_by, DROP COLUMN restriction_reason,
        DROP COLUMN restricted_at`);
  }
}
