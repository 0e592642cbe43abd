import { can, Permission } from '@crm/domain';
import { APP_CONFIG, type AppConfig, type UserEntity } from '@crm/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Express } from 'express';
import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DataSource } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthenticatedRequest, GraphqlContext } from '../auth/request-context';
import { badUserInput } from '../common/errors';
import { Loaders } from '../common/loaders';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { costError, estimateCost, fragmentsOf } from '../security/connection-cost';
import { formatErrorFor } from '../security/format-error';
import { connectionCostOptions, limitValidationRules } from '../security/graphql-limits';
import { findInDocument, findInValue } from '../security/input-guard';
import { upgradeOriginAllowed } from './ws-origin';
import { seesRestricted } from '../restriction/restriction-visibility';

/** The permission a subscription socket needs: the eventAttendance query's. */
export const LIVE_PERMISSION = Permission.READ_PERSONAL_DATA;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
export const MAX_CONNECTIONS_PER_USER = 10;
/** A client message (a subscribe) is a small document; nothing bigger is read. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** How often an open socket's credentials are checked again (a disabled user or ended session is closed). */
export const REAUTHENTICATE_EVERY_MS = 60_000;

/** Close codes, in graphql-ws's range of 4400–4499 for the client's fault. */
export const CLOSE = {
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  TOO_MANY: 4429,
} as const;

interface Connection {
  user: UserEntity;
  /** The upgrade request dressed as Express's (its `ip` follows TRUST_PROXY, as the rate limits expect). */
  req: AuthenticatedRequest;
  recheck: NodeJS.Timeout;
}

type SocketContext = Context<
  Record<string, unknown> | undefined,
  { socket: WebSocket; request: IncomingMessage }
>;

/**
 * GraphQL subscriptions over WebSocket (graphql-ws's graphql-transport-ws protocol) on /graphql,
 * served by a graphql-ws server of our own on the Nest HTTP server rather than @nestjs/apollo's:
 * that one reads no Origin, takes any path, has a 100 MiB message limit and no hook to validate with
 * our rules, and also requires subscriptions-transport-ws.
 *
 * - The upgrade is refused (HTTP 403, before any socket exists) from a foreign Origin, see
 *   {@link upgradeOriginAllowed}; any other path than /graphql answers 404.
 * - connection_init authenticates with Authenticator.fromHeaders: the upgrade request's headers
 *   (session cookie or bearer), else `connectionParams.authorization` ("Bearer <token>"). No user:
 *   closed 4401 (and counted against the address's failed-authentication budget: 4429 beyond it);
 *   a role without READ_PERSONAL_DATA: closed 4403; more than {@link MAX_CONNECTIONS_PER_USER} open
 *   sockets of the user in this process: 4429. The credentials are checked again every minute.
 * - Only subscriptions: queries and mutations go over HTTP, where their rate limits and CSRF
 *   prevention live. Each subscribe is parsed with the token limit and validated with the same
 *   rules as HTTP GraphQL (graphql-armor's depth, aliases, directives and cost, the connection cost
 *   with the variables, the input guard), at most {@link MAX_SUBSCRIPTIONS_PER_CONNECTION} at once.
 * - Resolvers run behind the same guard as over HTTP (the context carries `req` with its user).
 */
