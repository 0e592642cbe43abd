import { RetentionClock } from '@crm/persistence';
import { Module } from '@nestjs/common';
import { RetentionQueue } from './retention-queue.service';
import { RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

/** Retention rules (gallring) as data, their preview and their runs (issue 12, item 4). */
@Module({
  providers: [RetentionClock, RetentionQueue, RetentionService, RetentionResolver],
})
export class RetentionModule {}
