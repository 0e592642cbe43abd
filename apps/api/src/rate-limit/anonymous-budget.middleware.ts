import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Authenticator, bearerTokenOf } from '../auth/authenticator.service';
import type { AuthenticatedRequest } from '../auth/request-context';
import { SessionCookie } from '../auth/sessions/session-cookie';
import { RateLimitService } from './rate-limit.service';
import { RetryAfter, sendRateLimited } from './rate-limited';

/** The token of an `Authorization: Bearer <token>` header, or null (no header, another scheme, malformed). */
export function bearerToken(req: Request): string | null {
  return bearerTokenOf(req.headers.authorization);
}

/**
 * Runs on every route before routing, so before GraphQL parses or validates anything and before
 * /health pings the database and Redis:
 * - a request without a bearer token or session cookie counts against its client address's
 *   `anonymous` budget (RATE_LIMIT_ANONYMOUS); over it, 429 with Retry-After and RATE_LIMITED;
 * - a request with a bearer token or a session cookie is looked up here (the AuthGuard reuses the
 *   answer): a wrong or disabled token, or a wrong or ended session, counts as a failed authentication
 *   of its address (RATE_LIMIT_AUTH_FAILURES, once per request, the guard does not count it again), so
 *   a made-up credential does not buy unlimited parsing and validation either; a refused session
 *   cookie is also cleared in the answer, so a browser stops sending it; a valid credential is counted
 *   per user by the guard, never here.
 * While Redis is unreachable both budgets are counted in this process's memory (ResilientThrottlerStorage).
 */
@Injectable()
export class AnonymousBudgetMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly rateLimit: RateLimitService,
    private readonly authenticator: Authenticator,
    private readonly cookie: SessionCookie,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    let retryAfter: RetryAfter | null;
    try {
      retryAfter = await this.count(req, res);
    } catch (error) {
      // Never a 500 from the limiter: the request goes on (the guard still counts failed authentication).
      this.logger.warn(`Not counted: ${error instanceof Error ? error.message : String(error)}`);
      retryAfter = null;
    }
    if (retryAfter === null) return next();
    const path = req.originalUrl.split('?')[0];
    sendRateLimited(res, retryAfter, path === '/graphql' || path === '/graphql/');
  }

  private async count(req: AuthenticatedRequest, res: Response): Promise<RetryAfter | null> {
    if (this.authenticator.credentialIn(req.headers) === null) return this.rateLimit.anonymousRequest(req);
    if (req.user === undefined) {
      try {
        const found = await this.authenticator.authenticate(req.headers);
        Object.assign(req, {
          user: found.user,
          authenticatedBy: found.via ?? undefined,
          sessionId: found.sessionId,
        });
      } catch {
        // The database does not answer: the guard looks again and answers for it (/health reports it).
        return null;
      }
    }
    if (req.user !== null) return null;
    if (req.authenticatedBy === 'session') this.cookie.clear(res);
    return this.rateLimit.countFailedAuthentication(req);
  }
}
