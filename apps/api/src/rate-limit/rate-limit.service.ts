import { APP_CONFIG, type AppConfig, UserEntity } from '@crm/persistence';
import { ExecutionContext, Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  type ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import type { AuthenticatedRequest } from '../auth/request-context';
import { Budget, HandlerBudget } from './budgets';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { rateLimitedGraphqlError, rateLimitedHttpException, RetryAfter } from './rate-limited';
import { ResilientThrottlerStorage } from './resilient-storage';

/** What a request has already been charged, so a GraphQL operation counts once however many fields it resolves. */
const CHARGED = Symbol('crm:rate-limit:charged');
type ChargedRequest = AuthenticatedRequest & { [CHARGED]?: Promise<RetryAfter | null> };

/**
 * Counts requests against the budgets (see budgets.ts) and refuses with 429 / RATE_LIMITED and
 * Retry-After once a budget is spent. The AuthGuard calls it: failures of authentication are counted
 * per client address (normalised, an IPv6 /64 as one), everything else per signed-in user.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnApplicationShutdown {
  private readonly throttlers: Map<Budget, ThrottlerOptions>;
  private readonly keyPrefix: string;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    const list = Array.isArray(options) ? options : options.throttlers;
    this.throttlers = new Map(list.map((t) => [t.name as Budget, t]));
    // QUEUE_PREFIX keeps installations (and test files) sharing one Redis apart.
    this.keyPrefix = `${config.QUEUE_PREFIX}:rate-limit`;
  }

  async onModuleInit(): Promise<void> {
    if (this.storage instanceof ResilientThrottlerStorage) await this.storage.ready();
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof ResilientThrottlerStorage) this.storage.close();
  }

  /**
   * Counts a failed authentication from the request's client address; throws RATE_LIMITED (429) when
   * that address is over its budget, so it should be called just before answering UNAUTHENTICATED.
   * Only failures are counted: a valid token from the same address is never refused by this budget.
   */
  async failedAuthentication(context: ExecutionContext, req: AuthenticatedRequest): Promise<void> {
    const address = normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
    const retryAfter = await this.hit('authFailures', `address:${address}`);
    if (retryAfter !== null) this.refuse(context, req, retryAfter);
  }

  /**
   * Charges a signed-in request: once per request its read or write budget (a GraphQL query or
   * mutation, however many fields it resolves; a REST GET or other method), and each call of a handler
   * marked with @RateLimit that handler's budget. Throws RATE_LIMITED (429) over a budget.
   */
  async signedIn(context: ExecutionContext, req: AuthenticatedRequest, user: UserEntity): Promise<void> {
    const charged = req as ChargedRequest;
    const tracker = `user:${user.id}`;
    const marked = this.reflector.get<HandlerBudget | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!charged[CHARGED]) {
      // Set synchronously: a query's root fields are resolved in parallel and must share one charge.
      // A marked REST handler (the upload) is charged to its own budget only.
      const budget =
        marked && context.getType<string>() !== 'graphql' ? marked : this.operationBudget(context, req);
      charged[CHARGED] = this.hit(budget, tracker);
    }
    let retryAfter = await charged[CHARGED];
    if (retryAfter === null && marked && context.getType<string>() === 'graphql') {
      retryAfter = await this.hit(marked, tracker);
    }
    if (retryAfter !== null) this.refuse(context, req, retryAfter);
  }

  private operationBudget(context: ExecutionContext, req: AuthenticatedRequest): Budget {
    if (context.getType<string>() === 'graphql') {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
      return info.operation.operation === 'query' ? 'reads' : 'writes';
    }
    return req.method === 'GET' || req.method === 'HEAD' ? 'reads' : 'writes';
  }

  /** Counts one hit; answers null within the budget, else the seconds until the tracker may try again. */
  private async hit(budget: Budget, tracker: string): Promise<RetryAfter | null> {
    const throttler = this.throttlers.get(budget);
    if (!throttler) return null;
    const ttl = throttler.ttl as number;
    const record = await this.storage.increment(
      `${this.keyPrefix}:${tracker}`,
      ttl,
      throttler.limit as number,
      (throttler.blockDuration as number | undefined) ?? ttl,
      budget,
    );
    if (!record.isBlocked) return null;
    return Math.max(1, record.timeToBlockExpire);
  }

  private refuse(context: ExecutionContext, req: AuthenticatedRequest, retryAfter: RetryAfter): never {
    if (context.getType<string>() === 'graphql') throw rateLimitedGraphqlError(retryAfter);
    (req.res as Response | undefined)?.setHeader('Retry-After', String(retryAfter));
    throw rateLimitedHttpException(retryAfter);
  }
}
