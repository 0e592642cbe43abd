import { APP_CONFIG, AppConfig, PersistenceModule } from '@crm/persistence';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { WorkerReadiness } from './worker-readiness.service';

/** The worker's root module: the same persistence as the API, plus BullMQ's Redis connection. */
@Module({
  imports: [
    PersistenceModule.forRoot('crm-worker'),
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
  ],
  providers: [WorkerReadiness],
})
export class WorkerModule {}
