import { Role } from '@crm/domain';
import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHash, randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { AppModule } from '../../apps/api/src/app.module';
import { GraphqlResponse, Json, TestApi } from '../support/api';

/**
 * Rate limits (tiny budgets through the environment; the defaults are sized for a busy door):
 * requests without a token and failed authentication per client address, signed-in traffic per user,
 * 429 with Retry-After and RATE_LIMITED; counts shared through Redis; signed-in traffic passes when
 * Redis is unreachable.
 */

type Answer = GraphqlResponse<Json> & { retryAfter: string | null };

/** A GraphQL request with its HTTP status and Retry-After header. */
async function graphql(
  api: TestApi,
  query: string,
  token: string | null,
  variables: Json = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResponse<Json>;
  return { ...body, status: response.status, retryAfter: response.headers.get('retry-after') };
}

const codes = (answer: Answer) => answer.errors?.map((e) => e.extensions?.code);

/** A user made directly in the database, so making it spends no one's budget. */
async function userWithToken(api: TestApi, role: Role): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const [{ id }] = await api.dataSource.query(
    `INSERT INTO app_user (name, email, role, token_hash) VALUES ('Testare', $1, $2, $3) RETURNING id`,
    [
      `rate.${randomBytes(6).toString('hex')}@region.example`,
      role,
      createHash('sha256').update(token).digest('hex'),
    ],
  );
  return { id, token };
}

async function eventId(api: TestApi): Promise<string> {
  const [{ id }] = await api.dataSource.query(
    `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', $1, now()) RETURNING id`,
    [`Dörren ${randomBytes(4).toString('hex')}`],
  );
  return id;
}

function expectRateLimited(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.errors?.length).toBeGreaterThan(0);
  expect(new Set(codes(answer))).toEqual(new Set(['RATE_LIMITED']));
  // The HTTP instructions are applied to the response, not leaked into the answer.
  expect(answer.errors?.[0].extensions).not.toHaveProperty('http');
}

const ME = `{ me { id } }`;

