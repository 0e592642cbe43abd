import { APP_CONFIG, AppConfig, jobIdFor, JobName, LADDER_QUEUE } from '@crm/persistence';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';

/**
 * Tells the worker, after a transaction has committed, which actors' evidence changed. The outbox
 * (written by database triggers in that transaction) is the record of truth; this is only the fast
 * path. If Redis is down the notice is dropped and the worker's periodic sweep finds the outbox rows.
 */
@Injectable()
export class LadderNotifier implements OnModuleDestroy {
  private readonly logger = new Logger('LadderNotifier');
  private readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(LADDER_QUEUE, {
      connection: { url: config.REDIS_URL, maxRetriesPerRequest: 1, enableOfflineQueue: false },
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined); // a Redis outage is covered by the sweep
  }

  async notify(actorIds: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(actorIds.filter((id): id is string => Boolean(id)))];
    if (!ids.length) return;
    try {
      await this.queue.addBulk(
        ids.map((actorId) => ({
          name: JobName.LadderRecomputeActor,
          data: { actorId },
          opts: { jobId: jobIdFor.actor(actorId), removeOnComplete: true, removeOnFail: 100 },
        })),
      );
    } catch (error) {
      this.logger.warn(`could not notify the worker (the sweep will catch up): ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
