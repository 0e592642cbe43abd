import { ActorKind, LegalBasis, ParticipationRole, Sector } from '@crm/domain';
import {
  ActorMatcher,
  ActorValues,
  anonymisePersons,
  createDataSource,
  ListRegistration,
  ParticipationRepository,
  RegistrationWriter,
} from '@crm/persistence';
import { DataSource, QueryRunner } from 'typeorm';
import { createTestDatabase } from '../support/database';

/**
 * A registration that meets an anonymisation of the same person never lands on the anonymous
 * record. Provoked deterministically on two connections: the anonymisation has run its UPDATE and
 * holds its transaction open; the import (or the walk-in desk's matcher) starts on the other
 * connection and must wait; the anonymisation commits; the registration then finds nobody and
 * creates a new person. The other way round, a registration that matched first makes the
 * anonymisation wait, and its participation is kept (and anonymised with the rest).
 */
describe('an anonymisation racing a registration import or a walk-in', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  const sql = (text: string, params: unknown[] = []) => dataSource.query(text, params);
  const context = { userId: null, retentionRunId: null, reference: 'Dnr 2026/41' };

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource({ url: database.url, poolSize: 4 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  async function organisation(name: string): Promise<string> {
    const [{ id }] = await sql(
      `INSERT INTO actor (kind, name, sector, municipality_code) VALUES ('ORGANISATION', $1, 'BUSINESS', '2480') RETURNING id`,
      [name],
    );
    return id;
  }

  /** A person who took part in an earlier event (evidence, so anonymised rather than deleted). */
  async function personWithEvidence(name: string, email: string | null, organisationId: string | null) {
    const [{ id }] = await sql(
      `INSERT INTO actor (kind, name, email, organisation_id, sector, municipality_code)
       VALUES ('PERSON', $1, $2, $3, 'BUSINESS', '2480') RETURNING id`,
      [name, email, organisationId],
    );
    const earlier = await event('Tidigare seminarium');
    await sql(
      `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'AUDIENCE', 'ATTENDED', 'MANUAL')`,
      [earlier, id],
    );
    return id;
  }

  async function event(title: string): Promise<string> {
    const [{ id }] = await sql(
      `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', $1, '2026-11-20T09:00:00Z') RETURNING id`,
      [title],
    );
    return id;
  }

  const participantsOf = async (eventId: string): Promise<{ actor_id: string; anonymised: boolean }[]> =>
    sql(
      `SELECT p.actor_id, a.anonymised_at IS NOT NULL AS anonymised
       FROM participation p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = $1`,
      [eventId],
    );

  async function begin(): Promise<{ runner: QueryRunner; pid: number }> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ pid }] = await runner.query(`SELECT pg_backend_pid() AS pid`);
    return { runner, pid };
  }

  /** Resolves once the backend `pid` waits for a row lock; fails if it never does. */
  async function blocked(pid: number): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const [row] = await sql(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (row?.wait_event_type === 'Lock') return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`backend ${pid} never waited for a lock`);
  }

  /**
   * The anonymisation runs up to its UPDATE on one connection and stays open; `register` starts on
   * another and must wait for it; then the anonymisation commits and the registration finishes.
   */
  async function anonymiseWhile(actorId: string, register: (runner: QueryRunner) => Promise<void>) {
    const erasure = await begin();
    const registration = await begin();
    try {
      expect(await anonymisePersons(erasure.runner.manager, [actorId], context)).toEqual([actorId]);
      const registering = register(registration.runner).then(() => registration.runner.commitTransaction());
      await blocked(registration.pid);
      await erasure.runner.commitTransaction();
      await registering;
    } finally {
      if (erasure.runner.isTransactionActive) await erasure.runner.rollbackTransaction();
      if (registration.runner.isTransactionActive) await registration.runner.rollbackTransaction();
      await erasure.runner.release();
      await registration.runner.release();
    }
  }

  const listRow = (name: string, email: string | null, organisation: string | null): ListRegistration => ({
    line: 2,
    name,
    email,
    organisation,
    organisationNumber: null,
    title: null,
    municipality: null,
    role: ParticipationRole.AUDIENCE,
    status: null,
    gender: null,
  });

  const walkInValues = (name: string, email: string | null, organisationId: string | null): ActorValues => ({
    kind: ActorKind.PERSON,
    name,
    email,
    title: null,
    organisationId,
    gender: null,
    sector: Sector.BUSINESS,
    municipalityCode: '2480',
    country: 'SE',
    organisationNumber: null,
    legalBasis: LegalBasis.PUBLIC_INTEREST,
  });

  it('an imported row with the email of a person being anonymised creates a new person', async () => {
    const anna = await personWithEvidence('Anna Andersson', 'anna.andersson@example.se', null);
    const eventId = await event('Importerat seminarium');
    await anonymiseWhile(anna, async (runner) => {
      const writer = await RegistrationWriter.forEvent(runner.manager, eventId, null);
      const batch = await writer.write(runner.manager, [
        listRow('Anna Andersson', 'anna.andersson@example.se', null),
      ]);
      expect(batch).toMatchObject({ createdActors: 1, matchedActors: 0, createdParticipations: 1 });
    });

    const participants = await participantsOf(eventId);
    expect(participants).toEqual([{ actor_id: expect.any(String), anonymised: false }]);
    expect(participants[0].actor_id).not.toBe(anna);
    const [fresh] = await sql(`SELECT name, email FROM actor WHERE id = $1`, [participants[0].actor_id]);
    expect(fresh).toEqual({ name: 'Anna Andersson', email: 'anna.andersson@example.se' });
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM participation WHERE actor_id = $1`, [
      anna,
    ]);
    expect(count).toBe(1); // her earlier evidence only
  });

  it('a walk-in with the email of a person being anonymised creates a new person (the desk uses the same matcher)', async () => {
    const bo = await personWithEvidence('Bo Berg', 'bo.berg@example.se', null);
    const eventId = await event('Seminarium med spontanbesök');
    await anonymiseWhile(bo, async (runner) => {
      const match = await new ActorMatcher(runner.manager, null).person(
        walkInValues('Bo Berg', 'bo.berg@example.se', null),
        { eventId },
      );
      expect(match).toMatchObject({ created: true, matchedBy: 'NEW' });
      await new ParticipationRepository(runner.manager).checkIn(eventId, match.actor.id, null, new Date());
    });

    const participants = await participantsOf(eventId);
    expect(participants).toHaveLength(1);
    expect(participants[0]).toMatchObject({ anonymised: false });
    expect(participants[0].actor_id).not.toBe(bo);
  });

  it('an imported row matched by name and organisation (no email) does not match a person being anonymised', async () => {
    const organisationId = await organisation('Norrmejerier AB');
    const cilla = await personWithEvidence('Cilla Carlsson', null, organisationId);
    const eventId = await event('Seminarium utan e-post');
    await anonymiseWhile(cilla, async (runner) => {
      const writer = await RegistrationWriter.forEvent(runner.manager, eventId, null);
      const batch = await writer.write(runner.manager, [listRow('Cilla Carlsson', null, 'Norrmejerier AB')]);
      expect(batch).toMatchObject({ createdActors: 1, matchedActors: 0 });
    });

    const participants = await participantsOf(eventId);
    expect(participants).toHaveLength(1);
    expect(participants[0]).toMatchObject({ anonymised: false });
    expect(participants[0].actor_id).not.toBe(cilla);
    // Nor is a duplicate candidate recorded against the anonymous record.
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM duplicate_candidate WHERE actor_a = $1 OR actor_b = $1`,
      [cilla],
    );
    expect(count).toBe(0);
  });

  it('a registration that matched first makes the anonymisation wait, and its participation is kept', async () => {
    const dan = await personWithEvidence('Dan Dahl', 'dan.dahl@example.se', null);
    const eventId = await event('Seminarium före anonymiseringen');
    const registration = await begin();
    const erasure = await begin();
    try {
      const writer = await RegistrationWriter.forEvent(registration.runner.manager, eventId, null);
      const batch = await writer.write(registration.runner.manager, [
        listRow('Dan Dahl', 'dan.dahl@example.se', null),
      ]);
      expect(batch).toMatchObject({ createdActors: 0, matchedActors: 1 });
      const erasing = anonymisePersons(erasure.runner.manager, [dan], context);
      await blocked(erasure.pid);
      await registration.runner.commitTransaction();
      expect(await erasing).toEqual([dan]);
      await erasure.runner.commitTransaction();
    } finally {
      if (registration.runner.isTransactionActive) await registration.runner.rollbackTransaction();
      if (erasure.runner.isTransactionActive) await erasure.runner.rollbackTransaction();
      await registration.runner.release();
      await erasure.runner.release();
    }
    // Registered before the anonymisation: evidence like any other, kept on the anonymous record.
    expect(await participantsOf(eventId)).toEqual([{ actor_id: dan, anonymised: true }]);
  });
});
