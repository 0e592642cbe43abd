import {
  APP_CONFIG,
  AppConfig,
  REGISTRATION_IMPORT_QUEUE,
  redisOptions,
  registrationImportJob,
} from '@crm/persistence';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';

/**
 * Tells the worker an import is waiting. The import row is the record of truth: if Redis does not
 * answer, the worker's recovery timer finds the PENDING import within a minute.
 */
@Injectable()
export class ImportQueue implements OnModuleDestroy {
  private readonly logger = new Logger('ImportQueue');
  private readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(REGISTRATION_IMPORT_QUEUE, {
      connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue(importId: string): Promise<void> {
    const job = registrationImportJob(importId);
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
        `import ${importId} not queued (the worker will find it): ${(error as Error).message}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => this.queue.disconnect());
  }
}
