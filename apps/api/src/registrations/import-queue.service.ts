import {
  APP_CONFIG,
  type AppConfig,
  REGISTRATION_IMPORT_QUEUE,
  registrationImportJob,
} from '@crm/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueSender } from '../common/queue-sender';

/** Tells the worker an uploaded list is waiting; the worker's timer finds it if Redis is down. */
@Injectable()
export class ImportQueue extends QueueSender {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(REGISTRATION_IMPORT_QUEUE, config, new Logger('ImportQueue'));
  }

  enqueue(importId: string): Promise<void> {
    return this.send(registrationImportJob(importId), `import ${importId}`);
  }
}
