import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarterly reports to the regional development committee. A report is frozen when it is made:
 * its figures and both documents are stored with it, so what the committee received stays
 * answerable after later corrections. Generating a quarter again adds a version; none is replaced.
 */
export class QuarterlyReports1764190000000 implements MigrationInterface {
  name = 'QuarterlyReports1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quarterly_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'READY', 'FAILED')),
        error text,
        attempts int NOT NULL DEFAULT 0,
        figures jsonb,
        -- What differs from the previous version's figures; null for the first version.
        changes jsonb,
        pdf bytea,
        xlsx bytea,
        -- null: made by the scheduler.
        requested_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        generated_at timestamptz,
        CONSTRAINT quarterly_report_version_key UNIQUE (year, quarter, version),
        -- READY means complete: a half-written report can never be marked READY.
        CONSTRAINT quarterly_report_ready_check CHECK ((status = 'READY') = (
          figures IS NOT NULL AND pdf IS NOT NULL AND xlsx IS NOT NULL AND generated_at IS NOT NULL)),
        CONSTRAINT quarterly_report_error_check CHECK ((status = 'FAILED') = (error IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX quarterly_report_unfinished_idx ON quarterly_report (created_at)
       WHERE status IN ('PENDING', 'RUNNING')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS quarterly_report`);
  }
}
