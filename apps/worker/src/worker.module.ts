import { APP_CONFIG, AppConfig, LADDER_QUEUE, PersistenceModule } from '@crm/persistence';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LadderSweeper } from './ladder/ladder-sweeper.service';
import { LadderProcessor } from './ladder/ladder.processor';

/** The worker's root module: the same persistence as the API, plus BullMQ's processors on Redis. */
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
    BullModule.registerQueue({ name: LADDER_QUEUE }),
  ],
  providers: [LadderProcessor, LadderSweeper],
})
export class WorkerModule {}
