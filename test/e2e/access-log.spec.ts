import { Role } from '@crm/domain';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { AccessLogWriter } from '../../apps/api/src/access-log/access-log.writer';
import { AccessLogSummaryProcessor } from '../../apps/worker/src/access-log/access-log-summary.processor';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * The access log (issue 12, item 5): who read whose personal data, through what, when; the ADMIN's
 * accessLog query; the weekly follow-up for the data protection officer. The schema walk that proves
 * every way to a person is logged is access-log-schema-walk.spec.ts.
 */
describe('the access log of personal data reads', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  let organisation: { id: string; name: string };
  let anna: { id: string };
  let bertil: { id: string };
  let eventId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    tokens[Role.ADMIN] = api.adminToken;
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
    for (const role of Object.values(Role)) {
      userIds[role] = (await api.ok(`{ me { id } }`, {}, tokens[role])).me.id;
    }
    organisation = await make.organisation({ name: 'Loggbolaget AB' });
    anna = await make.person({ name: 'Anna Loggad', organisationId: organisation.id });
    bertil = await make.person({ name: 'Bertil Loggad' });
    eventId = (await make.event({ title: 'Loggmötet' })).id;
    for (const actorId of [anna.id, bertil.id, organisation.id]) {
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        { input: { eventId, actorId, role: 'AUDIENCE' } },
      );
    }
  });
  afterAll(() => api.close());

  type Row = { userId: string; operation: string; ids: string[] };
  const flush = () => api.app.get(AccessLogWriter).flush();
  const mark = async (): Promise<number> => {
    await flush();
    const [{ id }] = await api.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM personal_data_access`,
    );
    return id;
  };
  const loggedSince = async (since: number): Promise<Row[]> => {
    await flush();
    const rows: Row[] = await api.dataSource.query(
      `SELECT user_id AS "userId", operation, actor_ids::text[] AS ids FROM personal_data_access
       WHERE id > $1 ORDER BY id`,
      [since],
    );
    return rows.map((r) => ({ ...r, ids: [...r.ids].sort() }));
  };
  const sorted = (...ids: string[]) => [...ids].sort();

  describe('what is logged', () => {
    it('logs a list read by the user who read it, the persons only, one row for the whole list', async () => {
      const since = await mark();
      const data = await api.ok(
        `{ actors(filter: { search: "logg" }) { edges { node { name kind } } } }`,
        {},
        tokens[Role.STRATEGIST],
      );
      expect(data.actors.edges).toHaveLength(3);
      expect(await loggedSince(since)).toEqual([
        { userId: userIds[Role.STRATEGIST], operation: 'actors', ids: sorted(anna.id, bertil.id) },
      ]);
    });

    it('logs each root field of a request as a read of its own, by field name whatever the alias', async () => {
      const since = await mark();
      await api.ok(
        `query($a: ID!, $e: ID!) {
           first: actor(id: $a) { email }
           second: actor(id: $a) { title }
           checkInSearch(eventId: $e, query: "bertil") { actor { name } }
         }`,
        { a: anna.id, e: eventId },
        tokens[Role.EVENT_STAFF],
      );
      expect(await loggedSince(since)).toEqual([
        { userId: userIds[Role.EVENT_STAFF], operation: 'actor', ids: [anna.id] },
        { userId: userIds[Role.EVENT_STAFF], operation: 'checkInSearch', ids: [bertil.id] },
      ]);
    });

    it('does not log an organisation as a person', async () => {
      const since = await mark();
      const data = await api.ok(
        `query($id: ID!) { actor(id: $id) { name email sector organisationNumber } }`,
        {
          id: organisation.id,
        },
      );
      expect(data.actor.name).toBe('Loggbolaget AB');
      expect(await loggedSince(since)).toEqual([]);
    });

    it('writes nothing for a request that reads nothing personal', async () => {
      const since = await mark();
      await api.ok(
        `query($e: ID!) {
           actors { totalCount edges { node { id kind } } }
           event(id: $e) { title participants { totalCount edges { node { role status actor { id } } } } }
           ladderDistribution { group total }
           me { name email }
           users { name }
         }`,
        { e: eventId },
      );
      expect(await loggedSince(since)).toEqual([]);
    });

    it('logs nothing for a refused request', async () => {
      const since = await mark();
      const refused = await api.gql(`{ actors { edges { node { name } } } }`, {}, tokens[Role.COMMITTEE]);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await loggedSince(since)).toEqual([]);
    });

    const download = async (path: string, token: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    };

    it.each(['csv', 'xlsx'])("logs the participant export (.%s): the event's persons", async (format) => {
      const since = await mark();
      await download(`/exports/events/${eventId}/participants.${format}`, tokens[Role.EVENT_STAFF]);
      expect(await loggedSince(since)).toEqual([
        {
          userId: userIds[Role.EVENT_STAFF],
          operation: `GET /exports/events/:eventId/participants.${format}`,
          ids: sorted(anna.id, bertil.id),
        },
      ]);
    });

    it.each(['csv', 'xlsx'])('logs the actor export (.%s): the persons of the list', async (format) => {
      const since = await mark();
      await download(`/exports/actors.${format}?search=logg`, tokens[Role.STRATEGIST]);
      expect(await loggedSince(since)).toEqual([
        {
          userId: userIds[Role.STRATEGIST],
          operation: `GET /exports/actors.${format}`,
          ids: sorted(anna.id, bertil.id),
        },
      ]);
    });

    it('writes no row for an export of organisations only', async () => {
      const since = await mark();
      await download(`/exports/actors.csv?search=loggbolaget`, tokens[Role.STRATEGIST]);
      expect(await loggedSince(since)).toEqual([]);
    });
  });

  it('writes what is still queued when the API shuts down', async () => {
    const other = await TestApi.start();
    const url = (other.dataSource.options as { url: string }).url;
    const person = await new Factory(other).person({ name: 'Stina Sist' });
    await other.ok(`query($id: ID!) { actor(id: $id) { name } }`, { id: person.id });
    // No flush: closing the app must write the read (the timer would come a second later).
    await other.app.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT operation, actor_ids::text[] AS ids FROM personal_data_access WHERE operation = 'actor'`,
      );
      expect(rows).toEqual([{ operation: 'actor', ids: [person.id] }]);
    } finally {
      await client.end();
      // What TestApi.close does after closing the app (closing it twice leaves handles open).
      await (other as unknown as { dropDatabase: () => Promise<void> }).dropDatabase();
    }
  });

  describe('accessLog', () => {
    const LOG = `query($actorId: ID, $userId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
      accessLog(actorId: $actorId, userId: $userId, from: $from, to: $to, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { at user { id name } operation personCount actorIds } } } }`;
    const ids = {
      p1: '00000000-0000-4000-8000-000000000001',
      p2: '00000000-0000-4000-8000-000000000002',
      p3: '00000000-0000-4000-8000-000000000003',
    };

    beforeAll(async () => {
      await flush();
      await api.dataSource.query(`DELETE FROM personal_data_access`);
      // Five reads in 2025, two users; two of them in the same microsecond (the cursor keeps them apart).
      const rows: [string, Role, string, string[]][] = [
        ['2025-03-01T10:00:00.000001Z', Role.STRATEGIST, 'actors', [ids.p1, ids.p2]],
        ['2025-03-02T10:00:00Z', Role.EVENT_STAFF, 'checkInSearch', [ids.p2]],
        ['2025-03-03T10:00:00Z', Role.STRATEGIST, 'actor', [ids.p3]],
        ['2025-03-03T10:00:00Z', Role.STRATEGIST, 'GET /exports/actors.csv', [ids.p1, ids.p2, ids.p3]],
        ['2025-03-04T10:00:00Z', Role.EVENT_STAFF, 'actor', [ids.p1]],
      ];
      for (const [at, role, operation, actorIds] of rows) {
        await api.dataSource.query(
          `INSERT INTO personal_data_access (at, user_id, operation, actor_ids) VALUES ($1, $2, $3, $4::uuid[])`,
          [at, userIds[role], operation, actorIds],
        );
      }
    });

    const operations = (data: Json) => data.accessLog.edges.map((e: Json) => e.node.operation);

    it('answers newest first with who, what and whom', async () => {
      const data = await api.ok(LOG, {});
      expect(data.accessLog.totalCount).toBe(5);
      expect(operations(data)).toEqual([
        'actor',
        'GET /exports/actors.csv',
        'actor',
        'checkInSearch',
        'actors',
      ]);
      const [newest] = data.accessLog.edges;
      expect(newest.node).toMatchObject({
        at: '2025-03-04T10:00:00.000Z',
        user: { id: userIds[Role.EVENT_STAFF], name: expect.stringMatching(/^User /) },
        personCount: 1,
        actorIds: [ids.p1],
      });
    });

    it('filters by person, by user and by time', async () => {
      expect(operations(await api.ok(LOG, { actorId: ids.p3 }))).toEqual([
        'GET /exports/actors.csv',
        'actor',
      ]);
      expect(operations(await api.ok(LOG, { userId: userIds[Role.EVENT_STAFF] }))).toEqual([
        'actor',
        'checkInSearch',
      ]);
      expect(
        operations(await api.ok(LOG, { from: '2025-03-02T10:00:00Z', to: '2025-03-03T10:00:00Z' })),
      ).toEqual(['GET /exports/actors.csv', 'actor', 'checkInSearch']);
      const both = await api.ok(LOG, { actorId: ids.p2, userId: userIds[Role.STRATEGIST] });
      expect(both.accessLog.totalCount).toBe(2);
      expect(operations(both)).toEqual(['GET /exports/actors.csv', 'actors']);
    });

    it('pages by cursor, without losing or repeating entries of the same moment', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 5; pages += 1) {
        const data: Json = await api.ok(LOG, { first: 2, after });
        seen.push(...operations(data));
        expect(data.accessLog.totalCount).toBe(5);
        if (!data.accessLog.pageInfo.hasNextPage) break;
        after = data.accessLog.pageInfo.endCursor;
      }
      expect(seen).toEqual(['actor', 'GET /exports/actors.csv', 'actor', 'checkInSearch', 'actors']);
    });

    it.each([
      ['a bad actor id', { actorId: 'nope' }, 'actorId'],
      ['a bad user id', { userId: '123' }, 'userId'],
      ['from after to', { from: '2025-03-05T00:00:00Z', to: '2025-03-01T00:00:00Z' }, 'from'],
      [
        'a cursor of another list',
        { after: Buffer.from('["actors","a","b"]').toString('base64url') },
        'after',
      ],
      [
        'a forged cursor',
        { after: Buffer.from('["accessLog","2025-03-01T10:00:00Z","1; x"]').toString('base64url') },
        'after',
      ],
      ['first out of range', { first: 501 }, 'first'],
    ])('answers BAD_USER_INPUT for %s', async (_what, variables, field) => {
      const result = await api.gql(LOG, variables);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.data ?? null).toBeNull();
    });

    it('is not a read of personal data itself: it holds ids only', async () => {
      const since = await mark();
      await api.ok(LOG, {});
      expect(await loggedSince(since)).toEqual([]);
    });

    it.each([Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])('refuses %s', async (role) => {
      for (const query of [LOG, `{ accessLogSummaries { weekStart } }`]) {
        const result = await api.gql(query, {}, tokens[role]);
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(result.data ?? null).toBeNull();
      }
    });
  });

  describe('the weekly summary for the data protection officer', () => {
    // Monday 16 November 2026, 06:00 in Stockholm (CET): the job's run for the week of 9–15 November.
    const RUN_AT = new Date('2026-11-16T05:00:00Z');
    let processor: AccessLogSummaryProcessor;

    const reads = async (role: Role, at: string, persons: number, times = 1) => {
      for (let i = 0; i < times; i += 1) {
        await api.dataSource.query(
          `INSERT INTO personal_data_access (at, user_id, operation, actor_ids)
           VALUES ($1, $2, 'actors', ARRAY(SELECT gen_random_uuid() FROM generate_series(1, $3::int)))`,
          [at, userIds[role], persons],
        );
      }
    };

    beforeAll(async () => {
      await flush();
      await api.dataSource.query(`DELETE FROM personal_data_access`);
      const queue = { upsertJobScheduler: async () => undefined } as unknown as Queue;
      processor = new AccessLogSummaryProcessor(api.dataSource, queue);
      // The strategist reads 100 persons every week of the 8 before, then 301 (more than 3 × 100).
      for (let week = 1; week <= 8; week += 1) {
        const day = new Date(Date.parse('2026-11-10T10:00:00Z') - week * 7 * 86_400_000).toISOString();
        await reads(Role.STRATEGIST, day, 100);
      }
      await reads(Role.STRATEGIST, '2026-11-10T10:00:00Z', 200);
      await reads(Role.STRATEGIST, '2026-11-12T10:00:00Z', 101);
      // Staff: 150 persons in two reads, no history: 3 × 0 is exceeded, but not the minimum of 200.
      await reads(Role.EVENT_STAFF, '2026-11-11T10:00:00Z', 75, 2);
      // The admin: 250 persons and no history: flagged. Monday 00:30 Stockholm opens the week...
      await reads(Role.ADMIN, '2026-11-08T23:30:00Z', 250);
      // ... and Monday 00:30 the week after is not in it.
      await reads(Role.ADMIN, '2026-11-15T23:30:00Z', 5_000);
    });

    const SUMMARIES = `{ accessLogSummaries(first: 4) { weekStart reads users flaggedUsers
      perUser { user { id } reads persons baselineMedian flagged } } }`;

    it('counts reads and distinct persons per user for the week that ended, and flags by the rule', async () => {
      const week = await processor.summarise(RUN_AT);
      expect(week.weekStart).toBe('2026-11-09');
      const data = await api.ok(SUMMARIES);
      expect(data.accessLogSummaries).toEqual([
        {
          weekStart: '2026-11-09',
          reads: 5,
          users: 3,
          flaggedUsers: 2,
          perUser: [
            {
              user: { id: userIds[Role.STRATEGIST] },
              reads: 2,
              persons: 301,
              baselineMedian: 100,
              flagged: true,
            },
            { user: { id: userIds[Role.ADMIN] }, reads: 1, persons: 250, baselineMedian: 0, flagged: true },
            {
              user: { id: userIds[Role.EVENT_STAFF] },
              reads: 2,
              persons: 150,
              baselineMedian: 0,
              flagged: false,
            },
          ],
        },
      ]);
      expect(JSON.stringify(data)).not.toMatch(/Loggad/);
    });

    it('changes nothing when run again for the same week, and keeps earlier weeks', async () => {
      const before = await api.ok(SUMMARIES);
      await processor.summarise(new Date('2026-11-22T22:00:00Z')); // Sunday night: still the week of the 9th
      const again = await api.ok(SUMMARIES);
      expect(again.accessLogSummaries.map((w: Json) => ({ ...w }))).toEqual(before.accessLogSummaries);
      await processor.summarise(new Date('2026-11-23T05:00:00Z')); // the next Monday: the week of the 16th
      const next = await api.ok(SUMMARIES);
      expect(next.accessLogSummaries.map((w: Json) => w.weekStart)).toEqual(['2026-11-16', '2026-11-09']);
      expect(next.accessLogSummaries[0]).toMatchObject({
        reads: 1,
        users: 1,
        flaggedUsers: 1, // 5,000 persons: above the ceiling
        perUser: [{ user: { id: userIds[Role.ADMIN] }, persons: 5_000, baselineMedian: 0, flagged: true }],
      });
    });
  });
});
