import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The door (issue 10): check-in codes, undoable check-ins and idempotent offline replays.
 *
 * - `participation.check_in_code`: `VB-` and 12 Crockford base32 characters (60 bits), NOT NULL
 *   UNIQUE, made by the column's default, so every insert path (registration, import, walk-in,
 *   check-in) gets one without knowing it. `check_in_code_of(bytes)` is the shape, the same function
 *   as generateCheckInCode in libs/domain/src/attendance/check-in-code.ts (a test holds them
 *   together); `new_check_in_code()` feeds it 64 bits of a version-4 UUID (bytes 1–6 and 11–12, the
 *   ones without version or variant bits). gen_random_uuid() is PostgreSQL's own since 13 and draws
 *   from the same strong random source as pgcrypto, which therefore is not needed (nor the privilege
 *   to create it). Adding the column with a volatile default rewrites the table once, computing the
 *   default per row: that is the backfill, in one statement, without firing the ladder's update
 *   triggers.
 * - `check_in`: every check-in that changed a participation, with the status and time before it,
 *   so undoCheckIn can restore them (latest first); see ParticipationRepository.undoCheckIn.
 * - `idempotency_key`: a replayed offline action applies once; the key is written in the same
 *   transaction as the action's effect.
 */
/**
 * The code of 8 bytes as one SQL expression: 12 characters of Crockford base32 from the first 60 bits,
 * `VB-XXXX-XXXX-XXXX`. Written out term by term (no aggregate, no subquery) so PostgreSQL inlines the
 * function into the column default: 10 million rows take seconds, not the quarter of an hour that a
 * string_agg over generate_series per row took.
 */
const CHECK_IN_CODE_EXPRESSION = (() => {
  const bits = `(('x' || encode(substring(bytes FROM 1 FOR 8), 'hex'))::bit(64)::bigint)`;
  const terms = ["'VB-'"];
  for (let i = 0; i < 12; i += 1) {
    terms.push(`substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((${bits} >> ${59 - 5 * i}) & 31)::int + 1, 1)`);
    if (i === 3 || i === 7) terms.push(`'-'`);
  }
  return terms.join(' || ');
})();

export class Door1764300000100 implements MigrationInterface {
  name = 'Door1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION check_in_code_of(bytes bytea) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT ${CHECK_IN_CODE_EXPRESSION}
      $$`);
    await q.query(`
      CREATE FUNCTION new_check_in_code() RETURNS text
      LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT check_in_code_of(substring(u FROM 1 FOR 6) || substring(u FROM 11 FOR 2))
        FROM (SELECT uuid_send(gen_random_uuid()) AS u) random
      $$`);
    await q.query(
      `ALTER TABLE participation ADD COLUMN check_in_code text NOT NULL DEFAULT new_check_in_code()`,
    );
    await q.query(`
      ALTER TABLE participation
        ADD CONSTRAINT participation_check_in_code_key UNIQUE (check_in_code),
        ADD CONSTRAINT participation_check_in_code_check
          CHECK (check_in_code ~ '^VB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$')`);

    await q.query(`
      CREATE TABLE check_in (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        -- NULL: this check-in created the participation (a walk-in); undoing it cancels the row.
        previous_status text CHECK (previous_status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
        previous_checked_in_at timestamptz,
        -- The time the check-in left on the participation: undo only while the row still shows it.
        checked_in_at timestamptz NOT NULL,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_previous_time_check
          CHECK (previous_checked_in_at IS NULL OR previous_status = 'ATTENDED')
      )`);
    await q.query(`CREATE INDEX check_in_participation_idx ON check_in (participation_id, id)`);

    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{1,64}$'),
        operation text NOT NULL CHECK (operation IN ('checkIn', 'checkInByCode', 'undoCheckIn', 'walkIn')),
        participation_id uuid REFERENCES participation (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE check_in`);
    await q.query(`ALTER TABLE participation DROP COLUMN check_in_code`);
    await q.query(`DROP FUNCTION new_check_in_code()`);
    await q.query(`DROP FUNCTION check_in_code_of(bytea)`);
  }
}
