import {
  ErasureLedgerExporter,
  JobName,
  JobPayloads,
  RETENTION_QUEUE,
  RETENTION_SCHEDULE,
  RETENTION_SCHEDULER_ID,
  RetentionClock,
  RetentionRunner,
  RetentionRunRow,
} from '@crm/persistence';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';

/**
 * Retention (gallring): a BullMQ job scheduler fires every night at 02:30 Europe/Stockholm and runs
 * the enabled rules as of that moment; a run an ADMIN started (runRetention) arrives as its own job
 * with the run's id. One job at a time here, and one run at a time across workers (the runner's lock).
 * A retry of a nightly fire re-uses the fire's run row (the job id names the fire). After every run,
 * done or failed, the erasure ledger is written to ERASURE_LEDGER_EXPORT_DIR when it is set; a
 * failed export fails the job, whose retry writes it again (a run already DONE is not redone).
 * The log names runs by id and counts only.
 */
@Processor(RETENTION_QUEUE, { concurrency: 1 })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly runner: RetentionRunner,
    private readonly clock: RetentionClock,
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    private readonly ledger: ErasureLedgerExporter,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { pattern: RETENTION_SCHEDULE.pattern, tz: RETENTION_SCHEDULE.tz },
      {
        name: JobName.RetentionNightly,
        data: {} satisfies JobPayloads[JobName.RetentionNightly],
        opts: {
          attempts: 6,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: true,
          removeOnFail: 50,
        },
      },
    );
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RetentionNightly:
        return this.thenExportLedger(async () => {
          for (const run of await this.runner.runScheduled(this.clock.now(), fireOf(job))) this.report(run);
        });
      case JobName.RetentionRun: {
        const { runId } = job.data as JobPayloads[JobName.RetentionRun];
        return this.thenExportLedger(async () => {
          const run = await this.runner.execute(runId);
          if (run) this.report(run);
          else this.logger.warn(`retention run ${runId} not found`);
        });
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }

  /** Runs `work`, then writes the ledger file (also when `work` failed: a failed run may have culled). */
  private async thenExportLedger(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await this.exportLedger().catch((exportError: unknown) =>
        this.logger.error(`erasure ledger not exported: ${(exportError as Error).message}`),
      );
      throw error;
    }
    await this.exportLedger();
  }

  private async exportLedger(): Promise<void> {
    const written = await this.ledger.export(this.clock.now());
    if (written) this.logger.log(`erasure ledger exported: ${written.entries} rows to ${written.file}`);
  }

  private report(run: RetentionRunRow): void {
    const counts = Object.entries(run.counts)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ');
    this.logger.log(`retention run ${run.id} (${run.trigger}) ${run.status}: ${counts || 'no rule enabled'}`);
  }
}

/**
 * Names a nightly fire, the same over the job's retries: its id (a scheduler's is
 * `repeat:<scheduler>:<time>`) and when it was made, so a job added by hand after Redis lost its
 * counters never takes the name of an older one.
 */
export function fireOf(job: Job): string {
  return `${job.id}@${job.timestamp}`;
}
