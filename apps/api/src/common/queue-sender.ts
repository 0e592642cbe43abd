import { AppConfig, redisOptions } from '@crm/persistence';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';

/** How long a user's request waits for Redis to take a job. */
const SEND_TIMEOUT_MS = 1_000;

/**
 * Hands a job to the worker after the user's transaction has committed. The row the job is about
 * (an import, a report) is the record of truth: if Redis does not answer within a second the job
 * is left to the worker's recovery timer, which finds unfinished rows, and the request goes on.
 */
export abstract class QueueSender implements OnModuleDestroy {
  private readonly queue: Queue;

  protected constructor(
    queueName: string,
    config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue(queueName, {
      connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined); // an outage is covered by the recovery timer
  }

  /** `what` names the job in the log by ids only. */
  protected async send(job: { name: string; data: object; opts: JobsOptions }, what: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(job.name, job.data, job.opts),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer from Redis within ${SEND_TIMEOUT_MS} ms`)),
            SEND_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.logger.warn(`${what} not queued (the worker will find it): ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => this.queue.disconnect());
  }
}
