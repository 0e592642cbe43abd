import { MAX_NOTE_LENGTH, Role } from '@crm/domain';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Initiatives, memberships and recorded engagements over GraphQL: the engagement ladder's evidence
 * beyond attendance. Joining is an upsert on (initiative, actor); every write is audited and leaves
 * the affected actors in the ladder outbox (written by database triggers in the same transaction).
 */
describe('initiatives and engagements over GraphQL', () => {
  let api: TestApi;
  let make: Factory;
  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
  });
  afterAll(() => api.close());

  const INITIATIVE_FIELDS = `id name kind topics startedOn meetingPlace`;
  const MEMBERSHIP_FIELDS = `id role joinedOn leftOn initiative { id name } actor { id name }`;
  const ENGAGEMENT_FIELDS = `id kind occurredOn note createdAt actor { id } event { id title } initiative { id name }`;

  const createInitiative = async (input: Record<string, unknown> = {}, token?: string): Promise<Json> =>
    (
      await api.ok(
        `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${INITIATIVE_FIELDS} } }`,
        {
          input: {
            name: `Arbetsgrupp ${unique()}`,
            kind: 'WORKING_GROUP',
            startedOn: '2025-03-01',
            ...input,
          },
        },
        token,
      )
    ).createInitiative;

  const JOIN = `mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
  const LEAVE = `mutation($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
  const RECORD = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { ${ENGAGEMENT_FIELDS} } }`;
  const REMOVE = `mutation($id: ID!) { removeEngagement(id: $id) }`;

  const join = async (input: Record<string, unknown>): Promise<Json> =>
    (await api.ok(JOIN, { input: { role: 'MEMBER', joinedOn: '2025-03-10', ...input } })).joinInitiative;

  /** Expects one BAD_USER_INPUT naming `field`. */
  const expectBadInput = async (query: string, variables: Record<string, unknown>, field: string) => {
    const result = await api.gql(query, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data ?? null).toBeNull();
  };

  const emptyOutbox = () => api.dataSource.query(`DELETE FROM ladder_outbox`);
  const outbox = async (): Promise<string[]> =>
    (await api.dataSource.query(`SELECT actor_id FROM ladder_outbox ORDER BY actor_id`)).map(
      (r: { actor_id: string }) => r.actor_id,
    );
  const membershipRows = (initiativeId: string, actorId: string) =>
    api.dataSource.query(
      `SELECT role, joined_on::text AS joined_on, left_on::text AS left_on FROM initiative_membership
       WHERE initiative_id = $1 AND actor_id = $2`,
      [initiativeId, actorId],
    );
  const audit = (entityId: string) =>
    api.dataSource.query(
      `SELECT action, entity, changed_fields FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  describe('initiatives', () => {
    it('creates an initiative with calendar dates kept as YYYY-MM-DD and audits it', async () => {
      const initiative = await createInitiative({
        name: '  Bredband  i inlandet ',
        kind: 'COLLABORATION',
        topics: [' Digitalisering ', 'digitalisering', 'Infrastruktur'],
        startedOn: '2024-02-29',
        meetingPlace: 'MOTESPLATS_LYCKSELE',
      });
      expect(initiative).toMatchObject({
        name: 'Bredband i inlandet',
        kind: 'COLLABORATION',
        topics: ['Digitalisering', 'Infrastruktur'],
        startedOn: '2024-02-29',
        meetingPlace: 'MOTESPLATS_LYCKSELE',
      });
      const read = await api.ok(
        `query($id: ID!) { initiative(id: $id) { ${INITIATIVE_FIELDS} members { totalCount } sectors } }`,
        { id: initiative.id },
      );
      expect(read.initiative).toEqual({ ...initiative, members: { totalCount: 0 }, sectors: [] });
      const [row] = await api.dataSource.query(`SELECT started_on::text AS d FROM initiative WHERE id = $1`, [
        initiative.id,
      ]);
      expect(row.d).toBe('2024-02-29');
      const trail = await audit(initiative.id);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'create', entity: 'initiative' });
      expect(trail[0].changed_fields.sort()).toEqual(['kind', 'meetingPlace', 'name', 'startedOn', 'topics']);
    });

    it('answers null for an unknown initiative and BAD_USER_INPUT for a malformed id', async () => {
      const data = await api.ok(`query($id: ID!) { initiative(id: $id) { id } }`, {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(data.initiative).toBeNull();
      const malformed = await api.gql(`query($id: ID!) { initiative(id: $id) { id } }`, { id: 'nope' });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(malformed.data).toEqual({ initiative: null });
    });

    it('refuses blank names and impossible or timestamped dates', async () => {
      const create = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
      const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM initiative`);
      await expectBadInput(
        create,
        { input: { name: '  ', kind: 'WORKING_GROUP', startedOn: '2025-01-01' } },
        'name',
      );
      for (const startedOn of ['2025-02-29', '2025-01-01T00:00:00Z', '2025-1-1', 20250101]) {
        const result = await api.gql(create, {
          input: { name: 'Datumtest', kind: 'WORKING_GROUP', startedOn },
        });
        expect(result.errors?.[0].message).toMatch(/YYYY-MM-DD/);
        expect(result.data ?? null).toBeNull();
      }
      const literal = await api.gql(
        `mutation { createInitiative(input: { name: "Datumtest", kind: OWN_INITIATIVE, startedOn: "2025-04-31" }) { id } }`,
      );
      expect(literal.errors?.[0].message).toMatch(/YYYY-MM-DD/);
      expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM initiative`)).toEqual(before);
    });

    it('lists initiatives most recently started first, filtered and paged', async () => {
      const tag = unique();
      for (const [startedOn, kind] of [
        ['2023-05-01', 'WORKING_GROUP'],
        ['2025-01-15', 'COLLABORATION'],
        ['2024-09-30', 'WORKING_GROUP'],
      ]) {
        await createInitiative({
          name: `Listtest ${tag} ${startedOn}`,
          kind,
          startedOn,
          meetingPlace: 'ALMEDALEN',
        });
      }
      const page = (after: string | null, kind: string | null = null) =>
        api.ok(
          `query($s: String, $kind: InitiativeKind, $after: String) {
             initiatives(filter: { search: $s, kind: $kind }, first: 2, after: $after) {
               totalCount pageInfo { hasNextPage endCursor } edges { node { startedOn } } } }`,
          { s: `LISTTEST ${tag}`, kind, after },
        );
      const first = (await page(null)).initiatives;
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await page(first.pageInfo.endCursor)).initiatives;
      expect([...first.edges, ...second.edges].map((e: Json) => e.node.startedOn)).toEqual([
        '2025-01-15',
        '2024-09-30',
        '2023-05-01',
      ]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect((await page(null, 'WORKING_GROUP')).initiatives.totalCount).toBe(2);
      const bad = await api.gql(`{ initiatives(after: "nonsense") { totalCount } }`);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('memberships', () => {
    it('joins, and joining again updates the one row (role, joinedOn) and re-opens it', async () => {
      const initiative = await createInitiative({ startedOn: '2025-03-01' });
      const person = await make.person();
      await emptyOutbox();
      // Field notes come late: joining before the initiative started is allowed.
      const first = await join({ initiativeId: initiative.id, actorId: person.id, joinedOn: '2025-02-20' });
      expect(first).toMatchObject({
        role: 'MEMBER',
        joinedOn: '2025-02-20',
        leftOn: null,
        initiative: { id: initiative.id },
        actor: { id: person.id },
      });
      expect(await outbox()).toEqual([person.id]);

      await emptyOutbox();
      const again = await join({
        initiativeId: initiative.id,
        actorId: person.id,
        role: 'LEAD',
        joinedOn: '2025-03-05',
      });
      expect(again).toMatchObject({ id: first.id, role: 'LEAD', joinedOn: '2025-03-05', leftOn: null });
      expect(await membershipRows(initiative.id, person.id)).toEqual([
        { role: 'LEAD', joined_on: '2025-03-05', left_on: null },
      ]);
      expect(await outbox()).toEqual([person.id]);
      const trail = await audit(first.id);
      expect(trail.map((a: Json) => [a.action, a.entity])).toEqual([
        ['join', 'initiative_membership'],
        ['join', 'initiative_membership'],
      ]);
    });

    it('leaves concurrent joins of the same pair as one row', async () => {
      const initiative = await createInitiative();
      const person = await make.person();
      const results = await Promise.all(
        (['MEMBER', 'PARTNER', 'LEAD', 'MEMBER', 'PARTNER', 'LEAD', 'MEMBER', 'LEAD'] as const).map((role) =>
          api.gql(JOIN, {
            input: { initiativeId: initiative.id, actorId: person.id, role, joinedOn: '2025-04-01' },
          }),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(new Set(results.map((r) => (r.data as Json).joinInitiative.id)).size).toBe(1);
      expect(await membershipRows(initiative.id, person.id)).toHaveLength(1);
    });

    it('leaves, refuses leaving before joining or when not a member, and rejoins', async () => {
      const initiative = await createInitiative();
      const person = await make.person();
      const stranger = await make.person();
      const membership = await join({
        initiativeId: initiative.id,
        actorId: person.id,
        joinedOn: '2025-03-10',
      });

      await expectBadInput(
        LEAVE,
        { input: { initiativeId: initiative.id, actorId: person.id, leftOn: '2025-03-09' } },
        'leftOn',
      );
      await expectBadInput(
        LEAVE,
        { input: { initiativeId: initiative.id, actorId: stranger.id, leftOn: '2025-06-01' } },
        'actorId',
      );
      await expectBadInput(
        LEAVE,
        {
          input: {
            initiativeId: '00000000-0000-4000-8000-000000000000',
            actorId: person.id,
            leftOn: '2025-06-01',
          },
        },
        'initiativeId',
      );
      expect(await membershipRows(initiative.id, person.id)).toEqual([
        { role: 'MEMBER', joined_on: '2025-03-10', left_on: null },
      ]);

      await emptyOutbox();
      const left = (
        await api.ok(LEAVE, {
          input: { initiativeId: initiative.id, actorId: person.id, leftOn: '2025-03-10' },
        })
      ).leaveInitiative;
      expect(left).toMatchObject({ id: membership.id, joinedOn: '2025-03-10', leftOn: '2025-03-10' });
      expect(await outbox()).toEqual([person.id]);
      // A retry of the same leave answers the same membership; leaving again on another day is refused.
      const retry = await api.ok(LEAVE, {
        input: { initiativeId: initiative.id, actorId: person.id, leftOn: '2025-03-10' },
      });
      expect(retry.leaveInitiative).toMatchObject({ id: membership.id, leftOn: '2025-03-10' });
      await expectBadInput(
        LEAVE,
        { input: { initiativeId: initiative.id, actorId: person.id, leftOn: '2025-09-01' } },
        'actorId',
      );

      await emptyOutbox();
      const rejoined = await join({
        initiativeId: initiative.id,
        actorId: person.id,
        role: 'PARTNER',
        joinedOn: '2025-08-01',
      });
      expect(rejoined).toMatchObject({
        id: membership.id,
        role: 'PARTNER',
        joinedOn: '2025-08-01',
        leftOn: null,
      });
      expect(await outbox()).toEqual([person.id]);
      expect((await audit(membership.id)).map((a: Json) => a.action)).toEqual(['join', 'leave', 'join']);
    });

    it('refuses unknown or malformed ids naming the field', async () => {
      const initiative = await createInitiative();
      const person = await make.person();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const input = (over: Record<string, unknown>) => ({
        input: {
          initiativeId: initiative.id,
          actorId: person.id,
          role: 'MEMBER',
          joinedOn: '2025-03-10',
          ...over,
        },
      });
      await expectBadInput(JOIN, input({ initiativeId: unknown }), 'initiativeId');
      await expectBadInput(JOIN, input({ actorId: unknown }), 'actorId');
      await expectBadInput(JOIN, input({ actorId: 'x' }), 'actorId');
      expect(await membershipRows(initiative.id, person.id)).toEqual([]);
    });

    it("shows an initiative's members and sectors, and an actor's initiatives", async () => {
      const initiative = await createInitiative({ name: `Samverkan ${unique()}`, kind: 'COLLABORATION' });
      const organisation = await make.organisation({ name: `Företag ${unique()}`, sector: 'BUSINESS' });
      const researcher = await make.person({ name: `A-forskare ${unique()}`, sector: 'ACADEMIA' });
      const official = await make.person({ name: `B-tjänsteperson ${unique()}`, sector: 'PUBLIC_SECTOR' });
      await join({ initiativeId: initiative.id, actorId: organisation.id, role: 'PARTNER' });
      await join({ initiativeId: initiative.id, actorId: researcher.id, role: 'LEAD' });
      await join({ initiativeId: initiative.id, actorId: official.id });
      await api.ok(LEAVE, {
        input: { initiativeId: initiative.id, actorId: official.id, leftOn: '2025-12-31' },
      });

      const data = await api.ok(
        `query($id: ID!) { initiative(id: $id) { sectors members(first: 2) { totalCount pageInfo { hasNextPage endCursor }
           edges { node { role leftOn actor { id } } } } } }`,
        { id: initiative.id },
      );
      expect(data.initiative.sectors).toEqual(['ACADEMIA', 'BUSINESS', 'PUBLIC_SECTOR']);
      expect(data.initiative.members.totalCount).toBe(3);
      expect(data.initiative.members.edges.map((e: Json) => e.node.actor.id)).toEqual([
        researcher.id,
        official.id,
      ]);
      const rest = await api.ok(
        `query($id: ID!, $after: String) { initiative(id: $id) { members(after: $after) { edges { node { role actor { id } } } } } }`,
        { id: initiative.id, after: data.initiative.members.pageInfo.endCursor },
      );
      expect(rest.initiative.members.edges).toEqual([
        { node: { role: 'PARTNER', actor: { id: organisation.id } } },
      ]);

      const actor = await api.ok(
        `query($id: ID!) { actor(id: $id) { initiatives { role joinedOn leftOn initiative { id kind } } } }`,
        { id: official.id },
      );
      expect(actor.actor.initiatives).toEqual([
        {
          role: 'MEMBER',
          joinedOn: '2025-03-10',
          leftOn: '2025-12-31',
          initiative: { id: initiative.id, kind: 'COLLABORATION' },
        },
      ]);
    });
  });

  describe('engagements', () => {
    it('records an engagement with its event and initiative, trims the note and marks the actor', async () => {
      const person = await make.person();
      const event = await make.event();
      const initiative = await createInitiative();
      await emptyOutbox();
      const recorded = (
        await api.ok(RECORD, {
          input: {
            actorId: person.id,
            kind: 'POLICY_INFLUENCE',
            occurredOn: '2025-05-20',
            eventId: event.id,
            initiativeId: initiative.id,
            note: '  Remissvar om regional  plan \n',
          },
        })
      ).recordEngagement;
      expect(recorded).toMatchObject({
        kind: 'POLICY_INFLUENCE',
        occurredOn: '2025-05-20',
        note: 'Remissvar om regional  plan',
        actor: { id: person.id },
        event: { id: event.id, title: event.title },
        initiative: { id: initiative.id },
      });
      expect(Number.isNaN(Date.parse(recorded.createdAt))).toBe(false);
      expect(await outbox()).toEqual([person.id]);
      const trail = await audit(recorded.id);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'create', entity: 'engagement' });
      expect(trail[0].changed_fields.sort()).toEqual([
        'actorId',
        'eventId',
        'initiativeId',
        'kind',
        'note',
        'occurredOn',
      ]);

      const bare = (
        await api.ok(RECORD, {
          input: { actorId: person.id, kind: 'INPUT', occurredOn: '2025-06-01', note: '   ' },
        })
      ).recordEngagement;
      expect(bare).toMatchObject({ note: null, event: null, initiative: null });
      const actor = await api.ok(`query($id: ID!) { actor(id: $id) { engagements { id occurredOn } } }`, {
        id: person.id,
      });
      expect(actor.actor.engagements).toEqual([
        { id: bare.id, occurredOn: '2025-06-01' },
        { id: recorded.id, occurredOn: '2025-05-20' },
      ]);
    });

    it('refuses unknown ids, long notes and bad dates naming the field, and records nothing', async () => {
      const person = await make.person();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const input = (over: Record<string, unknown>) => ({
        input: { actorId: person.id, kind: 'IMPLEMENTATION', occurredOn: '2025-05-20', ...over },
      });
      await expectBadInput(RECORD, input({ actorId: unknown }), 'actorId');
      await expectBadInput(RECORD, input({ eventId: unknown }), 'eventId');
      await expectBadInput(RECORD, input({ initiativeId: unknown }), 'initiativeId');
      await expectBadInput(RECORD, input({ eventId: 'not-an-id' }), 'eventId');
      await expectBadInput(RECORD, input({ note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }), 'note');
      const badDate = await api.gql(RECORD, input({ occurredOn: '2025-13-01' }));
      expect(badDate.errors?.[0].message).toMatch(/YYYY-MM-DD/);
      const rows = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM engagement WHERE actor_id = $1`,
        [person.id],
      );
      expect(rows).toEqual([{ n: 0 }]);
      const longest = await api.ok(RECORD, input({ note: ` ${'å'.repeat(MAX_NOTE_LENGTH)} ` }));
      expect(longest.recordEngagement.note).toHaveLength(MAX_NOTE_LENGTH);
    });

    it('removes a wrong record, marks the actor, and refuses an unknown id', async () => {
      const person = await make.person();
      const recorded = (
        await api.ok(RECORD, { input: { actorId: person.id, kind: 'INPUT', occurredOn: '2025-05-20' } })
      ).recordEngagement;
      await emptyOutbox();
      expect(await api.ok(REMOVE, { id: recorded.id })).toEqual({ removeEngagement: true });
      expect(await outbox()).toEqual([person.id]);
      expect(await api.dataSource.query(`SELECT id FROM engagement WHERE id = $1`, [recorded.id])).toEqual(
        [],
      );
      expect((await audit(recorded.id)).map((a: Json) => a.action)).toEqual(['create', 'delete']);
      await expectBadInput(REMOVE, { id: recorded.id }, 'id');
      await expectBadInput(REMOVE, { id: 'nope' }, 'id');
    });
  });

  it("batches actors' initiatives and engagements: the same statements for 2 actors as for 6", async () => {
    const organisation = await make.organisation();
    const initiative = await createInitiative();
    for (let i = 0; i < 6; i += 1) {
      const person = await make.person({ organisationId: organisation.id });
      await join({ initiativeId: initiative.id, actorId: person.id });
      await api.ok(RECORD, {
        input: { actorId: person.id, kind: 'INPUT', occurredOn: '2025-05-20', initiativeId: initiative.id },
      });
    }
    const page = (first: number) =>
      api.ok(
        `query($id: ID!, $first: Int) { actors(filter: { organisationId: $id }, first: $first) { edges { node {
           initiatives { role initiative { name sectors } } engagements { kind initiative { name } } } } } }`,
        { id: organisation.id, first },
      );
    const two = await api.countQueries(() => page(2));
    const six = await api.countQueries(() => page(6));
    expect(six).toBe(two);
  });

  describe('access', () => {
    it('lets event staff and strategists write, keeps the committee read-only, and hides members from the committee', async () => {
      const staff = await make.user(Role.EVENT_STAFF);
      const strategist = await make.user(Role.STRATEGIST);
      const committee = await make.user(Role.COMMITTEE);
      const person = await make.person();
      const initiative = await createInitiative({}, staff);
      const input = {
        initiativeId: initiative.id,
        actorId: person.id,
        role: 'MEMBER',
        joinedOn: '2025-03-10',
      };
      expect((await api.ok(JOIN, { input }, staff)).joinInitiative.role).toBe('MEMBER');
      // The strategists who work with the initiatives record their evidence too (about someone else here).
      const other = await make.person();
      const own = await createInitiative({ name: 'Strategernas arbetsgrupp' }, strategist);
      expect(
        (
          await api.ok(
            JOIN,
            { input: { ...input, actorId: other.id, initiativeId: own.id, role: 'LEAD' } },
            strategist,
          )
        ).joinInitiative.role,
      ).toBe('LEAD');
      const engagement = (
        await api.ok(
          RECORD,
          { input: { actorId: other.id, kind: 'INPUT', occurredOn: '2025-05-20' } },
          strategist,
        )
      ).recordEngagement;
      expect(engagement.kind).toBe('INPUT');

      const create = await api.gql(
        `mutation { createInitiative(input: { name: "Nej", kind: WORKING_GROUP, startedOn: "2025-01-01" }) { id } }`,
        {},
        committee,
      );
      expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const joined = await api.gql(JOIN, { input }, committee);
      expect(joined.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const recorded = await api.gql(
        RECORD,
        { input: { actorId: person.id, kind: 'INPUT', occurredOn: '2025-05-20' } },
        committee,
      );
      expect(recorded.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const read = `query($id: ID!) { initiative(id: $id) { name sectors } }`;
      expect((await api.ok(read, { id: initiative.id }, committee)).initiative.sectors).toEqual(['ACADEMIA']);
      const members = await api.gql(
        `query($id: ID!) { initiative(id: $id) { members { totalCount } } }`,
        { id: initiative.id },
        committee,
      );
      expect(members.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const ofActor = await api.ok(
        `query($id: ID!) { actor(id: $id) { initiatives { role } engagements { id } } }`,
        { id: person.id },
        strategist,
      );
      expect(ofActor.actor).toEqual({ initiatives: [{ role: 'MEMBER' }], engagements: [] });
      const anonymous = await api.gql(`{ initiatives { totalCount } }`, {}, null);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
