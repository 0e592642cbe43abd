import { UserRepository } from '@crm/persistence';
import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/request-context';
import { hashToken } from '../auth/token';
import { RateLimitService } from './rate-limit.service';
import { RetryAfter, sendRateLimited } from './rate-limited';

/** The token of an `Authorization: Bearer <token>` header, or null (no header, another scheme, malformed). */
export function bearerToken(req: Request): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * Runs on every route before routing, so before GraphQL parses or validates anything and before
 * /health pings the database and Redis:
 * - a request without a bearer token counts against its client address's `anonymous` budget
 *   (RATE_LIMIT_ANONYMOUS); over it, 429 with Retry-After and RATE_LIMITED;
 * - a request with a bearer token is looked up here (the AuthGuard reuses the answer): a wrong or
 *   disabled token counts as a failed authentication of its address (RATE_LIMIT_AUTH_FAILURES, once per
 *   request, the guard does not count it again), so a made-up token does not buy unlimited parsing and
 *   validation either; a valid token is counted per user by the guard, never here.
 * While Redis is unreachable both budgets are counted in this process's memory (ResilientThrottlerStorage).
 */
@Injectable()
export class AnonymousBudgetMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly rateLimit: RateLimitService,
    private readonly dataSource: DataSource,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    let retryAfter: RetryAfter | null;
    try {
      retryAfter = await this.count(req);
    } catch (error) {
      // Never a 500 from the limiter: the request goes on (the guard still counts failed authentication).
      this.logger.warn(`Not counted: ${error instanceof Error ? error.message : String(error)}`);
      retryAfter = null;
    }
    if (retryAfter === null) return next();
    const path = req.originalUrl.split('?')[0];
    sendRateLimited(res, retryAfter, path === '/graphql' || path === '/graphql/');
  }

  private async count(req: AuthenticatedRequest): Promise<RetryAfter | null> {
    const token = bearerToken(req);
    if (token === null) return this.rateLimit.anonymousRequest(req);
    if (req.user === undefined) {
      try {
        req.user = await new UserRepository(this.dataSource.manager).findActiveByTokenHash(hashToken(token));
      } catch {
        // The database does not answer: the guard looks again and answers for it (/health reports it).
        return null;
      }
    }
    return req.user === null ? this.rateLimit.countFailedAuthentication(req) : null;
  }
}
