import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApolloClient } from '../app/apollo';
import { MapDistributionDocument, MeDocument } from '../gql/graphql';
import { dropEarlyAnswers, sendEarly } from './early-requests';

const ME = {
  me: { __typename: 'User', id: 'u1', name: 'Stina Strateg', email: 's@example.se', role: 'STRATEGIST' },
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** fetch stubbed with the given answers in turn; the requests' bodies are kept. */
function stubFetch(...answers: (() => Response | Promise<Response>)[]) {
  const bodies: { operationName: string; variables: unknown; query: string }[] = [];
  const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as (typeof bodies)[number]);
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, bodies };
}

afterEach(() => {
  dropEarlyAnswers();
  vi.unstubAllGlobals();
});

describe('early requests', () => {
  it('sends what Apollo would send, and Apollo takes the answer instead of asking again', async () => {
    const { fetchMock, bodies } = stubFetch(() => jsonResponse({ data: ME }));
    sendEarly(MeDocument);
    const client = createApolloClient();
    const result = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(result.data).toEqual(ME);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bodies[0].operationName).toBe('Me');
    expect(bodies[0].query).toContain('__typename');
  });

  it('matches the text Apollo prints for the map query (same variables)', async () => {
    const data = { ladderDistribution: [] };
    const { fetchMock, bodies } = stubFetch(() => jsonResponse({ data }));
    sendEarly(MapDistributionDocument, { asOf: null });
    const client = createApolloClient();
    const result = await client.query({
      query: MapDistributionDocument,
      variables: { asOf: null },
      fetchPolicy: 'network-only',
    });
    expect(result.data).toEqual(data);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bodies[0].variables).toEqual({ asOf: null });
  });

  it('is used once; other variables and dropped answers go to the network', async () => {
    const client = createApolloClient();

    const other = stubFetch(
      () => jsonResponse({ data: { ladderDistribution: [] } }),
      () => jsonResponse({ data: { ladderDistribution: [] } }),
    );
    sendEarly(MapDistributionDocument, { asOf: '2026-09-30' });
    await client.query({
      query: MapDistributionDocument,
      variables: { asOf: null },
      fetchPolicy: 'network-only',
    });
    expect(other.fetchMock).toHaveBeenCalledTimes(2);

    const used = stubFetch(() => jsonResponse({ data: ME }));
    sendEarly(MeDocument);
    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    const second = stubFetch(() => jsonResponse({ data: ME }));
    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(used.fetchMock).toHaveBeenCalledTimes(1);
    expect(second.fetchMock).toHaveBeenCalledTimes(1);

    const dropped = stubFetch(
      () => jsonResponse({ data: { me: { ...ME.me, id: 'someone-else' } } }),
      () => jsonResponse({ data: ME }),
    );
    sendEarly(MeDocument);
    dropEarlyAnswers();
    const fresh = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(fresh.data).toEqual(ME);
    expect(dropped.fetchMock).toHaveBeenCalledTimes(2);
  });

  it('a refusal (signed out) is the answer, as the server gave it: one request, the error seen', async () => {
    const { fetchMock } = stubFetch(() =>
      jsonResponse({ data: null, errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    sendEarly(MeDocument);
    const client = createApolloClient();
    const result = await client.query({ query: MeDocument, fetchPolicy: 'network-only', errorPolicy: 'all' });
    expect(result.error?.message).toBe('no');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('an early request that failed (offline) leaves the query to the network as before', async () => {
    const { fetchMock } = stubFetch(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => jsonResponse({ data: ME }),
    );
    sendEarly(MeDocument);
    const client = createApolloClient();
    const result = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(result.data).toEqual(ME);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
