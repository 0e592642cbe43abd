import {
  APP_CONFIG,
  type AppConfig,
  jobIdFor,
  JobName,
  LADDER_QUEUE,
  LadderRecomputer,
  LadderRepository,
} from '@crm/persistence';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * The backstop that makes the outbox lose nothing: on a timer that does not depend on Redis, it
 * places every actor still marked (marks made while Redis or the worker was down, notices the queue
 * dropped). At start it also asks for a full recomputation when the rules changed since the last one.
 */
@Injectable()
export class LadderSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LadderSweeper');
  private readonly recomputer: LadderRecomputer;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(LADDER_QUEUE) private readonly queue: Queue,
  ) {
    this.recomputer = new LadderRecomputer(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    const status = await new LadderRepository(this.dataSource.manager).status();
    if (status.appliedRulesVersion !== status.rulesVersion) {
      this.logger.log(
        `rules v${status.rulesVersion} not yet applied (last: ${status.appliedRulesVersion ?? 'none'}): full recomputation`,
      );
      await this.queue.add(
        JobName.LadderRecomputeAll,
        { requestedBy: null },
        { jobId: jobIdFor.all(), removeOnComplete: true, removeOnFail: true },
      );
    }
    this.timer = setInterval(() => void this.sweep(), this.config.LADDER_SWEEP_INTERVAL_MS);
    void this.sweep();
  }

  /** One sweep at a time in this process; an advisory lock keeps two worker processes from sweeping together. */
  sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('ladder.sweep')) AS locked`,
      );
      if (!locked) return;
      try {
        const placed = await this.recomputer.drainOutbox();
        if (placed) this.logger.log(`sweep placed ${placed} marked actor(s)`);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('ladder.sweep'))`);
      }
    } catch (error) {
      this.logger.warn(`sweep failed, will retry: ${(error as Error).message}`);
    } finally {
      await runner.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
