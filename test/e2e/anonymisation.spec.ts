import { ActorKind, LegalBasis, Role, Sector } from '@crm/domain';
import { ActorMatcher, ANONYMISED_NAME, anonymisePersons } from '@crm/persistence';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Anonymisation and deletion of persons (issue 12, item 3): an ADMIN anonymises a person, whose
 * name, email, title and notes go while every piece of evidence stays, so every figure is what it
 * was; a person with no evidence may be deleted instead. Both are written to the erasure ledger
 * (ids, date, case reference) and audited by field name only.
 */
describe('anonymising and deleting persons', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    tokens[Role.ADMIN] = api.adminToken;
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
  });
  afterAll(() => api.close());

  const ANONYMISE = `mutation($id: ID!, $reason: String!) {
    anonymiseActor(actorId: $id, reason: $reason) { id kind name email title gender sector anonymisedAt } }`;
  const DELETE = `mutation($id: ID!, $reason: String!) { deleteActor(actorId: $id, reason: $reason) }`;
  const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeActors(keepId: $keep, mergeId: $merge) { id } }`;
  const SEARCH = `query($search: String!) { actors(filter: { search: $search }, first: 50) { totalCount edges { node { id } } } }`;
  const FIGURES = `query($from: Date!, $to: Date!) {
    all: ladderDistribution { group label total steps { step count } }
    bySector: ladderDistribution(groupBy: SECTOR) { group label total steps { step count } }
    byGender: ladderDistribution(groupBy: GENDER) { group label total steps { step count } }
    byMunicipality: ladderDistribution(groupBy: MUNICIPALITY) { group label total steps { step count } }
    byKind: ladderDistribution(groupBy: KIND) { group label total steps { step count } }
    byPlace: ladderDistribution(groupBy: MEETING_PLACE) { group label total steps { step count } }
    ladderTransitions(from: $from, to: $to) { from to count }
    ladderMovement(from: $from, to: $to) { movedUp movedDown newlyEngaged passiveToActive }
  }`;
  const LEVEL = `query($id: ID!) { actor(id: $id) { ladder { level } anonymisedAt } }`;

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
  const figures = async (): Promise<Json> => {
    await api.ladderSettled();
    return api.ok(FIGURES, { from: '2025-12-31', to: '2026-09-30' });
  };
  const sql = (text: string, params: unknown[] = []) => api.dataSource.query(text, params);

  /** A person at an organisation with evidence of every kind, and an import that rejected a row about her. */
  async function engagedPerson(name: string, email: string) {
    const organisation = await make.organisation({
      name: `Norrlandsbolaget ${email}`,
      sector: Sector.BUSINESS,
    });
    const person = await make.person({
      name,
      email,
      title: 'Innovationsstrateg',
      organisationId: organisation.id,
      gender: 'WOMAN',
      sector: Sector.BUSINESS,
      municipalityCode: '2480',
    });
    const colleague = await make.person({ sector: Sector.ACADEMIA, municipalityCode: '2482' });
    const event = await make.event({ meetingPlace: 'GRAND_HOTEL' });
    for (const [actorId, role] of [
      [person.id, 'SPEAKER'],
      [colleague.id, 'AUDIENCE'],
    ]) {
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId, role, status: 'ATTENDED' },
        },
      );
    }
    const { createInitiative } = await api.ok(
      `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
      { input: { name: `Samverkan ${email}`, kind: 'COLLABORATION', startedOn: '2026-02-01' } },
    );
    for (const actorId of [person.id, colleague.id]) {
      await api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
        input: { initiativeId: createInitiative.id, actorId, role: 'PARTNER', joinedOn: '2026-03-01' },
      });
    }
    await api.ok(`mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`, {
      input: {
        actorId: person.id,
        kind: 'POLICY_INFLUENCE',
        occurredOn: '2026-06-10',
        note: `${name} föreslog en ny regional strategi`,
      },
    });
    // A namesake without an address: a duplicate candidate.
    const namesake = await make.person({ name, email: null, sector: Sector.BUSINESS });
    const [{ id: importId }] = await sql(
      `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rejected, finished_at)
       VALUES ($1, 'DONE', 'CSV', 100, repeat('a', 64), $2::jsonb, now()) RETURNING id`,
      [
        event.id,
        JSON.stringify([
          { line: 2, reason: `Okänd roll: "${email}" (använd t.ex. Publik, Talare)` },
          { line: 3, reason: 'Namn saknas' },
          { line: 4, reason: `Okänd status: "${name.toUpperCase()}"` },
        ]),
      ],
    );
    return { organisation, person, colleague, namesake, importId };
  }

  it('erases name, email, title and notes, keeps the evidence and every figure, and writes the ledger', async () => {
    const { organisation, person, namesake, importId } = await engagedPerson(
      'Åsa Ödmark',
      'asa.odmark@norrland.example.se',
    );
    const before = await figures();
    const organisationBefore = (await api.ok(LEVEL, { id: organisation.id })).actor.ladder;
    const personBefore = (await api.ok(LEVEL, { id: person.id })).actor.ladder;
    expect(organisationBefore?.level).toBeGreaterThanOrEqual(1);
    expect(personBefore?.level).toBeGreaterThanOrEqual(1);
    const evidence = async () =>
      (
        await sql(
          `SELECT (SELECT count(*)::int FROM participation WHERE actor_id = $1) AS participations,
                  (SELECT count(*)::int FROM initiative_membership WHERE actor_id = $1) AS memberships,
                  (SELECT count(*)::int FROM engagement WHERE actor_id = $1) AS engagements,
                  (SELECT count(*)::int FROM ladder_period WHERE actor_id = $1) AS periods`,
          [person.id],
        )
      )[0];
    const evidenceBefore = await evidence();
    expect(
      (
        await sql(`SELECT count(*)::int AS n FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [
          person.id,
        ])
      )[0].n,
    ).toBeGreaterThan(0);

    const { anonymiseActor } = await api.ok(ANONYMISE, { id: person.id, reason: '  Dnr 2026/42  ' });
    expect(anonymiseActor).toEqual({
      id: person.id,
      kind: ActorKind.PERSON,
      name: ANONYMISED_NAME,
      email: null,
      title: null,
      gender: 'WOMAN',
      sector: Sector.BUSINESS,
      anonymisedAt: expect.any(String),
    });
    const [row] = await sql(
      `SELECT organisation_id, municipality_code, search_text, match_key, anonymised_at FROM actor WHERE id = $1`,
      [person.id],
    );
    expect(row).toMatchObject({ organisation_id: organisation.id, municipality_code: '2480' });
    expect(row.search_text).not.toMatch(/odmark|asa/);
    expect(await evidence()).toEqual(evidenceBefore);
    expect(await sql(`SELECT note FROM engagement WHERE actor_id = $1`, [person.id])).toEqual([
      { note: null },
    ]);

    // Every figure, and the organisation's step and the person's, are what they were.
    expect(await figures()).toEqual(before);
    expect((await api.ok(LEVEL, { id: organisation.id })).actor.ladder).toEqual(organisationBefore);
    expect((await api.ok(LEVEL, { id: person.id })).actor).toEqual({
      ladder: personBefore,
      anonymisedAt: anonymiseActor.anonymisedAt,
    });

    // Not found by the old name or email.
    for (const search of ['Åsa Ödmark', 'odmark', 'asa.odmark@norrland.example.se']) {
      const { actors } = await api.ok(SEARCH, { search });
      expect(actors.edges.map((e: Json) => e.node.id)).not.toContain(person.id);
    }
    expect((await api.ok(SEARCH, { search: 'Åsa Ödmark' })).actors.edges.map((e: Json) => e.node.id)).toEqual(
      [namesake.id],
    );

    // Duplicates gone, and rejected import rows about her gone (the others kept).
    expect(
      await sql(`SELECT id FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [person.id]),
    ).toEqual([]);
    const [{ rejected }] = await sql(`SELECT rejected FROM registration_import WHERE id = $1`, [importId]);
    expect(rejected).toEqual([{ line: 3, reason: 'Namn saknas' }]);

    // The audit row holds field names; no row of the audit log or the ledger holds a value.
    const audit = await sql(
      `SELECT user_id, changed_fields FROM audit_log WHERE entity = 'actor' AND entity_id = $1 AND action = 'anonymise'`,
      [person.id],
    );
    expect(audit).toEqual([
      { user_id: expect.any(String), changed_fields: expect.arrayContaining(['name', 'email', 'title']) },
    ]);
    const trails = JSON.stringify([
      await sql(`SELECT * FROM audit_log WHERE entity_id = $1`, [person.id]),
      await sql(`SELECT * FROM erasure_ledger`),
    ]);
    expect(trails).not.toMatch(/Ödmark|odmark|Innovationsstrateg|strategi/i);
    expect(
      await sql(
        `SELECT action, decision_reference, user_id, retention_run_id FROM erasure_ledger WHERE subject_id = $1`,
        [person.id],
      ),
    ).toEqual([
      {
        action: 'ANONYMISED',
        decision_reference: 'Dnr 2026/42',
        user_id: audit[0].user_id,
        retention_run_id: null,
      },
    ]);
  });

  it('cannot be merged, proposed as a duplicate or matched by name', async () => {
    const { person } = await engagedPerson('Britt Lindgren', 'britt.lindgren@norrland.example.se');
    await api.ok(ANONYMISE, { id: person.id, reason: 'Dnr 2026/43' });
    const other = await make.person({ name: 'Britt Lindgren', sector: Sector.BUSINESS });
    expectBadInput(await api.gql(MERGE, { keep: person.id, merge: other.id }), 'keepId');
    expectBadInput(await api.gql(MERGE, { keep: other.id, merge: person.id }), 'mergeId');

    // Someone actually called "Anonymiserad person" is neither paired with nor matched to her.
    const namesake = await make.person({ name: ANONYMISED_NAME, email: null, sector: Sector.BUSINESS });
    expect(
      await sql(`SELECT id FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [person.id]),
    ).toEqual([]);
    expect(
      await sql(`SELECT id FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [namesake.id]),
    ).toEqual([]);
    const match = await api.dataSource.transaction((em) =>
      new ActorMatcher(em, null).person({
        kind: ActorKind.PERSON,
        name: ANONYMISED_NAME,
        email: null,
        title: null,
        organisationId: null,
        gender: null,
        sector: Sector.BUSINESS,
        municipalityCode: null,
        country: 'SE',
        organisationNumber: null,
        legalBasis: LegalBasis.PUBLIC_INTEREST,
      }),
    );
    expect(match.actor.id).not.toBe(person.id);
    expect(match.actor.id).not.toBe(namesake.id); // two namesakes without addresses: a new person
  });

  it('deletes a person with no evidence, and refuses one with evidence, telling to anonymise instead', async () => {
    const lonely = await make.person({ name: 'Gustav Ensam' });
    expect(await api.ok(DELETE, { id: lonely.id, reason: 'Dnr 2026/44' })).toEqual({
      deleteActor: lonely.id,
    });
    expect(await sql(`SELECT id FROM actor WHERE id = $1`, [lonely.id])).toEqual([]);
    expect(
      await sql(`SELECT action, decision_reference FROM erasure_ledger WHERE subject_id = $1`, [lonely.id]),
    ).toEqual([{ action: 'DELETED', decision_reference: 'Dnr 2026/44' }]);
    expect(
      await sql(`SELECT changed_fields FROM audit_log WHERE entity_id = $1 AND action = 'delete'`, [
        lonely.id,
      ]),
    ).toEqual([{ changed_fields: [] }]);

    const { person } = await engagedPerson('Hedvig Aktiv', 'hedvig.aktiv@norrland.example.se');
    const refused = await api.gql(DELETE, { id: person.id, reason: 'Dnr 2026/45' });
    expectBadInput(refused, 'actorId', 'HAS_EVIDENCE');
    expect(refused.errors?.[0].message).toBe(
      'actorId: the person has recorded participations, memberships, engagements or ladder history; anonymise instead',
    );
    expect(await sql(`SELECT name FROM actor WHERE id = $1`, [person.id])).toEqual([
      { name: 'Hedvig Aktiv' },
    ]);
    expect(await sql(`SELECT id FROM erasure_ledger WHERE subject_id = $1`, [person.id])).toEqual([]);
  });

  it('refuses organisations, anonymised persons, bad ids and bad reasons, naming the field', async () => {
    const organisation = await make.organisation();
    const person = await make.person();
    expectBadInput(
      await api.gql(ANONYMISE, { id: organisation.id, reason: 'Dnr 1' }),
      'actorId',
      'NOT_A_PERSON',
    );
    expectBadInput(
      await api.gql(DELETE, { id: organisation.id, reason: 'Dnr 1' }),
      'actorId',
      'NOT_A_PERSON',
    );
    expectBadInput(await api.gql(ANONYMISE, { id: 'not-an-id', reason: 'Dnr 1' }), 'actorId');
    expectBadInput(
      await api.gql(ANONYMISE, { id: '00000000-0000-4000-8000-000000000000', reason: 'Dnr 1' }),
      'actorId',
      'NOT_FOUND',
    );
    expectBadInput(
      await api.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000', reason: 'Dnr 1' }),
      'actorId',
      'NOT_FOUND',
    );
    expectBadInput(await api.gql(ANONYMISE, { id: person.id, reason: '   ' }), 'reason', 'REQUIRED');
    expectBadInput(
      await api.gql(ANONYMISE, { id: person.id, reason: 'x'.repeat(201) }),
      'reason',
      'TOO_LONG',
    );
    expectBadInput(await api.gql(DELETE, { id: person.id, reason: '' }), 'reason', 'REQUIRED');
    expect((await api.ok(ANONYMISE, { id: person.id, reason: 'x'.repeat(200) })).anonymiseActor.name).toBe(
      ANONYMISED_NAME,
    );
    expectBadInput(await api.gql(ANONYMISE, { id: person.id, reason: 'Dnr 2' }), 'actorId', 'ANONYMISED');
    expectBadInput(await api.gql(DELETE, { id: person.id, reason: 'Dnr 2' }), 'actorId', 'ANONYMISED');
    expect(
      await sql(`SELECT count(*)::int AS n FROM erasure_ledger WHERE subject_id = $1`, [person.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('anonymising several persons at once (a retention batch) removes the rejected import rows naming any of them, and leaves a culled import as it is', async () => {
    const gunilla = await make.person({ name: 'Gunilla Grönberg', email: 'gunilla.gronberg@example.se' });
    const hakan = await make.person({ name: 'Håkan Hägglund', email: null });
    const event = await make.event();
    const rows = [
      { line: 2, reason: 'Okänd roll: "GUNILLA.GRONBERG@EXAMPLE.SE" (använd t.ex. Publik, Talare)' },
      { line: 3, reason: 'Okänd status: "hakan  hagglund"' },
      { line: 4, reason: 'Okänd status: "Håkan Hägglundsson"' },
      { line: 5, reason: 'Namn saknas' },
      { line: 6, reason: 'Okänt värde för närvaro: "Gunilla Grönberg, Umeå"' },
    ];
    const culledRows = [
      { line: 2, reason: 'Okänd roll: "…" (använd t.ex. Publik, Talare)' },
      { line: 3, reason: 'Namn saknas' },
    ];
    const [{ id: importId }] = await sql(
      `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rejected, finished_at)
       VALUES ($1, 'DONE', 'CSV', 100, repeat('b', 64), $2::jsonb, now()) RETURNING id`,
      [event.id, JSON.stringify(rows)],
    );
    const [{ id: culledId }] = await sql(
      `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rejected, finished_at)
       VALUES ($1, 'DONE', 'CSV', 100, repeat('c', 64), $2::jsonb, now() - interval '1 year') RETURNING id`,
      [event.id, JSON.stringify(culledRows)],
    );

    const erased = await api.dataSource.transaction((em) =>
      anonymisePersons(em, [hakan.id, gunilla.id], {
        userId: null,
        retentionRunId: null,
        reference: 'RS 2026/123',
      }),
    );
    expect(erased.sort()).toEqual([gunilla.id, hakan.id].sort());
    const [{ rejected }] = await sql(`SELECT rejected FROM registration_import WHERE id = $1`, [importId]);
    // Her address (case ignored), his name (case, accents and spacing ignored) and hers among other
    // words go; a longer name that merely begins like his stays.
    expect(rejected).toEqual([rows[2], rows[3]]);
    const [{ rejected: culled }] = await sql(`SELECT rejected FROM registration_import WHERE id = $1`, [
      culledId,
    ]);
    expect(culled).toEqual(culledRows);
  });

  it('lets only administrators anonymise or delete', async () => {
    const person = await make.person();
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE]) {
      for (const mutation of [ANONYMISE, DELETE]) {
        const result = await api.gql(mutation, { id: person.id, reason: 'Dnr 3' }, tokens[role]);
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    expect(await sql(`SELECT name, anonymised_at FROM actor WHERE id = $1`, [person.id])).toEqual([
      { name: person.name, anonymised_at: null },
    ]);
  });
});