describe('rate limits', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({
      env: {
        RATE_LIMIT_AUTH_FAILURES: '3',
        RATE_LIMIT_READS: '5',
        RATE_LIMIT_WRITES: '4',
        RATE_LIMIT_UPLOADS: '2',
        RATE_LIMIT_REPORT_ORDERS: '2',
        RATE_LIMIT_AGGREGATES: '3',
      },
    });
  });
  afterAll(() => api.close());

  it('failed authentication from one address: refused with 429 RATE_LIMITED after the budget, while a valid token from that address still works', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const unknown = randomBytes(32).toString('base64url');
    // Two root fields, one failure: a request counts once, however many fields it asks for.
    const twoFields = await graphql(
      api,
      `
        {
          me {
            id
          }
          meetingPlaces {
            code
          }
        }
      `,
      unknown,
    );
    expect(new Set(codes(twoFields))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(codes(await graphql(api, ME, null))).toEqual(['UNAUTHENTICATED']);
    // No proxy is trusted (TRUST_PROXY empty): a forged X-Forwarded-For does not make a new address.
    const forged = { 'x-forwarded-for': '203.0.113.7' };
    expect(codes(await graphql(api, ME, 'garbage', {}, forged))).toEqual(['UNAUTHENTICATED']);

    const refused = await graphql(api, ME, unknown, {}, { 'x-forwarded-for': '203.0.113.8' });
    expectRateLimited(refused);
    expect(refused.data).toBeUndefined(); // refused before routing, so before execution: no data
    expectRateLimited(await graphql(api, ME, null));

    // REST routes answer JSON 429 with Retry-After too.
    const rest = await fetch(`${api.baseUrl}/reports/00000000-0000-4000-8000-000000000000.pdf`, {
      headers: { authorization: `Bearer ${unknown}` },
    });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await rest.json()).toEqual({ statusCode: 429, message: expect.stringMatching(/försök igen/) });

    // Staff at the same venue, behind the same address, are not refused.
    const ok = await graphql(api, ME, staff.token);
    expect(ok.status).toBe(200);
    expect(ok.data).toEqual({ me: { id: staff.id } });
    expect(ok.errors).toBeUndefined();
    // /health stays open.
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
  });

  it('a token over its read budget is refused with 429 RATE_LIMITED, while another token is unaffected', async () => {
    const busy = await userWithToken(api, Role.STRATEGIST);
    const other = await userWithToken(api, Role.STRATEGIST);
    // A query with several root fields is one read.
    const several = await graphql(
      api,
      `
        {
          me {
            id
          }
          meetingPlaces {
            code
          }
          municipalities {
            code
          }
        }
      `,
      busy.token,
    );
    expect(several.errors).toBeUndefined();
    for (let i = 0; i < 4; i += 1) expect((await graphql(api, ME, busy.token)).status).toBe(200);

    const refused = await graphql(
      api,
      `
        {
          me {
            id
          }
          meetingPlaces {
            code
          }
        }
      `,
      busy.token,
    );
    expectRateLimited(refused);
    expect(refused.data).toBeNull();

    const fresh = await graphql(api, ME, other.token);
    expect(fresh.status).toBe(200);
    expect(fresh.data).toEqual({ me: { id: other.id } });

    // Writes have a budget of their own: a token out of reads may still write.
    const write = await graphql(
      api,
      `
        mutation {
          createOrganisation(input: { name: "Budgetbolaget AB", sector: BUSINESS }) {
            name
          }
        }
      `,
      busy.token,
    );
    expect(write.status).toBe(200);
    expect(write.data).toEqual({ createOrganisation: { name: 'Budgetbolaget AB' } });
  });

  it('a token over its write budget is refused, and the refused mutation writes nothing', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const event = await eventId(api);
    const walkIn = (n: number) =>
      graphql(
        api,
        `
          mutation ($e: ID!, $email: String!) {
            walkIn(eventId: $e, input: { name: "Gäst Gästsson", email: $email, sector: BUSINESS }) {
              status
            }
          }
        `,
        staff.token,
        { e: event, email: `gast.${n}@example.se` },
      );
    for (let n = 1; n <= 4; n += 1)
      expect((await walkIn(n)).data).toEqual({ walkIn: { status: 'ATTENDED' } });
    expectRateLimited(await walkIn(5));
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1`,
      [event],
    );
    expect(count).toBe(4);
    // Reads are still within their own budget.
    expect((await graphql(api, ME, staff.token)).status).toBe(200);
  });

  it('uploads have their own budget: 429 with Retry-After and a JSON message once spent', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const other = await userWithToken(api, Role.EVENT_STAFF);
    const event = await eventId(api);
    const upload = async (token: string) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([new TextEncoder().encode('Namn;E-post\nAnna Andersson;anna@example.se\n')]),
        'lista.csv',
      );
      return fetch(`${api.baseUrl}/events/${event}/registrations/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    };
    expect((await upload(staff.token)).status).toBe(202);
    expect((await upload(staff.token)).status).toBe(202);
    const refused = await upload(staff.token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({
      statusCode: 429,
      message: expect.stringMatching(/Too many requests/),
    });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM registration_import WHERE event_id = $1`,
      [event],
    );
    expect(count).toBe(2);
    expect((await upload(other.token)).status).toBe(202);
    // The upload budget is not the GraphQL budget.
    expect((await graphql(api, ME, staff.token)).status).toBe(200);
  });

  it('report orders have their own budget: the third order is refused and makes no report', async () => {
    const strategist = await userWithToken(api, Role.STRATEGIST);
    const order = () =>
      graphql(
        api,
        `
          mutation {
            generateQuarterlyReport(year: 2025, quarter: 3) {
              version
            }
          }
        `,
        strategist.token,
      );
    expect((await order()).data).toEqual({ generateQuarterlyReport: { version: 1 } });
    expect((await order()).data).toEqual({ generateQuarterlyReport: { version: 2 } });
    const refused = await order();
    expectRateLimited(refused);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM quarterly_report WHERE year = 2025 AND quarter = 3`,
    );
    expect(count).toBe(2);
    // Other writes of the same token go on.
    const write = await graphql(
      api,
      `
        mutation {
          createOrganisation(input: { name: "Rapportbolaget AB", sector: BUSINESS }) {
            name
          }
        }
      `,
      strategist.token,
    );
    expect(write.data).toEqual({ createOrganisation: { name: 'Rapportbolaget AB' } });
  });

  it('ladder aggregates have their own budget, each aliased field counted: the fourth is refused', async () => {
    const committee = await userWithToken(api, Role.COMMITTEE);
    const aggregates = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ladderDistribution { group }`).join(' ')} }`;
    const three = await graphql(api, aggregates(3), committee.token);
    expect(three.errors).toBeUndefined();
    expect(Object.keys(three.data ?? {})).toHaveLength(3);
    expectRateLimited(await graphql(api, aggregates(1), committee.token));
    // Other reads of the same token go on (the read budget has room for this one).
    const other = await graphql(
      api,
      `
        {
          meetingPlaces {
            code
          }
        }
      `,
      committee.token,
    );
    expect(other.errors).toBeUndefined();
  });
});

