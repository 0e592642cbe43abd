import { AppConfig, loadConfig } from '@crm/persistence';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { assertRedisReachable } from './redis-ready';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker: a Nest application context (no HTTP) running the BullMQ processors and the
 * outbox sweep. Redis is checked first, so a worker without Redis fails its start instead of
 * creating queues that reconnect forever; PostgreSQL is checked by the DataSource as it connects.
 */
export async function startWorker(config: AppConfig = loadConfig()): Promise<INestApplicationContext> {
  await assertRedisReachable(config.REDIS_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log('worker started: PostgreSQL and Redis reachable');
  return app;
}
