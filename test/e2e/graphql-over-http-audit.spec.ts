import { auditServer, AuditResult } from 'graphql-http';
import { TestApi } from '../support/api';

/**
 * The GraphQL-over-HTTP conformance audit of the graphql-http package against the running API, with
 * introspection on (the audit introspects) and a bearer token on every request (every operation
 * needs one). No MUST may fail; the SHOULD warnings are listed in the README with the reason for each.
 */
describe('GraphQL over HTTP audit (graphql-http auditServer)', () => {
  let api: TestApi;
  let results: AuditResult[];

  beforeAll(async () => {
    api = await TestApi.start({ env: { GRAPHQL_INTROSPECTION: 'true' } });
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${api.adminToken}`);
      return fetch(input, { ...init, headers });
    };
    results = await auditServer({ url: `${api.baseUrl}/graphql`, fetchFn });
  });
  afterAll(() => api.close());

  it('ran the whole audit', () => {
    expect(results.length).toBeGreaterThan(40);
  });

  it('fails no MUST', () => {
    const failures = results
      .filter((r) => r.status === 'error')
      .map((r) => `${r.id} ${r.name}: ${r.status === 'error' ? r.reason : ''}`);
    expect(failures).toEqual([]);
  });

  it('warns only where the README says why (the known SHOULD warnings)', () => {
    const warnings = results.filter((r) => r.status === 'warn').map((r) => `${r.id} ${r.name}`);
    // The assertion keeps the README's list from going stale unnoticed.
    expect(warnings).toEqual(KNOWN_SHOULD_WARNINGS);
  });
});

/**
 * All three for one reason: a request that fails before execution (a document that does not parse,
 * does not validate — the query limits among them — or variables that cannot be coerced) answers
 * HTTP 400, as issue 9 asks and Apollo Server 5 does, also to clients that accept only
 * application/json, where the spec's legacy-compatible SHOULD is 200. Clients accepting
 * application/graphql-response+json get the 4xx the spec asks for (those audits pass).
 */
const KNOWN_SHOULD_WARNINGS = [
  '572B SHOULD use 200 status code on document parsing failure when accepting application/json',
  'FDE2 SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];
