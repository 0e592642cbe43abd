import { APP_CONFIG, loadConfig, queryLoggerOf } from '@crm/persistence';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
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
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(): Promise<TestApi> {
    const database = await createTestDatabase();
    const adminToken = randomBytes(32).toString('base64url');
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: database.url,
      ADMIN_TOKEN: adminToken,
      PORT: '0',
      DATABASE_POOL_SIZE: '8',
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestApi(
      app,
      `http://127.0.0.1:${address.port}`,
      adminToken,
      app.get(DataSource),
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

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }
}
