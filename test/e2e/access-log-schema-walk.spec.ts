import { stockholmDate } from '@crm/domain';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, GraphQLSchema, isObjectType } from 'graphql';
import { AccessLogWriter } from '../../apps/api/src/access-log/access-log.writer';
import { PERSONAL_FIELDS } from '../../apps/api/src/access-log/personal-fields';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * The access log misses no way to a person's name or email. The walk goes through the schema the API
 * serves: the types whose fields hold a person's personal data are those of PERSONAL_FIELDS (`Actor`,
 * and `LadderReason`, whose text names the person behind an organisation's step; `User` is staff
 * accounts, not persons the CRM is about). It finds every root field from which such a type can be
 * reached, and every field that leads into one. Each must be covered by a query below, which runs as
 * ADMIN and must leave the person ids in the log under the root field's name: a new field that returns
 * an Actor fails here until a case reaches it and proves it logged.
 *
 * Mutations are logged by the same rule (the plugin sees every resolved field, whatever the operation),
 * so their roots are listed to be reviewed and a few are run. Subscriptions are served by a graphql-ws
 * server of their own, outside Apollo's plugins: none may reach a personal type.
 */
describe('every way to a person through the schema is in the access log', () => {
  let api: TestApi;
  let make: Factory;
  let adminId: string;
  const ids: Record<string, string> = {};
  const steps: Record<string, string | null> = {};
  const today = stockholmDate();

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    adminId = (await api.ok(`{ me { id } }`)).me.id;
    const organisation = await make.organisation({ name: 'Vägbolaget AB' });
    ids.organisation = organisation.id;
    ids.member = (await make.person({ name: 'Mona Medlem', organisationId: organisation.id })).id;
    ids.other = (await make.person({ name: 'Olle Annan' })).id;
    ids.twin = (await make.person({ name: 'Olle Annan', email: 'olle.tvilling@example.se' })).id;
    const event = await make.event({
      title: 'Höstmötet',
      startsAt: '2026-05-12T08:00:00.000Z',
      endsAt: '2026-05-12T12:00:00.000Z',
    });
    ids.event = event.id;
    for (const actorId of [ids.member, ids.other]) {
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        { input: { eventId: event.id, actorId, role: 'AUDIENCE', status: 'ATTENDED' } },
      );
    }
    ids.initiative = (
      await api.ok(`mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
        input: { name: 'Arbetsgrupp väg', kind: 'WORKING_GROUP', startedOn: '2026-01-01' },
      })
    ).createInitiative.id;
    await api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
      input: { initiativeId: ids.initiative, actorId: ids.other, joinedOn: '2026-02-01', role: 'MEMBER' },
    });
    await api.ok(`mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`, {
      input: { actorId: ids.member, kind: 'INPUT', occurredOn: '2026-06-01', note: null },
    });
    const [a, b] = [ids.other, ids.twin].sort();
    await api.dataSource.query(
      `INSERT INTO duplicate_candidate (kind, actor_a, actor_b, score, reasons)
       VALUES ('PERSON', $1, $2, 0.9, ARRAY['Samma namn'])`,
      [a, b],
    );
    await api.ladderSettled();
    for (const key of ['member', 'other', 'twin']) {
      const { actor } = await api.ok(`query($id: ID!) { actor(id: $id) { ladder { step } } }`, {
        id: ids[key],
      });
      steps[key] = actor.ladder?.step ?? null;
    }
  });
  afterAll(() => api.close());

  /** The persons' reads logged since `since`, by operation. */
  const loggedSince = async (
    since: number,
  ): Promise<{ userId: string; operation: string; ids: string[] }[]> => {
    await api.app.get(AccessLogWriter).flush();
    return api.dataSource.query(
      `SELECT user_id AS "userId", operation, actor_ids::text[] AS ids FROM personal_data_access
       WHERE id > $1 ORDER BY id`,
      [since],
    );
  };
  const mark = async (): Promise<number> => {
    await api.app.get(AccessLogWriter).flush();
    const [{ id }] = await api.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM personal_data_access`,
    );
    return id;
  };

  interface Case {
    /** What the case reaches: `Query.root` and the `Type.field` edges into a personal type. */
    covers: string[];
    query: string;
    variables?: () => Record<string, unknown>;
    /** The persons the answer holds. */
    persons: () => string[];
  }

  const CASES: Case[] = [
    {
      covers: ['Query.actor', 'Actor.organisation'],
      query: `query($id: ID!) { actor(id: $id) { name organisation { name } } }`,
      variables: () => ({ id: ids.member }),
      persons: () => [ids.member],
    },
    {
      covers: ['Query.actors', 'ActorEdge.node'],
      query: `{ actors(filter: { search: "Olle" }) { edges { node { email } } } }`,
      persons: () => [ids.other, ids.twin],
    },
    {
      covers: ['Query.checkInSearch', 'Participation.actor'],
      query: `query($e: ID!) { checkInSearch(eventId: $e, query: "mona") { actor { name } } }`,
      variables: () => ({ e: ids.event }),
      persons: () => [ids.member],
    },
    {
      covers: ['Query.duplicateCandidates', 'DuplicateCandidate.a', 'DuplicateCandidate.b'],
      query: `{ duplicateCandidates { edges { node { a { name } b { name } } } } }`,
      persons: () => [ids.other, ids.twin],
    },
    {
      covers: ['Query.event'],
      query: `query($e: ID!) { event(id: $e) { participants { edges { node { actor { name } } } } } }`,
      variables: () => ({ e: ids.event }),
      persons: () => [ids.member, ids.other],
    },
    {
      covers: ['Query.events'],
      query: `{ events { edges { node { participants { edges { node { actor { email } } } } } } } }`,
      persons: () => [ids.member, ids.other],
    },
    {
      covers: ['Query.initiative', 'InitiativeMembership.actor'],
      query: `query($i: ID!) { initiative(id: $i) { members { edges { node { actor { name } } } } } }`,
      variables: () => ({ i: ids.initiative }),
      persons: () => [ids.other],
    },
    {
      covers: ['Query.initiatives'],
      query: `{ initiatives { edges { node { members { edges { node { actor { title } } } } } } } }`,
      persons: () => [ids.other],
    },
    {
      covers: ['Query.ladderTransitionActors'],
      query: `query($to: Date!, $step: LadderStep) { ladderTransitionActors(from: "2020-01-01", to: $to, fromStep: null, toStep: $step, filter: { kind: PERSON }) { edges { node { name } } } }`,
      variables: () => ({ to: today, step: steps.member }),
      // Not engaged in 2020, on the member's step today.
      persons: () => ['member', 'other', 'twin'].filter((k) => steps[k] === steps.member).map((k) => ids[k]),
    },
    {
      covers: ['Engagement.actor'],
      query: `query($id: ID!) { actor(id: $id) { id engagements { actor { name } } } }`,
      variables: () => ({ id: ids.member }),
      persons: () => [ids.member],
    },
    {
      // An organisation's reasons name its person: the person is logged, the organisation is not.
      covers: ['LadderPosition.reasons', 'LadderChange.reasons'],
      query: `query($id: ID!) { actor(id: $id) { id kind ladder { reasons { textSv } } ladderHistory { reasons { text } } } }`,
      variables: () => ({ id: ids.organisation }),
      persons: () => [ids.member],
    },
  ];

  /** Reviewed: each is logged by the field rule (a few are run below). */
  const MUTATIONS_LOGGED_BY_FIELD_RULE = [
    'anonymiseActor',
    'cancelParticipation',
    'checkIn',
    'checkInByCode',
    'createEvent',
    'createInitiative',
    'createOrganisation',
    'createPerson',
    'joinInitiative',
    'leaveInitiative',
    'liftRestriction',
    'mergeActors',
    'recordEngagement',
    'registerParticipation',
    'registerParticipations',
    'restrictProcessing',
    'undoCheckIn',
    'updateActor',
    'updateEvent',
    'walkIn',
  ];

  /** The walk: root fields that reach a personal type, and fields that lead into one. */
  function walk(schema: GraphQLSchema): { roots: Record<string, string[]>; edges: string[] } {
    const personal = new Set(Object.keys(PERSONAL_FIELDS));
    const objects = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((t) => !t.name.startsWith('__'));
    // The types from which a personal type can be reached, to a fixed point (cycles and all).
    const reaching = new Set(personal);
    for (let changed = true; changed;) {
      changed = false;
      for (const type of objects) {
        if (reaching.has(type.name)) continue;
        if (Object.values(type.getFields()).some((f) => reaching.has(getNamedType(f.type).name))) {
          reaching.add(type.name);
          changed = true;
        }
      }
    }
    const roots: Record<string, string[]> = {};
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root) continue;
      roots[root.name] = Object.values(root.getFields())
        .filter((f) => reaching.has(getNamedType(f.type).name))
        .map((f) => f.name)
        .sort();
    }
    const rootNames = new Set(Object.keys(roots));
    const edges = objects
      .filter((t) => !rootNames.has(t.name))
      .flatMap((t) =>
        Object.values(t.getFields())
          .filter((f) => personal.has(getNamedType(f.type).name))
          .map((f) => `${t.name}.${f.name}`),
      )
      .sort();
    return { roots, edges };
  }

  it('finds every way to a person in the list of cases, and no subscription that reaches one', () => {
    const { roots, edges } = walk(api.app.get(GraphQLSchemaHost).schema);
    const covered = new Set(CASES.flatMap((c) => c.covers));
    const found = [...(roots.Query ?? []).map((f) => `Query.${f}`), ...edges];
    expect(found.filter((path) => !covered.has(path))).toEqual([]);
    expect([...covered].filter((path) => !found.includes(path))).toEqual([]);
    expect(roots.Mutation).toEqual([...MUTATIONS_LOGGED_BY_FIELD_RULE].sort());
    expect(roots.Subscription ?? []).toEqual([]);
  });

  it.each(CASES.map((c) => [c.covers.join(', '), c] as const))('%s: logged', async (_covers, c) => {
    const since = await mark();
    const data: Json = await api.ok(c.query, c.variables?.() ?? {});
    expect(JSON.stringify(data)).toMatch(/"(name|email|title|text|textSv)":/);
    const rows = await loggedSince(since);
    const root = c.covers.find((p) => p.startsWith('Query.'))?.slice('Query.'.length) ?? 'actor';
    expect(rows.map((r) => ({ userId: r.userId, operation: r.operation }))).toEqual([
      { userId: adminId, operation: root },
    ]);
    expect([...rows[0].ids].sort()).toEqual([...c.persons()].sort());
    expect(rows[0].ids).not.toContain(ids.organisation);
  });

  it('logs a mutation that answers with a person under its own name', async () => {
    const since = await mark();
    await api.ok(`mutation($id: ID!) { updateActor(id: $id, input: { title: "Ordförande" }) { title } }`, {
      id: ids.other,
    });
    expect(await loggedSince(since)).toEqual([
      { userId: adminId, operation: 'updateActor', ids: [ids.other] },
    ]);
  });
});
