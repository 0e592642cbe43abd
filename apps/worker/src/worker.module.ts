import {
  ACCESS_LOG_QUEUE,
  APP_CONFIG,
  AppConfig,
  DUPLICATE_QUEUE,
  ErasureLedgerExporter,
  LADDER_ORGANISATION_QUEUE,
  LADDER_QUEUE,
  PersistenceModule,
  redisOptions,
  REGISTRATION_IMPORT_QUEUE,
  REPORT_QUEUE,
  RETENTION_QUEUE,
  RetentionClock,
  RetentionRunner,
} from '@crm/persistence';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLogSummaryProcessor } from './access-log/access-log-summary.processor';
import { DuplicateScanProcessor } from './duplicates/duplicate-scan.processor';
import { LadderSweeper } from './ladder/ladder-sweeper.service';
import { LadderProcessor, OrganisationLadderProcessor } from './ladder/ladder.processor';
import { RegistrationImportProcessor } from './imports/registration-import.processor';
import { ReportProcessor } from './reports/report.processor';
import { RetentionProcessor } from './retention/retention.processor';

/** The worker's root module: the same persistence as the API, plus BullMQ's processors on Redis. */
@Module({
  imports: [
    PersistenceModule.forRoot('crm-worker'),
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: null }),
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    // Spelled out rather than inherited: the processor takes its queue's options, and a queue
    // registered without them listens under BullMQ's default prefix while the API writes under ours.
    ...[
      LADDER_QUEUE,
      LADDER_ORGANISATION_QUEUE,
      REGISTRATION_IMPORT_QUEUE,
      DUPLICATE_QUEUE,
      REPORT_QUEUE,
      ACCESS_LOG_QUEUE,
      RETENTION_QUEUE,
    ].map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          connection: redisOptions(config.REDIS_URL, { maxRetriesPerRequest: null }),
          prefix: config.QUEUE_PREFIX,
        }),
      }),
    ),
  ],
  providers: [
    LadderProcessor,
    OrganisationLadderProcessor,
    LadderSweeper,
    RegistrationImportProcessor,
    DuplicateScanProcessor,
    ReportProcessor,
    AccessLogSummaryProcessor,
    RetentionClock,
    {
      provide: RetentionRunner,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RetentionRunner(ds),
    },
    {
      provide: ErasureLedgerExporter,
      inject: [DataSource, APP_CONFIG],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new ErasureLedgerExporter(ds, config.ERASURE_LEDGER_EXPORT_DIR),
    },
    RetentionProcessor,
  ],
})
export class WorkerModule {}
