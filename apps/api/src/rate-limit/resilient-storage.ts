import { redisOptions } from '@crm/persistence';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import { Budget } from './budgets';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long the limiter waits for Redis at most: a request never hangs on the limiter. */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;
export const REDIS_COMMAND_TIMEOUT_MS = 500;

const NOT_COUNTED: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * The counts live in Redis (@nest-lab/throttler-storage-redis: one Lua script per hit), so every API
 * process shares them. Redis is asked with bounded timeouts and no offline queue, so an unreachable
 * Redis fails a hit at once instead of holding the request. Then the budgets named in `failClosed`
 * (anonymous requests and failed authentication, both per client address) are counted in this
 * process's memory, and every other budget lets the request through: the door keeps recording
 * check-ins while Redis is down.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly memory = new ThrottlerStorageService();
  private failing = false;

  constructor(
    redisUrl: string,
    private readonly failClosed: ReadonlySet<Budget>,
  ) {
    this.redis = new Redis(
      redisOptions(redisUrl, {
        connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        // Keep reconnecting in the background (every 2 s at most); hits fail fast meanwhile.
        retryStrategy: (times) => Math.min(times * 100, 2_000),
      }),
    );
    this.redis.on('error', (error: Error) => this.outage(error));
    this.redis.on('ready', () => {
      if (this.failing) this.recovered();
    });
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /**
   * Waits for the first connection attempt to succeed or fail, at most the connect timeout: the API
   * starts without Redis too.
   */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, REDIS_CONNECT_TIMEOUT_MS);
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.failing) this.recovered();
      return record;
    } catch (error) {
      this.outage(error);
      if (this.failClosed.has(throttlerName as Budget)) {
        // The memory store blocks a key for all its budgets at once (Redis keeps one per budget):
        // the budget goes into the key, so an address out of failed authentications keeps its
        // anonymous budget, and the other way round.
        return this.memory.increment(`${key}:${throttlerName}`, ttl, limit, blockDuration, throttlerName);
      }
      return NOT_COUNTED;
    }
  }

  close(): void {
    this.memory.onApplicationShutdown();
    this.redis.disconnect(false);
  }

  private recovered(): void {
    this.failing = false;
    this.logger.log('Redis answers again: the rate limits are counted in Redis again');
  }

  private outage(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(
      `Redis does not answer (${error instanceof Error ? error.message : 'unknown error'}): signed-in requests ` +
        'pass unlimited; anonymous requests and failed authentications are counted in this process until it ' +
        'answers again',
    );
  }
}
