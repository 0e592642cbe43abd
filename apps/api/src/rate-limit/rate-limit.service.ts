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
import type { Request, Response } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { createHash, createHmac } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/request-context';
import { Budget, HandlerBudget } from './budgets';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { rateLimitedGraphqlError, rateLimitedHttpException, RetryAfter } from './rate-limited';
import { ResilientThrottlerStorage } from './resilient-storage';

/** What a request has already been charged, so a GraphQL operation counts once however many fields it resolves. */
const CHARGED = Symbol('crm:rate-limit:charged');
/** The request's failed authentication, counted once whether the middleware or the guard sees it first. */
const FAILURE_COUNTED = Symbol('crm:rate-limit:failure-counted');
type ChargedRequest = AuthenticatedRequest & {
  [CHARGED]?: Promise<RetryAfter | null>;
  [FAILURE_COUNTED]?: Promise<RetryAfter | null>;
};

/**
 * The key of the HMAC that replaces client addresses in the counters' keys. Every API process sharing
 * the counters has the same REDIS_URL password and QUEUE_PREFIX, so they all derive the same key and
 * share the counts; a copy of Redis's data (a dump, a backup, a replica's log) without the password
 * does not give the addresses back by hashing every IPv4 address. Without a Redis password (a
 * development set-up) the key is the prefix alone: the keys are then pseudonymous, not secret.
 */
export function addressKeyOf(config: Pick<AppConfig, 'QUEUE_PREFIX' | 'REDIS_URL'>): Buffer {
  const password = decodeURIComponent(new URL(config.REDIS_URL).password);
  return createHash('sha256')
    .update(`crm:rate-limit:address\0${config.QUEUE_PREFIX}\0${password}`, 'utf8')
    .digest();
}

/**
 * Counts requests against the budgets (see budgets.ts) and refuses with 429 / RATE_LIMITED and
 * Retry-After once a budget is spent. The AnonymousBudgetMiddleware calls it for every request without
 * a bearer token and for every wrong one, the AuthGuard for failed authentication and signed-in
 * requests. Anonymous requests and failed authentications are counted per client address (normalised,
 * an IPv6 /64 as one, and stored as an HMAC, never in clear), everything else per signed-in user.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnApplicationShutdown {
  private readonly throttlers: Map<Budget, ThrottlerOptions>;
  private readonly keyPrefix: string;
  private readonly addressKey: Buffer;

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
    this.addressKey = addressKeyOf(config);
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
    const retryAfter = await this.countFailedAuthentication(req);
    if (retryAfter !== null) this.refuse(context, req, retryAfter);
  }

  /**
   * Counts the request's failed authentication against its client address, once per request however
   * often it is asked; answers null within the budget, else the seconds until the address may try again.
   */
  countFailedAuthentication(req: AuthenticatedRequest): Promise<RetryAfter | null> {
    const counted = req as ChargedRequest;
    counted[FAILURE_COUNTED] ??= this.hit('authFailures', this.addressTracker(req));
    return counted[FAILURE_COUNTED];
  }

  /** Counts a request without a bearer token against its client address (see AnonymousBudgetMiddleware). */
  anonymousRequest(req: Request): Promise<RetryAfter | null> {
    return this.hit('anonymous', this.addressTracker(req));
  }

  /** The client address (req.ip, which follows TRUST_PROXY), normalised and keyed-hashed. */
  private addressTracker(req: Request): string {
    const address = normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
    return `address:${createHmac('sha256', this.addressKey).update(address, 'utf8').digest('base64url')}`;
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
