import { SetMetadata } from '@nestjs/common';
import { HandlerBudget } from './budgets';

export const RATE_LIMIT_KEY = 'crm:rate-limit';

/**
 * Counts each call of this handler against a budget of its own (per user), besides the request's read
 * or write budget: `@RateLimit('uploads')`, `@RateLimit('reportOrders')`.
 */
export const RateLimit = (budget: HandlerBudget) => SetMetadata(RATE_LIMIT_KEY, budget);
