import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks outbox rows in actor-id order, so two statements marking overlapping sets of actors (an
 * event's date moved while an initiative gains a member) take the row locks in the same order and
 * cannot deadlock.
 */
export class LadderMarkInOrder1764170000000 implements MigrationInterface {
  name = 'LadderMarkInOrder1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION ladder_mark(actor_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO ladder_outbox (actor_id)
        SELECT x FROM (
          SELECT unnest(actor_ids) AS x
          UNION SELECT a.organisation_id FROM actor a WHERE a.id = ANY (actor_ids) AND a.organisation_id IS NOT NULL
        ) marked
        WHERE x IS NOT NULL AND EXISTS (SELECT 1 FROM actor WHERE id = x)
        ORDER BY x
        ON CONFLICT (actor_id) DO UPDATE SET marked_at = clock_timestamp()
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION ladder_mark(actor_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO ladder_outbox (actor_id)
        SELECT DISTINCT x FROM (
          SELECT unnest(actor_ids) AS x
          UNION SELECT a.organisation_id FROM actor a WHERE a.id = ANY (actor_ids) AND a.organisation_id IS NOT NULL
        ) marked
        WHERE x IS NOT NULL AND EXISTS (SELECT 1 FROM actor WHERE id = x)
        ON CONFLICT (actor_id) DO UPDATE SET marked_at = clock_timestamp()
      $$`);
  }
}
