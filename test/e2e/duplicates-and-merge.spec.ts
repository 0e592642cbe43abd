import { Role, stockholmDate } from '@crm/domain';
import {
  APP_CONFIG,
  AppConfig,
  DUPLICATE_QUEUE,
  DUPLICATE_SCAN_BATCH,
  enqueueDuplicateScan,
  JobName,
  redisOptions,
} from '@crm/persistence';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Duplicates over HTTP: creating an actor records its likely duplicates, staff list them, dismiss
 * the ones that are not and merge the ones that are; the worker then places the kept actor on the
 * ladder with the merged actor's evidence included.
 */
describe('duplicate candidates and merging over GraphQL', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;
  const daysAgo = (n: number) => stockholmDate(new Date(Date.now() - n * 86_400_000));

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    tokens[Role.ADMIN] = api.adminToken;
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
  });
  afterAll(() => api.close());

  const CANDIDATES = `query($first: Int, $after: String) {
    duplicateCandidates(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id score reasons a { id name kind } b { id name kind } } }
    }
  }`;
  /** Every open candidate, page by page. */
  const allCandidates = async (token?: string): Promise<Json[]> => {
    const nodes: Json[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Json = await api.ok(CANDIDATES, { first: 100, after }, token);
      const page: Json = data.duplicateCandidates;
      nodes.push(...page.edges.map((e: Json) => e.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  };
  const candidateFor = async (x: string, y: string) =>
    (await allCandidates()).find((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());

  const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeActors(keepId: $keep, mergeId: $merge) { id name email } }`;
  const DISMISS = `mutation($id: ID!) { dismissDuplicate(id: $id) }`;

  const attend = (eventId: string, actorId: string, role = 'AUDIENCE') =>
    api.ok(`mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`, {
      input: { eventId, actorId, role, status: 'ATTENDED' },
    });
  const eventOn = (day: string) =>
    make.event({
      meetingPlace: 'GRAND_HOTEL',
      startsAt: `${day}T09:00:00.000Z`,
      endsAt: `${day}T12:00:00.000Z`,
    });
  const ladderLevel = async (id: string): Promise<number | null> =>
    (await api.ok(`query($id: ID!) { actor(id: $id) { ladder { level } } }`, { id })).actor.ladder?.level ??
    null;

  it('lists two similar persons created through createPerson, with score and reasons', async () => {
    const a = await make.person({ name: 'Anna-Karin Öberg', email: 'anna-karin.oberg@umea.example.se' });
    const b = await make.person({
      name: 'Anna Karin Oberg',
      email: 'anna-karin.oberg@skelleftea.example.se',
    });
    const candidate = await candidateFor(a.id, b.id);
    expect(candidate).toMatchObject({ score: 1, reasons: ['Samma namn', 'Samma e-postadress före @'] });
    expect([candidate?.a.name, candidate?.b.name].sort()).toEqual(['Anna Karin Oberg', 'Anna-Karin Öberg']);
    expect(candidate?.a.id < candidate?.b.id).toBe(true);
  });

  it('lists the likeliest first, a page in a constant number of statements', async () => {
    for (let n = 0; n < 6; n += 1) await make.person({ name: `Kerstin Lundqvist ${'x'.repeat(n)}` });
    const nodes = await allCandidates();
    const scores = nodes.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const two = await api.countQueries(() => api.ok(CANDIDATES, { first: 2 }));
    const ten = await api.countQueries(() => api.ok(CANDIDATES, { first: 10 }));
    expect(ten).toBe(two);
    const bad = await api.gql(CANDIDATES, { first: 2, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('dismisses a candidate for good; a second dismissal answers BAD_USER_INPUT on id', async () => {
    const a = await make.person({ name: 'Jon Persson', email: null, municipalityCode: '2418' });
    const b = await make.person({ name: 'John Persson', municipalityCode: '2418' });
    const candidate = await candidateFor(a.id, b.id);
    expect(candidate?.reasons).toEqual(['Liknande namn (71 %)', 'Samma kommun']);
    const auditBefore = (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    expect(await api.ok(DISMISS, { id: candidate?.id }, tokens[Role.EVENT_STAFF])).toEqual({
      dismissDuplicate: true,
    });
    expect(await candidateFor(a.id, b.id)).toBeUndefined();
    const [audit] = await api.dataSource.query(
      `SELECT action, entity, entity_id, changed_fields FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      action: 'dismiss',
      entity: 'duplicate_candidate',
      entity_id: candidate?.id,
      changed_fields: ['dismissedAt', 'dismissedBy'],
    });
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(
      auditBefore + 1,
    );

    const again = await api.gql(DISMISS, { id: candidate?.id });
    expect(again.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }),
    ]);
    const unknown = await api.gql(DISMISS, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    // Creating a third namesake later does not reopen the dismissed pair.
    await make.person({ name: 'Jon Persson', email: null, municipalityCode: '2418' });
    expect(await candidateFor(a.id, b.id)).toBeUndefined();
  });

  it("merges two persons: participations move and the kept actor's ladder includes the merged evidence", async () => {
    const keep = await make.person({
      name: 'Birgitta Nordmark',
      email: 'birgitta.nordmark@vasterbotten.example.se',
    });
    const gone = await make.person({ name: 'Birgitta Nordmarck', email: null, title: 'Projektledare' });
    const [first, second] = [await eventOn(daysAgo(40)), await eventOn(daysAgo(20))];
    await attend(first.id, keep.id);
    await attend(second.id, gone.id, 'PANELIST');
    await api.ladderSettled();
    expect(await ladderLevel(keep.id)).toBe(1);
    const candidate = await candidateFor(keep.id, gone.id);
    expect(candidate).toBeDefined();

    const { mergeActors } = await api.ok(MERGE, { keep: keep.id, merge: gone.id }, tokens[Role.EVENT_STAFF]);
    expect(mergeActors).toEqual({
      id: keep.id,
      name: 'Birgitta Nordmark',
      email: 'birgitta.nordmark@vasterbotten.example.se',
    });
    const { actor } = await api.ok(
      `query($id: ID!) { actor(id: $id) { title participations { totalCount edges { node { role event { id } } } } } }`,
      { id: keep.id },
    );
    expect(actor.title).toBe('Projektledare');
    expect(actor.participations.totalCount).toBe(2);
    expect(actor.participations.edges.map((e: Json) => e.node.event.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect((await api.ok(`query($id: ID!) { actor(id: $id) { id } }`, { id: gone.id })).actor).toBeNull();
    expect(await candidateFor(keep.id, gone.id)).toBeUndefined();

    // The worker places the kept actor again: a panel seat makes it "interested" (step 2).
    const deadline = Date.now() + 20_000;
    let level = await ladderLevel(keep.id);
    while (level !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      level = await ladderLevel(keep.id);
    }
    expect(level).toBe(2);

    const [record] = await api.dataSource.query(
      `SELECT kept_id, moved FROM actor_merge WHERE merged_id = $1`,
      [gone.id],
    );
    expect(record).toEqual({
      kept_id: keep.id,
      moved: {
        participations: 1,
        participationClashes: 0,
        memberships: 0,
        membershipClashes: 0,
        engagements: 0,
        members: 0,
        filledFields: ['title'],
      },
    });
    const [audit] = await api.dataSource.query(
      `SELECT action, entity, entity_id, changed_fields FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      action: 'merge',
      entity: 'actor',
      entity_id: keep.id,
      changed_fields: ['title'],
    });
  });

  it('refuses a merge into itself or across kinds with BAD_USER_INPUT naming the field', async () => {
    const person = await make.person();
    const organisation = await make.organisation();
    const itself = await api.gql(MERGE, { keep: person.id, merge: person.id });
    expect(itself.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
    const across = await api.gql(MERGE, { keep: organisation.id, merge: person.id });
    expect(across.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
    const unknown = await api.gql(MERGE, { keep: 'nope', merge: person.id });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keepId' });
  });

  it('lets only administrators and event staff merge and dismiss; the committee may not list candidates', async () => {
    const a = await make.person({ name: 'Sigrid Holmlund' });
    const b = await make.person({ name: 'Sigrid Holmlund', email: null });
    const candidate = await candidateFor(a.id, b.id);
    for (const role of [Role.COMMITTEE, Role.STRATEGIST]) {
      const merge = await api.gql(MERGE, { keep: a.id, merge: b.id }, tokens[role]);
      expect(merge.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const dismiss = await api.gql(DISMISS, { id: candidate?.id }, tokens[role]);
      expect(dismiss.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const listed = await api.gql(CANDIDATES, { first: 1 }, tokens[Role.COMMITTEE]);
    expect(listed.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await api.gql(CANDIDATES, { first: 1 }, tokens[Role.STRATEGIST])).errors).toBeUndefined();
    expect(
      await api.dataSource.query(`SELECT id FROM actor WHERE id = ANY ($1::uuid[]) ORDER BY id`, [
        [a.id, b.id],
      ]),
    ).toHaveLength(2);
    expect(await candidateFor(a.id, b.id)).toBeDefined();
    const merged = await api.ok(MERGE, { keep: b.id, merge: a.id });
    expect(merged.mergeActors.id).toBe(b.id);
  });

  it('scans imported actors in the worker, in jobs of at most 500 ids', async () => {
    // Inserted as an import would (no createPerson, so no scan yet).
    const inserted: { id: string }[] = await api.dataSource.query(
      `INSERT INTO actor (kind, name, email, sector) VALUES
         ('PERSON', 'Henrik Åkerlund', 'henrik.akerlund@import-a.example.se', 'BUSINESS'),
         ('PERSON', 'Henrik Akerlund', 'henrik.akerlund@import-b.example.se', 'BUSINESS')
       RETURNING id`,
    );
    const [a, b] = inserted.map((r) => r.id);
    expect(await candidateFor(a, b)).toBeUndefined();

    const added: { name: string; data: { actorIds: string[] } }[][] = [];
    const ids = Array.from({ length: 2 * DUPLICATE_SCAN_BATCH + 1 }, () => randomUUID());
    expect(
      await enqueueDuplicateScan({ addBulk: async (jobs) => (added.push(jobs as never), []) }, ids),
    ).toBe(3);
    expect(added[0].map((job) => job.data.actorIds.length)).toEqual([500, 500, 1]);
    expect(added[0].every((job) => job.name === JobName.DuplicateScan)).toBe(true);

    const config = api.app.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(DUPLICATE_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      expect(await enqueueDuplicateScan(queue, [a, b, a])).toBe(1);
      const deadline = Date.now() + 20_000;
      let candidate = await candidateFor(a, b);
      while (!candidate && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        candidate = await candidateFor(a, b);
      }
      expect(candidate).toMatchObject({ score: 1, reasons: ['Samma namn', 'Samma e-postadress före @'] });
    } finally {
      await queue.close();
    }
  });

  it('hides pairs with a restricted person from staff who may not see restricted persons', async () => {
    const restricted = await make.person({ name: 'Rut Skyddad', email: null, municipalityCode: '2480' });
    const other = await make.person({ name: 'Rut Skyddad', email: null, municipalityCode: '2480' });
    const pair = await candidateFor(restricted.id, other.id);
    expect(pair).toBeDefined();
    await api.dataSource.query(
      `UPDATE actor SET restricted_at = now(), restriction_reason = 'Begäran om begränsning' WHERE id = $1`,
      [restricted.id],
    );
    const total = async (token: string) =>
      (await api.ok(CANDIDATES, { first: 1 }, token)).duplicateCandidates.totalCount as number;
    const adminTotal = await total(tokens[Role.ADMIN]);
    expect((await allCandidates(tokens[Role.ADMIN])).map((c) => c.id)).toContain(pair?.id);
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST]) {
      expect((await allCandidates(tokens[role])).map((c) => c.id)).not.toContain(pair?.id);
      expect(await total(tokens[role])).toBe(adminTotal - 1);
    }
    await api.dataSource.query(
      `UPDATE actor SET restricted_at = NULL, restriction_reason = NULL WHERE id = $1`,
      [restricted.id],
    );
    expect((await allCandidates(tokens[Role.EVENT_STAFF])).map((c) => c.id)).toContain(pair?.id);
  });

  it('never pairs an anonymised person, in the worker’s scan either', async () => {
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(DUPLICATE_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      // Two people really called so, and one anonymised person who now bears the same name.
      const inserted: { id: string }[] = await api.dataSource.query(
        `INSERT INTO actor (kind, name, sector, municipality_code, anonymised_at) VALUES
           ('PERSON', 'Anonymiserad person', 'BUSINESS', '2480', now()),
           ('PERSON', 'Anonymiserad person', 'BUSINESS', '2480', NULL),
           ('PERSON', 'Anonymiserad Person', 'BUSINESS', '2480', NULL)
         RETURNING id`,
      );
      const [anonymised, real, alsoReal] = inserted.map((r) => r.id);
      expect(await enqueueDuplicateScan(queue, [anonymised, real, alsoReal])).toBe(1);
      const deadline = Date.now() + 20_000;
      let candidate = await candidateFor(real, alsoReal);
      while (!candidate && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        candidate = await candidateFor(real, alsoReal);
      }
      expect(candidate).toBeDefined();
      expect(
        await api.dataSource.query(`SELECT id FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [
          anonymised,
        ]),
      ).toEqual([]);
    } finally {
      await queue.close();
    }
  });
});
