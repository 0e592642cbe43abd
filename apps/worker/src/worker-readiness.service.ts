import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

/**
 * Proves at start-up that the worker reaches both PostgreSQL and Redis (a worker that starts without
 * them would sit silently), and closes its connection on shutdown.
 */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query('SELECT 1');
    try {
      await this.redis.connect();
      await this.redis.ping();
    } catch (error) {
      this.redis.disconnect(); // stop ioredis from reconnecting behind a worker that failed to start
      throw new Error('the worker cannot reach Redis', { cause: error });
    }
    this.logger.log('worker connected to PostgreSQL and Redis');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
