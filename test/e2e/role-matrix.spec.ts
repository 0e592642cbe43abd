import { Role } from '@crm/domain';
import { hash } from '@node-rs/argon2';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomBytes } from 'node:crypto';
import { GraphqlResponse, Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { firstSubscriptionMessage } from '../support/subscription';

/**
 * Who may do what. EVENT_STAFF creates and edits actors, events and participations and reads them;
 * a STRATEGIST reads everything and edits actors, but writes no events or participations and makes
 * no users; the COMMITTEE reads aggregates only (reference data, events without their participants,
 * itself) and nothing that holds personal data; ADMIN does everything. Initiatives, memberships and
 * engagements are written by EVENT_STAFF and STRATEGIST; only ADMIN exports, anonymises, deletes and
 * restricts persons, manages retention and reads the access log (issue 12). No token, no answer.
 *
 * Every Query, Mutation and Subscription field the API serves must have its row here: the schema is
 * walked, so a new operation fails this file until its row says who may call it.
 */
describe('authentication and the role matrix', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;

  beforeAll(async () => {
    // Hundreds of requests with bad credentials come from this one address: the failed-authentication
    // and anonymous budgets (rate-limits.spec.ts) must not turn their UNAUTHENTICATED into RATE_LIMITED here.
    api = await TestApi.start({
      env: { RATE_LIMIT_AUTH_FAILURES: '100000', RATE_LIMIT_ANONYMOUS: '100000' },
    });
    make = new Factory(api);
    tokens[Role.ADMIN] = api.adminToken;
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
    for (const role of Object.values(Role)) {
      userIds[role] = (await api.ok(`{ me { id } }`, {}, tokens[role])).me.id;
    }
    // A report (left PENDING: no worker runs here) for the report queries to find.
    await api.dataSource.query(`INSERT INTO quarterly_report (year, quarter, version) VALUES (2025, 1, 1)`);
  });
  afterAll(() => api.close());

  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

  interface Request {
    query: string;
    variables?: Record<string, unknown>;
    /** Checks the data of an allowed answer. */
    check: (data: Json, role: Role) => void;
  }

  interface Operation {
    name: string;
    /** The root field the operation answers under. */
    field: string;
    mutation: boolean;
    /** Makes what the operation needs (as ADMIN) and answers the request to send (by `role` when allowed). */
    prepare: (role?: Role) => Promise<Request>;
    /** Sent over WebSocket (graphql-transport-ws); its first message is the answer. */
    subscription?: true;
    /** Audit rows an allowed call writes (default 1): a walk-in creates a person and a participation. */
    audits?: number;
    /** For a write without an audit row: SQL answering `user_id`, who made the newest such write. */
    recordedBy?: string;
  }

  /** A user for the credential operations to act on. */
  const someUser = async (): Promise<{ id: string; token: string }> => {
    const token = await make.user(Role.COMMITTEE);
    return { id: (await api.ok(`{ me { id } }`, {}, token)).me.id, token };
  };

  const registered = async () => {
    const event = await make.event();
    const person = await make.person();
    await api.ok(
      `mutation($e: ID!, $a: ID!) { registerParticipation(input: { eventId: $e, actorId: $a, role: AUDIENCE }) { id } }`,
      { e: event.id, a: person.id },
    );
    return { event, person };
  };

  const anInitiative = async (): Promise<{ id: string; name: string }> =>
    (
      await api.ok(
        `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id name } }`,
        { input: { name: `Matrisgruppen ${unique()}`, kind: 'WORKING_GROUP', startedOn: '2026-01-01' } },
      )
    ).createInitiative;

  const aMember = async () => {
    const initiative = await anInitiative();
    const person = await make.person();
    await api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
      input: { initiativeId: initiative.id, actorId: person.id, role: 'MEMBER', joinedOn: '2026-02-01' },
    });
    return { initiative, person };
  };

  /** Quarter ends that have passed: the committee may only compare those. */
  const QUARTERS = { from: '2025-03-31', to: '2025-06-30' };

  const OPERATIONS: Operation[] = [
    {
      name: 'actors',
      field: 'actors',
      mutation: false,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `query($s: String) { actors(filter: { search: $s }) { totalCount edges { node { id name email } } } }`,
          variables: { s: person.name },
          check: (data) => expect(data.actors.edges).toEqual([{ node: person }]),
        };
      },
    },
    {
      name: 'actor(id)',
      field: 'actor',
      mutation: false,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `query($id: ID!) { actor(id: $id) { id name email } }`,
          variables: { id: person.id },
          check: (data) => expect(data.actor).toEqual(person),
        };
      },
    },
    {
      name: 'events',
      field: 'events',
      mutation: false,
      prepare: async () => {
        const event = await make.event();
        return {
          query: `query($s: String) { events(filter: { search: $s }) { totalCount edges { node { id title } } } }`,
          variables: { s: event.title },
          check: (data) => expect(data.events.edges).toEqual([{ node: event }]),
        };
      },
    },
    {
      name: 'event(id) { title }',
      field: 'event',
      mutation: false,
      prepare: async () => {
        const event = await make.event();
        return {
          query: `query($id: ID!) { event(id: $id) { id title } }`,
          variables: { id: event.id },
          check: (data) => expect(data.event).toEqual(event),
        };
      },
    },
    {
      name: 'event(id) { participants { totalCount } }',
      field: 'event',
      mutation: false,
      prepare: async () => {
        const { event } = await registered();
        return {
          query: `query($id: ID!) { event(id: $id) { participants { totalCount } } }`,
          variables: { id: event.id },
          check: (data) => expect(data.event).toEqual({ participants: { totalCount: 1 } }),
        };
      },
    },
    {
      name: 'meetingPlaces',
      field: 'meetingPlaces',
      mutation: false,
      prepare: async () => ({
        query: `{ meetingPlaces { code name } }`,
        check: (data) => expect(data.meetingPlaces).toHaveLength(4),
      }),
    },
    {
      name: 'municipalities',
      field: 'municipalities',
      mutation: false,
      prepare: async () => ({
        query: `{ municipalities { code name county } }`,
        check: (data) => expect(data.municipalities).toHaveLength(290),
      }),
    },
    {
      name: 'me',
      field: 'me',
      mutation: false,
      prepare: async () => ({
        query: `{ me { id role } }`,
        check: (data, role) => expect(data.me).toEqual({ id: userIds[role], role }),
      }),
    },
    {
      name: 'users',
      field: 'users',
      mutation: false,
      prepare: async () => ({
        query: `{ users { id role } }`,
        check: (data) =>
          expect(data.users).toEqual(
            expect.arrayContaining(Object.values(Role).map((role) => ({ id: userIds[role], role }))),
          ),
      }),
    },
    {
      name: 'createOrganisation',
      field: 'createOrganisation',
      mutation: true,
      prepare: async () => {
        const name = `Matrisbolaget ${unique()} AB`;
        return {
          query: `mutation($name: String!) { createOrganisation(input: { name: $name, sector: BUSINESS, municipalityCode: "2480" }) { id name } }`,
          variables: { name },
          check: (data) => expect(data.createOrganisation).toEqual({ id: expect.any(String), name }),
        };
      },
    },
    {
      name: 'createPerson',
      field: 'createPerson',
      mutation: true,
      prepare: async () => {
        const id = unique();
        return {
          query: `mutation($name: String!, $email: String) { createPerson(input: { name: $name, email: $email, sector: ACADEMIA }) { id name email } }`,
          variables: { name: `Matris ${id}`, email: `matris.${id}@example.se` },
          check: (data) =>
            expect(data.createPerson).toEqual({
              id: expect.any(String),
              name: `Matris ${id}`,
              email: `matris.${id}@example.se`,
            }),
        };
      },
    },
    {
      name: 'updateActor',
      field: 'updateActor',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($id: ID!) { updateActor(id: $id, input: { title: "Rektor" }) { id title } }`,
          variables: { id: person.id },
          check: (data) => expect(data.updateActor).toEqual({ id: person.id, title: 'Rektor' }),
        };
      },
    },
    {
      name: 'recordConsent',
      field: 'recordConsent',
      mutation: true,
      prepare: async () => {
        const person = await make.person({ legalBasis: 'CONSENT' });
        return {
          query: `mutation($actorId: ID!) { recordConsent(input: { actorId: $actorId, givenOn: "2026-01-10", textVersion: "2026-1", source: EMAIL }) { givenOn withdrawnOn } }`,
          variables: { actorId: person.id },
          check: (data) => expect(data.recordConsent).toEqual({ givenOn: '2026-01-10', withdrawnOn: null }),
        };
      },
    },
    {
      name: 'withdrawConsent',
      field: 'withdrawConsent',
      mutation: true,
      prepare: async () => {
        const person = await make.person({ legalBasis: 'CONSENT' });
        await api.ok(
          `mutation($actorId: ID!) { recordConsent(input: { actorId: $actorId, givenOn: "2026-01-10", textVersion: "2026-1", source: EMAIL }) { id } }`,
          { actorId: person.id },
        );
        return {
          query: `mutation($actorId: ID!) { withdrawConsent(input: { actorId: $actorId, withdrawnOn: "2026-02-10" }) { withdrawnOn } }`,
          variables: { actorId: person.id },
          check: (data) => expect(data.withdrawConsent).toEqual({ withdrawnOn: '2026-02-10' }),
        };
      },
    },
    {
      name: 'restrictProcessing',
      field: 'restrictProcessing',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($actorId: ID!) { restrictProcessing(actorId: $actorId, reason: "Bestrider uppgifterna") { id restricted } }`,
          variables: { actorId: person.id },
          check: (data) => expect(data.restrictProcessing).toEqual({ id: person.id, restricted: true }),
        };
      },
    },
    {
      name: 'liftRestriction',
      field: 'liftRestriction',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        await api.ok(
          `mutation($actorId: ID!) { restrictProcessing(actorId: $actorId, reason: "Bestrider uppgifterna") { id } }`,
          { actorId: person.id },
        );
        return {
          query: `mutation($actorId: ID!) { liftRestriction(actorId: $actorId) { id restricted } }`,
          variables: { actorId: person.id },
          check: (data) => expect(data.liftRestriction).toEqual({ id: person.id, restricted: false }),
        };
      },
    },
    {
      name: 'createEvent',
      field: 'createEvent',
      mutation: true,
      prepare: async () => {
        const title = `Matrisdagen ${unique()}`;
        return {
          query: `mutation($title: String!) { createEvent(input: { meetingPlace: ALMEDALEN, title: $title, startsAt: "2027-07-01T10:00:00Z" }) { id title } }`,
          variables: { title },
          check: (data) => expect(data.createEvent).toEqual({ id: expect.any(String), title }),
        };
      },
    },
    {
      name: 'updateEvent',
      field: 'updateEvent',
      mutation: true,
      prepare: async () => {
        const event = await make.event();
        return {
          query: `mutation($id: ID!) { updateEvent(id: $id, input: { title: "Ny titel" }) { id title } }`,
          variables: { id: event.id },
          check: (data) => expect(data.updateEvent).toEqual({ id: event.id, title: 'Ny titel' }),
        };
      },
    },
    {
      name: 'registerParticipation',
      field: 'registerParticipation',
      mutation: true,
      prepare: async () => {
        const event = await make.event();
        const person = await make.person();
        return {
          query: `mutation($e: ID!, $a: ID!) { registerParticipation(input: { eventId: $e, actorId: $a, role: SPEAKER }) { role status } }`,
          variables: { e: event.id, a: person.id },
          check: (data) =>
            expect(data.registerParticipation).toEqual({ role: 'SPEAKER', status: 'REGISTERED' }),
        };
      },
    },
    {
      name: 'checkIn',
      field: 'checkIn',
      mutation: true,
      prepare: async () => {
        const { event, person } = await registered();
        return {
          query: `mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { status source } }`,
          variables: { e: event.id, a: person.id },
          check: (data) => expect(data.checkIn).toEqual({ status: 'ATTENDED', source: 'MANUAL' }),
        };
      },
    },
    {
      name: 'checkInByCode',
      field: 'checkInByCode',
      mutation: true,
      prepare: async () => {
        const event = await make.event();
        const person = await make.person();
        const { registerParticipation } = await api.ok(
          `mutation($e: ID!, $a: ID!) { registerParticipation(input: { eventId: $e, actorId: $a, role: AUDIENCE }) { checkInCode } }`,
          { e: event.id, a: person.id },
        );
        return {
          query: `mutation($e: ID!, $c: String!) { checkInByCode(eventId: $e, code: $c) { status source } }`,
          variables: { e: event.id, c: registerParticipation.checkInCode },
          check: (data) => expect(data.checkInByCode).toEqual({ status: 'ATTENDED', source: 'MANUAL' }),
        };
      },
    },
    {
      name: 'undoCheckIn',
      field: 'undoCheckIn',
      mutation: true,
      prepare: async () => {
        const { event, person } = await registered();
        await api.ok(`mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { id } }`, {
          e: event.id,
          a: person.id,
        });
        return {
          query: `mutation($e: ID!, $a: ID!) { undoCheckIn(input: { eventId: $e, actorId: $a }) { status checkedInAt } }`,
          variables: { e: event.id, a: person.id },
          check: (data) => expect(data.undoCheckIn).toEqual({ status: 'REGISTERED', checkedInAt: null }),
        };
      },
    },
    {
      name: 'cancelParticipation',
      field: 'cancelParticipation',
      mutation: true,
      prepare: async () => {
        const { event, person } = await registered();
        return {
          query: `mutation($e: ID!, $a: ID!) { cancelParticipation(input: { eventId: $e, actorId: $a }) { status } }`,
          variables: { e: event.id, a: person.id },
          check: (data) => expect(data.cancelParticipation).toEqual({ status: 'CANCELLED' }),
        };
      },
    },
    {
      name: 'createUser',
      field: 'createUser',
      mutation: true,
      prepare: async () => {
        const email = `ny.${unique()}@region.example`;
        return {
          query: `mutation($email: String!) { createUser(input: { name: "Ny Användare", email: $email, role: COMMITTEE }) { token user { email role } } }`,
          variables: { email },
          check: (data) =>
            expect(data.createUser).toEqual({
              token: expect.any(String),
              user: { email, role: 'COMMITTEE' },
            }),
        };
      },
    },
    {
      name: 'registrationImport',
      field: 'registrationImport',
      mutation: false,
      prepare: async () => {
        const event = await make.event();
        const [{ id }] = await api.dataSource.query(
          `INSERT INTO registration_import (event_id, file_kind, file_size, file_sha256, content)
           VALUES ($1, 'CSV', 8, repeat('a', 64), 'Namn\nA B\n') RETURNING id`,
          [event.id],
        );
        return {
          query: `query($id: ID!) { registrationImport(id: $id) { id status rows } }`,
          variables: { id },
          check: (data) => expect(data.registrationImport).toEqual({ id, status: 'PENDING', rows: 0 }),
        };
      },
    },
    {
      name: 'registrationImports',
      field: 'registrationImports',
      mutation: false,
      prepare: async () => {
        const event = await make.event();
        const [{ id }] = await api.dataSource.query(
          `INSERT INTO registration_import (event_id, file_kind, file_size, file_sha256, content)
           VALUES ($1, 'CSV', 8, repeat('a', 64), 'Namn\nA B\n') RETURNING id`,
          [event.id],
        );
        return {
          query: `query($eventId: ID!) { registrationImports(eventId: $eventId) { id status } }`,
          variables: { eventId: event.id },
          check: (data) => expect(data.registrationImports).toEqual([{ id, status: 'PENDING' }]),
        };
      },
    },
    {
      name: 'registerParticipations',
      field: 'registerParticipations',
      mutation: true,
      prepare: async () => {
        const event = await make.event();
        const person = await make.person();
        return {
          query: `mutation($e: ID!, $a: ID!) { registerParticipations(eventId: $e, items: [{ actorId: $a, role: SPEAKER }]) { role actor { id } } }`,
          variables: { e: event.id, a: person.id },
          check: (data) =>
            expect(data.registerParticipations).toEqual([{ role: 'SPEAKER', actor: { id: person.id } }]),
        };
      },
    },
    {
      name: 'duplicateCandidates',
      field: 'duplicateCandidates',
      mutation: false,
      prepare: async () => {
        const name = `Dubbel ${unique()}`;
        await make.person({ name });
        await make.person({ name, email: null });
        return {
          query: `{ duplicateCandidates(first: 500) { edges { node { a { name } b { name } } } } }`,
          check: (data) =>
            expect(data.duplicateCandidates.edges).toContainEqual({ node: { a: { name }, b: { name } } }),
        };
      },
    },
    {
      name: 'dismissDuplicate',
      field: 'dismissDuplicate',
      mutation: true,
      prepare: async () => {
        const name = `Avfärdad ${unique()}`;
        const a = await make.person({ name });
        await make.person({ name, email: null });
        const [{ id }] = await api.dataSource.query(
          `SELECT id FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`,
          [a.id],
        );
        return {
          query: `mutation($id: ID!) { dismissDuplicate(id: $id) }`,
          variables: { id },
          check: (data) => expect(data.dismissDuplicate).toBe(true),
        };
      },
    },
    {
      name: 'mergeActors',
      field: 'mergeActors',
      mutation: true,
      prepare: async () => {
        const keep = await make.person();
        const merge = await make.person({ email: null });
        return {
          query: `mutation($k: ID!, $m: ID!) { mergeActors(keepId: $k, mergeId: $m) { id } }`,
          variables: { k: keep.id, m: merge.id },
          check: (data) => expect(data.mergeActors).toEqual({ id: keep.id }),
        };
      },
    },
    {
      name: 'checkInSearch',
      field: 'checkInSearch',
      mutation: false,
      prepare: async () => {
        const { event, person } = await registered();
        return {
          query: `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) { actor { id } } }`,
          variables: { e: event.id, q: person.name },
          check: (data) => expect(data.checkInSearch).toEqual([{ actor: { id: person.id } }]),
        };
      },
    },
    {
      name: 'eventAttendance',
      field: 'eventAttendance',
      mutation: false,
      prepare: async () => {
        const { event } = await registered();
        return {
          query: `query($e: ID!) { eventAttendance(eventId: $e) { registered attended noShows walkIns } }`,
          variables: { e: event.id },
          check: (data) =>
            expect(data.eventAttendance).toEqual({ registered: 1, attended: 0, noShows: 1, walkIns: 0 }),
        };
      },
    },
    {
      name: 'walkIn',
      field: 'walkIn',
      mutation: true,
      audits: 2,
      prepare: async () => {
        const event = await make.event();
        return {
          query: `mutation($e: ID!, $email: String!) { walkIn(eventId: $e, input: { name: "Spontan Besökare", email: $email, sector: BUSINESS }) { status source } }`,
          variables: { e: event.id, email: `spontan.${unique()}@example.se` },
          check: (data) => expect(data.walkIn).toEqual({ status: 'ATTENDED', source: 'WALK_IN' }),
        };
      },
    },
    {
      name: 'quarterlyReports',
      field: 'quarterlyReports',
      mutation: false,
      prepare: async () => ({
        query: `{ quarterlyReports(year: 2025) { year quarter } }`,
        check: (data) => expect(data.quarterlyReports).toContainEqual({ year: 2025, quarter: 1 }),
      }),
    },
    {
      name: 'quarterlyReport',
      field: 'quarterlyReport',
      mutation: false,
      prepare: async () => ({
        query: `{ quarterlyReport(year: 2025, quarter: 1) { year quarter status } }`,
        check: (data) => expect(data.quarterlyReport).toEqual({ year: 2025, quarter: 1, status: 'PENDING' }),
      }),
    },
    {
      name: 'generateQuarterlyReport',
      field: 'generateQuarterlyReport',
      mutation: true,
      prepare: async () => ({
        query: `mutation { generateQuarterlyReport(year: 2025, quarter: 2) { year quarter status } }`,
        check: (data) =>
          expect(data.generateQuarterlyReport).toEqual({ year: 2025, quarter: 2, status: 'PENDING' }),
      }),
    },
    {
      name: 'disableUser',
      field: 'disableUser',
      mutation: true,
      prepare: async () => {
        const { id } = await someUser();
        return {
          query: `mutation($id: ID!) { disableUser(id: $id) { id disabledAt } }`,
          variables: { id },
          check: (data) => expect(data.disableUser).toEqual({ id, disabledAt: expect.any(String) }),
        };
      },
    },
    {
      name: 'changeUserRole',
      field: 'changeUserRole',
      mutation: true,
      prepare: async () => {
        const { id } = await someUser();
        return {
          query: `mutation($id: ID!) { changeUserRole(id: $id, role: STRATEGIST) { id role } }`,
          variables: { id },
          check: (data) => expect(data.changeUserRole).toEqual({ id, role: 'STRATEGIST' }),
        };
      },
    },
    {
      name: 'enableUser',
      field: 'enableUser',
      mutation: true,
      prepare: async () => {
        const { id } = await someUser();
        await api.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [id]);
        return {
          query: `mutation($id: ID!) { enableUser(id: $id) { id disabledAt } }`,
          variables: { id },
          check: (data) => expect(data.enableUser).toEqual({ id, disabledAt: null }),
        };
      },
    },
    {
      name: 'issueToken',
      field: 'issueToken',
      mutation: true,
      prepare: async () => {
        const { id } = await someUser();
        return {
          query: `mutation($id: ID!) { issueToken(userId: $id) { token invitationUrl user { id } } }`,
          variables: { id },
          check: (data) =>
            expect(data.issueToken).toEqual({ token: expect.any(String), invitationUrl: null, user: { id } }),
        };
      },
    },
    {
      name: 'inviteUser',
      field: 'inviteUser',
      mutation: true,
      prepare: async () => {
        const { id } = await someUser();
        return {
          query: `mutation($id: ID!) { inviteUser(userId: $id) }`,
          variables: { id },
          check: (data) => expect(data.inviteUser).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/),
        };
      },
    },
    {
      name: 'changePassword',
      field: 'changePassword',
      mutation: true,
      prepare: async () => {
        // Every role's user gets a known password: the request changes the caller's own.
        const current = `nuvarande lösenord ${unique()}`;
        await api.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = ANY($1)`, [
          Object.values(userIds),
          await hash(current),
        ]);
        return {
          query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
          variables: {
            input: { currentPassword: current, newPassword: `ett nytt långt lösenord ${unique()}` },
          },
          check: (data) => expect(data.changePassword).toBe(true),
        };
      },
    },
    {
      name: 'ladderTransitionActors',
      field: 'ladderTransitionActors',
      mutation: false,
      prepare: async () => ({
        query: `{ ladderTransitionActors(from: "2026-01-01", to: "2026-03-31", toStep: AWARENESS) { totalCount edges { node { name } } } }`,
        check: (data) => expect(data.ladderTransitionActors.totalCount).toEqual(expect.any(Number)),
      }),
    },
    {
      name: 'savedFilters',
      field: 'savedFilters',
      mutation: false,
      prepare: async () => ({
        query: `{ savedFilters(page: NEXT_INVITES) { id name } }`,
        check: (data) => expect(data.savedFilters).toEqual(expect.any(Array)),
      }),
    },
    {
      name: 'accessLog',
      field: 'accessLog',
      mutation: false,
      prepare: async () => ({
        query: `{ accessLog(first: 5) { totalCount edges { node { operation personCount } } } }`,
        check: (data) => expect(data.accessLog.totalCount).toEqual(expect.any(Number)),
      }),
    },
    {
      name: 'accessLogSummaries',
      field: 'accessLogSummaries',
      mutation: false,
      prepare: async () => ({
        query: `{ accessLogSummaries { weekStart flaggedUsers } }`,
        check: (data) => expect(data.accessLogSummaries).toEqual(expect.any(Array)),
      }),
    },
    {
      name: 'saveFilter',
      field: 'saveFilter',
      mutation: true,
      prepare: async () => {
        const name = `Matrisfilter ${unique()}`;
        return {
          query: `mutation($name: String!) { saveFilter(input: { page: NEXT_INVITES, name: $name, filter: "{}" }) { name } }`,
          variables: { name },
          check: (data) => expect(data.saveFilter).toEqual({ name }),
        };
      },
    },
    {
      name: 'deleteSavedFilter',
      field: 'deleteSavedFilter',
      mutation: true,
      // One's own filters only: the allowed call deletes a filter of the caller's.
      prepare: async (role = Role.ADMIN) => {
        const [{ id }] = await api.dataSource.query(
          `INSERT INTO saved_filter (user_id, page, name, filter) VALUES ($1, 'NEXT_INVITES', $2, '{}') RETURNING id`,
          [userIds[role], `Matrisfilter ${unique()}`],
        );
        return {
          query: `mutation($id: ID!) { deleteSavedFilter(id: $id) }`,
          variables: { id },
          check: (data) => expect(data.deleteSavedFilter).toBe(true),
        };
      },
    },
    {
      name: 'initiative',
      field: 'initiative',
      mutation: false,
      prepare: async () => {
        const initiative = await anInitiative();
        return {
          query: `query($id: ID!) { initiative(id: $id) { id name } }`,
          variables: { id: initiative.id },
          check: (data) => expect(data.initiative).toEqual(initiative),
        };
      },
    },
    {
      name: 'initiatives',
      field: 'initiatives',
      mutation: false,
      prepare: async () => {
        const initiative = await anInitiative();
        return {
          query: `query($s: String) { initiatives(filter: { search: $s }) { edges { node { id name } } } }`,
          variables: { s: initiative.name },
          check: (data) => expect(data.initiatives.edges).toEqual([{ node: initiative }]),
        };
      },
    },
    {
      name: 'createInitiative',
      field: 'createInitiative',
      mutation: true,
      prepare: async () => {
        const name = `Matrisgruppen ${unique()}`;
        return {
          query: `mutation($name: String!) { createInitiative(input: { name: $name, kind: COLLABORATION, startedOn: "2026-03-01" }) { id name kind } }`,
          variables: { name },
          check: (data) =>
            expect(data.createInitiative).toEqual({ id: expect.any(String), name, kind: 'COLLABORATION' }),
        };
      },
    },
    {
      name: 'joinInitiative',
      field: 'joinInitiative',
      mutation: true,
      prepare: async () => {
        const initiative = await anInitiative();
        const person = await make.person();
        return {
          query: `mutation($i: ID!, $a: ID!) { joinInitiative(input: { initiativeId: $i, actorId: $a, role: PARTNER, joinedOn: "2026-02-01" }) { role joinedOn leftOn } }`,
          variables: { i: initiative.id, a: person.id },
          check: (data) =>
            expect(data.joinInitiative).toEqual({ role: 'PARTNER', joinedOn: '2026-02-01', leftOn: null }),
        };
      },
    },
    {
      name: 'leaveInitiative',
      field: 'leaveInitiative',
      mutation: true,
      prepare: async () => {
        const { initiative, person } = await aMember();
        return {
          query: `mutation($i: ID!, $a: ID!) { leaveInitiative(input: { initiativeId: $i, actorId: $a, leftOn: "2026-03-01" }) { leftOn } }`,
          variables: { i: initiative.id, a: person.id },
          check: (data) => expect(data.leaveInitiative).toEqual({ leftOn: '2026-03-01' }),
        };
      },
    },
    {
      name: 'recordEngagement',
      field: 'recordEngagement',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($a: ID!) { recordEngagement(input: { actorId: $a, kind: POLICY_INFLUENCE, occurredOn: "2026-04-01" }) { kind occurredOn } }`,
          variables: { a: person.id },
          check: (data) =>
            expect(data.recordEngagement).toEqual({ kind: 'POLICY_INFLUENCE', occurredOn: '2026-04-01' }),
        };
      },
    },
    {
      name: 'removeEngagement',
      field: 'removeEngagement',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        const { recordEngagement } = await api.ok(
          `mutation($a: ID!) { recordEngagement(input: { actorId: $a, kind: INPUT, occurredOn: "2026-04-01" }) { id } }`,
          { a: person.id },
        );
        return {
          query: `mutation($id: ID!) { removeEngagement(id: $id) }`,
          variables: { id: recordEngagement.id },
          check: (data) => expect(data.removeEngagement).toBe(true),
        };
      },
    },
    {
      name: 'ladderDistribution',
      field: 'ladderDistribution',
      mutation: false,
      prepare: async () => ({
        query: `{ ladderDistribution { group steps { step } } }`,
        check: (data) => expect(data.ladderDistribution).toEqual([expect.objectContaining({ group: 'ALL' })]),
      }),
    },
    {
      name: 'ladderTransitions',
      field: 'ladderTransitions',
      mutation: false,
      prepare: async () => ({
        query: `query($from: Date!, $to: Date!) { ladderTransitions(from: $from, to: $to) { from to count suppressed } }`,
        variables: QUARTERS,
        check: (data) => expect(data.ladderTransitions).toEqual(expect.any(Array)),
      }),
    },
    {
      name: 'ladderMovement',
      field: 'ladderMovement',
      mutation: false,
      prepare: async () => ({
        query: `query($from: Date!, $to: Date!) { ladderMovement(from: $from, to: $to) { newlyEngaged suppressedFields } }`,
        variables: QUARTERS,
        // The committee's figures may be withheld (null, named in suppressedFields).
        check: (data) => expect(data.ladderMovement.suppressedFields).toEqual(expect.any(Array)),
      }),
    },
    {
      name: 'ladderStatus',
      field: 'ladderStatus',
      mutation: false,
      prepare: async () => ({
        query: `{ ladderStatus { pending rulesVersion } }`,
        check: (data) =>
          expect(data.ladderStatus).toEqual({
            pending: expect.any(Number),
            rulesVersion: expect.any(Number),
          }),
      }),
    },
    {
      name: 'recomputeLadder',
      field: 'recomputeLadder',
      mutation: true,
      // Only queues a job for the worker (which carries requestedBy): nothing is written here.
      audits: 0,
      prepare: async () => ({
        query: `mutation { recomputeLadder { rulesVersion } }`,
        check: (data) => expect(data.recomputeLadder).toEqual({ rulesVersion: expect.any(Number) }),
      }),
    },
    {
      name: 'personalDataExport',
      field: 'personalDataExport',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($a: ID!) { personalDataExport(actorId: $a) { actorId jsonUrl } }`,
          variables: { a: person.id },
          check: (data) =>
            expect(data.personalDataExport).toEqual({ actorId: person.id, jsonUrl: expect.any(String) }),
        };
      },
    },
    {
      name: 'personalDataExports',
      field: 'personalDataExports',
      mutation: false,
      prepare: async () => {
        const person = await make.person();
        const [{ id }] = await api.dataSource.query(
          `INSERT INTO personal_data_export (actor_id, content, requested_by, expires_at)
           VALUES ($1, '{}', $2, now() + interval '7 days') RETURNING id`,
          [person.id, userIds[Role.ADMIN]],
        );
        return {
          query: `query($a: ID!) { personalDataExports(actorId: $a) { id actorId } }`,
          variables: { a: person.id },
          check: (data) => expect(data.personalDataExports).toEqual([{ id, actorId: person.id }]),
        };
      },
    },
    {
      name: 'anonymiseActor',
      field: 'anonymiseActor',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($a: ID!) { anonymiseActor(actorId: $a, reason: "Dnr 2026/123") { id name email } }`,
          variables: { a: person.id },
          check: (data) =>
            expect(data.anonymiseActor).toEqual({ id: person.id, name: 'Anonymiserad person', email: null }),
        };
      },
    },
    {
      name: 'deleteActor',
      field: 'deleteActor',
      mutation: true,
      prepare: async () => {
        const person = await make.person();
        return {
          query: `mutation($a: ID!) { deleteActor(actorId: $a, reason: "Dnr 2026/124") }`,
          variables: { a: person.id },
          check: (data) => expect(data.deleteActor).toBe(person.id),
        };
      },
    },
    {
      name: 'retentionRules',
      field: 'retentionRules',
      mutation: false,
      prepare: async () => ({
        query: `{ retentionRules { code } }`,
        check: (data) => expect(data.retentionRules).toContainEqual({ code: 'PERSONAL_DATA_EXPORTS' }),
      }),
    },
    {
      name: 'updateRetentionRule',
      field: 'updateRetentionRule',
      mutation: true,
      prepare: async () => {
        // A change each time (an unchanged rule writes no audit row).
        const [{ keep }] = await api.dataSource.query(
          `SELECT keep_amount AS keep FROM retention_rule WHERE code = 'SESSIONS'`,
        );
        const keepAmount = keep < 1200 ? keep + 1 : keep - 1;
        return {
          query: `mutation($keep: Int!) { updateRetentionRule(input: { code: SESSIONS, keepAmount: $keep, keepUnit: DAYS, decisionReference: null, enabled: true }) { code keepAmount } }`,
          variables: { keep: keepAmount },
          check: (data) => expect(data.updateRetentionRule).toEqual({ code: 'SESSIONS', keepAmount }),
        };
      },
    },
    {
      name: 'retentionPreview',
      field: 'retentionPreview',
      mutation: false,
      prepare: async () => ({
        query: `{ retentionPreview { rule { code } count } }`,
        check: (data) =>
          expect(data.retentionPreview).toContainEqual({
            rule: { code: 'PERSONAL_DATA_EXPORTS' },
            count: expect.any(Number),
          }),
      }),
    },
    {
      name: 'retentionRuns',
      field: 'retentionRuns',
      mutation: false,
      prepare: async () => ({
        query: `{ retentionRuns(first: 5) { id status } }`,
        check: (data) => expect(data.retentionRuns).toEqual(expect.any(Array)),
      }),
    },
    {
      name: 'runRetention',
      field: 'runRetention',
      mutation: true,
      // The run is the record of who started it (no worker runs here: it stays RUNNING).
      audits: 0,
      recordedBy: `SELECT requested_by AS user_id FROM retention_run ORDER BY started_at DESC LIMIT 1`,
      prepare: async () => ({
        query: `mutation { runRetention { trigger status } }`,
        check: (data) => expect(data.runRetention).toEqual({ trigger: 'MANUAL', status: 'RUNNING' }),
      }),
    },
    {
      name: 'eventAttendanceChanged',
      field: 'eventAttendanceChanged',
      mutation: false,
      subscription: true,
      prepare: async () => {
        const { event } = await registered();
        return {
          query: `subscription($e: ID!) { eventAttendanceChanged(eventId: $e) { registered attended noShows walkIns } }`,
          variables: { e: event.id },
          check: (data) =>
            expect(data.eventAttendanceChanged).toEqual({
              registered: 1,
              attended: 0,
              noShows: 1,
              walkIns: 0,
            }),
        };
      },
    },
  ];

  /** Every table a request could write (reads leave rows in the access log, personal_data_access). */
  const WRITABLE_TABLES = [
    'actor',
    'event',
    'participation',
    'audit_log',
    'app_user',
    'user_invitation',
    'registration_import',
    'duplicate_candidate',
    'actor_merge',
    'quarterly_report',
    'check_in',
    'idempotency_key',
    'saved_filter',
    'consent',
    'initiative',
    'initiative_membership',
    'engagement',
    'personal_data_export',
    'retention_rule',
    'retention_run',
    'erasure_ledger',
  ];
  /**
   * One statement for all of them: per table its row count and the newest row version (xmin), which
   * any insert or update moves (a delete lowers the count). app_user is compared by its rows' content
   * instead: its last_seen_at moves with any authenticated request (at most once a minute), not a write.
   * (Digesting every table's content grows with the rows the run makes: the file took a third longer.)
   */
  const SNAPSHOT = WRITABLE_TABLES.map((table) =>
    table === 'app_user'
      ? `SELECT '${table}' AS "table", count(*)::int AS rows, coalesce(md5(string_agg(r, '|' ORDER BY r)), '') AS version
           FROM (SELECT (to_jsonb(t) - 'last_seen_at')::text AS r FROM ${table} t) rows`
      : `SELECT '${table}' AS "table", count(*)::int AS rows, coalesce(max(xmin::text::bigint), 0)::text AS version
           FROM ${table}`,
  ).join(' UNION ALL ');

  /** Row count and the version of every table a request could write. */
  const snapshot = async (): Promise<Record<string, { rows: number; version: string }>> => {
    const rows: { table: string; rows: number; version: string }[] = await api.dataSource.query(SNAPSHOT);
    return Object.fromEntries(rows.map(({ table, ...row }) => [table, row]));
  };

  /** Sends a GraphQL request with exactly these headers (api.gql always sends a well-formed one). */
  const send = async (request: Request, headers: Record<string, string>): Promise<GraphqlResponse<Json>> => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
    });
    return { ...((await response.json()) as GraphqlResponse<Json>), status: response.status };
  };

  /** Sends an operation's request: over HTTP, or a subscription over WebSocket with the same headers. */
  const sendWith = (operation: Operation, request: Request, headers: Record<string, string>) =>
    operation.subscription
      ? firstSubscriptionMessage(api.baseUrl, request, { headers })
      : send(request, headers);

  /** Sends an operation's request as the holder of `token`. */
  const sendAs = (operation: Operation, request: Request, token: string) =>
    operation.subscription
      ? firstSubscriptionMessage(api.baseUrl, request, { token })
      : api.gql(request.query, request.variables, token);

  const expectRefusedWith = async (
    code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    operation: Operation,
    run: (request: Request) => Promise<GraphqlResponse<Json>>,
    prepared?: Request,
  ) => {
    const request = prepared ?? (await operation.prepare());
    const before = await snapshot();
    const result = await run(request);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(result.data?.[operation.field] ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  };

  describe('without valid credentials', () => {
    // One request per operation for all the credentials: a refused request writes nothing (as each
    // test checks), so what it needs is still there for the next. Preparing it anew each time cost
    // about a third of this section's time.
    const prepared = new Map<Operation, Promise<Request>>();
    const preparedOnce = (operation: Operation): Promise<Request> => {
      if (!prepared.has(operation)) prepared.set(operation, operation.prepare());
      return prepared.get(operation)!;
    };

    const CREDENTIALS: [description: string, headers: () => Promise<Record<string, string>>][] = [
      ['no Authorization header', async () => ({})],
      ['an empty Authorization header', async () => ({ authorization: '' })],
      ['"Bearer" without a token', async () => ({ authorization: 'Bearer' })],
      ['a valid token without the Bearer scheme', async () => ({ authorization: api.adminToken })],
      ['a valid token under the Basic scheme', async () => ({ authorization: `Basic ${api.adminToken}` })],
      ['two tokens', async () => ({ authorization: `Bearer ${api.adminToken} ${api.adminToken}` })],
      [
        'an unknown token',
        async () => ({ authorization: `Bearer ${randomBytes(32).toString('base64url')}` }),
      ],
      [
        "the admin token's hash instead of the token",
        async () => {
          const [{ token_hash }] = await api.dataSource.query(
            `SELECT token_hash FROM app_user WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1`,
          );
          return { authorization: `Bearer ${token_hash}` };
        },
      ],
      [
        'an unknown session cookie',
        async () => ({ cookie: `crm_session=${randomBytes(32).toString('base64url')}` }),
      ],
      [
        "a disabled user's token",
        async () => {
          const token = await make.user(Role.ADMIN);
          const { me } = await api.ok(`{ me { id } }`, {}, token);
          await api.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [me.id]);
          return { authorization: `Bearer ${token}` };
        },
      ],
    ];

    describe.each(CREDENTIALS)('with %s', (_description, headers) => {
      it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
        '%s answers UNAUTHENTICATED and writes nothing',
        async (_name, operation) => {
          const sent = await headers();
          await expectRefusedWith(
            'UNAUTHENTICATED',
            operation,
            (request) => sendWith(operation, request, sent),
            await preparedOnce(operation),
          );
        },
      );
    });

    it('answers GET /health without a token', async () => {
      const response = await fetch(`${api.baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('answers GET /health whatever Authorization header comes along', async () => {
      const response = await fetch(`${api.baseUrl}/health`, {
        headers: { authorization: 'Bearer nonsense' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });
  });

  type Outcome = 'allowed' | 'FORBIDDEN';
  const ok: Outcome = 'allowed';
  const no: Outcome = 'FORBIDDEN';

  /** The matrix as the issue states it; columns ADMIN, EVENT_STAFF, STRATEGIST, COMMITTEE. */
  const MATRIX: Record<string, [Outcome, Outcome, Outcome, Outcome]> = {
    actors: [ok, ok, ok, no],
    'actor(id)': [ok, ok, ok, no],
    events: [ok, ok, ok, ok],
    'event(id) { title }': [ok, ok, ok, ok],
    'event(id) { participants { totalCount } }': [ok, ok, ok, no],
    meetingPlaces: [ok, ok, ok, ok],
    municipalities: [ok, ok, ok, ok],
    me: [ok, ok, ok, ok],
    users: [ok, no, no, no],
    createOrganisation: [ok, ok, ok, no],
    createPerson: [ok, ok, ok, no],
    updateActor: [ok, ok, ok, no],
    recordConsent: [ok, ok, ok, no],
    withdrawConsent: [ok, ok, ok, no],
    restrictProcessing: [ok, no, no, no],
    liftRestriction: [ok, no, no, no],
    createEvent: [ok, ok, no, no],
    updateEvent: [ok, ok, no, no],
    registerParticipation: [ok, ok, no, no],
    checkIn: [ok, ok, no, no],
    checkInByCode: [ok, ok, no, no],
    undoCheckIn: [ok, ok, no, no],
    cancelParticipation: [ok, ok, no, no],
    createUser: [ok, no, no, no],
    registrationImport: [ok, ok, no, no],
    registrationImports: [ok, ok, no, no],
    registerParticipations: [ok, ok, no, no],
    duplicateCandidates: [ok, ok, ok, no],
    dismissDuplicate: [ok, ok, no, no],
    mergeActors: [ok, ok, no, no],
    checkInSearch: [ok, ok, ok, no],
    eventAttendance: [ok, ok, ok, no],
    walkIn: [ok, ok, no, no],
    quarterlyReports: [ok, ok, ok, ok],
    quarterlyReport: [ok, ok, ok, ok],
    generateQuarterlyReport: [ok, no, ok, no],
    disableUser: [ok, no, no, no],
    enableUser: [ok, no, no, no],
    changeUserRole: [ok, no, no, no],
    issueToken: [ok, no, no, no],
    inviteUser: [ok, no, no, no],
    changePassword: [ok, ok, ok, ok],
    ladderTransitionActors: [ok, ok, ok, no],
    savedFilters: [ok, ok, ok, no],
    saveFilter: [ok, ok, ok, no],
    deleteSavedFilter: [ok, ok, ok, no],
    accessLog: [ok, no, no, no],
    accessLogSummaries: [ok, no, no, no],
    initiative: [ok, ok, ok, ok],
    initiatives: [ok, ok, ok, ok],
    createInitiative: [ok, ok, ok, no],
    joinInitiative: [ok, ok, ok, no],
    leaveInitiative: [ok, ok, ok, no],
    recordEngagement: [ok, ok, ok, no],
    removeEngagement: [ok, ok, ok, no],
    ladderDistribution: [ok, ok, ok, ok],
    ladderTransitions: [ok, ok, ok, ok],
    ladderMovement: [ok, ok, ok, ok],
    ladderStatus: [ok, ok, ok, ok],
    recomputeLadder: [ok, no, no, no],
    personalDataExport: [ok, no, no, no],
    personalDataExports: [ok, no, no, no],
    anonymiseActor: [ok, no, no, no],
    deleteActor: [ok, no, no, no],
    retentionRules: [ok, no, no, no],
    updateRetentionRule: [ok, no, no, no],
    retentionPreview: [ok, no, no, no],
    retentionRuns: [ok, no, no, no],
    runRetention: [ok, no, no, no],
    eventAttendanceChanged: [ok, ok, ok, no],
  };
  const ROLES = [Role.ADMIN, Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE] as const;

  /**
   * Root fields the API serves that have no row above, each with the reason. Keep it empty unless a
   * field truly cannot be called per role here (and say where its roles are tested instead).
   */
  const NOT_IN_MATRIX: Record<string, string> = {};

  const rootOf = (operation: Operation) =>
    operation.subscription ? 'Subscription' : operation.mutation ? 'Mutation' : 'Query';

  it('has a row for every operation it calls, and calls every operation in a row', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
  });

  it('has a row for every Query, Mutation and Subscription field the API serves', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const served = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (root) => (root ? Object.keys(root.getFields()).map((field) => `${root.name}.${field}`) : []),
    );
    const called = new Set(OPERATIONS.map((o) => `${rootOf(o)}.${o.field}`));
    // A served field with no row, then a row whose field is not served (gone, or under another root).
    expect(served.filter((path) => !called.has(path) && !(path in NOT_IN_MATRIX)).sort()).toEqual([]);
    expect([...called, ...Object.keys(NOT_IN_MATRIX)].filter((path) => !served.includes(path))).toEqual([]);
  });

  const CASES = ROLES.flatMap((role, column) =>
    OPERATIONS.map((operation) => [role, operation.name, MATRIX[operation.name][column], operation] as const),
  );

  it.each(CASES)('%s: %s is %s', async (role, _name, outcome, operation) => {
    if (outcome === 'FORBIDDEN') {
      await expectRefusedWith('FORBIDDEN', operation, (request) => sendAs(operation, request, tokens[role]));
      return;
    }
    const request = await operation.prepare(role);
    const before = await snapshot();
    const result = await sendAs(operation, request, tokens[role]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.[operation.field]).toBeTruthy();
    request.check(result.data as Json, role);
    const after = await snapshot();
    if (!operation.mutation) {
      expect(after).toEqual(before);
      return;
    }
    // The write happened, and the audit trail names who made it.
    const audits = operation.audits ?? 1;
    expect(after.audit_log.rows).toBe(before.audit_log.rows + audits);
    const written = await api.dataSource.query(`SELECT user_id FROM audit_log ORDER BY id DESC LIMIT $1`, [
      audits,
    ]);
    expect(written.map((row: { user_id: string }) => row.user_id)).toEqual(Array(audits).fill(userIds[role]));
    if (operation.recordedBy) {
      expect(await api.dataSource.query(operation.recordedBy)).toEqual([{ user_id: userIds[role] }]);
    }
  });
});
