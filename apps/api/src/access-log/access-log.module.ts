import { Module } from '@nestjs/common';
import { AccessLogResolver } from './access-log.resolver';
import { AccessLogWriter } from './access-log.writer';

/**
 * The access log: the writer the GraphQL plugin (accessLogPlugin) hands reads to, and the ADMIN's
 * queries. The exports write their reads themselves (AccessLogRepository), next to their audit row.
 */
@Module({
  providers: [AccessLogWriter, AccessLogResolver],
  exports: [AccessLogWriter],
})
export class AccessLogModule {}