/** A GET on a REST path (or an unknown one) without a token, with its status, Retry-After and body. */
async function getWithoutToken(
  api: TestApi,
  path: string,
): Promise<{ status: number; retryAfter: string | null; body: Json }> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Json,
  };
}

function expectRestRateLimited(answer: { status: number; retryAfter: string | null; body: Json }): void {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.body).toEqual({ statusCode: 429, message: expect.stringMatching(/Too many requests/) });
}

describe('the budget of requests without a token', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ env: { RATE_LIMIT_ANONYMOUS: '5', RATE_LIMIT_AUTH_FAILURES: '3' } });
  });
  afterAll(() => api.close());

  it('anonymous requests over the budget get 429 with Retry-After and RATE_LIMITED even when the query fails validation or is { __typename }, and /health is counted too; a valid token from the same address is still served', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    // Within the budget: answered as before, though no resolver (and so no guard) ever runs.
    const typename = await graphql(
      api,
      `
        {
          __typename
        }
      `,
      null,
    );
    expect(typename.status).toBe(200);
    expect(typename.data).toEqual({ __typename: 'Query' });
    expect(
      codes(
        await graphql(
          api,
          `
            {
              noSuchField
            }
          `,
          null,
        ),
      ),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await graphql(api, `{ me {`, null))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect((await getWithoutToken(api, '/health')).status).toBe(200);
    expect((await getWithoutToken(api, '/no/such/route')).status).toBe(404);

    // Five anonymous requests: the sixth is refused before it is parsed or routed, whatever it is.
    const refusedTypename = await graphql(
      api,
      `
        {
          __typename
        }
      `,
      null,
    );
    expectRateLimited(refusedTypename);
    expect(refusedTypename.data).toBeUndefined(); // refused before execution
    expectRateLimited(
      await graphql(
        api,
        `
          {
            noSuchField
          }
        `,
        null,
      ),
    );
    expectRateLimited(await graphql(api, `{ me {`, null));
    expectRateLimited(await graphql(api, ME, null));
    // A header that is not a bearer token is no credential.
    expectRateLimited(await graphql(api, ME, null, {}, { authorization: 'Basic dXNlcjpwYXNz' }));
    expectRestRateLimited(await getWithoutToken(api, '/health'));
    expectRestRateLimited(await getWithoutToken(api, '/no/such/route'));
    // Counted before any body is read: malformed JSON and a body over the limit are refused as 429,
    // not parsed (400) or measured (413).
    const post = (body: string) =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('{ "query": ')).status).toBe(429);
    expect((await post(JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(2_000_000) }))).status).toBe(
      429,
    );
    // No proxy is trusted (TRUST_PROXY empty): a forged X-Forwarded-For does not make a new address.
    const forged = await fetch(`${api.baseUrl}/health`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forged.status).toBe(429);
    // The refusal goes out with the same security headers as any answer.
    expect(forged.headers.get('x-content-type-options')).toBe('nosniff');

    // Staff at the same venue, behind the same address, are served.
    const ok = await graphql(api, ME, staff.token);
    expect(ok.status).toBe(200);
    expect(ok.data).toEqual({ me: { id: staff.id } });
    expect(
      (
        await graphql(
          api,
          `
            {
              __typename
            }
          `,
          staff.token,
        )
      ).data,
    ).toEqual({ __typename: 'Query' });
    const health = await fetch(`${api.baseUrl}/health`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    expect(health.status).toBe(200);
  });

  it('a made-up bearer token is a failed authentication even where no resolver runs, so it buys no unlimited parsing', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const madeUp = () => randomBytes(32).toString('base64url');
    // Neither is ever seen by the guard; both count against the address's failed authentications (3).
    expect(
      (
        await graphql(
          api,
          `
            {
              __typename
            }
          `,
          madeUp(),
        )
      ).data,
    ).toEqual({ __typename: 'Query' });
    expect(
      codes(
        await graphql(
          api,
          `
            {
              noSuchField
            }
          `,
          madeUp(),
        ),
      ),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // One request counts once, though the guard sees it too.
    expect(codes(await graphql(api, ME, madeUp()))).toEqual(['UNAUTHENTICATED']);
    expectRateLimited(
      await graphql(
        api,
        `
          {
            __typename
          }
        `,
        madeUp(),
      ),
    );
    expectRateLimited(
      await graphql(
        api,
        `
          {
            noSuchField
          }
        `,
        madeUp(),
      ),
    );
    const health = await fetch(`${api.baseUrl}/health`, { headers: { authorization: `Bearer ${madeUp()}` } });
    expect(health.status).toBe(429);
    expect((await graphql(api, ME, staff.token)).data).toEqual({ me: { id: staff.id } });
  });

  it('no Redis key holds the client address in clear', async () => {
    const { QUEUE_PREFIX, REDIS_URL } = api.app.get<AppConfig>(APP_CONFIG);
    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(
          cursor,
          'MATCH',
          `{${QUEUE_PREFIX}:rate-limit:*`,
          'COUNT',
          1000,
        );
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      // The tests above were counted per address (anonymous and failed authentications) ...
      // (@nest-lab/throttler-storage-redis keys: `{<key>:<budget>}:hits` and `…:blocked`)
      expect(keys.some((key) => key.includes(':address:') && key.includes(':anonymous}'))).toBe(true);
      expect(keys.some((key) => key.includes(':address:') && key.includes(':authFailures}'))).toBe(true);
      // ... under a keyed hash of the address, never the address itself (127.0.0.1, in any spelling).
      for (const key of keys) {
        expect(key).not.toMatch(/127\.0\.0\.1|::1|ffff|7f00:1|2130706433/i);
        expect(key).not.toMatch(/(\d{1,3}\.){3}\d{1,3}/);
      }
    } finally {
      redis.disconnect();
    }
  });
});

