import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log: who read which persons' personal data, when, and through which operation (a
 * GraphQL root field or an export route). One row per read: a list of 500 persons is one row with
 * 500 ids. Ids only, never names. The weekly follow-up for the data protection officer is kept in
 * two tables of its own: the week, and per user the reads, the distinct persons and the flag.
 */
export class AccessLog1764500000000 implements MigrationInterface {
  name = 'AccessLog1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_access (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        operation text NOT NULL
          CONSTRAINT personal_data_access_operation_check CHECK (length(operation) BETWEEN 1 AND 200),
        actor_ids uuid[] NOT NULL
          CONSTRAINT personal_data_access_actor_ids_check
          CHECK (cardinality(actor_ids) >= 1 AND array_ndims(actor_ids) = 1 AND array_position(actor_ids, NULL) IS NULL)
      )
    `);
    // Whose data was read (accessLog(actorId), the register extract): the ids inside the array.
    await q.query(
      `CREATE INDEX personal_data_access_actor_ids_idx ON personal_data_access USING gin (actor_ids)`,
    );
    // One user's reads newest first, and everyone's newest first (the log, the weekly summary, retention).
    await q.query(
      `CREATE INDEX personal_data_access_user_at_idx ON personal_data_access (user_id, at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX personal_data_access_at_idx ON personal_data_access (at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE access_log_summary (
        week_start date PRIMARY KEY
          CONSTRAINT access_log_summary_monday_check CHECK (extract(isodow FROM week_start) = 1),
        computed_at timestamptz NOT NULL DEFAULT now(),
        reads integer NOT NULL CONSTRAINT access_log_summary_reads_check CHECK (reads >= 0),
        users integer NOT NULL CONSTRAINT access_log_summary_users_check CHECK (users >= 0),
        flagged_users integer NOT NULL
          CONSTRAINT access_log_summary_flagged_check CHECK (flagged_users BETWEEN 0 AND users)
      )
    `);
    await q.query(`
      CREATE TABLE access_log_summary_user (
        week_start date NOT NULL REFERENCES access_log_summary (week_start) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id),
        reads integer NOT NULL CONSTRAINT access_log_summary_user_reads_check CHECK (reads >= 1),
        persons integer NOT NULL CONSTRAINT access_log_summary_user_persons_check CHECK (persons >= 1),
        baseline_median numeric
          CONSTRAINT access_log_summary_user_median_check CHECK (baseline_median >= 0),
        flagged boolean NOT NULL,
        PRIMARY KEY (week_start, user_id)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log_summary_user`);
    await q.query(`DROP TABLE access_log_summary`);
    await q.query(`DROP TABLE personal_data_access`);
  }
}
