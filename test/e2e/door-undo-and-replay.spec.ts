import { randomUUID } from 'node:crypto';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * The door's second chances: a check-in taken back, and a device that was offline replaying its
 * queue (idempotency keys applied once, the time it happened believed when plausible).
 */
describe('door: undo and replay', () => {
  let api: TestApi;
  let make: Factory;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
  });
  afterAll(() => api.close());

  const FIELDS = `id status checkedInAt source checkInCode actor { id name }`;
  const register = async (eventId: string, actorId: string) =>
    (
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { ${FIELDS} } }`,
        { input: { eventId, actorId, role: 'AUDIENCE' } },
      )
    ).registerParticipation;
  const checkIn = (input: Json) =>
    api.gql(`mutation($input: CheckInInput!) { checkIn(input: $input) { ${FIELDS} } }`, { input });
  const undo = (input: Json) =>
    api.gql(`mutation($input: CheckInInput!) { undoCheckIn(input: $input) { ${FIELDS} } }`, { input });
  const byCode = (variables: Json) =>
    api.gql(
      `mutation($e: ID!, $c: String!, $k: ID, $at: DateTime) {
         checkInByCode(eventId: $e, code: $c, idempotencyKey: $k, occurredAt: $at) { ${FIELDS} } }`,
      variables,
    );
  const walkIn = (variables: Json) =>
    api.gql(
      `mutation($e: ID!, $input: CreatePersonInput!, $k: ID, $at: DateTime) {
         walkIn(eventId: $e, input: $input, idempotencyKey: $k, occurredAt: $at) { ${FIELDS} } }`,
      variables,
    );
  const data = (result: { data: Json | null; errors?: unknown }, field: string): Json => {
    expect(result.errors).toBeUndefined();
    return result.data![field];
  };
  const errorOf = (result: { errors?: { extensions?: Json; message: string }[] }) => ({
    code: result.errors?.[0]?.extensions?.code,
    field: result.errors?.[0]?.extensions?.field,
  });
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  /** An event happening now (Europe/Stockholm's today or so), for times that are believed. */
  const eventNow = () =>
    make.event({
      startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });

  describe('undoCheckIn', () => {
    it('restores REGISTERED and no check-in time', async () => {
      const event = await make.event();
      const person = await make.person();
      const p = await register(event.id, person.id);
      data(await checkIn({ eventId: event.id, actorId: person.id }), 'checkIn');
      const undone = data(await undo({ eventId: event.id, actorId: person.id }), 'undoCheckIn');
      expect(undone).toMatchObject({ id: p.id, status: 'REGISTERED', checkedInAt: null, source: 'MANUAL' });
      expect(await count(`check_in WHERE participation_id = $1`, [p.id])).toBe(0);
      const audit = await api.dataSource.query(
        `SELECT action, changed_fields FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [p.id],
      );
      expect(audit.at(-1)).toEqual({ action: 'undo_check_in', changed_fields: ['status', 'checkedInAt'] });
    });

    it("undoing a second check-in restores the first one's time", async () => {
      const event = await eventNow();
      const person = await make.person();
      await register(event.id, person.id);
      const first = data(await checkIn({ eventId: event.id, actorId: person.id }), 'checkIn');
      // A device that was offline saw them ten minutes earlier: its replay moves the time earlier.
      const earlier = new Date(Date.now() - 10 * 60_000).toISOString();
      const second = data(
        await checkIn({ eventId: event.id, actorId: person.id, occurredAt: earlier }),
        'checkIn',
      );
      expect(second.checkedInAt).toBe(earlier);
      const once = data(await undo({ eventId: event.id, actorId: person.id }), 'undoCheckIn');
      expect(once).toMatchObject({ status: 'ATTENDED', checkedInAt: first.checkedInAt });
      const twice = data(await undo({ eventId: event.id, actorId: person.id }), 'undoCheckIn');
      expect(twice).toMatchObject({ status: 'REGISTERED', checkedInAt: null });
    });

    it('cancels a walk-in the check-in created, keeping the row', async () => {
      const event = await make.event();
      const walked = data(
        await walkIn({ e: event.id, input: { name: 'Ångrad Gäst', sector: 'BUSINESS' } }),
        'walkIn',
      );
      const undone = data(await undo({ eventId: event.id, actorId: walked.actor.id }), 'undoCheckIn');
      expect(undone).toMatchObject({
        id: walked.id,
        status: 'CANCELLED',
        checkedInAt: null,
        source: 'WALK_IN',
      });
      const { eventAttendance } = await api.ok(
        `query($e: ID!) { eventAttendance(eventId: $e) { attended walkIns } }`,
        {
          e: event.id,
        },
      );
      expect(eventAttendance).toEqual({ attended: 0, walkIns: 0 });
      // checkIn of someone unregistered is a walk-in too: undone, cancelled.
      const stranger = await make.person();
      data(await checkIn({ eventId: event.id, actorId: stranger.id }), 'checkIn');
      expect(data(await undo({ eventId: event.id, actorId: stranger.id }), 'undoCheckIn').status).toBe(
        'CANCELLED',
      );
    });

    it('restores a cancelled registration checked in at the desk to cancelled', async () => {
      const event = await make.event();
      const person = await make.person();
      await register(event.id, person.id);
      await api.ok(
        `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId: person.id },
        },
      );
      data(await checkIn({ eventId: event.id, actorId: person.id }), 'checkIn');
      expect(data(await undo({ eventId: event.id, actorId: person.id }), 'undoCheckIn').status).toBe(
        'CANCELLED',
      );
    });

    it('refuses to undo someone not checked in, or changed since the check-in', async () => {
      const event = await make.event();
      const person = await make.person();
      expect(errorOf(await undo({ eventId: event.id, actorId: person.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'actorId',
      });
      await register(event.id, person.id);
      const notIn = await undo({ eventId: event.id, actorId: person.id });
      expect(errorOf(notIn)).toEqual({ code: 'BAD_USER_INPUT', field: 'actorId' });
      expect(notIn.errors?.[0]?.message).toMatch(/not checked in/);
      // Checked in, then cancelled and registered as ATTENDED by hand: the check-in is not the latest word.
      data(await checkIn({ eventId: event.id, actorId: person.id }), 'checkIn');
      await api.ok(
        `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId: person.id },
        },
      );
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId: person.id, role: 'AUDIENCE', status: 'ATTENDED' },
        },
      );
      expect(errorOf(await undo({ eventId: event.id, actorId: person.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'actorId',
      });
      // Undone once already: nothing left to undo.
      const other = await make.person();
      await register(event.id, other.id);
      data(await checkIn({ eventId: event.id, actorId: other.id }), 'checkIn');
      data(await undo({ eventId: event.id, actorId: other.id }), 'undoCheckIn');
      expect(errorOf(await undo({ eventId: event.id, actorId: other.id })).field).toBe('actorId');
    });
  });

  describe('idempotency keys', () => {
    it('applies a replayed key once, answering the first answer’s participation', async () => {
      const event = await make.event();
      const person = await make.person();
      const p = await register(event.id, person.id);
      const key = randomUUID();
      const first = data(await byCode({ e: event.id, c: p.checkInCode, k: key }), 'checkInByCode');
      expect(first.status).toBe('ATTENDED');
      data(await undo({ eventId: event.id, actorId: person.id }), 'undoCheckIn');
      // The queue is sent again after the undo: the key was applied, so nothing happens again.
      const replay = data(await byCode({ e: event.id, c: p.checkInCode, k: key }), 'checkInByCode');
      expect(replay).toMatchObject({ id: p.id, status: 'REGISTERED', checkedInAt: null });
      expect(await count(`audit_log WHERE entity_id = $1 AND action = 'check_in'`, [p.id])).toBe(1);

      // A walk-in replayed with another spelling still makes one person.
      const walkKey = 'desk-2_queue-17';
      const a = data(
        await walkIn({ e: event.id, input: { name: 'Köad Gäst', sector: 'BUSINESS' }, k: walkKey }),
        'walkIn',
      );
      const b = data(
        await walkIn({ e: event.id, input: { name: 'Köad Gäst Igen', sector: 'BUSINESS' }, k: walkKey }),
        'walkIn',
      );
      expect(b.id).toBe(a.id);
      expect(await count(`actor WHERE name LIKE 'Köad Gäst%'`, [])).toBe(1);

      // Undo and checkIn by actor replay the same way.
      const undoKey = randomUUID();
      const other = await make.person();
      await register(event.id, other.id);
      data(await checkIn({ eventId: event.id, actorId: other.id }), 'checkIn');
      data(await undo({ eventId: event.id, actorId: other.id, idempotencyKey: undoKey }), 'undoCheckIn');
      data(await checkIn({ eventId: event.id, actorId: other.id }), 'checkIn');
      expect(
        data(await undo({ eventId: event.id, actorId: other.id, idempotencyKey: undoKey }), 'undoCheckIn')
          .status,
      ).toBe('ATTENDED');
    });

    it('applies one key sent by two requests at the same moment once', async () => {
      const event = await make.event();
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          walkIn({ e: event.id, input: { name: `Samtidig Köad ${i}`, sector: 'BUSINESS' }, k: key }),
        ),
      );
      const ids = results.map((r) => data(r, 'walkIn').id);
      expect(new Set(ids).size).toBe(1);
      expect(await count(`actor WHERE name LIKE 'Samtidig Köad %'`, [])).toBe(1);
      expect(await count(`participation WHERE event_id = $1`, [event.id])).toBe(1);
      expect(await count(`idempotency_key WHERE key = $1`, [key])).toBe(1);

      const person = await make.person();
      const p = await register(event.id, person.id);
      const codeKey = randomUUID();
      const scans = await Promise.all(
        Array.from({ length: 6 }, () => byCode({ e: event.id, c: p.checkInCode, k: codeKey })),
      );
      for (const scan of scans) expect(data(scan, 'checkInByCode').id).toBe(p.id);
      expect(await count(`check_in WHERE participation_id = $1`, [p.id])).toBe(1);
    });

    it('refuses a key used for another operation, and a malformed key', async () => {
      const event = await make.event();
      const person = await make.person();
      const p = await register(event.id, person.id);
      const key = randomUUID();
      data(await checkIn({ eventId: event.id, actorId: person.id, idempotencyKey: key }), 'checkIn');
      const reused = await undo({ eventId: event.id, actorId: person.id, idempotencyKey: key });
      expect(errorOf(reused)).toEqual({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(
        (
          await api.ok(
            `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) { id status } }`,
            {
              e: event.id,
              q: person.name,
            },
          )
        ).checkInSearch,
      ).toEqual([{ id: p.id, status: 'ATTENDED' }]);
      for (const bad of ['has space', 'x'.repeat(65), 'ünicode', '']) {
        const result = await byCode({ e: event.id, c: p.checkInCode, k: bad });
        expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      }
    });

    it('keeps keys per user: another user’s same key is their own', async () => {
      const event = await make.event();
      const person = await make.person();
      await register(event.id, person.id);
      const staff = await make.user('EVENT_STAFF' as never);
      const key = randomUUID();
      data(await checkIn({ eventId: event.id, actorId: person.id, idempotencyKey: key }), 'checkIn');
      const theirs = await api.gql(
        `mutation($input: CheckInInput!) { undoCheckIn(input: $input) { status } }`,
        { input: { eventId: event.id, actorId: person.id, idempotencyKey: key } },
        staff,
      );
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data!.undoCheckIn.status).toBe('REGISTERED');
    });
  });

  describe('occurredAt', () => {
    it("records a time within the event's day", async () => {
      const event = await make.event(); // 12 May 2026, 10:00–14:00 in Stockholm
      const person = await make.person();
      const p = await register(event.id, person.id);
      const at = '2026-05-12T07:45:00.000Z'; // 09:45 in Stockholm, before the start: still the day
      expect(data(await byCode({ e: event.id, c: p.checkInCode, at }), 'checkInByCode').checkedInAt).toBe(at);
      const walked = data(
        await walkIn({
          e: event.id,
          input: { name: 'Sen Gäst', sector: 'BUSINESS' },
          at: '2026-05-12T21:30:00.000Z',
        }),
        'walkIn',
      );
      expect(walked.checkedInAt).toBe('2026-05-12T21:30:00.000Z'); // 23:30 in Stockholm
    });

    it("uses the server's time for a time outside the event's day, or in the future", async () => {
      const event = await make.event();
      const a = await make.person();
      const b = await make.person();
      await register(event.id, a.id);
      await register(event.id, b.id);
      const started = Date.now();
      const outside = data(
        await checkIn({ eventId: event.id, actorId: a.id, occurredAt: '2026-05-12T22:00:00.000Z' }), // 13 May in Stockholm
        'checkIn',
      );
      expect(new Date(outside.checkedInAt).getTime()).toBeGreaterThanOrEqual(started - 1_000);

      const today = await eventNow();
      await register(today.id, b.id);
      const future = new Date(Date.now() + 60 * 60_000).toISOString(); // in an hour: on the day, but not yet
      const ahead = data(await checkIn({ eventId: today.id, actorId: b.id, occurredAt: future }), 'checkIn');
      expect(new Date(ahead.checkedInAt).getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
      expect(ahead.checkedInAt).not.toBe(future);
    });

    it('moves a check-in time earlier, never later', async () => {
      const event = await make.event();
      const person = await make.person();
      await register(event.id, person.id);
      const at = (iso: string) => checkIn({ eventId: event.id, actorId: person.id, occurredAt: iso });
      expect(data(await at('2026-05-12T09:00:00.000Z'), 'checkIn').checkedInAt).toBe(
        '2026-05-12T09:00:00.000Z',
      );
      expect(data(await at('2026-05-12T10:00:00.000Z'), 'checkIn').checkedInAt).toBe(
        '2026-05-12T09:00:00.000Z',
      );
      expect(data(await at('2026-05-12T08:30:00.000Z'), 'checkIn').checkedInAt).toBe(
        '2026-05-12T08:30:00.000Z',
      );
    });
  });
});
