import { APP_CONFIG, AppConfig, quarterlyReportJob, redisOptions, REPORT_QUEUE } from '@crm/persistence';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';

/**
 * Tells the worker a report version is waiting. The report row is the record of truth: if Redis
 * does not answer, the worker's recovery timer finds the PENDING report within a few minutes.
 */
@Injectable()
export class ReportQueue implements OnModuleDestroy {
  private readonly logger = new Logger('ReportQueue');
  private readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(REPORT_QUEUE, {
      connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue(reportId: string): Promise<void> {
    const job = quarterlyReportJob(reportId);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(job.name, job.data, job.opts),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer from Redis within 1000 ms')), 1_000);
        }),
      ]);
    } catch (error) {
      this.logger.warn(
        `report ${reportId} not queued (the worker will find it): ${(error as Error).message}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => this.queue.disconnect());
  }
}
