import type { EntityManager } from 'typeorm';
import { sqlStateOf } from '../database-errors';
import { rowsOf } from '../sql';
import {
  countDue,
  RETENTION_RULE_ORDER,
  RETENTION_RULES,
  RetentionRuleCode,
  RetentionUnit,
  windowStartOf,
} from './retention-rules';

export enum RetentionTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}

export enum RetentionRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export interface RetentionRuleRow {
  code: RetentionRuleCode;
  /** In Swedish: what the rule does. */
  description: string;
  keepAmount: number;
  keepUnit: RetentionUnit;
  requiresDecision: boolean;
  decisionReference: string | null;
  enabled: boolean;
  updatedAt: Date;
}

export interface RetentionRuleChange {
  keepAmount: number;
  keepUnit: RetentionUnit;
  decisionReference: string | null;
  enabled: boolean;
}

/** Records touched per rule code, for the rules that ran. Counts only, never names. */
export type RetentionCounts = Partial<Record<RetentionRuleCode, number>>;

/**
 * What one rule did in a run, and under what: the decision's reference and the window's start as
 * they were when the run applied the rule (the rule may be edited since). No personal data.
 */
export interface RetentionRuleOutcome {
  code: RetentionRuleCode;
  /** Records touched (over every attempt of a retried nightly run). */
  count: number;
  decisionReference: string | null;
  /** Records older than this (or persons without evidence since) were due. */
  windowStart: Date;
}

export interface RetentionRunRow {
  id: string;
  trigger: RetentionTrigger;
  asOf: Date;
  status: RetentionRunStatus;
  /** Per rule the run applied, in the order it applied them. */
  rules: RetentionRuleOutcome[];
  /** The same counts by rule code. */
  counts: RetentionCounts;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface RetentionPreviewRow {
  rule: RetentionRuleRow;
  count: number;
}

/** The preview's counts took longer than they were given (the statement timeout cancelled them). */
export class RetentionPreviewTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`the retention preview took longer than ${timeoutMs} ms`, options);
    this.name = 'RetentionPreviewTimeoutError';
  }
}

/** query_canceled: what a statement cancelled by statement_timeout fails with. */
const QUERY_CANCELED = '57014';

/** Serialises starting manual runs, so two presses at once make one run. */
const START_LOCK = 0x7265_7431; // 'ret1'

const RULE_COLUMNS = `code, keep_amount, keep_unit, requires_decision, decision_reference, enabled, updated_at`;
const RUN_COLUMNS = `id, trigger, as_of, status, rules, error, started_at, finished_at`;

function ruleOf(row: Record<string, unknown>): RetentionRuleRow {
  const code = row.code as RetentionRuleCode;
  return {
    code,
    description: RETENTION_RULES[code].description,
    keepAmount: row.keep_amount as number,
    keepUnit: row.keep_unit as RetentionUnit,
    requiresDecision: row.requires_decision as boolean,
    decisionReference: row.decision_reference as string | null,
    enabled: row.enabled as boolean,
    updatedAt: row.updated_at as Date,
  };
}

function runOf(row: Record<string, unknown>): RetentionRunRow {
  const rules = (
    row.rules as {
      code: RetentionRuleCode;
      count: number;
      decisionReference: string | null;
      windowStart: string;
    }[]
  ).map((rule): RetentionRuleOutcome => ({
    code: rule.code,
    count: rule.count,
    decisionReference: rule.decisionReference,
    windowStart: new Date(rule.windowStart),
  }));
  return {
    id: row.id as string,
    trigger: row.trigger as RetentionTrigger,
    asOf: row.as_of as Date,
    status: row.status as RetentionRunStatus,
    rules,
    counts: Object.fromEntries(rules.map((rule) => [rule.code, rule.count])),
    error: row.error as string | null,
    startedAt: row.started_at as Date,
    finishedAt: row.finished_at as Date | null,
  };
}

const byRuleOrder = (a: RetentionRuleRow, b: RetentionRuleRow) =>
  RETENTION_RULE_ORDER.indexOf(a.code) - RETENTION_RULE_ORDER.indexOf(b.code);

/** Retention rules (data, with the decision that allows each) and the record of every run. */
export class RetentionRepository {
  constructor(private readonly em: EntityManager) {}

  async rules(): Promise<RetentionRuleRow[]> {
    return rowsOf(await this.em.query(`SELECT ${RULE_COLUMNS} FROM retention_rule`))
      .map(ruleOf)
      .sort(byRuleOrder);
  }

  async rule(code: RetentionRuleCode, lock = false): Promise<RetentionRuleRow | null> {
    const [row] = rowsOf(
      await this.em.query(
        `SELECT ${RULE_COLUMNS} FROM retention_rule WHERE code = $1${lock ? ' FOR UPDATE' : ''}`,
        [code],
      ),
    );
    return row ? ruleOf(row) : null;
  }

  /** Changes a rule and answers it with the names of the fields that changed (for the audit row). */
  async updateRule(
    code: RetentionRuleCode,
    change: RetentionRuleChange,
    userId: string | null,
  ): Promise<{ rule: RetentionRuleRow; changedFields: string[] }> {
    const before = await this.rule(code, true);
    if (!before) throw new Error(`retention rule ${code} is missing`);
    const changedFields = (Object.keys(change) as (keyof RetentionRuleChange)[]).filter(
      (field) => change[field] !== before[field],
    );
    const [row] = rowsOf(
      await this.em.query(
        `UPDATE retention_rule
            SET keep_amount = $2, keep_unit = $3, decision_reference = $4, enabled = $5,
                updated_at = now(), updated_by = $6
          WHERE code = $1 RETURNING ${RULE_COLUMNS}`,
        [code, change.keepAmount, change.keepUnit, change.decisionReference, change.enabled, userId],
      ),
    );
    if (changedFields.length) {
      // audit_log.entity_id is a uuid: a rule's is derived from its code, the same every time.
      await this.em.query(
        `INSERT INTO audit_log (user_id, action, entity, entity_id, changed_fields)
         VALUES ($1, 'update', 'retention_rule', md5('retention_rule:' || $2)::uuid, $3)`,
        [userId, code, changedFields],
      );
    }
    return { rule: ruleOf(row), changedFields };
  }

