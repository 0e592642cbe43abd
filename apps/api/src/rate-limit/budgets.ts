import { AppConfig } from '@crm/persistence';
import { ThrottlerOptions } from '@nestjs/throttler';

/**
 * The budgets, one @nestjs/throttler throttler each, all over RATE_LIMIT_WINDOW_MS:
 * - `anonymous`: requests without a bearer token per client address, on every route, counted by the
 *   AnonymousBudgetMiddleware before routing and GraphQL parsing;
 * - `authFailures`: failed authentications per client address (signed-in traffic is never counted per address);
 * - `reads` / `writes`: GraphQL queries / mutations (one per operation, however many root fields) and REST
 *   GET / other requests, per user;
 * - `uploads` / `reportOrders` / `aggregates`: the handlers marked with @RateLimit, per user and call, on
 *   top of the above (an aggregate per root field, so aliases each count);
 * - `exports`: list downloads (GET /exports/…), register extracts (`personalDataExport` and GET
 *   /personal-data-exports/…), per user, a budget of their own: a marked REST handler is charged to it
 *   instead of `reads` (RATE_LIMIT_EXPORTS).
 */
export const BUDGETS = [
  'anonymous',
  'authFailures',
  'reads',
  'writes',
  'uploads',
  'reportOrders',
  'aggregates',
  'exports',
] as const;
export type Budget = (typeof BUDGETS)[number];

/** The budgets a handler can be marked with (see @RateLimit). */
export type HandlerBudget = Extract<Budget, 'uploads' | 'reportOrders' | 'aggregates' | 'exports'>;

const LIMIT_OF: Record<Budget, keyof AppConfig> = {
  anonymous: 'RATE_LIMIT_ANONYMOUS',
  authFailures: 'RATE_LIMIT_AUTH_FAILURES',
  reads: 'RATE_LIMIT_READS',
  writes: 'RATE_LIMIT_WRITES',
  uploads: 'RATE_LIMIT_UPLOADS',
  reportOrders: 'RATE_LIMIT_REPORT_ORDERS',
  aggregates: 'RATE_LIMIT_AGGREGATES',
  exports: 'RATE_LIMIT_EXPORTS',
};

/** Over a budget, the tracker stays refused until the window has passed (blockDuration = ttl). */
export function throttlersFrom(config: AppConfig): (ThrottlerOptions & { name: Budget })[] {
  return BUDGETS.map((name) => ({
    name,
    limit: config[LIMIT_OF[name]] as number,
    ttl: config.RATE_LIMIT_WINDOW_MS,
    blockDuration: config.RATE_LIMIT_WINDOW_MS,
  }));
}
