import { randomUUID } from 'node:crypto';
import { Role, stockholmDate } from '@crm/domain';
import { AccessLogWriter } from '../../apps/api/src/access-log/access-log.writer';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Restriction of processing (GDPR art. 18, issue 12 item 2): a restricted person is hidden from
 * everyone but ADMIN (actor, lists, door search, exports), never proposed in "whom to invite next"
 * (not even to ADMIN), still counted; at the door (a code, a walk-in, an imported list) their
 * participation is recorded and answered masked, and a masked answer is no read in the access log.
 */
describe('restriction of processing', () => {
  let api: TestApi;
  let make: Factory;
  let staff: string;
  let strategist: string;
  let admin: string;
  const today = stockholmDate();

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    admin = api.adminToken;
    staff = await make.user(Role.EVENT_STAFF);
    strategist = await make.user(Role.STRATEGIST);
  });
  afterAll(() => api.close());

  let sequence = 0;
  const randomKey = () => randomUUID();
  const unique = () => `${Date.now().toString(36)}x${(sequence += 1)}`;

  const RESTRICT = `mutation($actorId: ID!, $reason: String!) {
    restrictProcessing(actorId: $actorId, reason: $reason) { id restricted restriction { restrictedAt reason } } }`;
  const LIFT = `mutation($actorId: ID!) { liftRestriction(actorId: $actorId) { id restricted restriction { reason } } }`;
  const restrict = (actorId: string, reason = 'Bestrider uppgifternas riktighet', token = admin) =>
    api.gql(RESTRICT, { actorId, reason }, token);
  const lift = (actorId: string, token = admin) => api.gql(LIFT, { actorId }, token);

  /** A refusal naming `field`; with `reason`, also its stable code (extensions.reason). */
  const expectBadInput = (result: Awaited<ReturnType<TestApi['gql']>>, field: string, reason?: string) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      ...(reason ? { reason } : {}),
    });
    expect(result.data ?? null).toBeNull();
  };
  const register = (eventId: string, actorId: string, status = 'REGISTERED') =>
    api.ok(
      `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id checkInCode } }`,
      { input: { eventId, actorId, role: 'AUDIENCE', status } },
    );
  const ids = (edges: { node: Json }[], pick: (node: Json) => string = (n) => n.id) =>
    edges.map((e) => pick(e.node));
  const csvOf = async (path: string, token: string): Promise<string> => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer()).toString('utf8');
  };

  const MASKED = {
    name: 'Skyddad person',
    email: null,
    title: null,
    gender: null,
    organisation: null,
    municipality: null,
    restricted: true,
    restriction: null,
  };
  const ACTOR_FIELDS =
    'id name email title gender organisation { id } municipality { code } restricted restriction { reason }';

  describe('restricting and lifting', () => {
    it('restricts a person with an audit row of field names, the reason shown to ADMIN only', async () => {
      const person = await make.person({ name: 'Rut Begränsad' });
      const result = await restrict(person.id, '  Bestrider uppgifternas riktighet  ');
      expect(result.errors).toBeUndefined();
      expect(result.data?.restrictProcessing).toEqual({
        id: person.id,
        restricted: true,
        restriction: { restrictedAt: expect.any(String), reason: 'Bestrider uppgifternas riktighet' },
      });
      const [row] = await api.dataSource.query(
        `SELECT restriction_reason, restricted_by, restricted_at IS NOT NULL AS restricted FROM actor WHERE id = $1`,
        [person.id],
      );
      const { me } = await api.ok(`{ me { id } }`);
      expect(row).toEqual({
        restriction_reason: 'Bestrider uppgifternas riktighet',
        restricted_by: me.id,
        restricted: true,
      });

      const lifted = await lift(person.id);
      expect(lifted.data?.liftRestriction).toEqual({ id: person.id, restricted: false, restriction: null });
      const trail = await api.dataSource.query(
        `SELECT action, changed_fields FROM audit_log WHERE entity = 'actor' AND entity_id = $1
           AND action IN ('restrict', 'lift_restriction') ORDER BY id`,
        [person.id],
      );
      expect(trail).toEqual([
        { action: 'restrict', changed_fields: ['restricted_at', 'restriction_reason'] },
        { action: 'lift_restriction', changed_fields: ['restricted_at', 'restriction_reason'] },
      ]);
      const audit = JSON.stringify(
        await api.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [person.id]),
      );
      expect(audit).not.toContain('Bestrider');
    });

    it('lets only ADMIN restrict and lift: others are FORBIDDEN and nothing changes', async () => {
      const person = await make.person();
      for (const token of [staff, strategist, await make.user(Role.COMMITTEE)]) {
        const refused = await restrict(person.id, 'Skäl', token);
        expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      await restrict(person.id);
      for (const token of [staff, strategist]) {
        expect((await lift(person.id, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const [row] = await api.dataSource.query(
        `SELECT restricted_at IS NOT NULL AS r FROM actor WHERE id = $1`,
        [person.id],
      );
      expect(row.r).toBe(true);
    });

    it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
      const organisation = await make.organisation();
      const person = await make.person();
      expectBadInput(await restrict(organisation.id), 'actorId', 'NOT_A_PERSON');
      expectBadInput(await restrict('00000000-0000-4000-8000-000000000000'), 'actorId', 'NOT_FOUND');
      expectBadInput(await restrict('inte-ett-id'), 'actorId');
      expectBadInput(await restrict(person.id, '   '), 'reason', 'REQUIRED');
      expectBadInput(await restrict(person.id, 'x'.repeat(501)), 'reason', 'TOO_LONG');
      expectBadInput(await lift(person.id), 'actorId', 'NOT_RESTRICTED');
      expect((await restrict(person.id, 'x'.repeat(500))).errors).toBeUndefined();
      expectBadInput(await restrict(person.id), 'actorId', 'ALREADY_RESTRICTED');
      expectBadInput(await lift(organisation.id), 'actorId', 'NOT_A_PERSON');
    });
  });

  describe('who sees a restricted person', () => {
    const word = unique();
    let organisation: { id: string };
    let hidden: { id: string; name: string; email: string | null };
    let visible: { id: string; name: string; email: string | null };
    let event: { id: string };
    let initiativeId: string;
    let step: string;

    beforeAll(async () => {
      organisation = await make.organisation({ name: `Dolda bolaget ${word}` });
      hidden = await make.person({
        name: `Doris Dold ${word}`,
        organisationId: organisation.id,
        title: 'Rektor',
      });
      visible = await make.person({ name: `Vera Synlig ${word}`, organisationId: organisation.id });
      event = await make.event({ title: `Dolt seminarium ${word}` });
      await register(event.id, hidden.id, 'ATTENDED');
      await register(event.id, visible.id, 'ATTENDED');
      initiativeId = (
        await api.ok(`mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
          input: { name: `Arbetsgrupp ${word}`, kind: 'WORKING_GROUP', startedOn: '2026-01-01' },
        })
      ).createInitiative.id;
      for (const actorId of [hidden.id, visible.id]) {
        await api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
          input: { initiativeId, actorId, role: 'MEMBER', joinedOn: '2026-02-01' },
        });
      }
      await api.ladderSettled();
      step = (await api.ok(`query($id: ID!) { actor(id: $id) { ladder { step } } }`, { id: hidden.id })).actor
        .ladder.step;
      expect((await restrict(hidden.id)).errors).toBeUndefined();
    });

    /** What one viewer finds of the two persons on every surface that lists persons. */
    const surfaces = async (token: string) => {
      const one = await api.ok(`query($id: ID!) { actor(id: $id) { id } }`, { id: hidden.id }, token);
      const search = await api.ok(
        `query($f: ActorFilterInput) { actors(filter: $f, first: 500) { totalCount edges { node { id } } } }`,
        { f: { search: word, kind: 'PERSON' } },
        token,
      );
      const invite = await api.ok(
        `query($f: ActorFilterInput) { actors(filter: $f, first: 500) { edges { node { id } } } }`,
        { f: { search: word, kind: 'PERSON', invitable: true } },
        token,
      );
      const people = await api.ok(
        `query($id: ID!) { actor(id: $id) { members(first: 50) { totalCount edges { node { id } } } } }`,
        { id: organisation.id },
        token,
      );
      const participants = await api.ok(
        `query($id: ID!) { event(id: $id) { participants(first: 50) { totalCount edges { node { actor { id } } } } } }`,
        { id: event.id },
        token,
      );
      const door = await api.ok(
        `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) { actor { id } } }`,
        { e: event.id, q: word },
        token,
      );
      const members = await api.ok(
        `query($id: ID!) { initiative(id: $id) { members(first: 50) { totalCount edges { node { actor { id } } } } } }`,
        { id: initiativeId },
        token,
      );
      const cell = await api.ok(
        `query($from: Date!, $to: Date!, $step: LadderStep) {
          ladderTransitionActors(from: $from, to: $to, fromStep: null, toStep: $step, first: 500) { edges { node { id } } } }`,
        { from: '2020-01-01', to: today, step },
        token,
      );
      return {
        actor: one.actor?.id ?? null,
        actors: ids(search.actors.edges),
        actorsTotal: search.actors.totalCount,
        invitable: ids(invite.actors.edges),
        organisationPeople: ids(people.actor.members.edges),
        organisationPeopleTotal: people.actor.members.totalCount,
        eventParticipants: ids(participants.event.participants.edges, (n) => n.actor.id),
        eventParticipantsTotal: participants.event.participants.totalCount,
        checkInSearch: door.checkInSearch.map((p: Json) => p.actor.id),
        initiativeMembers: ids(members.initiative.members.edges, (n) => n.actor.id),
        initiativeMembersTotal: members.initiative.members.totalCount,
        transitionActors: ids(cell.ladderTransitionActors.edges).filter((id) =>
          [hidden.id, visible.id].includes(id),
        ),
      };
    };

    it.each([
      ['EVENT_STAFF', () => staff],
      ['STRATEGIST', () => strategist],
    ])('hides them from %s on every list, the door search and actor(id)', async (_role, token) => {
      expect(await surfaces(token())).toEqual({
        actor: null,
        actors: [visible.id],
        actorsTotal: 1,
        invitable: [visible.id],
        organisationPeople: [visible.id],
        organisationPeopleTotal: 1,
        eventParticipants: [visible.id],
        eventParticipantsTotal: 1,
        checkInSearch: [visible.id],
        initiativeMembers: [visible.id],
        initiativeMembersTotal: 1,
        transitionActors: [visible.id],
      });
    });

    it('shows them to ADMIN everywhere but in the list to invite from', async () => {
      const both = [hidden.id, visible.id].sort();
      const seen = await surfaces(admin);
      const sorted = (list: string[]) => [...list].sort();
      expect({
        ...seen,
        actors: sorted(seen.actors),
        organisationPeople: sorted(seen.organisationPeople),
        eventParticipants: sorted(seen.eventParticipants),
        checkInSearch: sorted(seen.checkInSearch),
        initiativeMembers: sorted(seen.initiativeMembers),
        transitionActors: sorted(seen.transitionActors),
      }).toEqual({
        actor: hidden.id,
        actors: both,
        actorsTotal: 2,
        invitable: [visible.id],
        organisationPeople: both,
        organisationPeopleTotal: 2,
        eventParticipants: both,
        eventParticipantsTotal: 2,
        checkInSearch: both,
        initiativeMembers: both,
        initiativeMembersTotal: 2,
        transitionActors: both,
      });
      const { actor } = await api.ok(
        `query($id: ID!) { actor(id: $id) { name restricted restriction { restrictedAt reason } } }`,
        { id: hidden.id },
      );
      expect(actor).toEqual({
        name: hidden.name,
        restricted: true,
        restriction: { restrictedAt: expect.any(String), reason: 'Bestrider uppgifternas riktighet' },
      });
    });

    it('lets ADMIN list only the restricted (filter.restricted), and refuses that filter to others', async () => {
      const only = await api.ok(
        `query($f: ActorFilterInput) { actors(filter: $f, first: 500) { edges { node { id restricted } } } }`,
        { f: { restricted: true, search: word } },
      );
      expect(only.actors.edges.map((e: Json) => e.node)).toEqual([{ id: hidden.id, restricted: true }]);
      const none = await api.ok(
        `query($f: ActorFilterInput) { actors(filter: $f, first: 500) { edges { node { id } } } }`,
        { f: { restricted: false, search: word, kind: 'PERSON' } },
      );
      expect(ids(none.actors.edges)).toEqual([visible.id]);
      for (const token of [staff, strategist]) {
        expectBadInput(
          await api.gql(`query { actors(filter: { restricted: true }) { totalCount } }`, {}, token),
          'filter.restricted',
        );
      }
    });

    it('leaves them out of both exports for staff, and out of an invite list for ADMIN too', async () => {
      const actorsFor = (token: string, query = '') =>
        csvOf(`/exports/actors.csv?search=${encodeURIComponent(word)}${query}`, token);
      expect(await actorsFor(staff)).not.toContain(hidden.name);
      expect(await actorsFor(staff)).toContain(visible.name);
      expect(await actorsFor(strategist)).not.toContain(hidden.name);
      expect(await actorsFor(admin)).toContain(hidden.name);
      expect(await actorsFor(admin, '&invitable=true')).not.toContain(hidden.name);
      expect(await actorsFor(admin, '&invitable=true')).toContain(visible.name);

      const participantsFor = (token: string) => csvOf(`/exports/events/${event.id}/participants.csv`, token);
      expect(await participantsFor(staff)).not.toContain(hidden.name);
      expect(await participantsFor(staff)).toContain(visible.name);
      expect(await participantsFor(admin)).toContain(hidden.name);

      const refused = await fetch(`${api.baseUrl}/exports/actors.csv?restricted=true`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      expect(refused.status).toBe(400);
    });

    it('still counts them: the ladder distribution and the event attendance are unchanged', async () => {
      const LADDER = `{ ladderDistribution { total steps { step count } } }`;
      const ATTENDANCE = `query($e: ID!) { eventAttendance(eventId: $e) { registered attended noShows walkIns } }`;
      const restrictedCounts = {
        ladder: (await api.ok(LADDER, {}, staff)).ladderDistribution,
        attendance: (await api.ok(ATTENDANCE, { e: event.id }, staff)).eventAttendance,
      };
      expect(restrictedCounts.attendance).toEqual({ registered: 2, attended: 2, noShows: 0, walkIns: 0 });
      expect((await lift(hidden.id)).errors).toBeUndefined();
      const liftedCounts = {
        ladder: (await api.ok(LADDER, {}, staff)).ladderDistribution,
        attendance: (await api.ok(ATTENDANCE, { e: event.id }, staff)).eventAttendance,
      };
      expect(restrictedCounts).toEqual(liftedCounts);
      expect((await restrict(hidden.id)).errors).toBeUndefined();
    });

    it('shows them again to everyone once lifted', async () => {
      expect((await lift(hidden.id)).errors).toBeUndefined();
      const seen = await surfaces(staff);
      expect(seen.actor).toBe(hidden.id);
      expect(seen.actors).toContain(hidden.id);
      expect(seen.eventParticipants).toContain(hidden.id);
      expect(seen.checkInSearch).toContain(hidden.id);
      expect(seen.invitable).toContain(hidden.id);
      expect((await restrict(hidden.id)).errors).toBeUndefined();
    });

    it("names them to no one but ADMIN in their organisation's ladder reasons", async () => {
      await api.ladderSettled();
      const REASONS = `query($id: ID!) { actor(id: $id) { ladder { reasons { textSv viaActorId } } } }`;
      const reasonsFor = async (token: string) =>
        ((await api.ok(REASONS, { id: organisation.id }, token)).actor.ladder?.reasons ?? []) as Json[];
      const forStaff = await reasonsFor(staff);
      expect(JSON.stringify(forStaff)).not.toContain('Doris');
      expect(forStaff.map((r) => r.viaActorId)).not.toContain(hidden.id);
      const forAdmin = await reasonsFor(admin);
      expect(forAdmin.map((r) => r.viaActorId)).toContain(hidden.id);
      expect(JSON.stringify(forAdmin)).toContain('Doris Dold');
      expect(JSON.stringify(forStaff)).toContain('Skyddad person');
    });
  });

  describe('at the door', () => {
    const accessLogSince = async (): Promise<number> => {
      await api.app.get(AccessLogWriter).flush();
      const [{ id }] = await api.dataSource.query(
        `SELECT coalesce(max(id), 0)::int AS id FROM personal_data_access`,
      );
      return id;
    };
    const readsOf = async (since: number, actorId: string): Promise<Json[]> => {
      await api.app.get(AccessLogWriter).flush();
      return api.dataSource.query(
        `SELECT operation FROM personal_data_access WHERE id > $1 AND $2 = ANY (actor_ids)`,
        [since, actorId],
      );
    };

    it('checks a restricted person in by code and answers masked, logging no read', async () => {
      const organisation = await make.organisation();
      const person = await make.person({
        name: 'Kod Begränsad',
        title: 'Chef',
        organisationId: organisation.id,
        gender: 'WOMAN',
      });
      const event = await make.event();
      const { registerParticipation } = await register(event.id, person.id);
      await restrict(person.id);

      const since = await accessLogSince();
      const result = await api.ok(
        `mutation($e: ID!, $c: String!) { checkInByCode(eventId: $e, code: $c) { status actor { ${ACTOR_FIELDS} } } }`,
        { e: event.id, c: registerParticipation.checkInCode },
        staff,
      );
      expect(result.checkInByCode).toEqual({ status: 'ATTENDED', actor: { id: person.id, ...MASKED } });
      expect(await readsOf(since, person.id)).toEqual([]);

      // ADMIN sees the visit: the participation and the last activity.
      const { actor } = await api.ok(
        `query($id: ID!) { actor(id: $id) { lastActivityOn participations { edges { node { status event { id } } } } } }`,
        { id: person.id },
      );
      expect(actor.participations.edges.map((e: Json) => e.node)).toEqual([
        { status: 'ATTENDED', event: { id: event.id } },
      ]);
      expect(actor.lastActivityOn).toBe('2026-05-12');
    });

    it('records a walk-in with a restricted person’s email against that person, answered masked', async () => {
      const person = await make.person({ name: 'Walk Begränsad' });
      await restrict(person.id);
      const event = await make.event();
      const since = await accessLogSince();
      const result = await api.gql(
        `mutation($e: ID!, $input: CreatePersonInput!) { walkIn(eventId: $e, input: $input) {
          status source actor { ${ACTOR_FIELDS} } } }`,
        {
          e: event.id,
          input: { name: 'Någon Annan', email: person.email?.toUpperCase(), sector: 'ACADEMIA' },
        },
        staff,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.walkIn).toEqual({
        status: 'ATTENDED',
        source: 'WALK_IN',
        actor: { id: person.id, ...MASKED },
      });
      expect(await readsOf(since, person.id)).toEqual([]);
      const rows = await api.dataSource.query(
        `SELECT a.name, p.status FROM participation p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = $1`,
        [event.id],
      );
      expect(rows).toEqual([{ name: 'Walk Begränsad', status: 'ATTENDED' }]);
    });

    it('registers an imported row matching a restricted person’s email against them, changing nothing else', async () => {
      const person = await make.person({ name: 'Import Begränsad', title: 'Lektor' });
      await restrict(person.id);
      const event = await make.event();
      const form = new FormData();
      const csv = `Förnamn;Efternamn;E-post;Titel\nIngen;Ändring;${person.email};Professor\n`;
      form.append('file', new Blob([csv]), 'lista.csv');
      const upload = await fetch(`${api.baseUrl}/events/${event.id}/registrations/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}` },
        body: form,
      });
      expect(upload.status).toBe(202);
      const { id } = (await upload.json()) as { id: string };
      const deadline = Date.now() + 30_000;
      let done: Json;
      for (;;) {
        done = (
          await api.ok(
            `query($id: ID!) { registrationImport(id: $id) { status matchedActors createdActors createdParticipations } }`,
            { id },
            staff,
          )
        ).registrationImport;
        if (done.status === 'DONE' || done.status === 'FAILED') break;
        if (Date.now() > deadline) throw new Error('import not done');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(done).toEqual({ status: 'DONE', matchedActors: 1, createdActors: 0, createdParticipations: 1 });
      const [row] = await api.dataSource.query(
        `SELECT a.name, a.title, a.restricted_at IS NOT NULL AS restricted, p.actor_id
         FROM participation p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = $1`,
        [event.id],
      );
      expect(row).toEqual({
        name: 'Import Begränsad',
        title: 'Lektor',
        restricted: true,
        actor_id: person.id,
      });
      const { event: seen } = await api.ok(
        `query($id: ID!) { event(id: $id) { participants { totalCount } } }`,
        { id: event.id },
        staff,
      );
      expect(seen.participants.totalCount).toBe(0);
    });
  });

  describe('editing', () => {
    it('refuses to edit an anonymised person, and a restricted one for anyone but ADMIN', async () => {
      const anonymised = await make.person();
      await api.dataSource.query(
        `UPDATE actor SET anonymised_at = now(), email = NULL, title = NULL, name = 'Anonymiserad' WHERE id = $1`,
        [anonymised.id],
      );
      const UPDATE = `mutation($id: ID!) { updateActor(id: $id, input: { name: "Nytt Namn" }) { id name } }`;
      const refused = await api.gql(UPDATE, { id: anonymised.id });
      expectBadInput(refused, 'id', 'ANONYMISED');
      expect(refused.errors?.[0].message).toContain('anonymised persons cannot be changed');

      const restricted = await make.person();
      await restrict(restricted.id);
      expectBadInput(await api.gql(UPDATE, { id: restricted.id }, staff), 'id', 'NOT_FOUND');
      expect((await api.ok(UPDATE, { id: restricted.id })).updateActor).toEqual({
        id: restricted.id,
        name: 'Nytt Namn',
      });
    });
  });

  describe('duplicates and consents of a restricted person', () => {
    it('hides the pair from staff, who can neither merge nor dismiss it; ADMIN still can', async () => {
      const word = unique();
      const hidden = await make.person({ name: `Dubbel Begränsad ${word}` });
      const twin = await make.person({ name: `Dubbel Begransad ${word}`, email: null });
      const [a, b] = [hidden.id, twin.id].sort();
      const [candidate] = await api.dataSource.query(
        `INSERT INTO duplicate_candidate (kind, actor_a, actor_b, score, reasons)
         VALUES ('PERSON', $1, $2, 0.9, '{SAME_NAME}')
         ON CONFLICT (actor_a, actor_b) DO UPDATE SET dismissed_at = NULL RETURNING id`,
        [a, b],
      );
      await restrict(hidden.id);

      const DUPLICATES = `{ duplicateCandidates(first: 100) { edges { node { id a { id name } b { id name } } } } }`;
      const listed = async (token: string) =>
        ids((await api.ok(DUPLICATES, {}, token)).duplicateCandidates.edges);
      expect(await listed(staff)).not.toContain(candidate.id);
      const MERGE = `mutation($k: ID!, $m: ID!) { mergeActors(keepId: $k, mergeId: $m) { id } }`;
      expectBadInput(await api.gql(MERGE, { k: twin.id, m: hidden.id }, staff), 'mergeId', 'NOT_FOUND');
      expectBadInput(await api.gql(MERGE, { k: hidden.id, m: twin.id }, staff), 'keepId', 'NOT_FOUND');
      const DISMISS = `mutation($id: ID!) { dismissDuplicate(id: $id) }`;
      expectBadInput(await api.gql(DISMISS, { id: candidate.id }, staff), 'id');

      // ADMIN sees the pair with the restricted person's real name, and may dismiss it.
      const { duplicateCandidates } = await api.ok(DUPLICATES);
      const pair = duplicateCandidates.edges.find((e: { node: Json }) => e.node.id === candidate.id)?.node;
      expect([pair?.a.name, pair?.b.name]).toContain(`Dubbel Begränsad ${word}`);
      expect((await api.ok(DISMISS, { id: candidate.id })).dismissDuplicate).toBe(true);
      const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM actor WHERE id = ANY ($1)`, [
        [a, b],
      ]);
      expect(row.n).toBe(2);
    });

    it('answers no consents for a masked person to staff, and the real ones to ADMIN', async () => {
      const person = await make.person({ name: `Samtycke Begränsad ${unique()}`, legalBasis: 'CONSENT' });
      await api.ok(`mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
        input: { actorId: person.id, givenOn: '2026-01-15', textVersion: 'v1', source: 'EMAIL' },
      });
      const event = await make.event();
      const { registerParticipation } = await register(event.id, person.id);
      await restrict(person.id);
      const result = await api.ok(
        `mutation($e: ID!, $c: String!) {
          checkInByCode(eventId: $e, code: $c) { actor { name consents { id } consentWithdrawn } } }`,
        { e: event.id, c: registerParticipation.checkInCode },
        staff,
      );
      expect(result.checkInByCode.actor).toEqual({
        name: 'Skyddad person',
        consents: [],
        consentWithdrawn: false,
      });
      const { actor } = await api.ok(`query($id: ID!) { actor(id: $id) { consents { textVersion } } }`, {
        id: person.id,
      });
      expect(actor.consents).toEqual([{ textVersion: 'v1' }]);
    });
  });

  describe('writes naming a restricted person', () => {
    const JOIN = `mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id leftOn } }`;
    const LEAVE = `mutation($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id leftOn } }`;
    const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`;
    const REGISTER = `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id status } }`;
    const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id status actor { ${ACTOR_FIELDS} } } }`;
    const UNDO = `mutation($input: CheckInInput!) { undoCheckIn(input: $input) { id status } }`;
    const CANCEL = `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id status } }`;
    const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;
    const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id withdrawnOn } }`;

    /** Everything recorded about the actor, and the size of the audit trail: a refused write changes neither. */
    const recorded = async (actorId: string): Promise<Json> => {
      const [row] = await api.dataSource.query(
        `SELECT
           (SELECT to_jsonb(a) FROM actor a WHERE a.id = $1) AS actor,
           (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]') FROM participation p WHERE p.actor_id = $1) AS participations,
           (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.id), '[]') FROM initiative_membership m WHERE m.actor_id = $1) AS memberships,
           (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.id), '[]') FROM engagement e WHERE e.actor_id = $1) AS engagements,
           (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.id), '[]') FROM consent c WHERE c.actor_id = $1) AS consents,
           (SELECT count(*)::int FROM audit_log) AS audit`,
        [actorId],
      );
      return row;
    };

    let initiativeId: string;
    let event: { id: string };
    beforeAll(async () => {
      event = await make.event();
      initiativeId = (
        await api.ok(`mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
          input: { name: `Skrivgrupp ${unique()}`, kind: 'WORKING_GROUP', startedOn: '2026-01-01' },
        })
      ).createInitiative.id;
    });

    /**
     * A restricted person with an open membership, a registration and an open consent (made before
     * the restriction), so that every write — adding and ending — has something to act on.
     */
    const restrictedWithRecords = async (openConsent = true) => {
      const person = await make.person({ name: `Skriv Begränsad ${unique()}`, legalBasis: 'CONSENT' });
      await api.ok(JOIN, {
        input: { initiativeId, actorId: person.id, role: 'MEMBER', joinedOn: '2026-02-01' },
      });
      await register(event.id, person.id);
      if (openConsent) {
        await api.ok(CONSENT, {
          input: { actorId: person.id, givenOn: '2026-01-15', textVersion: 'v1', source: 'EMAIL' },
        });
      }
      await restrict(person.id);
      return person;
    };

    const writes: [string, string, (actorId: string, otherEventId: string) => Json][] = [
      [
        'registerParticipation',
        REGISTER,
        (actorId, e) => ({ input: { eventId: e, actorId, role: 'AUDIENCE' } }),
      ],
      ['checkIn (a walk-in by id)', CHECK_IN, (actorId, e) => ({ input: { eventId: e, actorId } })],
      ['cancelParticipation', CANCEL, (actorId) => ({ input: { eventId: event.id, actorId } })],
      [
        'joinInitiative',
        JOIN,
        (actorId) => ({ input: { initiativeId, actorId, role: 'LEAD', joinedOn: '2026-03-01' } }),
      ],
      ['leaveInitiative', LEAVE, (actorId) => ({ input: { initiativeId, actorId, leftOn: '2026-04-01' } })],
      [
        'recordEngagement',
        ENGAGE,
        (actorId) => ({ input: { actorId, kind: 'INPUT', occurredOn: '2026-03-03', initiativeId } }),
      ],
      [
        'recordConsent',
        CONSENT,
        (actorId) => ({
          input: { actorId, givenOn: '2026-03-01', textVersion: 'v2', source: 'EMAIL' },
        }),
      ],
      ['withdrawConsent', WITHDRAW, (actorId) => ({ input: { actorId, withdrawnOn: '2026-03-01' } })],
    ];

    it.each(writes)(
      '%s: refused to EVENT_STAFF as an unknown id, writing nothing; done for ADMIN',
      async (name, mutation, variables) => {
        // An open consent is needed to withdraw one, and in the way of recording one.
        const person = await restrictedWithRecords(name !== 'recordConsent');
        const otherEvent = await make.event();
        const before = await recorded(person.id);
        const refused = await api.gql(mutation, variables(person.id, otherEvent.id), staff);
        expectBadInput(refused, 'actorId', 'NOT_FOUND');
        expect(refused.errors?.[0].message).toBe('actorId: no actor has this ID');
        expect(await recorded(person.id)).toEqual(before);

        const done = await api.gql(mutation, variables(person.id, otherEvent.id), admin);
        expect(done.errors).toBeUndefined();
        expect(await recorded(person.id)).not.toEqual(before);
      },
    );

    it('refuses registerParticipations naming a restricted person by id to EVENT_STAFF, writing nothing', async () => {
      const person = await restrictedWithRecords();
      const otherEvent = await make.event();
      const before = await recorded(person.id);
      const BULK = `mutation($e: ID!, $items: [ParticipationItem!]!) {
        registerParticipations(eventId: $e, items: $items) { id } }`;
      const variables = { e: otherEvent.id, items: [{ actorId: person.id, role: 'AUDIENCE' }] };
      const refused = await api.gql(BULK, variables, staff);
      expectBadInput(refused, 'items[0].actorId', 'NOT_FOUND');
      expect(refused.errors?.[0].message).toBe('items[0].actorId: no actor has this ID');
      expect(await recorded(person.id)).toEqual(before);
      expect((await api.gql(BULK, variables, admin)).errors).toBeUndefined();
    });

    it('answers a restricted id exactly as an id nobody has', async () => {
      const person = await restrictedWithRecords();
      const nobody = '00000000-0000-4000-8000-000000000000';
      // An event they are not registered for: checking in an existing registration is the door's exception.
      const otherEvent = await make.event();
      for (const [, mutation, variables] of writes) {
        const hidden = await api.gql(mutation, variables(person.id, otherEvent.id), staff);
        const unknown = await api.gql(mutation, variables(nobody, otherEvent.id), staff);
        expect(hidden.errors).toHaveLength(1);
        expect(hidden.errors?.[0].message).toBe(unknown.errors?.[0].message);
        expect(hidden.errors?.[0].extensions).toEqual(unknown.errors?.[0].extensions);
        expect(hidden.errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
      }
    });

    it('checks in and undoes the check-in of a restricted person’s existing registration at the door, masked', async () => {
      const person = await restrictedWithRecords();
      const door = { eventId: event.id, actorId: person.id };
      const checkedIn = await api.gql(CHECK_IN, { input: { ...door, idempotencyKey: randomKey() } }, staff);
      expect(checkedIn.errors).toBeUndefined();
      expect(checkedIn.data?.checkIn).toMatchObject({
        status: 'ATTENDED',
        actor: { id: person.id, ...MASKED },
      });
      const undone = await api.gql(UNDO, { input: { ...door, idempotencyKey: randomKey() } }, staff);
      expect(undone.errors).toBeUndefined();
      expect(undone.data?.undoCheckIn).toMatchObject({ status: 'REGISTERED' });
    });
  });

  describe('an email held by a restricted person', () => {
    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
    const UPDATE = `mutation($id: ID!, $email: String) { updateActor(id: $id, input: { email: $email }) { id } }`;
    const NEUTRAL = 'email: this email cannot be used; ask an administrator';
    const TAKEN = 'email: is already registered for another person';
    const personInput = (email: string | null) => ({
      name: `Ny Person ${unique()}`,
      email,
      sector: 'ACADEMIA',
    });

    it('is refused to EVENT_STAFF without telling that anyone has it, and as taken to ADMIN', async () => {
      const holder = await make.person({ name: `Epost Begränsad ${unique()}` });
      await restrict(holder.id);
      const other = await make.person();
      const [{ n: before }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`);
      // Compared as the unique index compares: case and surrounding blanks do not matter.
      const spelled = ` ${holder.email!.toUpperCase()} `;

      for (const [result, message] of [
        [await api.gql(CREATE, { input: personInput(spelled) }, staff), NEUTRAL],
        [await api.gql(UPDATE, { id: other.id, email: spelled }, staff), NEUTRAL],
        [await api.gql(CREATE, { input: personInput(holder.email) }, strategist), NEUTRAL],
        [await api.gql(CREATE, { input: personInput(holder.email) }, admin), TAKEN],
        [await api.gql(UPDATE, { id: other.id, email: holder.email }, admin), TAKEN],
      ] as const) {
        expectBadInput(result, 'email');
        expect(result.errors?.[0].message).toBe(message);
        // The neutral refusal has its code; "already registered" is not a data-protection refusal.
        expect((result.errors?.[0].extensions as Json | undefined)?.reason).toBe(
          message === NEUTRAL ? 'EMAIL_NOT_USABLE' : undefined,
        );
      }
      const [{ n: after }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`);
      expect(after).toBe(before);
      const [row] = await api.dataSource.query(`SELECT email FROM actor WHERE id = $1`, [other.id]);
      expect(row.email).toBe(other.email);
    });

    it('keeps the usual message for a visible holder, and lets ADMIN keep a restricted person’s own email', async () => {
      const visible = await make.person();
      expect((await api.gql(CREATE, { input: personInput(visible.email) }, staff)).errors?.[0].message).toBe(
        TAKEN,
      );
      const holder = await make.person();
      await restrict(holder.id);
      expect((await api.gql(UPDATE, { id: holder.id, email: holder.email }, admin)).errors).toBeUndefined();
    });
  });
});