  /**
   * Per rule, enabled or not, how many records a run at `now` would touch: the rules' own SQL
   * (RETENTION_RULES[code].due), so the preview and the run never disagree. With `timeoutMs`, the
   * whole preview gets that long (a statement timeout, local to the caller's transaction, for what
   * is left of it) and otherwise fails with RetentionPreviewTimeoutError.
   */
  async preview(now: Date, timeoutMs?: number): Promise<RetentionPreviewRow[]> {
    const deadline = timeoutMs === undefined ? null : Date.now() + timeoutMs;
    const result: RetentionPreviewRow[] = [];
    try {
      for (const rule of await this.rules()) {
        if (deadline !== null) {
          const left = Math.ceil(deadline - Date.now());
          if (left <= 0) throw new RetentionPreviewTimeoutError(timeoutMs as number);
          await this.em.query(`SELECT set_config('statement_timeout', $1, true)`, [`${left}ms`]);
        }
        const windowStart = await windowStartOf(this.em, now, rule.keepAmount, rule.keepUnit);
        result.push({ rule, count: await countDue(this.em, rule.code, windowStart) });
      }
    } catch (error) {
      if (deadline !== null && sqlStateOf(error) === QUERY_CANCELED)
        throw new RetentionPreviewTimeoutError(timeoutMs as number, { cause: error });
      throw error;
    }
    return result;
  }

  /** A new run, RUNNING; `scheduledFire` names the nightly fire it is (the fire's BullMQ job id). */
  async insertRun(
    trigger: RetentionTrigger,
    asOf: Date,
    requestedBy: string | null,
    scheduledFire: string | null = null,
  ): Promise<RetentionRunRow> {
    const [row] = rowsOf(
      await this.em.query(
        `INSERT INTO retention_run (trigger, as_of, requested_by, scheduled_fire) VALUES ($1, $2, $3, $4)
         RETURNING ${RUN_COLUMNS}`,
        [trigger, asOf, requestedBy, scheduledFire],
      ),
    );
    return runOf(row);
  }

  /** The run of a nightly fire, if an earlier attempt of the fire made one. */
  async scheduledRun(scheduledFire: string): Promise<RetentionRunRow | null> {
    const [row] = rowsOf(
      await this.em.query(`SELECT ${RUN_COLUMNS} FROM retention_run WHERE scheduled_fire = $1`, [
        scheduledFire,
      ]),
    );
    return row ? runOf(row) : null;
  }

  /**
   * A FAILED run RUNNING again, to be executed by a retry of its job: same id, same as_of (so the
   * same windows), its counts so far kept for the retry to add to. Null if it is not FAILED.
   */
  async reopenRun(id: string): Promise<RetentionRunRow | null> {
    const [row] = rowsOf(
      await this.em.query(
        `UPDATE retention_run SET status = 'RUNNING', error = NULL, finished_at = NULL
          WHERE id = $1 AND status = 'FAILED' RETURNING ${RUN_COLUMNS}`,
        [id],
      ),
    );
    return row ? runOf(row) : null;
  }

  /**
   * A manual run as of `asOf`, waiting for the worker; or, while a run is RUNNING (waiting or being
   * executed), that run: pressing twice makes one run. Serialised by a transaction-level lock.
   */
  async startManualRun(asOf: Date, requestedBy: string | null): Promise<RetentionRunRow> {
    await this.em.query(`SELECT pg_advisory_xact_lock($1)`, [START_LOCK]);
    const [running] = await this.running();
    return running ?? this.insertRun(RetentionTrigger.MANUAL, asOf, requestedBy);
  }

  async run(id: string): Promise<RetentionRunRow | null> {
    const [row] = rowsOf(await this.em.query(`SELECT ${RUN_COLUMNS} FROM retention_run WHERE id = $1`, [id]));
    return row ? runOf(row) : null;
  }

  /** Runs not finished, oldest first. */
  async running(): Promise<RetentionRunRow[]> {
    return rowsOf(
      await this.em.query(
        `SELECT ${RUN_COLUMNS} FROM retention_run WHERE status = 'RUNNING' ORDER BY started_at, id`,
      ),
    ).map(runOf);
  }

  /** The newest runs first. */
  async runs(first: number): Promise<RetentionRunRow[]> {
    return rowsOf(
      await this.em.query(
        `SELECT ${RUN_COLUMNS} FROM retention_run ORDER BY started_at DESC, id DESC LIMIT $1`,
        [first],
      ),
    ).map(runOf);
  }

  async finishRun(
    id: string,
    status: RetentionRunStatus.DONE | RetentionRunStatus.FAILED,
    rules: readonly RetentionRuleOutcome[],
    error: string | null,
  ): Promise<RetentionRunRow> {
    const [row] = rowsOf(
      await this.em.query(
        `UPDATE retention_run SET status = $2, rules = $3::jsonb, error = $4, finished_at = clock_timestamp()
          WHERE id = $1 AND status = 'RUNNING' RETURNING ${RUN_COLUMNS}`,
        [id, status, JSON.stringify(rules), error],
      ),
    );
    return runOf(row);
  }
}
