import { Role } from '@crm/domain';
import { randomUUID } from 'node:crypto';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * At the door, over HTTP: finding a participant while typing, letting in someone who did not
 * register, and the head count of the event.
 */
describe('at the door', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
  });
  afterAll(() => api.close());

  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

  const register = (eventId: string, actorId: string, role = 'AUDIENCE', status: string | null = null) =>
    api.ok(`mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`, {
      input: { eventId, actorId, role, status },
    });
  const checkIn = (eventId: string, actorId: string, token = api.adminToken) =>
    api.gql(
      `mutation($input: CheckInInput!) { checkIn(input: $input) { id status checkedInAt } }`,
      { input: { eventId, actorId } },
      token,
    );
  const SEARCH = `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) {
    id status actor { id name } } }`;
  const search = async (eventId: string, query: string): Promise<string[]> =>
    (await api.ok(SEARCH, { e: eventId, q: query })).checkInSearch.map((p: Json) => p.actor.name);
  const WALK_IN = `mutation($e: ID!, $input: CreatePersonInput!) { walkIn(eventId: $e, input: $input) {
    id role status source checkedInAt actor { id name email } event { id } } }`;
  const walkIn = (eventId: string, input: Json, token = api.adminToken) =>
    api.gql(WALK_IN, { e: eventId, input }, token);
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  describe('checkInSearch', () => {
    let event: { id: string };
    const people = {} as Record<string, { id: string; name: string; email: string | null }>;

    beforeAll(async () => {
      event = await make.event({ title: 'Dörren' });
      const other = await make.event({ title: 'Ett annat evenemang' });
      const archipelago = await make.organisation({ name: 'Skärgårdsbolaget AB' });
      people.ase = await make.person({ name: 'Åse Öberg', email: `a.oberg.${unique()}@example.se` });
      people.karl = await make.person({
        name: 'Karl Nilsson',
        email: `kn.${unique()}@example.se`,
        organisationId: archipelago.id,
      });
      people.cancelled = await make.person({ name: 'Cecilia Avbokad' });
      people.arrived = await make.person({ name: 'Erik Ankommen' });
      for (const p of Object.values(people)) await register(event.id, p.id);
      await api.ok(
        `mutation($e: ID!, $a: ID!) { cancelParticipation(input: { eventId: $e, actorId: $a }) { id } }`,
        { e: event.id, a: people.cancelled.id },
      );
      expect((await checkIn(event.id, people.arrived.id)).errors).toBeUndefined();
      // The same name at another event only.
      const elsewhere = await make.person({ name: 'Åse Lind' });
      await register(other.id, elsewhere.id);
    });

    it('matches name, email and organisation ignoring accents and case', async () => {
      expect(await search(event.id, 'ase')).toEqual(['Åse Öberg']);
      expect(await search(event.id, 'oberg')).toEqual(['Åse Öberg']);
      expect(await search(event.id, 'ÖBERG')).toEqual(['Åse Öberg']);
      expect(await search(event.id, 'a.oberg')).toEqual(['Åse Öberg']);
      expect(await search(event.id, people.karl.email!.toUpperCase())).toEqual(['Karl Nilsson']);
      expect(await search(event.id, 'skargard')).toEqual(['Karl Nilsson']);
      expect(await search(event.id, 'nobody here')).toEqual([]);
    });

    it('needs every word of the query, each anywhere', async () => {
      expect(await search(event.id, '  nils   karl ')).toEqual(['Karl Nilsson']);
      expect(await search(event.id, 'karl skärgård')).toEqual(['Karl Nilsson']);
      expect(await search(event.id, 'ase skargard')).toEqual([]);
    });

    it('shows every status and never another event’s people', async () => {
      const data = await api.ok(SEARCH, { e: event.id, q: 'e' });
      const statusOf = (name: string) =>
        data.checkInSearch.find((p: Json) => p.actor.name === name)?.status ?? null;
      expect(statusOf('Cecilia Avbokad')).toBe('CANCELLED');
      expect(statusOf('Erik Ankommen')).toBe('ATTENDED');
      expect(statusOf('Åse Öberg')).toBe('REGISTERED');
      expect(statusOf('Åse Lind')).toBeNull();
    });

    it('ranks the name starting with the query first, then a word starting with it, then by name', async () => {
      const ranking = await make.event();
      for (const [name, email] of [
        ['Joanna Svensson', null],
        ['Per Olsson', 'per.hannasson@example.se'],
        ['Lisa Anndotter', null],
        ['Anna Ek', null],
        ['Ann Berg', null],
        ['Bo Ek', null],
      ]) {
        // Fixed emails (or none): a generated one could hold the letters searched for.
        const person = await make.person({ name, email });
        await register(ranking.id, person.id);
      }
      expect(await search(ranking.id, 'ann')).toEqual([
        'Ann Berg',
        'Anna Ek',
        'Lisa Anndotter',
        'Joanna Svensson',
        'Per Olsson',
      ]);
      expect(await search(ranking.id, 'ann b')).toEqual(['Ann Berg']);
      // Neither starts the name with "berg ann", but both words start a word of Ann Berg's name.
      expect(await search(ranking.id, 'ek')).toEqual(['Anna Ek', 'Bo Ek']);
      expect(await search(ranking.id, 'berg ann')).toEqual(['Ann Berg']);
    });

    it('answers at most 20, by name', async () => {
      const big = await make.event();
      const names = Array.from({ length: 25 }, (_, i) => `Gräns Person ${String(i).padStart(2, '0')}`);
      for (const name of names) await register(big.id, (await make.person({ name })).id);
      expect(await search(big.id, 'grans')).toEqual(names.slice(0, 20));
    });

    it('takes % and _ literally', async () => {
      const wild = await make.event();
      const tag = unique();
      for (const [name, email] of [
        ['Rabatt 50% Olsson', `x.${tag}@example.se`],
        ['Rabatt 50 Olsson', `y.${tag}@example.se`],
        ['Under Streck', `a_b.${tag}@example.se`],
        ['Utan Streck', `axb.${tag}@example.se`],
      ]) {
        await register(wild.id, (await make.person({ name, email })).id);
      }
      expect(await search(wild.id, '50%')).toEqual(['Rabatt 50% Olsson']);
      expect(await search(wild.id, '%')).toEqual(['Rabatt 50% Olsson']);
      expect(await search(wild.id, 'a_b')).toEqual(['Under Streck']);
      expect(await search(wild.id, '_')).toEqual(['Under Streck']);
      expect(await search(wild.id, '\\')).toEqual([]);
    });

    it('refuses a blank or overlong query and an unknown event', async () => {
      const fieldOf = async (eventId: string, query: string) => {
        const result = await api.gql(SEARCH, { e: eventId, q: query });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        return result.errors?.[0]?.extensions?.field;
      };
      expect(await fieldOf(event.id, '')).toBe('query');
      expect(await fieldOf(event.id, ' \t ')).toBe('query');
      expect(await fieldOf(event.id, 'a'.repeat(101))).toBe('query');
      expect(await fieldOf(randomUUID(), 'ase')).toBe('eventId');
      expect(await fieldOf('not-an-id', 'ase')).toBe('eventId');
      expect(await search(event.id, 'a'.repeat(100))).toEqual([]);
    });
  });

  describe('walkIn', () => {
    let event: { id: string };
    beforeEach(async () => {
      event = await make.event();
    });

    it('creates the person and checks them in as a walk-in in the audience', async () => {
      const email = `walk.in.${unique()}@example.se`;
      const result = await walkIn(event.id, { name: 'Ny Besökare', email, sector: 'CIVIL_SOCIETY' });
      expect(result.errors).toBeUndefined();
      const p = result.data!.walkIn;
      expect(p).toMatchObject({
        role: 'AUDIENCE',
        status: 'ATTENDED',
        source: 'WALK_IN',
        actor: { name: 'Ny Besökare', email },
        event: { id: event.id },
      });
      expect(p.checkedInAt).not.toBeNull();
      const audit = await api.dataSource.query(
        `SELECT entity, action, changed_fields FROM audit_log WHERE entity_id = ANY($1::uuid[]) ORDER BY id`,
        [[p.id, p.actor.id]],
      );
      expect(audit.map((row: Json) => ({ ...row, changed_fields: [...row.changed_fields].sort() }))).toEqual([
        { entity: 'actor', action: 'create', changed_fields: ['email', 'name', 'sector'] },
        {
          entity: 'participation',
          action: 'walk_in',
          changed_fields: ['checkedInAt', 'role', 'source', 'status'],
        },
      ]);
    });

    it('checks in a registered person found by email, keeping their role and source', async () => {
      const person = await make.person();
      const registration = (await register(event.id, person.id, 'SPEAKER')).registerParticipation;
      const result = await walkIn(event.id, {
        name: 'Someone Else Typed',
        email: `  ${person.email!.toUpperCase()} `,
        sector: 'BUSINESS',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.walkIn).toMatchObject({
        id: registration.id,
        role: 'SPEAKER',
        source: 'MANUAL',
        status: 'ATTENDED',
        actor: { id: person.id, name: person.name },
      });
      expect(await count(`actor WHERE email = $1`, [person.email])).toBe(1);
      const audit = await api.dataSource.query(
        `SELECT action, changed_fields FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [registration.id],
      );
      expect(audit.at(-1)).toEqual({ action: 'check_in', changed_fields: ['status', 'checkedInAt'] });
    });

    it('is idempotent: the same email twice is one actor and one participation', async () => {
      const input = { name: 'Dubbel Tryckning', email: `double.${unique()}@example.se`, sector: 'ACADEMIA' };
      const first = (await walkIn(event.id, input)).data!.walkIn;
      const second = (await walkIn(event.id, input)).data!.walkIn;
      expect(second.id).toBe(first.id);
      expect(second.checkedInAt).toBe(first.checkedInAt);
      expect(await count(`actor WHERE email = $1`, [input.email])).toBe(1);
      expect(await count(`participation WHERE event_id = $1`, [event.id])).toBe(1);
      // The second tap changed nothing, so it left nothing in the audit trail either.
      expect(await count(`audit_log WHERE entity_id = $1`, [first.id])).toBe(1);
    });

    it("matches the event's participant of the same name when no email is given", async () => {
      const person = await make.person({ name: 'Märta Lundgren', email: null });
      const registration = (await register(event.id, person.id, 'PANELIST')).registerParticipation;
      // A namesake elsewhere does not make the match unsure: only the event's participants count.
      await make.person({ name: 'Märta Lundgren', email: null });
      const result = await walkIn(event.id, { name: 'märta  LUNDGREN', sector: 'BUSINESS' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.walkIn).toMatchObject({
        id: registration.id,
        role: 'PANELIST',
        status: 'ATTENDED',
        actor: { id: person.id },
      });
      // Without an email, a second tap finds the walk-in among the participants too.
      const stranger = { name: `Okänd Gäst ${unique()}`, sector: 'BUSINESS' };
      const once = (await walkIn(event.id, stranger)).data!.walkIn;
      const twice = (await walkIn(event.id, stranger)).data!.walkIn;
      expect(twice.id).toBe(once.id);
      expect(await count(`actor WHERE name = $1`, [stranger.name])).toBe(1);
    });

    it('lets two desks walk in the same new email at once: one actor, one participation', async () => {
      const email = `together.${unique()}@example.se`;
      const input = { name: 'Samtidig Gäst', email, sector: 'BUSINESS' };
      const [a, b] = await Promise.all([
        walkIn(event.id, input, api.adminToken),
        walkIn(event.id, { ...input, email: email.toUpperCase() }, tokens[Role.EVENT_STAFF]),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data!.walkIn.id).toBe(b.data!.walkIn.id);
      expect(a.data!.walkIn.actor.id).toBe(b.data!.walkIn.actor.id);
      expect(await count(`actor WHERE email = $1`, [email])).toBe(1);
      expect(await count(`participation WHERE event_id = $1`, [event.id])).toBe(1);
    });

    it('names the field of bad input and refuses an unknown event', async () => {
      const fieldOf = async (eventId: string, input: Json) => {
        const result = await walkIn(eventId, input);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        return result.errors?.[0]?.extensions?.field;
      };
      const ok = { name: 'Giltig Gäst', sector: 'BUSINESS' };
      expect(await fieldOf(event.id, { ...ok, email: 'not an email' })).toBe('email');
      expect(await fieldOf(event.id, { ...ok, name: '  ' })).toBe('name');
      expect(await fieldOf(event.id, { name: 'Utan Sektor' })).toBe('sector');
      expect(await fieldOf(event.id, { ...ok, municipalityCode: '9999' })).toBe('municipalityCode');
      expect(await fieldOf(event.id, { ...ok, organisationId: randomUUID() })).toBe('organisationId');
      expect(await fieldOf(randomUUID(), ok)).toBe('eventId');
      expect(await fieldOf('nope', ok)).toBe('eventId');
      expect(await count(`participation WHERE event_id = $1`, [event.id])).toBe(0);
      expect(await count(`actor WHERE name = 'Giltig Gäst'`, [])).toBe(0);
    });
  });

  it('two devices checking in the same person at once leave one row and one check-in time', async () => {
    const event = await make.event();
    const person = await make.person();
    await register(event.id, person.id);
    const [a, b] = await Promise.all([
      checkIn(event.id, person.id, api.adminToken),
      checkIn(event.id, person.id, tokens[Role.EVENT_STAFF]),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.checkIn.id).toBe(b.data!.checkIn.id);
    expect(a.data!.checkIn.checkedInAt).toBe(b.data!.checkIn.checkedInAt);
    expect(await count(`participation WHERE event_id = $1`, [event.id])).toBe(1);
  });

  describe('eventAttendance', () => {
    const ATTENDANCE = `query($e: ID!) { eventAttendance(eventId: $e) {
      registered attended noShows walkIns
      byRole { group count } bySector { group count } byMunicipality { group count } byGender { group count } } }`;

    it('counts and splits the room', async () => {
      const event = await make.event();
      const p1 = await make.person({ gender: 'WOMAN', sector: 'ACADEMIA', municipalityCode: '2480' });
      const p2 = await make.person({ gender: 'MAN', sector: 'BUSINESS', municipalityCode: '2482' });
      const p3 = await make.person({ sector: 'ACADEMIA', country: 'NO' });
      const p4 = await make.person({ gender: 'WOMAN', sector: 'PUBLIC_SECTOR', municipalityCode: '2480' });
      const p5 = await make.person({ gender: 'MAN', sector: 'BUSINESS', municipalityCode: '2480' });
      const org = await make.organisation({ sector: 'PUBLIC_SECTOR', municipalityCode: '2481' });
      await register(event.id, p1.id); // arrives
      await register(event.id, p2.id, 'SPEAKER'); // arrives
      await register(event.id, p3.id); // not yet arrived
      await register(event.id, p4.id, 'AUDIENCE', 'NO_SHOW');
      await register(event.id, p5.id);
      await api.ok(
        `mutation($e: ID!, $a: ID!) { cancelParticipation(input: { eventId: $e, actorId: $a }) { id } }`,
        { e: event.id, a: p5.id },
      );
      await register(event.id, org.id, 'ORGANISER', 'ATTENDED');
      await checkIn(event.id, p1.id);
      await checkIn(event.id, p2.id);
      const walk = async (input: Json) => expect((await walkIn(event.id, input)).errors).toBeUndefined();
      await walk({ name: 'Gäst Ett', gender: 'WOMAN', sector: 'CIVIL_SOCIETY', municipalityCode: '2480' });
      await walk({ name: 'Gäst Två', sector: 'BUSINESS' }); // Swedish, no municipality, no gender
      await walk({ name: 'Gäst Tre', gender: 'NON_BINARY', sector: 'INNOVATION_SYSTEM', country: 'FI' });

      const { eventAttendance } = await api.ok(ATTENDANCE, { e: event.id }, tokens[Role.STRATEGIST]);
      expect(eventAttendance).toEqual({
        registered: 5, // p1 p2 p3 p4 org (p5 cancelled; walk-ins were not registered)
        attended: 6, // p1 p2 org and the three walk-ins
        noShows: 2, // p3 (REGISTERED) and p4 (NO_SHOW)
        walkIns: 3,
        byRole: [
          { group: 'AUDIENCE', count: 4 },
          { group: 'ORGANISER', count: 1 },
          { group: 'SPEAKER', count: 1 },
        ],
        bySector: [
          { group: 'BUSINESS', count: 2 },
          { group: 'ACADEMIA', count: 1 },
          { group: 'CIVIL_SOCIETY', count: 1 },
          { group: 'INNOVATION_SYSTEM', count: 1 },
          { group: 'PUBLIC_SECTOR', count: 1 },
        ],
        byMunicipality: [
          { group: '2480', count: 2 },
          { group: '2481', count: 1 },
          { group: '2482', count: 1 },
          { group: 'OUTSIDE_SWEDEN', count: 1 },
          { group: 'UNKNOWN', count: 1 },
        ],
        byGender: [
          { group: 'NOT_STATED', count: 2 },
          { group: 'WOMAN', count: 2 },
          { group: 'MAN', count: 1 },
          { group: 'NON_BINARY', count: 1 },
        ],
      });
    });

    it('answers zeros for an event without participants and refuses an unknown one', async () => {
      const event = await make.event();
      expect((await api.ok(ATTENDANCE, { e: event.id })).eventAttendance).toEqual({
        registered: 0,
        attended: 0,
        noShows: 0,
        walkIns: 0,
        byRole: [],
        bySector: [],
        byMunicipality: [],
        byGender: [],
      });
      for (const id of [randomUUID(), 'nope']) {
        const result = await api.gql(ATTENDANCE, { e: id });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
      }
    });
  });

  it('keeps personal data from the committee and walk-ins from strategists', async () => {
    const event = await make.event();
    const person = await make.person();
    await register(event.id, person.id);
    const input = { name: 'Behörig Gäst', sector: 'BUSINESS' };
    const codeOf = async (query: string, variables: Json, token: string | null) =>
      (await api.gql(query, variables, token)).errors?.[0]?.extensions?.code ?? 'OK';
    const ATTENDANCE = `query($e: ID!) { eventAttendance(eventId: $e) { attended } }`;

    const committee = tokens[Role.COMMITTEE];
    expect(await codeOf(SEARCH, { e: event.id, q: 'person' }, committee)).toBe('FORBIDDEN');
    expect(await codeOf(ATTENDANCE, { e: event.id }, committee)).toBe('FORBIDDEN');
    expect(await codeOf(WALK_IN, { e: event.id, input }, committee)).toBe('FORBIDDEN');

    const strategist = tokens[Role.STRATEGIST];
    expect(await codeOf(WALK_IN, { e: event.id, input }, strategist)).toBe('FORBIDDEN');
    expect(await codeOf(SEARCH, { e: event.id, q: 'person' }, strategist)).toBe('OK');
    expect(await codeOf(ATTENDANCE, { e: event.id }, strategist)).toBe('OK');
    expect(await count(`actor WHERE name = $1`, [input.name])).toBe(0);

    expect(await codeOf(WALK_IN, { e: event.id, input }, tokens[Role.EVENT_STAFF])).toBe('OK');
    expect(await codeOf(SEARCH, { e: event.id, q: 'person' }, null)).toBe('UNAUTHENTICATED');
  });
});