describe('rate limits while Redis is unreachable', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({
      env: {
        REDIS_URL: 'redis://127.0.0.1:1',
        RATE_LIMIT_AUTH_FAILURES: '2',
        RATE_LIMIT_WRITES: '1',
        RATE_LIMIT_ANONYMOUS: '3',
      },
    });
  });
  afterAll(() => api.close());

  it('signed-in traffic goes through: check-ins are recorded beyond any budget', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const event = await eventId(api);
    for (let n = 1; n <= 4; n += 1) {
      const answer = await graphql(
        api,
        `
          mutation ($e: ID!, $email: String!) {
            walkIn(eventId: $e, input: { name: "Dörr Gäst", email: $email, sector: BUSINESS }) {
              status
            }
          }
        `,
        staff.token,
        { e: event, email: `dorr.${n}@example.se` },
      );
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ walkIn: { status: 'ATTENDED' } });
    }
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1 AND status = 'ATTENDED'`,
      [event],
    );
    expect(count).toBe(4);
  });

  it('failed authentication is still refused after the budget, counted in memory', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    const unknown = randomBytes(32).toString('base64url');
    expect(codes(await graphql(api, ME, unknown))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await graphql(api, ME, unknown))).toEqual(['UNAUTHENTICATED']);
    expectRateLimited(await graphql(api, ME, unknown));
    expect((await graphql(api, ME, staff.token)).data).toEqual({ me: { id: staff.id } });
  });

  it('requests without a token are neither blocked nor held up: counted in memory, refused past the budget', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    // Every request of the tests above carried a token: these are the first three without one.
    expect(
      (
        await graphql(
          api,
          `
            {
              __typename
            }
          `,
          null,
        )
      ).data,
    ).toEqual({ __typename: 'Query' });
    expect(
      codes(
        await graphql(
          api,
          `
            {
              noSuchField
            }
          `,
          null,
        ),
      ),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await getWithoutToken(api, '/no/such/route')).status).toBe(404);
    expectRateLimited(
      await graphql(
        api,
        `
          {
            __typename
          }
        `,
        null,
      ),
    );
    expectRestRateLimited(await getWithoutToken(api, '/health'));
    expect((await graphql(api, ME, staff.token)).data).toEqual({ me: { id: staff.id } });
  });
});

describe('rate limits while Redis accepts connections but never answers', () => {
  let api: TestApi;
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket)); // reads nothing, answers nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    api = await TestApi.start({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_AUTH_FAILURES: '2', RATE_LIMIT_READS: '1' },
    });
  });
  afterAll(async () => {
    await api.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('the limiter does not wait for it: signed-in reads pass, failed authentication is refused from memory', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    for (let i = 0; i < 3; i += 1)
      expect((await graphql(api, ME, staff.token)).data).toEqual({ me: { id: staff.id } });
    const unknown = randomBytes(32).toString('base64url');
    expect(codes(await graphql(api, ME, unknown))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await graphql(api, ME, unknown))).toEqual(['UNAUTHENTICATED']);
    expectRateLimited(await graphql(api, ME, unknown));
    // Requests without a token are not held up either.
    expect(
      (
        await graphql(
          api,
          `
            {
              __typename
            }
          `,
          null,
        )
      ).data,
    ).toEqual({ __typename: 'Query' });
    expect((await getWithoutToken(api, '/no/such/route')).status).toBe(404);
  });
});

describe('rate limits across API processes', () => {
  let api: TestApi;
  let second: INestApplication;
  let secondUrl: string;

  beforeAll(async () => {
    api = await TestApi.start({ env: { RATE_LIMIT_READS: '4', RATE_LIMIT_AUTH_FAILURES: '2' } });
    // A second API process: same configuration, database and Redis.
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(api.app.get<AppConfig>(APP_CONFIG))
      .compile();
    second = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await second.close();
    await api.close();
  });

  const onSecond = async (token: string): Promise<number> =>
    (
      await fetch(`${secondUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: ME }),
      })
    ).status;

  it('two API instances sharing Redis share a token’s count', async () => {
    const staff = await userWithToken(api, Role.EVENT_STAFF);
    expect((await graphql(api, ME, staff.token)).status).toBe(200);
    expect(await onSecond(staff.token)).toBe(200);
    expect((await graphql(api, ME, staff.token)).status).toBe(200);
    expect(await onSecond(staff.token)).toBe(200);
    // Four reads in all: the fifth is refused by either process.
    expect(await onSecond(staff.token)).toBe(429);
    expectRateLimited(await graphql(api, ME, staff.token));
  });

  it('and share the failed authentications of an address', async () => {
    const unknown = randomBytes(32).toString('base64url');
    expect(codes(await graphql(api, ME, unknown))).toEqual(['UNAUTHENTICATED']);
    expect(await onSecond(unknown)).toBe(200); // UNAUTHENTICATED answers 200 with the error
    expectRateLimited(await graphql(api, ME, unknown));
    expect(await onSecond(unknown)).toBe(429);
  });
});
