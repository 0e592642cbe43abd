import { QUARTERLY_REPORT_SCHEDULE, quarterEndedBefore, quarterLabel } from '@crm/domain';
import {
  APP_CONFIG,
  type AppConfig,
  JobName,
  QUARTERLY_REPORT_SCHEDULER_ID,
  quarterlyReportJob,
  REPORT_QUEUE,
  ReportRepository,
} from '@crm/persistence';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ReportGenerator } from './report-generator';

/** How long a report may wait before the recovery timer queues it again. */
const LOST_AFTER_MS = 120_000;

/**
 * The quarterly report: a BullMQ job scheduler fires at 02:00 Europe/Stockholm on the first day of
 * each quarter and makes a report of the quarter that ended; on-demand versions come from the API.
 * Generation is retried with backoff; a report whose attempts are spent is FAILED with the reason.
 */
@Processor(REPORT_QUEUE, { concurrency: 1 })
export class ReportProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QuarterlyReport');
  private readonly generator: ReportGenerator;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(REPORT_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.generator = new ReportGenerator(dataSource, config.DISCLOSURE_MIN_COUNT);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUARTERLY_REPORT_SCHEDULER_ID,
      { pattern: QUARTERLY_REPORT_SCHEDULE.pattern, tz: QUARTERLY_REPORT_SCHEDULE.tz },
      {
        name: JobName.QuarterlyReportScheduled,
        data: {},
        // A database away at 02:00 must not cost the committee its report: retry for about an hour.
        opts: {
          attempts: 6,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: true,
          removeOnFail: 50,
        },
      },
    );
    this.timer = setInterval(() => void this.requeueLost(), LOST_AFTER_MS / 2);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.QuarterlyReportScheduled: {
        // The run reports on the quarter that ended before the day it runs (1 April: January–March).
        const quarter = quarterEndedBefore(new Date(job.processedOn ?? Date.now()));
        const report = await this.dataSource.transaction((em) =>
          new ReportRepository(em).createScheduled(quarter),
        );
        if (!report) {
          this.logger.log(`${quarterLabel(quarter)} already has a report: the scheduled run adds none`);
          return;
        }
        const next = quarterlyReportJob(report.id);
        await this.queue.add(next.name, next.data, next.opts);
        return;
      }
      case JobName.QuarterlyReportGenerate: {
        const started = Date.now();
        const { reportId } = job.data as { reportId: string };
        if (await this.generator.generate(reportId)) {
          this.logger.log(`report ${reportId} ready in ${Date.now() - started} ms`);
        }
        return;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (job?.name !== JobName.QuarterlyReportGenerate) return;
    const { reportId } = job.data as { reportId: string };
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    // Error texts from the database can quote data: the log gets the kind of error only.
    const code = (error as { code?: string }).code ?? error.name;
    this.logger.warn(
      `report ${reportId} attempt ${job.attemptsMade} failed (${code})${final ? ': giving up' : ''}`,
    );
    await new ReportRepository(this.dataSource.manager).failAttempt(
      reportId,
      `Rapporten kunde inte tas fram efter ${job.attemptsMade} försök (${code}). Beställ en ny version eller kontakta support.`,
      final,
    );
  }

  private async requeueLost(): Promise<void> {
    try {
      const lost = await new ReportRepository(this.dataSource.manager).unfinishedIds(LOST_AFTER_MS);
      for (const id of lost) {
        const job = quarterlyReportJob(id);
        await this.queue.add(job.name, job.data, job.opts);
      }
    } catch (error) {
      this.logger.warn(`could not look for unfinished reports: ${(error as Error).message}`);
    }
  }
}
