import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sqlStateOf } from '../database-errors';
import { rowsOf } from '../sql';
import { RETENTION_RULES, RETENTION_RUN_ORDER, RetentionRuleCode, windowStartOf } from './retention-rules';
import {
  RetentionRepository,
  RetentionRuleOutcome,
  RetentionRunRow,
  RetentionRunStatus,
  RetentionTrigger,
} from './retention.repository';

/** Held (session level) by whoever executes runs: one run at a time, across every worker. */
export const RETENTION_RUN_LOCK = 0x7265_7432; // 'ret2'

/** The time a run is as of. A class so the worker and the API inject it and tests set it. */
export class RetentionClock {
  now(): Date {
    return new Date();
  }
}

/** Another process is executing a retention run; the job is retried later. */
export class RetentionBusyError extends Error {
  constructor() {
    super('another retention run is being executed');
    this.name = 'RetentionBusyError';
  }
}

/**
 * Executes retention runs: each enabled rule in its own transactions (a batch each); per rule in
 * the run row its count, decision reference and window start; DONE — or FAILED with a text that
 * names the rule and the error class, never a value. Idempotent: what a run touched is no longer
 * due, so a second run with the same clock touches nothing.
 */
export class RetentionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /** Executes a run (a manual one the API started); a run already finished is answered as it is. */
  execute(runId: string): Promise<RetentionRunRow | null> {
    return this.locked(async (runner) => {
      const run = await new RetentionRepository(runner.manager).run(runId);
      if (!run || run.status !== RetentionRunStatus.RUNNING) return run;
      return this.executeLocked(runner, run);
    });
  }

  /**
   * The nightly run as of `now`. Runs left RUNNING (a manual run whose job was lost, a worker that
   * stopped mid-run) are executed first, then the scheduled one. `fire` names the scheduler's fire
   * (its BullMQ job id, the same over the job's retries): a retry of a fire whose run FAILED executes
   * that run again (same row, same as_of), and one whose run is DONE executes nothing. Answers the
   * runs it executed, or the fire's run already DONE.
   */
  runScheduled(now: Date, fire: string | null = null): Promise<RetentionRunRow[]> {
    return this.locked(async (runner) => {
      const repository = new RetentionRepository(runner.manager);
      const done: RetentionRunRow[] = [];
      for (const pending of await repository.running()) done.push(await this.executeLocked(runner, pending));
      const earlier = fire === null ? null : await repository.scheduledRun(fire);
      if (earlier?.status === RetentionRunStatus.DONE) {
        if (!done.some((run) => run.id === earlier.id)) done.push(earlier);
        return done;
      }
      const run =
        (earlier && (await repository.reopenRun(earlier.id))) ??
        (await repository.insertRun(RetentionTrigger.SCHEDULE, now, null, fire));
      done.push(await this.executeLocked(runner, run));
      return done;
    });
  }

  private async executeLocked(runner: QueryRunner, run: RetentionRunRow): Promise<RetentionRunRow> {
    const repository = new RetentionRepository(runner.manager);
    // A run executed again (a retried nightly fire) adds to what its earlier attempts touched.
    const outcomes = new Map(run.rules.map((outcome) => [outcome.code, outcome]));
    const record = (outcome: RetentionRuleOutcome) =>
      outcomes.set(outcome.code, {
        ...outcome,
        count: (outcomes.get(outcome.code)?.count ?? 0) + outcome.count,
      });
    const recorded = () =>
      [...outcomes.values()].sort(
        (a, b) => RETENTION_RUN_ORDER.indexOf(a.code) - RETENTION_RUN_ORDER.indexOf(b.code),
      );
    let current: RetentionRuleCode | null = null;
    try {
      const rules = (await repository.rules()).filter((rule) => rule.enabled);
      rules.sort((a, b) => RETENTION_RUN_ORDER.indexOf(a.code) - RETENTION_RUN_ORDER.indexOf(b.code));
      for (const rule of rules) {
        current = rule.code;
        const definition = RETENTION_RULES[rule.code];
        const windowStart = await windowStartOf(runner.manager, run.asOf, rule.keepAmount, rule.keepUnit);
        const scope = { windowStart, retentionRunId: run.id, decisionReference: rule.decisionReference };
        let touched = 0;
        try {
          let after: string | null = null;
          for (;;) {
            // READ COMMITTED whatever the server's default: each statement sees what is committed
            // before it (the inactive-persons rule re-checks its locked candidates that way).
            const batch = await runner.manager.transaction('READ COMMITTED', (em: EntityManager) =>
              definition.apply(em, scope, definition.batch, after),
            );
            touched += batch.touched;
            after = batch.after;
            if (!batch.more) break;
          }
        } finally {
          // Also for the rule that fails: the batches it committed before are done.
          record({ code: rule.code, count: touched, decisionReference: rule.decisionReference, windowStart });
        }
      }
      return await repository.finishRun(run.id, RetentionRunStatus.DONE, recorded(), null);
    } catch (error) {
      // The database's message can quote a value: the run keeps the rule and the error class only.
      const cause = sqlStateOf(error) ?? (error instanceof Error ? error.name : 'okänt fel');
      await repository.finishRun(
        run.id,
        RetentionRunStatus.FAILED,
        recorded(),
        `Gallringen avbröts vid regeln ${current ?? '(ingen)'} (${cause})`,
      );
      throw new Error(`retention run ${run.id} failed at rule ${current ?? '(none)'}`, { cause: error });
    }
  }

  /** Runs `work` on one connection holding the run lock, or throws RetentionBusyError. */
  private async locked<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = rowsOf(
        await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RETENTION_RUN_LOCK]),
      );
      if (!row.locked) throw new RetentionBusyError();
      try {
        return await work(runner);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [RETENTION_RUN_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
