import { APP_CONFIG, loadConfig, queryLoggerOf } from '@crm/persistence';
import { INestApplication } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { hardenHttp } from '../../apps/api/src/security/http-hardening';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase } from './database';

/**
 * A GraphQL answer as a test sees it. Its shape is what the assertions check, so it is deliberately
 * untyped here rather than restated as interfaces for every query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** The API, running for real on an ephemeral port against its own database. */
export class TestApi {
  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    readonly adminToken: string,
    readonly dataSource: DataSource,
    readonly worker: TestingModule | null,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /**
   * @param options.worker also run the worker (BullMQ processors and the outbox sweep) in this process
   * @param options.env configuration overrides, e.g. an unreachable REDIS_URL for the API only
   */
  static async start(
    options: {
      worker?: boolean;
      env?: Record<string, string>;
      workerEnv?: Record<string, string>;
      /** Serve a web app build from this folder, as main.ts serves dist/apps/web. */
      webApp?: string;
    } = {},
  ): Promise<TestApi> {
    const database = await createTestDatabase();
    const adminToken = randomBytes(32).toString('base64url');
    const base = {
      ...process.env,
      DATABASE_URL: database.url,
      ADMIN_TOKEN: adminToken,
      PORT: '0',
      DATABASE_POOL_SIZE: '8',
      // Each test file has its own queues, so one file's worker never takes another file's jobs.
      QUEUE_PREFIX: `test-${database.name}`,
      LADDER_SWEEP_INTERVAL_MS: '500',
    };
    const config = loadConfig({ ...base, ...options.env });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    hardenHttp(app, config, { webApp: options.webApp }); // the same HTTP set-up as apps/api/src/main.ts
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    let worker: TestingModule | null = null;
    if (options.worker) {
      worker = await Test.createTestingModule({ imports: [WorkerModule] })
        .overrideProvider(APP_CONFIG)
        .useValue(loadConfig({ ...base, ...options.workerEnv }))
        .compile();
      worker.useLogger(['error', 'warn']);
      await worker.init();
    }
    return new TestApi(
      app,
      `http://127.0.0.1:${address.port}`,
      adminToken,
      app.get(DataSource),
      worker,
      database.drop,
    );
  }

  async gql<T = Json>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = this.adminToken,
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<T>;
    return { ...body, status: response.status };
  }

  /** Runs a query that must succeed and answers its data. */
  async ok<T = Json>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string | null,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, token === undefined ? this.adminToken : token);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** SQL statements the API issued while `work` ran. */
  async countQueries(work: () => Promise<unknown>): Promise<number> {
    const logger = queryLoggerOf(this.dataSource);
    const before = logger.queryCount;
    await work();
    return logger.queryCount - before;
  }

  /** Waits until the worker has placed every marked actor (ladderStatus.pending = 0). */
  async ladderSettled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { ladderStatus } = await this.ok(`{ ladderStatus { pending } }`);
      if (ladderStatus.pending === 0) return;
      if (Date.now() > deadline)
        throw new Error(`ladder still has ${ladderStatus.pending} pending after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.app.close();
    await this.dropDatabase();
  }
}
