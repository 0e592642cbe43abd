import {
  DUPLICATE_QUEUE,
  DUPLICATE_SCAN_BATCH,
  DuplicateRepository,
  JobName,
  JobPayloads,
} from '@crm/persistence';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records likely duplicates of a batch of actors (queued by enqueueDuplicateScan after a
 * registration import): one transaction, one set-based scan per job. One job at a time, so two
 * scans never upsert the same pairs against each other.
 */
@Processor(DUPLICATE_QUEUE, { concurrency: 1 })
export class DuplicateScanProcessor extends WorkerHost {
  private readonly logger = new Logger('DuplicateScanProcessor');

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job): Promise<number> {
    if (job.name !== JobName.DuplicateScan) throw new Error(`no handler for job ${job.name}`);
    const { actorIds } = job.data as JobPayloads[JobName.DuplicateScan];
    if (!Array.isArray(actorIds) || actorIds.length > DUPLICATE_SCAN_BATCH) {
      throw new Error(`a duplicate scan takes up to ${DUPLICATE_SCAN_BATCH} actor ids`);
    }
    const ids = actorIds.filter((id) => typeof id === 'string' && UUID.test(id));
    const recorded = await this.dataSource.transaction((em) => new DuplicateRepository(em).scanFor(ids));
    if (recorded) this.logger.log(`duplicate scan of ${ids.length} actor(s) recorded ${recorded} pair(s)`);
    return recorded;
  }
}
