import { CalendarDate, LadderReasonRef, parseRuleSet, RuleSet } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { insertPeriodsSql } from './ladder-sql';

export interface PeriodRow {
  actorId: string;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  step: number;
  fromStep: number | null;
  rulesVersion: number;
  reasons: LadderReasonRef[];
}

export interface LadderStatusRow {
  pending: number;
  lastFullRecomputeAt: Date | null;
  appliedRulesVersion: number | null;
  rulesVersion: number;
}

const PERIOD_COLUMNS = `actor_id AS "actorId", valid_from::text AS "validFrom", valid_to::text AS "validTo", step,
  from_step AS "fromStep", rules_version AS "rulesVersion", reasons`;

/** Reads and writes ladder placements. The rules themselves are pure (libs/domain); this runs them in SQL. */
export class LadderRepository {
  constructor(private readonly em: EntityManager) {}

  /** The rule set in force: the highest version. */
  async currentRules(): Promise<RuleSet> {
    const [row] = await this.em.query(
      `SELECT version, definition FROM ladder_rule_set ORDER BY version DESC LIMIT 1`,
    );
    if (!row) throw new Error('no ladder rule set: run the migrations');
    return parseRuleSet(row.version, row.definition);
  }

  /** Places the given actors afresh: their old periods go, the computed ones come, in the caller's transaction. */
  async recompute(actorIds: readonly string[], rules: RuleSet): Promise<void> {
    if (!actorIds.length) return;
    await this.em.query(`DELETE FROM ladder_period WHERE actor_id = ANY ($1::uuid[])`, [actorIds]);
    await this.em.query(insertPeriodsSql(rules), [actorIds, rules.version]);
  }

  /**
   * Takes the outbox marks of actors this transaction has locked, skipping marks another
   * transaction holds; a mark made meanwhile waits for this transaction and is then written again,
   * so it is never lost.
   */
  async claimOutbox(lockedActorIds: readonly string[]): Promise<string[]> {
    const rows: { actor_id: string }[] = await this.em.query(
      `SELECT actor_id FROM ladder_outbox WHERE actor_id = ANY ($1::uuid[]) FOR UPDATE SKIP LOCKED`,
      [lockedActorIds],
    );
    return rows.map((r) => r.actor_id);
  }

  async releaseOutbox(actorIds: readonly string[]): Promise<void> {
    if (actorIds.length)
      await this.em.query(`DELETE FROM ladder_outbox WHERE actor_id = ANY ($1::uuid[])`, [actorIds]);
  }

  /**
   * Clears the marks of actors a full-recomputation batch has locked, before it reads their
   * evidence: every mark it removes was committed before its statements' snapshots, so the batch
   * covers it. Marks not yet committed wait and are written again.
   */
  async clearOutboxOf(lockedActorIds: readonly string[]): Promise<void> {
    await this.em.query(`DELETE FROM ladder_outbox WHERE actor_id = ANY ($1::uuid[])`, [lockedActorIds]);
  }

  async finishFullRecompute(rulesVersion: number): Promise<void> {
    await this.em.query(`UPDATE ladder_state SET rules_version = $1, last_full_recompute_at = now()`, [
      rulesVersion,
    ]);
  }

  /** The next batch of actor ids after `after`, in id order, for a full recomputation. */
  async actorIdBatch(after: string | null, size: number): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM actor WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      [after, size],
    );
    return rows.map((r) => r.id);
  }

  async status(): Promise<LadderStatusRow> {
    const [row] = await this.em.query(`
      SELECT (SELECT count(*)::int FROM ladder_outbox) AS pending,
             s.last_full_recompute_at AS "lastFullRecomputeAt",
             s.rules_version AS "appliedRulesVersion",
             (SELECT max(version) FROM ladder_rule_set) AS "rulesVersion"
      FROM ladder_state s`);
    return row;
  }

  /** The period each actor stood in on a day (absent: not engaged). */
  async periodsOn(actorIds: readonly string[], day: CalendarDate): Promise<PeriodRow[]> {
    if (!actorIds.length) return [];
    return this.em.query(
      `SELECT ${PERIOD_COLUMNS} FROM ladder_period
       WHERE actor_id = ANY ($1::uuid[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
      [actorIds, day],
    );
  }

  /** Every period of each actor that had begun by `day`, oldest first. */
  async periodsUntil(actorIds: readonly string[], day: CalendarDate): Promise<PeriodRow[]> {
    if (!actorIds.length) return [];
    return this.em.query(
      `SELECT ${PERIOD_COLUMNS} FROM ladder_period WHERE actor_id = ANY ($1::uuid[]) AND valid_from <= $2::date
       ORDER BY actor_id, valid_from`,
      [actorIds, day],
    );
  }
}
