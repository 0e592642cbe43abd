import { TestApi } from '../support/api';

/**
 * Production defaults that hold without NODE_ENV (issue 9, item 3): security headers, CORS closed,
 * a body over the limit answered 413 as JSON, text PostgreSQL refuses answered BAD_USER_INPUT naming
 * the field, no stack trace or path in any answer, introspection and field suggestions only with
 * GRAPHQL_INTROSPECTION=true, Apollo's CSRF prevention and no batching.
 */
describe('HTTP hardening and production defaults', () => {
  let api: TestApi;
  /** Every error answer of this file, checked at the end for stack traces and absolute paths. */
  const errorBodies: { what: string; body: string }[] = [];

  const nodeEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    // What production runs when nobody remembered NODE_ENV=production: nothing set but the database,
    // and NODE_ENV saying development, which once opened introspection and stack traces.
    process.env.NODE_ENV = 'development';
    api = await TestApi.start();
  });
  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await api.close();
  });

  const post = async (body: string, headers: Record<string, string> = {}, what = body.slice(0, 60)) => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}`, ...headers },
      body,
    });
    const text = await response.text();
    if (response.status >= 400) errorBodies.push({ what, body: text });
    return { response, text };
  };

  const gql = async (query: string, variables: Record<string, unknown> = {}, target: TestApi = api) => {
    const result = await target.gql(query, variables);
    if (result.errors) errorBodies.push({ what: query.slice(0, 60), body: JSON.stringify(result) });
    return result;
  };

  describe('headers', () => {
    it('sends helmet’s headers and no X-Powered-By, on REST and GraphQL answers alike', async () => {
      const health = await fetch(`${api.baseUrl}/health`);
      const { response: graphql } = await post(JSON.stringify({ query: '{ __typename }' }));
      for (const response of [health, graphql]) {
        expect(response.headers.get('x-powered-by')).toBeNull();
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toContain('unsafe-inline');
        // No proxy configured: plain HTTP, so no HSTS (a browser would pin a localhost name to HTTPS).
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('sends HSTS and trusts the proxy only when TRUST_PROXY is configured', async () => {
      const proxied = await TestApi.start({ env: { TRUST_PROXY: '1' } });
      try {
        const response = await fetch(`${proxied.baseUrl}/health`);
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
        expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
        expect(proxied.app.getHttpAdapter().getInstance().get('trust proxy')).toBe(1);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('bodies', () => {
    it('answers a 2 MB body with 413 as JSON', async () => {
      const { response, text } = await post(
        JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(2_000_000) }),
      );
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(JSON.parse(text)).toEqual({ statusCode: 413, message: expect.any(String) });
    });

    it('answers malformed JSON with 400 as JSON', async () => {
      const { response, text } = await post('{"query": "{ __typename }"');
      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ statusCode: 400 });
    });

    it('accepts a body just under the limit', async () => {
      const { response } = await post(
        JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_000_000) }),
      );
      expect(response.status).toBe(200);
    });
  });

  describe('text PostgreSQL refuses', () => {
    const actorCount = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`))[0].n;
    const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;

    it('answers a NUL byte in a mutation’s input with BAD_USER_INPUT naming the field, writing nothing', async () => {
      const before = await actorCount();
      const result = await gql(CREATE_PERSON, { input: { name: 'Maja\u0000Holm', sector: 'ACADEMIA' } });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(result.data ?? null).toBeNull();
      expect(await actorCount()).toBe(before);
    });

    it('answers a NUL byte in a query argument, literal or variable, with BAD_USER_INPUT naming it', async () => {
      const literal = await gql(`{ actors(filter: { search: "Maja\\u0000" }) { totalCount } }`);
      expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
      const variable = await gql(
        `query($q: String!, $e: ID!) { checkInSearch(eventId: $e, query: $q) { id } }`,
        {
          q: 'an\u0000na',
          e: '00000000-0000-4000-8000-000000000000',
        },
      );
      expect(variable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
    });

    it('answers a lone surrogate (not Unicode) with BAD_USER_INPUT naming the field', async () => {
      const { response, text } = await post(
        `{"query":"mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",` +
          `"variables":{"input":{"name":"Maja \\ud800","sector":"ACADEMIA"}}}`,
      );
      expect(response.status).toBe(400);
      expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('answers a date PostgreSQL cannot store with BAD_USER_INPUT naming the field', async () => {
      const result = await gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: {
          meetingPlace: 'GRAND_HOTEL',
          title: 'Framtidens skog',
          startsAt: '-271821-04-20T00:00:00.000Z',
          endsAt: '2027-02-01T12:00:00Z',
        },
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    });

    it('answers an Int out of 32-bit range in a variable with BAD_USER_INPUT naming the field', async () => {
      const result = await gql(`query($first: Int) { actors(first: $first) { totalCount } }`, { first: 3e9 });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const nested = await gql(CREATE_PERSON, {
        input: { name: 'Maja', sector: 'ACADEMIA', organisationId: 7 },
      });
      expect(nested.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organisationId',
      });
    });

    it.each([
      [
        'an impossible date',
        ['events', '2026-02-31T00:00:00Z', '00000000-0000-4000-8000-000000000000'],
        'events',
      ],
      ['a NUL byte', ['actors', 'a\u0000b', '00000000-0000-4000-8000-000000000000'], 'actors'],
    ])('answers a cursor holding %s with BAD_USER_INPUT naming after', async (_what, key, list) => {
      const after = Buffer.from(JSON.stringify(key)).toString('base64url');
      const result = await gql(`query($after: String) { ${list}(after: $after) { totalCount } }`, { after });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('REST routes and hostile paths', () => {
    it.each([
      ['a NUL byte as report id', '/reports/%00.pdf', 'GET'],
      ['a broken percent-encoding as report id', '/reports/%E0%A4%A.pdf', 'GET'],
      ['an encoded path traversal as report id', '/reports/..%2F..%2Fetc%2Fpasswd.pdf', 'GET'],
      ['a huge number as report id', '/reports/99999999999999999999999.xlsx', 'GET'],
      ['a 4,000-digit report id', `/reports/${'9'.repeat(4_000)}.pdf`, 'GET'],
      ['a NUL byte as event id of an import', '/events/%00/registrations/import', 'POST'],
      ['a broken percent-encoding as event id', '/events/%E0%A4%A/registrations/import', 'POST'],
      ['a 4,000-digit event id', `/events/${'1'.repeat(4_000)}/registrations/import`, 'POST'],
      [
        'an import without a file',
        '/events/00000000-0000-4000-8000-000000000000/registrations/import',
        'POST',
      ],
      ['an unknown route', '/no/such/route', 'GET'],
    ])('answers %s with a 4xx JSON answer, never 500', async (_what, url, method) => {
      const response = await fetch(`${api.baseUrl}${url}`, {
        method,
        headers: { authorization: `Bearer ${api.adminToken}` },
      });
      const text = await response.text();
      errorBodies.push({ what: url, body: text });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
    });
  });

  describe('introspection, the landing page and field suggestions', () => {
    const INTROSPECTION = `{ __schema { queryType { name } } }`;

    it('refuses introspection and serves no landing page when GRAPHQL_INTROSPECTION is not set', async () => {
      const result = await gql(INTROSPECTION);
      expect(result.status).toBe(400);
      expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0].message).toMatch(/introspection/i);
      const typeQuery = await gql(`{ __type(name: "Actor") { fields { name } } }`);
      expect(typeQuery.status).toBe(400);
      const page = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    });

    it('gives no field suggestions when introspection is off', async () => {
      const field = await gql(`{ me { emial } }`);
      expect(field.errors?.[0].message).toMatch(/Cannot query field "emial"/);
      expect(JSON.stringify(field)).not.toMatch(/Did you mean|"email"/);
      const enumValue = await gql(`{ actors(filter: { kind: PERSN }) { totalCount } }`);
      expect(enumValue.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(enumValue)).not.toMatch(/Did you mean|PERSON/);
      const inputField = await gql(`query($f: ActorFilterInput) { actors(filter: $f) { totalCount } }`, {
        f: { serch: 'x' },
      });
      expect(inputField.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(inputField)).not.toMatch(/Did you mean|"search"/);
    });

    it('allows introspection, suggestions and the Apollo Sandbox with GRAPHQL_INTROSPECTION=true', async () => {
      const development = await TestApi.start({ env: { GRAPHQL_INTROSPECTION: 'true' } });
      try {
        expect(await development.ok(INTROSPECTION)).toEqual({ __schema: { queryType: { name: 'Query' } } });
        const field = await development.gql(`{ me { emial } }`);
        expect(field.errors?.[0].message).toMatch(/Did you mean "email"\?/);
        const page = await fetch(`${development.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/text\/html/);
        expect(await page.text()).toContain('embeddable-sandbox.cdn.apollographql.com');
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain('https://embeddable-sandbox.cdn.apollographql.com');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-eval');
        // Everywhere else the strict policy still holds.
        const health = await fetch(`${development.baseUrl}/health`);
        expect(health.headers.get('content-security-policy')).not.toContain('apollographql');
      } finally {
        await development.close();
      }
    });
  });

  describe('CORS, CSRF and batching', () => {
    const preflight = (target: TestApi, origin: string) =>
      fetch(`${target.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });

    it('allows no foreign origin by default', async () => {
      const response = await preflight(api, 'https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('allows exactly the origins in CORS_ORIGINS', async () => {
      const open = await TestApi.start({ env: { CORS_ORIGINS: 'https://app.example' } });
      try {
        const allowed = await preflight(open, 'https://app.example');
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
        const foreign = await preflight(open, 'https://evil.example');
        expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await open.close();
      }
    });

    it('refuses a simple cross-site POST (text/plain) by Apollo’s CSRF prevention, running nothing', async () => {
      const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`);
      const { response } = await post(
        JSON.stringify({
          query: `mutation { createPerson(input: { name: "CSRF", sector: ACADEMIA }) { id } }`,
        }),
        { 'content-type': 'text/plain' },
      );
      expect(response.status).toBe(400);
      expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`)).toEqual(before);
    });

    it('refuses a mutation sent by GET', async () => {
      const query = encodeURIComponent(
        `mutation { createPerson(input: { name: "GET", sector: ACADEMIA }) { id } }`,
      );
      const simple = await fetch(`${api.baseUrl}/graphql?query=${query}`, {
        headers: { authorization: `Bearer ${api.adminToken}` },
      });
      expect(simple.status).toBe(400); // CSRF prevention: a GET without a preflight-forcing header
      const preflighted = await fetch(`${api.baseUrl}/graphql?query=${query}`, {
        headers: { authorization: `Bearer ${api.adminToken}`, 'apollo-require-preflight': 'true' },
      });
      expect(preflighted.status).toBe(405);
      errorBodies.push({ what: 'GET mutation', body: await preflighted.text() });
    });

    it('refuses a batch of operations', async () => {
      const { response } = await post(
        JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      );
      expect(response.status).toBe(400);
    });
  });

  describe('after all of the above', () => {
    it('put no stack trace and no absolute path in any error answer', () => {
      expect(errorBodies.length).toBeGreaterThan(25);
      for (const { what, body } of errorBodies) {
        expect({ what, body }).toEqual({
          what,
          body: expect.not.stringMatching(/stacktrace|\n\s+at |\/work\/|node_modules|\.ts:\d/),
        });
      }
    });
  });
});
