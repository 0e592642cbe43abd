import { APP_CONFIG, type AppConfig, jobIdFor, JobName, LADDER_QUEUE, redisOptions } from '@crm/persistence';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { GraphQLError } from 'graphql';

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
      connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined); // a Redis outage is covered by the sweep
  }

  async notify(actorIds: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(actorIds.filter((id): id is string => Boolean(id)))];
    if (!ids.length) return;
    try {
      await withinTime(
        this.queue.addBulk(
          ids.map((actorId) => ({
            name: JobName.LadderRecomputeActor,
            data: { actorId },
            opts: { jobId: jobIdFor.actor(actorId), removeOnComplete: true, removeOnFail: true },
          })),
        ),
        NOTIFY_TIMEOUT_MS,
      );
    } catch (error) {
      this.logger.warn(`could not notify the worker (the sweep will catch up): ${(error as Error).message}`);
    }
  }

  /** Asks the worker for a full recomputation; one at a time (a deterministic job id). */
  async requestFullRecompute(userId: string): Promise<void> {
    try {
      await withinTime(
        this.queue.add(
          JobName.LadderRecomputeAll,
          { requestedBy: userId },
          { jobId: jobIdFor.all(), removeOnComplete: true, removeOnFail: true },
        ),
        NOTIFY_TIMEOUT_MS * 4,
      );
    } catch (error) {
      this.logger.warn(`could not queue a full recomputation: ${(error as Error).message}`);
      throw new GraphQLError('Jobbkön (Redis) svarar inte: försök igen om en stund', {
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await withinTime(this.queue.close(), 2_000).catch(() => this.queue.disconnect());
  }
}

/**
 * BullMQ waits for a connection that may never come; a user's write must not. A notice that times
 * out may still be delivered later, which is harmless: the job finds the outbox clean or not.
 */
const NOTIFY_TIMEOUT_MS = 500;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
