import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

describe('record keeping over GraphQL', () => {
  let api: TestApi;
  let make: Factory;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
  });
  afterAll(() => api.close());

  it('lists the four meeting places and all 290 municipalities with their counties', async () => {
    const data = await api.ok(`{ meetingPlaces { code name city } municipalities { code name county } }`);
    expect(data.meetingPlaces.map((m: { code: string }) => m.code)).toEqual([
      'ALMEDALEN',
      'DIGITALA_VASTERBOTTEN',
      'GRAND_HOTEL',
      'MOTESPLATS_LYCKSELE',
    ]);
    expect(data.meetingPlaces).toContainEqual({
      code: 'GRAND_HOTEL',
      name: 'Västerbotten på Grand Hôtel',
      city: 'Stockholm',
    });
    expect(data.municipalities).toHaveLength(290);
    expect(data.municipalities).toContainEqual({
      code: '2481',
      name: 'Lycksele',
      county: 'Västerbottens län',
    });
    const county = await api.ok(`{ municipalities(countyCode: "24") { code } }`);
    expect(county.municipalities).toHaveLength(15);
  });

  it('creates an organisation and a person who inherits its sector and location', async () => {
    const org = await api.ok(
      `mutation { createOrganisation(input: { name: "  Skellefteå   Kraft AB ", sector: BUSINESS, municipalityCode: "2482",
          organisationNumber: "5560360793" }) { id name kind sector country organisationNumber municipality { code name county } } }`,
    );
    expect(org.createOrganisation).toMatchObject({
      name: 'Skellefteå Kraft AB',
      kind: 'ORGANISATION',
      sector: 'BUSINESS',
      country: 'SE',
      organisationNumber: '556036-0793',
      municipality: { code: '2482', name: 'Skellefteå', county: 'Västerbottens län' },
    });
    const person = await api.ok(
      `mutation($org: ID!) { createPerson(input: { name: "Åsa Öberg", email: " Asa.Oberg@Example.SE ", title: "Hållbarhetschef",
          organisationId: $org, gender: WOMAN }) { id email sector country municipality { code } organisation { id name } } }`,
      { org: org.createOrganisation.id },
    );
    expect(person.createPerson).toMatchObject({
      email: 'asa.oberg@example.se',
      sector: 'BUSINESS',
      country: 'SE',
      municipality: { code: '2482' },
      organisation: { id: org.createOrganisation.id, name: 'Skellefteå Kraft AB' },
    });
  });

  it('places actors outside Sweden by country', async () => {
    const data = await api.ok(
      `mutation { createOrganisation(input: { name: "North Sweden Brussels Office", sector: PUBLIC_SECTOR, country: "be" }) { country municipality { code } } }`,
    );
    expect(data.createOrganisation).toEqual({ country: 'BE', municipality: null });
  });

  it('updates an actor partially and keeps who changed it', async () => {
    const person = await make.person({ municipalityCode: '2480' });
    const staff = await make.user('EVENT_STAFF' as never);
    const data = await api.ok(
      `mutation($id: ID!) { updateActor(id: $id, input: { title: "Rektor", country: "NO" }) { title country municipality { code } name } }`,
      { id: person.id },
      staff,
    );
    expect(data.updateActor).toEqual({
      title: 'Rektor',
      country: 'NO',
      municipality: null,
      name: person.name,
    });
    const [row] = await api.dataSource.query(
      `SELECT a.updated_by = u.id AS by_staff, u.role FROM actor a JOIN app_user u ON u.id = a.updated_by WHERE a.id = $1`,
      [person.id],
    );
    expect(row).toEqual({ by_staff: true, role: 'EVENT_STAFF' });
    const audit = await api.dataSource.query(
      `SELECT action, changed_fields FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [person.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].changed_fields.sort()).toEqual(['country', 'title']);
  });

  it('finds actors by name or email, ignoring case and Swedish accents', async () => {
    const org = await make.organisation({ name: 'Umeå Energi' });
    const person = await make.person({
      name: 'Örjan Ångström',
      email: 'orjan.angstrom@umea.example',
      organisationId: org.id,
    });
    const search = async (text: string) =>
      (
        await api.ok(
          `query($s: String) { actors(filter: { search: $s }) { totalCount edges { node { id } } } }`,
          { s: text },
        )
      ).actors.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await search('orjan angstr')).toEqual([person.id]);
    expect(await search('ÅNGSTRÖM')).toEqual([person.id]);
    expect(await search('umea.example')).toEqual([person.id]);
    expect(await search('umeå energi')).toEqual([org.id]);
    expect(await search('50%')).toEqual([]);
    const members = await api.ok(
      `query($id: ID!) { actors(filter: { organisationId: $id }) { totalCount } }`,
      { id: org.id },
    );
    expect(members.actors.totalCount).toBe(1);
  });

  it('pages through actors with cursors', async () => {
    const org = await make.organisation();
    for (let i = 0; i < 5; i += 1) await make.person({ name: `Sida ${i}`, organisationId: org.id });
    const page = (after: string | null) =>
      api.ok(
        `query($id: ID!, $after: String) { actors(filter: { organisationId: $id }, first: 2, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }`,
        { id: org.id, after },
      );
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { actors } = await page(after);
      expect(actors.totalCount).toBe(5);
      names.push(...actors.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!actors.pageInfo.hasNextPage) break;
      after = actors.pageInfo.endCursor;
    }
    expect(names).toEqual(['Sida 0', 'Sida 1', 'Sida 2', 'Sida 3', 'Sida 4']);
    const members = await api.ok(
      `query($id: ID!) { actor(id: $id) { members(first: 3) { totalCount edges { node { name } } } } }`,
      {
        id: org.id,
      },
    );
    expect(members.actor.members.totalCount).toBe(5);
    expect(members.actor.members.edges).toHaveLength(3);
  });

  it('creates, updates and lists events', async () => {
    const created = await api.ok(
      `mutation { createEvent(input: { meetingPlace: GRAND_HOTEL, title: "Skogens dag", startsAt: "2027-01-14T08:00:00Z",
          endsAt: "2027-01-14T15:00:00Z", format: "themed_day", topics: ["skog", "Skog", " bioekonomi "] }) {
          id meetingPlace title format topics attendanceMode startsAt endsAt } }`,
    );
    expect(created.createEvent).toMatchObject({
      meetingPlace: 'GRAND_HOTEL',
      format: 'THEMED_DAY',
      topics: ['skog', 'bioekonomi'],
      attendanceMode: 'PHYSICAL',
      startsAt: '2027-01-14T08:00:00.000Z',
    });
    const updated = await api.ok(
      `mutation($id: ID!) { updateEvent(id: $id, input: { attendanceMode: HYBRID, rusPriorities: [PLACE_BASED_BUSINESS], endsAt: null }) {
          attendanceMode rusPriorities endsAt title } }`,
      { id: created.createEvent.id },
    );
    expect(updated.updateEvent).toEqual({
      attendanceMode: 'HYBRID',
      rusPriorities: ['PLACE_BASED_BUSINESS'],
      endsAt: null,
      title: 'Skogens dag',
    });
    const listed = await api.ok(
      `{ events(filter: { meetingPlace: GRAND_HOTEL, from: "2027-01-01T00:00:00Z", to: "2027-01-31T00:00:00Z", search: "skogens" }) {
          totalCount edges { node { id } } } }`,
    );
    expect(listed.events.edges).toEqual([{ node: { id: created.createEvent.id } }]);
    const none = await api.ok(
      `{ events(filter: { meetingPlace: ALMEDALEN, search: "skogens" }) { totalCount } }`,
    );
    expect(none.events.totalCount).toBe(0);
  });

  it('registers, re-registers, checks in and cancels one participation row', async () => {
    const event = await make.event();
    const person = await make.person();
    const register = (role: string, status?: string) =>
      api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id role status checkedInAt source } }`,
        { input: { eventId: event.id, actorId: person.id, role, ...(status ? { status } : {}) } },
      );
    const first = (await register('AUDIENCE')).registerParticipation;
    expect(first).toMatchObject({
      role: 'AUDIENCE',
      status: 'REGISTERED',
      checkedInAt: null,
      source: 'MANUAL',
    });
    const again = (await register('SPEAKER')).registerParticipation;
    expect(again).toMatchObject({ id: first.id, role: 'SPEAKER', status: 'REGISTERED' });

    const checkIn = () =>
      api.ok(
        `mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { id status checkedInAt role } }`,
        {
          e: event.id,
          a: person.id,
        },
      );
    const checkedIn = (await checkIn()).checkIn;
    expect(checkedIn).toMatchObject({ id: first.id, status: 'ATTENDED', role: 'SPEAKER' });
    expect(checkedIn.checkedInAt).toEqual(expect.any(String));
    expect((await checkIn()).checkIn.checkedInAt).toBe(checkedIn.checkedInAt);

    const participants = await api.ok(
      `query($id: ID!) { event(id: $id) { participants { totalCount edges { node { status actor { id } event { id } } } } } }`,
      { id: event.id },
    );
    expect(participants.event.participants).toEqual({
      totalCount: 1,
      edges: [{ node: { status: 'ATTENDED', actor: { id: person.id }, event: { id: event.id } } }],
    });

    const cancelled = await api.ok(
      `mutation($e: ID!, $a: ID!) { cancelParticipation(input: { eventId: $e, actorId: $a }) { id status checkedInAt } }`,
      { e: event.id, a: person.id },
    );
    expect(cancelled.cancelParticipation).toEqual({ id: first.id, status: 'CANCELLED', checkedInAt: null });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1`,
      [event.id],
    );
    expect(count).toBe(1);
  });

  it("lets a person who was not registered in at the door and lists an actor's participations", async () => {
    const older = await make.event({ startsAt: '2026-01-10T10:00:00Z', endsAt: null });
    const newer = await make.event({ startsAt: '2026-09-10T10:00:00Z', endsAt: null });
    const person = await make.person();
    for (const event of [older, newer]) {
      const data = await api.ok(
        `mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { status role source } }`,
        {
          e: event.id,
          a: person.id,
        },
      );
      expect(data.checkIn).toEqual({ status: 'ATTENDED', role: 'AUDIENCE', source: 'WALK_IN' });
    }
    const data = await api.ok(
      `query($id: ID!) { actor(id: $id) { participations { totalCount edges { node { event { id } } } } } }`,
      {
        id: person.id,
      },
    );
    expect(
      data.actor.participations.edges.map((e: { node: { event: { id: string } } }) => e.node.event.id),
    ).toEqual([newer.id, older.id]);
  });

  it('creates users whose token is shown once and stored hashed', async () => {
    const data = await api.ok(
      `mutation { createUser(input: { name: "Eva Strateg", email: "Eva.Strateg@Region.example", role: STRATEGIST }) { token user { id email role } } }`,
    );
    expect(data.createUser.user).toMatchObject({ email: 'eva.strateg@region.example', role: 'STRATEGIST' });
    const me = await api.ok(`{ me { id role } }`, {}, data.createUser.token);
    expect(me.me).toEqual({ id: data.createUser.user.id, role: 'STRATEGIST' });
    const [{ token_hash }] = await api.dataSource.query(`SELECT token_hash FROM app_user WHERE id = $1`, [
      data.createUser.user.id,
    ]);
    expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token_hash).not.toContain(data.createUser.token);
  });
});
