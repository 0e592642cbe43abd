import {
  ACCESS_LOG_QUEUE,
  ACCESS_LOG_SUMMARY_SCHEDULE,
  ACCESS_LOG_SUMMARY_SCHEDULER_ID,
  AccessLogRepository,
  AccessLogWeek,
  JobName,
  lastWholeWeekStart,
} from '@crm/persistence';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * The weekly follow-up of the access log for the data protection officer: a BullMQ job scheduler
 * fires Mondays at 06:00 Europe/Stockholm and summarises the week (Monday to Monday) that ended: per
 * user the reads, the distinct persons and whether the volume is unusual (ACCESS_LOG_RULE). Counts
 * and user ids only. Running it again for the same week replaces that week's summary.
 */
@Processor(ACCESS_LOG_QUEUE, { concurrency: 1 })
export class AccessLogSummaryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccessLogSummary');

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(ACCESS_LOG_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ACCESS_LOG_SUMMARY_SCHEDULER_ID,
      { pattern: ACCESS_LOG_SUMMARY_SCHEDULE.pattern, tz: ACCESS_LOG_SUMMARY_SCHEDULE.tz },
      {
        name: JobName.AccessLogWeeklySummary,
        data: {},
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
    if (job.name !== JobName.AccessLogWeeklySummary) throw new Error(`no handler for job ${job.name}`);
    const week = await this.summarise(new Date(job.processedOn ?? Date.now()));
    this.logger.log(
      `access log week ${week.weekStart}: ${week.reads} reads by ${week.users} users, ${week.flaggedUsers} flagged`,
    );
  }

  /** Summarises the last whole week before `now` (a Monday 06:00 run: the week that just ended). */
  summarise(now: Date): Promise<AccessLogWeek> {
    return this.dataSource.transaction(async (em) =>
      new AccessLogRepository(em).summariseWeek(await lastWholeWeekStart(em, now)),
    );
  }
}
