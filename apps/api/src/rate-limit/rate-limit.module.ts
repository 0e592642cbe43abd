import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { Module } from '@nestjs/common';
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
 * counted by the AnonymousBudgetMiddleware, which hardenHttp (apps/api/src/security/http-hardening.ts)
 * puts in front of every route before the body parsers, so not even a body is read past the budget.
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
  providers: [RateLimitService, RateLimitedStatusPlugin, AnonymousBudgetMiddleware],
  exports: [RateLimitService, AnonymousBudgetMiddleware],
})
export class RateLimitModule {}
