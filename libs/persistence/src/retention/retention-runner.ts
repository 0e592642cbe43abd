import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sqlStateOf } from '../database-errors';
import { rowsOf } from '../sql';
import { RETENTION_RULES, RETENTION_RUN_ORDER, RetentionRuleCode, windowStartOf } from './retention-rules';
import {
  RetentionCounts,
  RetentionRepository,
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
 * Executes retention runs: each enabled rule in its own transactions (a batch each), counts per
 * rule code in the run row, DONE — or FAILED with a text that names the rule and the error class,
 * never a value. Idempotent: what a run touched is no longer due, so a second run with the same
 * clock touches nothing.
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
   * stopped mid-run) are executed first, then the scheduled one. Answers the runs it executed.
   */
  runScheduled(now: Date): Promise<RetentionRunRow[]> {
    return this.locked(async (runner) => {
      const repository = new RetentionRepository(runner.manager);
      const done: RetentionRunRow[] = [];
      for (const pending of await repository.running()) done.push(await this.executeLocked(runner, pending));
      const run = await repository.insertRun(RetentionTrigger.SCHEDULE, now, null);
      done.push(await this.executeLocked(runner, run));
      return done;
    });
  }

  private async executeLocked(runner: QueryRunner, run: RetentionRunRow): Promise<RetentionRunRow> {
    const repository = new RetentionRepository(runner.manager);
    const counts: RetentionCounts = {};
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
        for (;;) {
          const batch = await runner.manager.transaction((em: EntityManager) =>
            definition.apply(em, scope, definition.batch),
          );
          touched += batch;
          if (batch === 0) break;
        }
        counts[rule.code] = touched;
      }
      return await repository.finishRun(run.id, RetentionRunStatus.DONE, counts, null);
    } catch (error) {
      // The database's message can quote a value: the run keeps the rule and the error class only.
      const cause = sqlStateOf(error) ?? (error instanceof Error ? error.name : 'okänt fel');
      await repository.finishRun(
        run.id,
        RetentionRunStatus.FAILED,
        counts,
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
