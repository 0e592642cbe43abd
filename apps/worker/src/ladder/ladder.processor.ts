import {
  APP_CONFIG,
  type AppConfig,
  jobIdFor,
  LadderJobItem,
  JobName,
  LADDER_ORGANISATION_QUEUE,
  LADDER_QUEUE,
  LadderRecomputer,
} from '@crm/persistence';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Thin: unpacks a ladder job and hands it to the recomputer. Payloads hold ids only. */
@Processor(LADDER_QUEUE, { concurrency: 4 })
export class LadderProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('LadderProcessor');
  private readonly recomputer: LadderRecomputer;

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(LADDER_ORGANISATION_QUEUE) private readonly organisations: Queue,
  ) {
    super();
    this.recomputer = new LadderRecomputer(dataSource);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<number> {
    const item = { name: job.name, data: job.data } as LadderJobItem;
    switch (item.name) {
      case JobName.LadderRecomputeActor: {
        const { actorId } = item.data;
        const placed = await placeUntilClean(this.recomputer, actorId);
        const organisationId = await this.recomputer.markedOrganisationOf(actorId);
        if (organisationId) {
          await this.organisations.add(
            JobName.LadderRecomputeActor,
            { actorId: organisationId },
            { jobId: jobIdFor.actor(organisationId), removeOnComplete: true, removeOnFail: true },
          );
        }
        return placed;
      }
      case JobName.LadderRecomputeAll: {
        const started = Date.now();
        let lastLogged = 0;
        const rules = await this.recomputer.recomputeAll(this.config.LADDER_BATCH_SIZE, async (done) => {
          await job.updateProgress(done);
          if (done - lastLogged >= 100_000) {
            lastLogged = done;
            this.logger.log(`full recomputation: ${done} actors placed`);
          }
        });
        this.logger.log(`full recomputation with rules v${rules.version} done in ${Date.now() - started} ms`);
        return 0;
      }
      default: {
        const unknown: never = item;
        throw new Error(`no handler for job ${(unknown as { name: string }).name}`);
      }
    }
  }
}

/**
 * Places one actor. A notice sent while its job runs finds the job id still taken and is dropped,
 * and a mark held by an uncommitted check-in is skipped: so look again, briefly, until the actor is
 * clean (bounded: the sweep is the backstop).
 */
async function placeUntilClean(recomputer: LadderRecomputer, actorId: string): Promise<number> {
  let placed = 0;
  for (let round = 0; round < 10; round += 1) {
    placed += await recomputer.recomputeMarked(actorId);
    if (!(await recomputer.stillMarked(actorId))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return placed;
}

/** Places organisations whose people changed, one at a time, apart from the people's queue. */
@Processor(LADDER_ORGANISATION_QUEUE, { concurrency: 1 })
export class OrganisationLadderProcessor extends WorkerHost {
  private readonly recomputer: LadderRecomputer;

  constructor(dataSource: DataSource) {
    super();
    this.recomputer = new LadderRecomputer(dataSource);
  }

  async process(job: Job<{ actorId: string }>): Promise<number> {
    return placeUntilClean(this.recomputer, job.data.actorId);
  }
}
