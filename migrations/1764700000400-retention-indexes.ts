import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention at the scale of a region (half a million actors): the index the nightly run walks the
 * candidate persons by (in id order, continuing after the last batch), and what a run row records
 * per rule. Each rule a run applied is kept as `{code, count, decisionReference, windowStart}`
 * (no personal data), so that a run still tells under which decision and window it culled after the
 * rule has been edited; `counts` (per code only) goes. A nightly fire's retries re-use its run row,
 * found by the BullMQ job id of the fire (`scheduled_fire`).
 */
export class RetentionIndexes1764700000400 implements MigrationInterface {
  name = 'RetentionIndexes1764700000400';

  async up(q: QueryRunner): Promise<void> {
    // The inactive-persons rule's candidates: persons neither anonymised nor restricted, by id. The
    // evidence it looks for is found through participation_actor_idx, initiative_membership_actor_idx,
    // engagement_actor_idx and consent_actor_idx.
    await q.query(`
      CREATE INDEX actor_retention_candidate_idx ON actor (id)
        WHERE kind = 'PERSON' AND anonymised_at IS NULL AND restricted_at IS NULL`);

    await q.query(`
      ALTER TABLE retention_run
        ADD COLUMN rules jsonb NOT NULL DEFAULT '[]'
          CONSTRAINT retention_run_rules_check CHECK (jsonb_typeof(rules) = 'array'),
        ADD COLUMN scheduled_fire text,
        ADD CONSTRAINT retention_run_scheduled_fire_check CHECK (scheduled_fire IS NULL OR trigger = 'SCHEDULE')`);
    await q.query(
      `CREATE UNIQUE INDEX retention_run_scheduled_fire_key ON retention_run (scheduled_fire) WHERE scheduled_fire IS NOT NULL`,
    );
    // Runs recorded before: their decision and window as the rule says now (the best there is).
    await q.query(`
      UPDATE retention_run r SET rules = coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'code', c.key,
                 'count', c.value::int,
                 'decisionReference', rule.decision_reference,
                 'windowStart', to_char(
                   ((r.as_of AT TIME ZONE 'Europe/Stockholm') - make_interval(
                      months => CASE rule.keep_unit WHEN 'MONTHS' THEN rule.keep_amount ELSE 0 END,
                      days => CASE rule.keep_unit WHEN 'DAYS' THEN rule.keep_amount ELSE 0 END))
                     AT TIME ZONE 'Europe/Stockholm' AT TIME ZONE 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY c.key)
        FROM jsonb_each(r.counts) c JOIN retention_rule rule ON rule.code = c.key), '[]'::jsonb)`);
    await q.query(`ALTER TABLE retention_run DROP COLUMN counts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE retention_run
        ADD COLUMN counts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(counts) = 'object')`);
    await q.query(`
      UPDATE retention_run SET counts = coalesce(
        (SELECT jsonb_object_agg(o ->> 'code', (o ->> 'count')::int) FROM jsonb_array_elements(rules) o),
        '{}'::jsonb)`);
    await q.query(`DROP INDEX retention_run_scheduled_fire_key`);
    await q.query(`ALTER TABLE retention_run DROP COLUMN scheduled_fire, DROP COLUMN rules`);
    await q.query(`DROP INDEX actor_retention_candidate_idx`);
  }
}