@Injectable()
export class LiveSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LiveSocket');
  private readonly connections = new WeakMap<WebSocket, Connection>();
  private readonly perUser = new Map<string, number>();
  private wss: WebSocketServer | null = null;
  private server: Server | null = null;
  private dispose: (() => Promise<void>) | null = null;
  private readonly formatError: ReturnType<typeof formatErrorFor>;
  /** GraphQLModule's, found at bootstrap (it is not exported to feature modules). */
  private schemaHost: GraphQLSchemaHost | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly authenticator: Authenticator,
    private readonly rateLimit: RateLimitService,
    private readonly dataSource: DataSource,
  ) {
    this.formatError = formatErrorFor({ suggestions: config.GRAPHQL_INTROSPECTION });
  }

  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // a module compiled without an HTTP server (a script)
    this.schemaHost = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    this.server = adapter.getHttpServer() as Server;
    const express = adapter.getInstance() as Express;
    const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    const served = useServer<
      Record<string, unknown> | undefined,
      { socket: WebSocket; request: IncomingMessage }
    >(
      {
        connectionInitWaitTimeout: 5_000,
        onConnect: (ctx) => this.onConnect(ctx, express),
        onSubscribe: (ctx, id, payload) => this.onSubscribe(ctx, payload),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? { ...result, errors: result.errors.map((e) => this.formatError(e.toJSON())) }
            : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => this.formatError(e.toJSON())),
        onClose: (ctx) => this.forget(ctx.extra.socket),
      },
      wss,
    );
    this.wss = wss;
    this.dispose = async () => void (await served.dispose());
    this.server.on('upgrade', this.onUpgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.server?.off('upgrade', this.onUpgrade);
    await this.dispose?.().catch(() => undefined);
    this.dispose = null;
  }

  /** Open sockets of a user in this process (tests). */
  connectionsOf(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      path = '';
    }
    if (!wss || path !== '/graphql') return refuse(socket, 404, 'Not Found');
    const trustProxy = this.config.TRUST_PROXY.trim() !== '' && this.config.TRUST_PROXY.trim() !== 'false';
    if (!upgradeOriginAllowed(request.headers, this.config.CORS_ORIGINS, trustProxy)) {
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  private async onConnect(ctx: SocketContext, express: Express): Promise<boolean> {
    const { socket, request } = ctx.extra;
    const req = Object.assign(Object.create(express.request) as AuthenticatedRequest, {
      headers: request.headers,
      socket: request.socket,
      url: request.url,
      method: request.method,
    });
    const authorization = ctx.connectionParams?.authorization;
    const user = await this.authenticate(request, typeof authorization === 'string' ? authorization : null);
    if (!user) {
      const retryAfter = await this.rateLimit.countFailedAuthentication(req).catch(() => null);
      if (retryAfter !== null) socket.close(CLOSE.TOO_MANY, 'Too many failed authentications');
      else socket.close(CLOSE.UNAUTHORIZED, 'Unauthorized');
      return false;
    }
    if (!can(user.role, LIVE_PERMISSION)) {
      socket.close(CLOSE.FORBIDDEN, 'Forbidden');
      return false;
    }
    const open = this.perUser.get(user.id) ?? 0;
    if (open >= MAX_CONNECTIONS_PER_USER) {
      socket.close(CLOSE.TOO_MANY, 'Too many connections');
      return false;
    }
    if (socket.readyState !== WebSocket.OPEN) return false; // gone while authenticating
    this.perUser.set(user.id, open + 1);
    req.user = user;
    const recheck = setInterval(
      () => void this.reauthenticate(socket, request, authorization),
      REAUTHENTICATE_EVERY_MS,
    );
    recheck.unref();
    this.connections.set(socket, { user, req, recheck });
    return true;
  }

  /** @param touch false for the periodic re-check: an open socket alone is not a use of the session */
  private authenticate(
    request: IncomingMessage,
    authorization: string | null,
    touch = true,
  ): Promise<UserEntity | null> {
    return this.authenticator
      .fromHeaders(request.headers, { touch })
      .then((user) =>
        user || !authorization
          ? user
          : this.authenticator.fromHeaders({ ...request.headers, authorization }, { touch }),
      );
  }

  private async reauthenticate(
    socket: WebSocket,
    request: IncomingMessage,
    authorization: unknown,
  ): Promise<void> {
    const connection = this.connections.get(socket);
    if (!connection) return;
    try {
      const user = await this.authenticate(
        request,
        typeof authorization === 'string' ? authorization : null,
        false,
      );
      if (!user || user.id !== connection.user.id) socket.close(CLOSE.UNAUTHORIZED, 'Unauthorized');
      else if (!can(user.role, LIVE_PERMISSION)) socket.close(CLOSE.FORBIDDEN, 'Forbidden');
      else connection.user = connection.req.user = user;
    } catch (error) {
      this.logger.warn(`could not check a socket's credentials again: ${(error as Error).message}`);
    }
  }

  private forget(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    clearInterval(connection.recheck);
    const open = (this.perUser.get(connection.user.id) ?? 1) - 1;
    if (open > 0) this.perUser.set(connection.user.id, open);
    else this.perUser.delete(connection.user.id);
  }

  /** The subscribe message, checked as HTTP GraphQL checks a request; errors, or what to execute. */
  private async onSubscribe(
    ctx: SocketContext,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const connection = this.connections.get(ctx.extra.socket);
    if (!connection) return [new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED' } })];
    // graphql-ws has reserved this subscription's id already: it counts.
    if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [
        new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`, {
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
        }),
      ];
    }
    const schema = this.schemaHost!.schema;
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: this.config.GRAPHQL_MAX_TOKENS });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Syntax Error';
      return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const rules = [
      ...specifiedRules,
      ...(this.config.GRAPHQL_INTROSPECTION ? [] : [NoSchemaIntrospectionCustomRule]),
      ...limitValidationRules(this.config),
    ];
    const invalid = validate(schema, document, rules, { maxErrors: 10 });
    if (invalid.length) {
      return invalid.map(
        (e) =>
          new GraphQLError(e.message, {
            nodes: e.nodes,
            extensions: { ...e.extensions, code: e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      return [new GraphQLError('Unable to identify operation', { extensions: { code: 'BAD_REQUEST' } })];
    }
    if (operation.operation !== 'subscription') {
      return [
        new GraphQLError(
          'Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql',
          {
            extensions: { code: 'BAD_REQUEST' },
          },
        ),
      ];
    }
    const variables = payload.variables ?? {};
    const offence =
      findInDocument(document) ??
      Object.entries(variables)
        .map(([name, value]) => findInValue(value, name))
        .find(Boolean) ??
      null;
    if (offence) return [badUserInput(offence.field, offence.problem)];
    const options = connectionCostOptions(this.config);
    const cost = estimateCost(schema, operation, fragmentsOf(document.definitions), options, variables);
    if (cost > options.maxCost) return [costError(cost, options.maxCost)];

    // A request object of its own per subscription: the guard and the rate limits keep their
    // per-request bookkeeping on it, and read the connection's (re-checked) user through it.
    const req = Object.create(connection.req) as AuthenticatedRequest;
    req.user = connection.user;
    const contextValue: GraphqlContext = {
      req,
      loaders: new Loaders(this.dataSource, () => seesRestricted(req.user)),
    };
    return {
      schema,
      document,
      variableValues: variables,
      operationName: payload.operationName,
      contextValue,
    };
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
