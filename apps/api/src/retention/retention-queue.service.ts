import { APP_CONFIG, type AppConfig, RETENTION_QUEUE, retentionRunJob } from '@crm/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueSender } from '../common/queue-sender';

/** Tells the worker a manual retention run is waiting; the nightly run executes it if Redis is down. */
@Injectable()
export class RetentionQueue extends QueueSender {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(RETENTION_QUEUE, config, new Logger('RetentionQueue'));
  }

  enqueue(runId: string): Promise<void> {
    return this.send(retentionRunJob(runId), `retention run ${runId}`);
  }
}
