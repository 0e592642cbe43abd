import { GraphqlResponse, Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Bad input is refused with BAD_USER_INPUT naming the offending input field, and refused input
 * leaves no trace: not a row, not a changed column, not an audit entry.
 */
describe('input validation over GraphQL', () => {
  let api: TestApi;
  let make: Factory;
  let fixtures: Fixtures;

  interface Fixtures {
    organisation: { id: string; name: string };
    person: { id: string; name: string; email: string | null };
    other: { id: string; name: string; email: string | null };
    event: { id: string; title: string };
  }

  const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
  const ORGANISATION_NUMBER = '556036-0793';

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    const organisation = await make.organisation({ organisationNumber: ORGANISATION_NUMBER });
    fixtures = {
      organisation,
      person: await make.person({ email: 'karin.lind@umea.example', organisationId: organisation.id }),
      other: await make.person({ email: 'nils.berg@umea.example' }),
      event: await make.event({ startsAt: '2026-05-12T08:00:00.000Z', endsAt: '2026-05-12T12:00:00.000Z' }),
    };
  });
  afterAll(() => api.close());

  /** Row count and a digest of every row of the tables a write could touch. */
  const snapshot = async (): Promise<Record<string, { rows: number; digest: string }>> => {
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const table of ['actor', 'event', 'participation', 'audit_log']) {
      const [row] = await api.dataSource.query(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest
           FROM ${table} t`,
      );
      result[table] = row;
    }
    return result;
  };

  /** Runs the operation, expects exactly one BAD_USER_INPUT about `field`, and that nothing changed. */
  const expectRefused = async (
    query: string,
    variables: Record<string, unknown>,
    field: string,
  ): Promise<GraphqlResponse<Json>> => {
    const before = await snapshot();
    const result = await api.gql(query, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
    return result;
  };

  const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
  const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
  const UPDATE_ACTOR = `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }`;
  const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
  const UPDATE_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`;
  const REGISTER = `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`;
  const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
  const CANCEL = `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id } }`;
  const ACTORS = `query($first: Int, $after: String, $filter: ActorFilterInput) {
    actors(first: $first, after: $after, filter: $filter) { totalCount } }`;
  const EVENTS = `query($first: Int, $after: String) { events(first: $first, after: $after) { totalCount } }`;

  const person = (input: Record<string, unknown>) => ({
    input: { name: 'Maja Holm', sector: 'ACADEMIA', ...input },
  });
  const organisation = (input: Record<string, unknown>) => ({
    input: { name: 'Norrländska Bryggeriet AB', sector: 'BUSINESS', ...input },
  });
  const event = (input: Record<string, unknown>) => ({
    input: {
      meetingPlace: 'GRAND_HOTEL',
      title: 'Framtidens skog',
      startsAt: '2027-02-01T09:00:00Z',
      endsAt: '2027-02-01T12:00:00Z',
      ...input,
    },
  });

  type Case = [
    description: string,
    query: string,
    variables: (f: Fixtures) => Record<string, unknown>,
    field: string,
  ];

  describe('actors', () => {
    const cases: Case[] = [
      ['createPerson with a malformed email', CREATE_PERSON, () => person({ email: 'maja.holm@' }), 'email'],
      [
        'createPerson with an email without a domain',
        CREATE_PERSON,
        () => person({ email: 'maja' }),
        'email',
      ],
      [
        'createPerson with two @ in the email',
        CREATE_PERSON,
        () => person({ email: 'maja@@umu.se' }),
        'email',
      ],
      [
        'updateActor with a malformed email',
        UPDATE_ACTOR,
        (f) => ({ id: f.person.id, input: { email: 'karin lind@umea.example' } }),
        'email',
      ],
      [
        'createPerson with an email already registered, differing only by case and whitespace',
        CREATE_PERSON,
        () => person({ email: '  KARIN.Lind@UMEA.example  ' }),
        'email',
      ],
      [
        "updateActor taking another person's email, differing only by case",
        UPDATE_ACTOR,
        (f) => ({ id: f.other.id, input: { email: 'Karin.Lind@Umea.Example' } }),
        'email',
      ],
      [
        'createOrganisation in an unknown municipality',
        CREATE_ORGANISATION,
        () => organisation({ municipalityCode: '2499' }),
        'municipalityCode',
      ],
      [
        'createPerson with a malformed municipality code',
        CREATE_PERSON,
        () => person({ municipalityCode: '24' }),
        'municipalityCode',
      ],
      [
        'updateActor to an unknown municipality',
        UPDATE_ACTOR,
        (f) => ({ id: f.person.id, input: { municipalityCode: '2499' } }),
        'municipalityCode',
      ],
      [
        'createOrganisation with a country that is not ISO 3166-1',
        CREATE_ORGANISATION,
        () => organisation({ country: 'XX' }),
        'country',
      ],
      [
        'createPerson in a Swedish municipality but in Norway',
        CREATE_PERSON,
        () => person({ municipalityCode: '2480', country: 'NO' }),
        'country',
      ],
      [
        'updateActor to a country that is not ISO 3166-1',
        UPDATE_ACTOR,
        (f) => ({ id: f.organisation.id, input: { country: 'XX' } }),
        'country',
      ],
      [
        'createOrganisation with an organisation number with a bad check digit',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '556036-0794' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with a personal identity number',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '850101-1234' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with a twelve-digit personal identity number',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '19850101-1234' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with a too short organisation number',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '55603-0793' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with letters in the organisation number',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '556036-079X' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with an organisation number already registered (without the hyphen)',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '5560360793' }),
        'organisationNumber',
      ],
      [
        'createOrganisation with an organisation number already registered (with the 16 prefix)',
        CREATE_ORGANISATION,
        () => organisation({ organisationNumber: '16556036-0793' }),
        'organisationNumber',
      ],
      [
        'updateActor with an invalid organisation number',
        UPDATE_ACTOR,
        (f) => ({ id: f.organisation.id, input: { organisationNumber: '556036-0794' } }),
        'organisationNumber',
      ],
      [
        'createPerson whose organisation is a person',
        CREATE_PERSON,
        (f) => person({ organisationId: f.other.id }),
        'organisationId',
      ],
      [
        'createPerson with an unknown organisation',
        CREATE_PERSON,
        () => person({ organisationId: UNKNOWN_ID }),
        'organisationId',
      ],
      [
        'createPerson with a malformed organisation ID',
        CREATE_PERSON,
        () => person({ organisationId: 'abc' }),
        'organisationId',
      ],
      [
        'updateActor moving a person to an organisation that is a person',
        UPDATE_ACTOR,
        (f) => ({ id: f.other.id, input: { organisationId: f.person.id } }),
        'organisationId',
      ],
      [
        'createPerson without organisation and without sector',
        CREATE_PERSON,
        () => ({ input: { name: 'Maja Holm', email: 'maja.holm@umu.se' } }),
        'sector',
      ],
      [
        'createOrganisation with an empty name',
        CREATE_ORGANISATION,
        () => organisation({ name: '' }),
        'name',
      ],
      ['createPerson with a whitespace name', CREATE_PERSON, () => person({ name: ' \t  ' }), 'name'],
      [
        'updateActor blanking the name',
        UPDATE_ACTOR,
        (f) => ({ id: f.person.id, input: { name: '   ' } }),
        'name',
      ],
      [
        'updateActor setting an email on an organisation',
        UPDATE_ACTOR,
        (f) => ({ id: f.organisation.id, input: { email: 'info@bryggeriet.example' } }),
        'email',
      ],
      [
        'updateActor setting an organisation number on a person',
        UPDATE_ACTOR,
        (f) => ({ id: f.person.id, input: { organisationNumber: '556036-0793' } }),
        'organisationNumber',
      ],
      [
        'updateActor clearing the sector',
        UPDATE_ACTOR,
        (f) => ({ id: f.person.id, input: { sector: null } }),
        'sector',
      ],
      [
        'updateActor setting a title on an organisation',
        UPDATE_ACTOR,
        (f) => ({ id: f.organisation.id, input: { title: 'VD' } }),
        'title',
      ],
      [
        'updateActor on an unknown actor',
        UPDATE_ACTOR,
        () => ({ id: UNKNOWN_ID, input: { title: 'Rektor' } }),
        'id',
      ],
      [
        'updateActor on a malformed ID',
        UPDATE_ACTOR,
        () => ({ id: 'abc', input: { title: 'Rektor' } }),
        'id',
      ],
    ];

    it.each(cases)('refuses %s', async (_description, query, variables, field) => {
      await expectRefused(query, variables(fixtures), field);
    });

    it('still accepts the fixtures’ own values, so the refusals above are about the input', async () => {
      const data = await api.ok(
        `mutation($id: ID!) { updateActor(id: $id, input: { email: " KARIN.LIND@umea.example " }) { email } }`,
        { id: fixtures.person.id },
      );
      expect(data.updateActor.email).toBe('karin.lind@umea.example');
    });
  });

  describe('events and participations', () => {
    const cases: Case[] = [
      [
        'createEvent ending before it starts',
        CREATE_EVENT,
        () => event({ startsAt: '2027-02-01T09:00:00Z', endsAt: '2027-02-01T08:59:59Z' }),
        'endsAt',
      ],
      [
        'updateEvent moving the end before the start',
        UPDATE_EVENT,
        (f) => ({ id: f.event.id, input: { endsAt: '2026-05-11T12:00:00Z' } }),
        'endsAt',
      ],
      [
        'updateEvent moving the start after the end',
        UPDATE_EVENT,
        (f) => ({ id: f.event.id, input: { startsAt: '2026-05-13T08:00:00Z' } }),
        'endsAt',
      ],
      ['createEvent with an unknown format', CREATE_EVENT, () => event({ format: 'PARTY' }), 'format'],
      [
        'updateEvent with an unknown format',
        UPDATE_EVENT,
        (f) => ({ id: f.event.id, input: { format: 'PARTY' } }),
        'format',
      ],
      ['createEvent with a blank title', CREATE_EVENT, () => event({ title: '   ' }), 'title'],
      [
        'updateEvent clearing the title',
        UPDATE_EVENT,
        (f) => ({ id: f.event.id, input: { title: null } }),
        'title',
      ],
      [
        'createEvent with more than 20 topics',
        CREATE_EVENT,
        () => event({ topics: Array.from({ length: 21 }, (_, i) => `ämne ${i}`) }),
        'topics',
      ],
      [
        'updateEvent on an unknown event',
        UPDATE_EVENT,
        () => ({ id: UNKNOWN_ID, input: { title: 'Ny titel' } }),
        'id',
      ],
      [
        'updateEvent on a malformed ID',
        UPDATE_EVENT,
        () => ({ id: 'abc', input: { title: 'Ny titel' } }),
        'id',
      ],
      [
        'registerParticipation for an unknown event',
        REGISTER,
        (f) => ({ input: { eventId: UNKNOWN_ID, actorId: f.person.id, role: 'AUDIENCE' } }),
        'eventId',
      ],
      [
        'registerParticipation of an unknown actor',
        REGISTER,
        (f) => ({ input: { eventId: f.event.id, actorId: UNKNOWN_ID, role: 'AUDIENCE' } }),
        'actorId',
      ],
      [
        'registerParticipation with a malformed event ID',
        REGISTER,
        (f) => ({ input: { eventId: 'abc', actorId: f.person.id, role: 'AUDIENCE' } }),
        'eventId',
      ],
      [
        'checkIn at an unknown event',
        CHECK_IN,
        (f) => ({ input: { eventId: UNKNOWN_ID, actorId: f.person.id } }),
        'eventId',
      ],
      [
        'checkIn of an unknown actor',
        CHECK_IN,
        (f) => ({ input: { eventId: f.event.id, actorId: UNKNOWN_ID } }),
        'actorId',
      ],
      [
        'cancelParticipation for an actor who is not registered',
        CANCEL,
        (f) => ({ input: { eventId: f.event.id, actorId: f.other.id } }),
        'actorId',
      ],
    ];

    it.each(cases)('refuses %s', async (_description, query, variables, field) => {
      await expectRefused(query, variables(fixtures), field);
    });

    it('refuses to cancel a registration for another event than the one the actor is registered for', async () => {
      const registeredAt = await make.event();
      await api.ok(REGISTER, {
        input: { eventId: registeredAt.id, actorId: fixtures.other.id, role: 'AUDIENCE' },
      });
      await expectRefused(
        CANCEL,
        { input: { eventId: fixtures.event.id, actorId: fixtures.other.id } },
        'actorId',
      );
      const [row] = await api.dataSource.query(
        `SELECT status FROM participation WHERE event_id = $1 AND actor_id = $2`,
        [registeredAt.id, fixtures.other.id],
      );
      expect(row).toEqual({ status: 'REGISTERED' });
    });
  });

  describe('paging', () => {
    const cases: Case[] = [
      ['a cursor the list did not produce', ACTORS, () => ({ after: 'nonsense' }), 'after'],
      [
        'a well-encoded cursor of the wrong shape',
        ACTORS,
        () => ({ after: Buffer.from('{"name":"x"}').toString('base64url') }),
        'after',
      ],
      [
        'a cursor whose key is not an actor ID',
        ACTORS,
        () => ({ after: Buffer.from(JSON.stringify(['Anna', 'not-a-uuid'])).toString('base64url') }),
        'after',
      ],
      ['a page of 10 000 actors', ACTORS, () => ({ first: 10000 }), 'first'],
      ['a negative page size', ACTORS, () => ({ first: -1 }), 'first'],
      [
        'a malformed organisation filter',
        ACTORS,
        () => ({ filter: { organisationId: 'abc' } }),
        'organisationId',
      ],
      ['a bad events cursor', EVENTS, () => ({ after: 'nonsense' }), 'after'],
      ['a page of 10 000 events', EVENTS, () => ({ first: 10000 }), 'first'],
      [
        'an events range that ends before it starts',
        `{ events(filter: { from: "2027-02-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }) { totalCount } }`,
        () => ({}),
        'to',
      ],
    ];

    it.each(cases)('refuses %s', async (_description, query, variables, field) => {
      await expectRefused(query, variables(fixtures), field);
    });

    it('refuses an actors cursor on the events list', async () => {
      const { actors } = await api.ok(`{ actors(first: 1) { pageInfo { endCursor } } }`);
      expect(actors.pageInfo.endCursor).toEqual(expect.any(String));
      await expectRefused(EVENTS, { after: actors.pageInfo.endCursor }, 'after');
    });

    it('refuses a bad cursor on a nested list', async () => {
      const result = await api.gql(
        `query($id: ID!) { actor(id: $id) { members(after: "nonsense") { totalCount } } }`,
        { id: fixtures.organisation.id },
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('accepts the largest page size', async () => {
      const data = await api.ok(ACTORS, { first: 500 });
      expect(data.actors.totalCount).toBeGreaterThanOrEqual(3);
    });
  });

  describe('query depth', () => {
    /** `actor(id) { organisation { … { id } } }` with `levels` nested organisation fields. */
    const nested = (levels: number) =>
      `query($id: ID!) { actor(id: $id) { ${'organisation { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

    it('refuses a query nested deeper than the limit before running it', async () => {
      const before = await snapshot();
      const result = await api.gql(nested(15), { id: fixtures.person.id });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(result.errors?.[0].message).toMatch(/depth/i);
      expect(result.status).not.toBe(200);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a deep query even without a token, before authentication', async () => {
      const result = await api.gql(nested(15), { id: fixtures.person.id }, null);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].message).toMatch(/depth/i);
      expect(result.status).not.toBe(200);
    });

    it('answers a query at the limit', async () => {
      // actor is depth 0, so nine nested organisation fields put `id` at depth 10.
      const data = await api.ok(nested(9), { id: fixtures.person.id });
      expect(data.actor.organisation).toEqual({ organisation: null });
    });

    it('refuses a query one level past the limit', async () => {
      const result = await api.gql(nested(10), { id: fixtures.person.id });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].message).toMatch(/depth/i);
    });
  });
});
