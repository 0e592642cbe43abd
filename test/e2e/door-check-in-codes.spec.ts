import { generateCheckInCode, isCanonicalCheckInCode, isCheckInCode } from '@crm/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { Door1764300000100 } from '../../migrations/1764300000100-door';
import { Json, TestApi } from '../support/api';
import { serverUrl, withMaintenanceClient } from '../support/database';
import { Factory } from '../support/factories';

/**
 * Check-in codes at the door: every participation has one, whichever way it came to be; they have
 * one shape and are unique; checkInByCode checks in the code's participation and nothing else.
 */
describe('door: check-in codes', () => {
  let api: TestApi;
  let make: Factory;
  let staff: string;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    staff = await make.user('EVENT_STAFF' as never);
  });
  afterAll(() => api.close());

  const FIELDS = `id status checkedInAt source checkInCode actor { id } event { id }`;
  const register = async (eventId: string, actorId: string) =>
    (
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { ${FIELDS} } }`,
        { input: { eventId, actorId, role: 'AUDIENCE' } },
      )
    ).registerParticipation;
  const BY_CODE = `mutation($e: ID!, $c: String!) { checkInByCode(eventId: $e, code: $c) { ${FIELDS} } }`;
  const byCode = (eventId: string, code: string, token = staff) =>
    api.gql(BY_CODE, { e: eventId, c: code }, token);
  const snapshot = async (eventId: string) =>
    api.dataSource.query(
      `SELECT id, status, checked_in_at, updated_at FROM participation WHERE event_id = $1 ORDER BY id`,
      [eventId],
    );

  it('gives a code to every participation: registered, listed, imported, walked in, checked in unregistered', async () => {
    const event = await make.event();
    const registered = await register(event.id, (await make.person()).id);

    const listed = (
      await api.ok(
        `mutation($e: ID!, $items: [ParticipationItem!]!) { registerParticipations(eventId: $e, items: $items) { ${FIELDS} } }`,
        { e: event.id, items: [{ person: { name: 'Listad Person', sector: 'BUSINESS' }, role: 'AUDIENCE' }] },
      )
    ).registerParticipations[0];

    const walkedIn = (
      await api.ok(
        `mutation($e: ID!, $input: CreatePersonInput!) { walkIn(eventId: $e, input: $input) { ${FIELDS} } }`,
        { e: event.id, input: { name: 'Gående Gäst', sector: 'ACADEMIA' } },
      )
    ).walkIn;

    const unregistered = (
      await api.ok(`mutation($input: CheckInInput!) { checkIn(input: $input) { ${FIELDS} } }`, {
        input: { eventId: event.id, actorId: (await make.person()).id },
      })
    ).checkIn;

    // An uploaded list, written by the worker.
    const form = new FormData();
    const csv = 'Namn;E-post\nImporterad Ett;imp.ett.' + Date.now() + '@example.se\n';
    form.append('file', new Blob([csv]), 'lista.csv');
    const upload = await fetch(`${api.baseUrl}/events/${event.id}/registrations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const { id: importId } = (await upload.json()) as { id: string };
    for (const deadline = Date.now() + 30_000; ;) {
      const { registrationImport } = await api.ok(
        `query($id: ID!) { registrationImport(id: $id) { status } }`,
        {
          id: importId,
        },
      );
      if (registrationImport.status === 'DONE') break;
      if (registrationImport.status === 'FAILED' || Date.now() > deadline)
        throw new Error('import did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const { event: withParticipants } = await api.ok(
      `query($id: ID!) { event(id: $id) { participants(first: 50) { edges { node { source checkInCode } } } } }`,
      { id: event.id },
    );
    const all: Json[] = withParticipants.participants.edges.map((e: Json) => e.node);
    expect(all.map((p) => p.source).sort()).toEqual(['IMPORT', 'IMPORT', 'MANUAL', 'WALK_IN', 'WALK_IN']);
    const codes = [registered, listed, walkedIn, unregistered].map((p) => p.checkInCode);
    for (const code of [...codes, ...all.map((p) => p.checkInCode)]) {
      expect(isCanonicalCheckInCode(code)).toBe(true);
      expect(isCheckInCode(code)).toBe(true);
    }
    expect(new Set(all.map((p) => p.checkInCode)).size).toBe(5);
  });

  it("makes codes in SQL exactly as the domain's generator does, from the same bytes", async () => {
    for (let i = 0; i < 50; i += 1) {
      const bytes = randomBytes(8);
      const [{ code }] = await api.dataSource.query(`SELECT check_in_code_of($1::bytea) AS code`, [bytes]);
      expect(code).toBe(generateCheckInCode(bytes));
    }
    const fresh: { code: string }[] = await api.dataSource.query(
      `SELECT new_check_in_code() AS code FROM generate_series(1, 200)`,
    );
    for (const { code } of fresh) expect(isCanonicalCheckInCode(code)).toBe(true);
  });

  it('keeps 2,000 participations’ codes unique, the database enforcing it', async () => {
    const event = await make.event();
    await api.dataSource.query(
      `WITH people AS (
         INSERT INTO actor (kind, name, sector)
         SELECT 'PERSON', 'Massdeltagare ' || i, 'BUSINESS' FROM generate_series(1, 2000) AS i
         RETURNING id
       )
       INSERT INTO participation (event_id, actor_id, role, status, source)
       SELECT $1, id, 'AUDIENCE', 'REGISTERED', 'IMPORT' FROM people`,
      [event.id],
    );
    const [row] = await api.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT check_in_code)::int AS codes,
              bool_and(check_in_code ~ '^VB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$') AS shaped
       FROM participation WHERE event_id = $1`,
      [event.id],
    );
    expect(row).toEqual({ n: 2000, codes: 2000, shaped: true });
    const [a, b] = await api.dataSource.query(
      `SELECT id, check_in_code FROM participation WHERE event_id = $1 LIMIT 2`,
      [event.id],
    );
    await expect(
      api.dataSource.query(`UPDATE participation SET check_in_code = $1 WHERE id = $2`, [
        a.check_in_code,
        b.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'participation_check_in_code_key' });
    await expect(
      api.dataSource.query(`UPDATE participation SET check_in_code = 'VB-AAAA-AAAA-AAAU' WHERE id = $1`, [
        b.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'participation_check_in_code_check' });
  });

  it('gives the participations that existed before the migration codes of their own', async () => {
    const name = `crm_test_door_${randomBytes(4).toString('hex')}`;
    await withMaintenanceClient((client) => client.query(`CREATE DATABASE ${name}`));
    const before = MIGRATIONS.filter((m) => m !== Door1764300000100);
    const open = (migrations: typeof MIGRATIONS) =>
      new DataSource({
        type: 'postgres',
        url: serverUrl(name),
        migrations,
        migrationsTableName: 'schema_migrations',
      });
    try {
      const old = await open(before).initialize();
      await old.runMigrations({ transaction: 'each' });
      await old.query(
        `WITH e AS (INSERT INTO event (meeting_place, title, starts_at) VALUES ('GRAND_HOTEL', 'Före', now()) RETURNING id),
              a AS (INSERT INTO actor (kind, name, sector) SELECT 'PERSON', 'Före ' || i, 'BUSINESS' FROM generate_series(1, 300) i RETURNING id)
         INSERT INTO participation (event_id, actor_id, role, status, source) SELECT e.id, a.id, 'AUDIENCE', 'REGISTERED', 'MANUAL' FROM e, a`,
      );
      await old.destroy();
      const migrated = await open(MIGRATIONS).initialize();
      await migrated.runMigrations({ transaction: 'each' });
      const [row] = await migrated.query(
        `SELECT count(*)::int AS n, count(DISTINCT check_in_code)::int AS codes,
                bool_and(check_in_code ~ '^VB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$') AS shaped
         FROM participation`,
      );
      const [column] = await migrated.query(
        `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'participation' AND column_name = 'check_in_code'`,
      );
      await migrated.destroy();
      expect(row).toEqual({ n: 300, codes: 300, shaped: true });
      expect(column.is_nullable).toBe('NO');
    } finally {
      await withMaintenanceClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  describe('checkInByCode', () => {
    it('checks in the code’s participation, however the code was typed', async () => {
      const event = await make.event();
      const p = await register(event.id, (await make.person()).id);
      const typed = p.checkInCode.toLowerCase().replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'l');
      const result = await byCode(event.id, `  ${typed} `);
      expect(result.errors).toBeUndefined();
      expect(result.data!.checkInByCode).toMatchObject({
        id: p.id,
        status: 'ATTENDED',
        checkInCode: p.checkInCode,
      });
      expect(result.data!.checkInByCode.checkedInAt).not.toBeNull();
      // Scanning it again changes nothing.
      const again = await byCode(event.id, p.checkInCode);
      expect(again.data!.checkInByCode.checkedInAt).toBe(result.data!.checkInByCode.checkedInAt);
      const audit = await api.dataSource.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [p.id],
      );
      expect(audit.map((a: Json) => a.action)).toEqual(['register', 'check_in']);
    });

    it("refuses another event's code and checks nobody in", async () => {
      const event = await make.event();
      const other = await make.event();
      const mine = await register(event.id, (await make.person()).id);
      const theirs = await register(other.id, (await make.person()).id);
      const before = [await snapshot(event.id), await snapshot(other.id)];
      const result = await byCode(event.id, theirs.checkInCode);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(result.errors?.[0]?.message).toMatch(/another event/);
      expect([await snapshot(event.id), await snapshot(other.id)]).toEqual(before);
      expect(mine.status).toBe('REGISTERED');
    });

    it('refuses an unknown or malformed code and changes nothing', async () => {
      const event = await make.event();
      await register(event.id, (await make.person()).id);
      const before = await snapshot(event.id);
      const unknown = await api.dataSource.query(`SELECT new_check_in_code() AS code`);
      for (const [code, message] of [
        [unknown[0].code, /no participation has this check-in code/],
        ['Anna Berg', /not a check-in code/],
        ['VB-1234', /not a check-in code/],
        ['VB-AAAA-AAAA-AAAU', /not a check-in code/],
        ['', /not a check-in code/],
        ["VB-AAAA-AAAA-AAAA' OR 1=1 --", /not a check-in code/],
      ] as [string, RegExp][]) {
        const result = await byCode(event.id, code);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
        expect(result.errors?.[0]?.message).toMatch(message);
      }
      expect(await snapshot(event.id)).toEqual(before);
      const noEvent = await byCode(randomUUID(), unknown[0].code);
      expect(noEvent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
    });

    it('refuses a cancelled registration’s code, saying it is cancelled', async () => {
      const event = await make.event();
      const person = await make.person();
      const p = await register(event.id, person.id);
      await api.ok(
        `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId: person.id },
        },
      );
      const before = await snapshot(event.id);
      const result = await byCode(event.id, p.checkInCode);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(result.errors?.[0]?.message).toMatch(/cancelled/);
      expect(await snapshot(event.id)).toEqual(before);
    });

    it('is for event staff: the committee and strategists are refused', async () => {
      const event = await make.event();
      const p = await register(event.id, (await make.person()).id);
      for (const role of ['COMMITTEE', 'STRATEGIST']) {
        const token = await make.user(role as never);
        expect((await byCode(event.id, p.checkInCode, token)).errors?.[0]?.extensions?.code).toBe(
          'FORBIDDEN',
        );
      }
      expect((await snapshot(event.id))[0].status).toBe('REGISTERED');
    });
  });
});
