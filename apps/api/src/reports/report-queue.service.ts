import { APP_CONFIG, type AppConfig, quarterlyReportJob, REPORT_QUEUE } from '@crm/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueSender } from '../common/queue-sender';

/** Tells the worker a report version is waiting; the worker's timer finds it if Redis is down. */
@Injectable()
export class ReportQueue extends QueueSender {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(REPORT_QUEUE, config, new Logger('ReportQueue'));
  }

  enqueue(reportId: string): Promise<void> {
    return this.send(quarterlyReportJob(reportId), `report ${reportId}`);
  }
}
