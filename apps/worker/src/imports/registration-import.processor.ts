import {
  APP_CONFIG,
  type AppConfig,
  AttendanceChangePublisher,
  enqueueDuplicateScan,
  DUPLICATE_QUEUE,
  JobName,
  REGISTRATION_IMPORT_QUEUE,
  RegistrationImportRepository,
  registrationImportJob,
} from '@crm/persistence';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LadderSweeper } from '../ladder/ladder-sweeper.service';
import { importLimitsOf } from './import-limits';
import { RegistrationImporter } from './registration-importer';

/** How long an import may wait in PENDING before the recovery timer queues it again. */
const LOST_AFTER_MS = 60_000;

/**
 * Runs uploaded registration lists one at a time. Payloads hold the import id only: the file is in
 * the database. Afterwards the ladder places everyone the list touched (the outbox triggers have
 * marked them) and the duplicate scan looks at the actors the list created.
 */
@Processor(REGISTRATION_IMPORT_QUEUE, { concurrency: 1 })
export class RegistrationImportProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('RegistrationImport');
  private readonly importer: RegistrationImporter;
  /** Tells the API processes that the event's attendance changed (ids only). */
  private readonly live: AttendanceChangePublisher;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeper: LadderSweeper,
    @InjectQueue(REGISTRATION_IMPORT_QUEUE) private readonly imports: Queue,
    @InjectQueue(DUPLICATE_QUEUE) private readonly duplicates: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.importer = new RegistrationImporter(dataSource, importLimitsOf(config));
    this.live = new AttendanceChangePublisher(config.REDIS_URL, config.QUEUE_PREFIX);
  }

  onApplicationBootstrap(): void {
    // An upload made while Redis was down, or a job lost with it, is found here.
    this.timer = setInterval(() => void this.requeueLost(), Math.max(LOST_AFTER_MS / 2, 1_000));
    void this.requeueLost();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.live.close();
  }

  async process(job: Job<{ importId: string }>): Promise<void> {
    if (job.name !== JobName.RegistrationImport) return;
    const { importId } = job.data;
    const started = Date.now();
    const outcome = await this.importer.run(importId, async (batch) => {
      if (!batch.createdActorIds.length) return;
      // Queued per committed batch. If Redis refuses, those actors stay unscanned (the warning
      // says so); they are paired when a later namesake is created.
      await enqueueDuplicateScan(this.duplicates, batch.createdActorIds).catch((error: Error) =>
        this.logger.warn(`could not queue the duplicate scan: ${error.message}`),
      );
    });
    if (!outcome) return;
    this.logger.log(
      `import ${importId} done in ${Date.now() - started} ms: ${outcome.touchedActorIds.length} participation(s) written`,
    );
    void this.sweeper.sweep();
    // Every batch has committed: live attendance counts follow (best effort; polling covers a miss).
    await this.live
      .publish([outcome.eventId])
      .catch((error: Error) => this.logger.warn(`could not publish the attendance change: ${error.message}`));
  }

  /** Retries are spent: the import is marked FAILED, so nobody waits for it forever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ importId: string }> | undefined, error: Error): Promise<void> {
    if (!job) return;
    // Database errors can quote the row's values: log the code only.
    const code = (error as { code?: string }).code ?? error.name;
    this.logger.warn(`import ${job.data.importId} attempt ${job.attemptsMade} failed (${code})`);
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await new RegistrationImportRepository(this.dataSource.manager).fail(
      job.data.importId,
      'Importen kunde inte slutföras på grund av ett tekniskt fel. Rader som hunnit sparas finns kvar; ladda upp filen igen för att fortsätta.',
    );
  }

  private async requeueLost(): Promise<void> {
    try {
      const lost = await new RegistrationImportRepository(this.dataSource.manager).unfinishedIds(
        LOST_AFTER_MS,
      );
      if (lost.length) await this.imports.addBulk(lost.map(registrationImportJob));
    } catch (error) {
      this.logger.warn(`could not look for unfinished imports: ${(error as Error).message}`);
    }
  }
}
