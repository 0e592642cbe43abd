import { TestApi } from '../support/api';

/**
 * A page of actors with their organisations, municipalities and participations (each with its event)
 * costs the same number of SQL statements whether the page holds 10 actors or 100.
 */
describe('nested fields are batched', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    // 100 people in 10 organisations, each at 3 of 5 events: inserted in bulk, this test is about reads.
    await api.dataSource.query(`
      WITH orgs AS (
        INSERT INTO actor (kind, name, sector, municipality_code)
        SELECT 'ORGANISATION', 'Batch org ' || i, 'BUSINESS', '2480' FROM generate_series(1, 10) i RETURNING id, name
      ), people AS (
        INSERT INTO actor (kind, name, sector, organisation_id, municipality_code, email)
        SELECT 'PERSON', 'Batch person ' || lpad(i::text, 3, '0'), 'BUSINESS',
               (SELECT id FROM orgs ORDER BY name OFFSET (i % 10) LIMIT 1), '2482', 'batch' || i || '@example.se'
        FROM generate_series(1, 100) i RETURNING id
      ), events AS (
        INSERT INTO event (meeting_place, title, starts_at)
        SELECT 'ALMEDALEN', 'Batch event ' || i, now() - i * interval '1 day' FROM generate_series(1, 5) i RETURNING id
      )
      INSERT INTO participation (event_id, actor_id, role, status, source)
      SELECT e.id, p.id, 'AUDIENCE', 'REGISTERED', 'IMPORT'
      FROM people p CROSS JOIN LATERAL (SELECT id FROM events ORDER BY random() LIMIT 3) e`);
  });
  afterAll(() => api.close());

  const query = `query($first: Int) {
    actors(filter: { kind: PERSON, search: "batch person" }, first: $first) {
      totalCount
      edges { node {
        name
        municipality { name county }
        organisation { name municipality { name } members(first: 5) { totalCount edges { node { name } } } }
        participations(first: 10) { totalCount edges { node { role event { title meetingPlace } } } }
      } }
    }
  }`;

  it('costs a constant number of statements for 10 or 100 actors', async () => {
    // Warm up the authentication path (one user lookup per request either way).
    let small: Record<string, unknown> = {};
    let large: Record<string, unknown> = {};
    const ten = await api.countQueries(async () => (small = await api.ok(query, { first: 10 })));
    const hundred = await api.countQueries(async () => (large = await api.ok(query, { first: 100 })));

    const edges = (data: Record<string, unknown>) =>
      (data as { actors: { edges: { node: { participations: { totalCount: number } } }[] } }).actors.edges;
    expect(edges(small)).toHaveLength(10);
    expect(edges(large)).toHaveLength(100);
    expect(edges(large).every((e) => e.node.participations.totalCount === 3)).toBe(true);
    expect(hundred).toBe(ten);
    // user lookup, actor page + count, municipalities, organisations, members + counts,
    // participations + counts, events: a small constant, far below one per actor.
    expect(hundred).toBeLessThanOrEqual(12);
  });
});
