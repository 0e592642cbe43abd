import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AnonymousBudgetMiddleware } from './anonymous-budget.middleware';
import { throttlersFrom } from './budgets';
import { RateLimitService } from './rate-limit.service';
import { RateLimitedStatusPlugin } from './rate-limited-status.plugin';
import { ResilientThrottlerStorage } from './resilient-storage';

/**
 * Rate limits (@nestjs/throttler, counts in Redis shared by every API process). The AuthGuard applies
 * them through RateLimitService, after it has decided who is calling: Nest's own ThrottlerGuard keys
 * every handler separately and runs once per GraphQL field, where a budget here is per user and
 * operation, and per address for failed authentication only. Requests that never reach a handler
 * (GraphQL parse or validation failures, `{ __typename }`, unknown routes) and the public /health are
 * counted by the AnonymousBudgetMiddleware, registered here for every route.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: throttlersFrom(config),
        storage: new ResilientThrottlerStorage(config.REDIS_URL, new Set(['anonymous', 'authFailures'])),
      }),
    }),
  ],
  providers: [RateLimitService, RateLimitedStatusPlugin],
  exports: [RateLimitService],
})
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AnonymousBudgetMiddleware).forRoutes('{*path}');
  }
}
