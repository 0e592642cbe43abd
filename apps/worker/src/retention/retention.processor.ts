import {
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
 * The log names runs by id and counts only.
 */
@Processor(RETENTION_QUEUE, { concurrency: 1 })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly runner: RetentionRunner,
    private readonly clock: RetentionClock,
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
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
        for (const run of await this.runner.runScheduled(this.clock.now())) this.report(run);
        return;
      case JobName.RetentionRun: {
        const { runId } = job.data as JobPayloads[JobName.RetentionRun];
        const run = await this.runner.execute(runId);
        if (run) this.report(run);
        else this.logger.warn(`retention run ${runId} not found`);
        return;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }

  private report(run: RetentionRunRow): void {
    const counts = Object.entries(run.counts)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ');
    this.logger.log(`retention run ${run.id} (${run.trigger}) ${run.status}: ${counts || 'no rule enabled'}`);
  }
}
