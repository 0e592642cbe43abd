import { DomainValidationError } from '@crm/domain';
import { createDataSource, DuplicateRepository, mergeActors } from '@crm/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase } from '../support/database';

/**
 * The duplicate scan and the merge against the real schema: trigram similarity on the matching
 * keys, the email local part, the ladder outbox, the unique indexes and row locks.
 */
describe('duplicate candidates and merging actors', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource({ url: database.url, poolSize: 6 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  const sql = (text: string, params: unknown[] = []) => dataSource.query(text, params);

  interface ActorInput {
    name: string;
    kind?: 'PERSON' | 'ORGANISATION';
    email?: string | null;
    title?: string | null;
    gender?: string | null;
    organisationId?: string | null;
    municipalityCode?: string | null;
    organisationNumber?: string | null;
    sector?: string;
  }
  const actor = async (input: ActorInput): Promise<string> => {
    const [{ id }] = await sql(
      `INSERT INTO actor (kind, name, email, title, gender, organisation_id, municipality_code, organisation_number, sector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        input.kind ?? 'PERSON',
        input.name,
        input.email ?? null,
        input.title ?? null,
        input.gender ?? null,
        input.organisationId ?? null,
        input.municipalityCode ?? null,
        input.organisationNumber ?? null,
        input.sector ?? 'BUSINESS',
      ],
    );
    return id;
  };
  const scan = (ids: string[]) => dataSource.transaction((em) => new DuplicateRepository(em).scanFor(ids));
  const pairOf = async (x: string, y: string) => {
    const [row] = await sql(
      `SELECT id, kind, score, reasons, dismissed_at FROM duplicate_candidate
       WHERE actor_a = least($1::uuid, $2::uuid) AND actor_b = greatest($1::uuid, $2::uuid)`,
      [x, y],
    );
    return row as
      { id: string; kind: string; score: number; reasons: string[]; dismissed_at: Date | null } | undefined;
  };
  const candidatesOf = async (id: string) =>
    (await sql(`SELECT count(*)::int AS n FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [id]))[0]
      .n as number;

  describe('scanFor', () => {
    it('pairs the same name written differently, with "Samma namn" and score 1', async () => {
      const a = await actor({ name: 'Anna-Karin  Öberg' });
      const b = await actor({ name: 'anna karin oberg' });
      expect(await scan([b])).toBeGreaterThanOrEqual(1);
      expect(await pairOf(a, b)).toMatchObject({ kind: 'PERSON', score: 1, reasons: ['Samma namn'] });
    });

    it('pairs similar names with their similarity, in Swedish', async () => {
      const a = await actor({ name: 'Jon Persson', municipalityCode: '2418' });
      const b = await actor({ name: 'John Persson', municipalityCode: '2418' });
      const c = await actor({ name: 'Johan Persson', municipalityCode: '2421' });
      await scan([a]);
      const pair = await pairOf(a, b);
      expect(pair?.reasons).toEqual(['Liknande namn (71 %)', 'Samma kommun']);
      expect(pair?.score).toBeCloseTo(0.814, 3);
      // A likeness alone, in another municipality, is not enough.
      expect(await pairOf(a, c)).toBeUndefined();
    });

    it('does not pair namesakes who each have an address of their own, unless at one organisation', async () => {
      const org = await actor({ kind: 'ORGANISATION', name: 'Fjällbygd Turism AB' });
      const a = await actor({ name: 'Anna Johansson', email: 'anna.johansson@umea.example.se' });
      const b = await actor({ name: 'Anna Johansson', email: 'anna.j@lycksele.example.se' });
      const c = await actor({ name: 'Anna Johansson', email: null });
      await scan([a]);
      expect(await pairOf(a, b)).toBeUndefined();
      expect(await pairOf(a, c)).toMatchObject({ score: 1, reasons: ['Samma namn'] });
      const d = await actor({
        name: 'Anna Johansson',
        email: 'anna@fjallbygd.example.se',
        organisationId: org,
      });
      const e = await actor({
        name: 'Anna Johansson',
        email: 'a.johansson@fjallbygd.example.se',
        organisationId: org,
      });
      await scan([d]);
      expect(await pairOf(d, e)).toMatchObject({ reasons: ['Samma namn', 'Samma organisation'] });
    });

    it('adds the same organisation and municipality to the score, capped at 1', async () => {
      const org = await actor({
        kind: 'ORGANISATION',
        name: 'Skogsbruket Väst AB',
        municipalityCode: '2480',
      });
      const a = await actor({ name: 'Karin Ström', organisationId: org, municipalityCode: '2480' });
      const b = await actor({ name: 'Karin Strömberg', organisationId: org, municipalityCode: '2480' });
      const c = await actor({ name: 'Karin Ström', organisationId: org, municipalityCode: '2480' });
      await scan([a]);
      const similar = await pairOf(a, b);
      expect(similar?.reasons).toEqual(['Liknande namn (65 %)', 'Samma organisation', 'Samma kommun']);
      expect(similar?.score).toBeCloseTo(0.947, 3);
      expect(await pairOf(a, c)).toMatchObject({
        score: 1,
        reasons: ['Samma namn', 'Samma organisation', 'Samma kommun'],
      });
    });

    it('pairs the same email local part at another domain, even when the names are only faintly alike', async () => {
      const a = await actor({ name: 'Maria Holm', email: 'maria.holm@umea.example.se' });
      const b = await actor({ name: 'Marie Holmberg', email: 'maria.holm@skelleftea.example.se' });
      const c = await actor({ name: 'Per Ek', email: 'peter.ekman@umea.example.se' });
      const d = await actor({ name: 'Peter Ekman', email: 'peter.ekman@lycksele.example.se' });
      await scan([b, c]);
      const holm = await pairOf(a, b);
      expect(holm?.reasons).toEqual(['Liknande namn (44 %)', 'Samma e-postadress före @']);
      expect(holm?.score).toBeCloseTo(0.944, 3);
      // Below the trigram search threshold: found through the local part's own index.
      expect((await pairOf(c, d))?.reasons).toEqual(['Liknande namn (36 %)', 'Samma e-postadress före @']);
    });

    it('ignores generic mailboxes and local parts shorter than 3 characters', async () => {
      const a = await actor({ name: 'Maja Lind', email: 'info@norrsken.example.se' });
      const b = await actor({ name: 'Majken Lindholm', email: 'info@fjallvind.example.se' });
      const c = await actor({ name: 'Maja Lind', email: 'no-reply@norrsken.example.se' });
      const d = await actor({ name: 'Majken Lindholm', email: 'no-reply@fjallvind.example.se' });
      const e = await actor({ name: 'Maja Lind', email: 'ml@norrsken.example.se' });
      const f = await actor({ name: 'Majken Lindholm', email: 'ml@fjallvind.example.se' });
      await scan([a, c, e]);
      for (const [x, y] of [
        [a, b],
        [c, d],
        [e, f],
      ])
        expect(await pairOf(x, y)).toBeUndefined();
      // The same names are found as namesakes all the same: the email simply adds nothing.
      expect((await pairOf(a, c))?.reasons).toEqual(['Samma namn']);
    });

    it('never pairs actors of different kinds, nor an actor with itself', async () => {
      const person = await actor({ name: 'Fjällvind Konsult' });
      const organisation = await actor({ kind: 'ORGANISATION', name: 'Fjällvind Konsult AB' });
      expect(await scan([person, organisation])).toBe(0);
      expect(await candidatesOf(person)).toBe(0);
      expect(await candidatesOf(organisation)).toBe(0);
    });

    it('pairs organisations on their name without the legal form, unless their organisation numbers differ', async () => {
      const a = await actor({ kind: 'ORGANISATION', name: 'Polarbageriet AB', municipalityCode: '2482' });
      const b = await actor({ kind: 'ORGANISATION', name: 'POLARBAGERIET', municipalityCode: '2482' });
      const c = await actor({
        kind: 'ORGANISATION',
        name: 'Polarbageriet',
        organisationNumber: '556036-0793',
      });
      const d = await actor({
        kind: 'ORGANISATION',
        name: 'Polarbageriet',
        organisationNumber: '556677-8899',
      });
      await scan([a, c]);
      expect(await pairOf(a, b)).toMatchObject({
        kind: 'ORGANISATION',
        score: 1,
        reasons: ['Samma namn', 'Samma kommun'],
      });
      expect(await pairOf(a, c)).toMatchObject({ score: 1 });
      expect(await pairOf(c, d)).toBeUndefined();
    });

    it('records each pair once when both actors are in the batch, and counts only changes', async () => {
      const a = await actor({ name: 'Ingrid Wikström' });
      const b = await actor({ name: 'Ingrid Wikström' });
      expect(await scan([a, b, a])).toBe(1);
      expect(await scan([a, b])).toBe(0);
      await sql(`UPDATE actor SET municipality_code = '2480' WHERE id = ANY ($1::uuid[])`, [[a, b]]);
      expect(await scan([b])).toBe(1);
      expect((await pairOf(a, b))?.reasons).toEqual(['Samma namn', 'Samma kommun']);
    });

    it('never reopens a dismissed pair', async () => {
      const a = await actor({ name: 'Sven Olofsson' });
      const b = await actor({ name: 'Sven Olofson' });
      await scan([a]);
      const pair = await pairOf(a, b);
      expect(pair?.dismissed_at).toBeNull();
      expect(await dataSource.transaction((em) => new DuplicateRepository(em).dismiss(pair!.id, null))).toBe(
        true,
      );
      expect(await dataSource.transaction((em) => new DuplicateRepository(em).dismiss(pair!.id, null))).toBe(
        false,
      );
      await sql(`UPDATE actor SET municipality_code = '2480' WHERE id = ANY ($1::uuid[])`, [[a, b]]);
      expect(await scan([a, b])).toBe(0);
      const after = await pairOf(a, b);
      expect(after?.dismissed_at).not.toBeNull();
      expect(after?.score).toBe(pair?.score);
      expect(after?.reasons).toEqual(pair?.reasons);
    });

    it("puts the caller's trigram threshold back", async () => {
      const a = await actor({ name: 'Tove Granlund' });
      const threshold = await dataSource.transaction(async (em) => {
        await em.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.25', true)`);
        await new DuplicateRepository(em).scanFor([a]);
        return (await em.query(`SELECT current_setting('pg_trgm.similarity_threshold') AS t`))[0].t;
      });
      expect(threshold).toBe('0.25');
    });

    it('pages open candidates by score, then id, with a cursor that names its list', async () => {
      const repo = new DuplicateRepository(dataSource.manager);
      const all = [];
      let after: string | null = null;
      for (;;) {
        const page = await repo.page(3, after);
        all.push(...page.items);
        expect(page.totalCount).toBe(
          (await sql(`SELECT count(*)::int AS n FROM duplicate_candidate WHERE dismissed_at IS NULL`))[0].n,
        );
        if (!page.hasNextPage) break;
        after = page.cursorOf(page.items[page.items.length - 1]);
      }
      const expected = await sql(
        `SELECT id FROM duplicate_candidate WHERE dismissed_at IS NULL ORDER BY score DESC, id`,
      );
      expect(all.map((c) => c.id)).toEqual(expected.map((r: { id: string }) => r.id));
      expect(all.length).toBeGreaterThan(5);
      await expect(repo.page(3, 'bm9wZQ')).rejects.toMatchObject({ field: 'after' });
      const otherList = Buffer.from(JSON.stringify(['actors', 'x', all[0].id])).toString('base64url');
      await expect(repo.page(3, otherList)).rejects.toMatchObject({ field: 'after' });
      const badScore = Buffer.from(JSON.stringify(['duplicate-candidates', 'NaN', all[0].id])).toString(
        'base64url',
      );
      await expect(repo.page(3, badScore)).rejects.toMatchObject({ field: 'after' });
    });
  });

  describe('mergeActors', () => {
    const merge = (keepId: string, mergeId: string) =>
      dataSource.transaction((em: EntityManager) => mergeActors(em, keepId, mergeId, null));

    const event = async (title: string) =>
      (
        await sql(
          `INSERT INTO event (meeting_place, title, starts_at) VALUES ('GRAND_HOTEL', $1, '2025-10-01T08:00:00Z')
           RETURNING id`,
          [title],
        )
      )[0].id as string;
    const participation = async (
      eventId: string,
      actorId: string,
      role: string,
      status: string,
      checkedInAt: string | null = null,
    ) =>
      (
        await sql(
          `INSERT INTO participation (event_id, actor_id, role, status, checked_in_at, source)
           VALUES ($1, $2, $3, $4, $5, 'MANUAL') RETURNING id`,
          [eventId, actorId, role, status, checkedInAt],
        )
      )[0].id as string;
    const initiative = async (name: string) =>
      (
        await sql(
          `INSERT INTO initiative (name, kind, started_on) VALUES ($1, 'WORKING_GROUP', '2024-01-01') RETURNING id`,
          [name],
        )
      )[0].id as string;
    const membership = (
      initiativeId: string,
      actorId: string,
      role: string,
      joined: string,
      left: string | null,
    ) =>
      sql(
        `INSERT INTO initiative_membership (initiative_id, actor_id, role, joined_on, left_on)
         VALUES ($1, $2, $3, $4, $5)`,
        [initiativeId, actorId, role, joined, left],
      );
    const counts = async () =>
      (
        await sql(`SELECT (SELECT count(*) FROM actor)::int AS actors,
          (SELECT count(*) FROM participation)::int AS participations,
          (SELECT count(*) FROM initiative_membership)::int AS memberships,
          (SELECT count(*) FROM engagement)::int AS engagements,
          (SELECT count(*) FROM actor_merge)::int AS merges,
          (SELECT count(*) FROM duplicate_candidate)::int AS candidates,
          (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM actor a) AS actor_digest`)
      )[0];

    it('folds clashing participations and memberships, moves the rest, fills empty fields, records counts only', async () => {
      const formerOrg = await actor({ kind: 'ORGANISATION', name: 'Gamla Verket AB' });
      const keep = await actor({ name: 'Greta Sundin', organisationId: null });
      const gone = await actor({
        name: 'Greta Sundin',
        email: 'greta.sundin@verket.example.se',
        title: 'Utvecklingsledare',
        gender: 'WOMAN',
        organisationId: formerOrg,
        municipalityCode: '2481',
      });
      const [e1, e2, e3] = [await event('Möte 1'), await event('Möte 2'), await event('Möte 3')];
      const kept1 = await participation(e1, keep, 'AUDIENCE', 'ATTENDED', '2025-10-01T08:10:00Z');
      await participation(e1, gone, 'SPEAKER', 'ATTENDED', '2025-10-01T07:55:00Z');
      const kept2 = await participation(e2, keep, 'ORGANISER', 'NO_SHOW');
      await participation(e2, gone, 'AUDIENCE', 'REGISTERED');
      const moved3 = await participation(e3, gone, 'PANELIST', 'CANCELLED');
      const [i1, i2] = [await initiative('Grupp 1'), await initiative('Grupp 2')];
      await membership(i1, keep, 'MEMBER', '2024-03-01', '2024-12-31');
      await membership(i1, gone, 'LEAD', '2024-01-15', null);
      await membership(i2, gone, 'PARTNER', '2024-05-01', '2024-06-01');
      await sql(
        `INSERT INTO engagement (actor_id, kind, occurred_on) VALUES ($1, 'INPUT', '2025-01-01'),
        ($1, 'IMPLEMENTATION', '2025-02-01')`,
        [gone],
      );
      await scan([keep]);
      expect(await candidatesOf(gone)).toBeGreaterThan(0);
      await sql(`DELETE FROM ladder_outbox`);

      const result = await merge(keep, gone);

      expect(result.moved).toEqual({
        participations: 1,
        participationClashes: 2,
        memberships: 1,
        membershipClashes: 1,
        engagements: 2,
        members: 0,
        filledFields: ['email', 'title', 'gender', 'organisationId', 'municipalityCode'],
      });
      const rows = await sql(
        `SELECT id, event_id, role, status, checked_in_at FROM participation WHERE actor_id = $1 ORDER BY event_id`,
        [keep],
      );
      const byEvent = new Map(rows.map((r: { event_id: string }) => [r.event_id, r]));
      expect(byEvent.get(e1)).toMatchObject({ id: kept1, role: 'SPEAKER', status: 'ATTENDED' });
      expect((byEvent.get(e1) as { checked_in_at: Date }).checked_in_at.toISOString()).toBe(
        '2025-10-01T07:55:00.000Z',
      );
      expect(byEvent.get(e2)).toMatchObject({
        id: kept2,
        role: 'ORGANISER',
        status: 'REGISTERED',
        checked_in_at: null,
      });
      expect(byEvent.get(e3)).toMatchObject({ id: moved3, role: 'PANELIST', status: 'CANCELLED' });
      expect(
        await sql(
          `SELECT initiative_id, role, joined_on::text AS joined, left_on::text AS left FROM initiative_membership
           WHERE actor_id = $1 ORDER BY joined_on`,
          [keep],
        ),
      ).toEqual([
        { initiative_id: i1, role: 'LEAD', joined: '2024-01-15', left: null },
        { initiative_id: i2, role: 'PARTNER', joined: '2024-05-01', left: '2024-06-01' },
      ]);
      expect((await sql(`SELECT count(*)::int AS n FROM engagement WHERE actor_id = $1`, [keep]))[0].n).toBe(
        2,
      );

      // The kept actor keeps its own name and takes the merged actor's email (unique) and the rest.
      const [kept] = await sql(`SELECT * FROM actor WHERE id = $1`, [keep]);
      expect(kept).toMatchObject({
        name: 'Greta Sundin',
        email: 'greta.sundin@verket.example.se',
        title: 'Utvecklingsledare',
        gender: 'WOMAN',
        organisation_id: formerOrg,
        municipality_code: '2481',
      });
      expect(await sql(`SELECT id FROM actor WHERE id = $1`, [gone])).toEqual([]);
      expect(await candidatesOf(gone)).toBe(0);

      const [record] = await sql(
        `SELECT kept_id, merged_id, kind, moved, merged_by FROM actor_merge WHERE merged_id = $1`,
        [gone],
      );
      expect(record).toEqual({
        kept_id: keep,
        merged_id: gone,
        kind: 'PERSON',
        moved: result.moved,
        merged_by: null,
      });
      expect(JSON.stringify(record.moved)).not.toMatch(/greta|sundin|verket|@|Utvecklings/i);

      const marked = (await sql(`SELECT actor_id FROM ladder_outbox`)).map(
        (r: { actor_id: string }) => r.actor_id,
      );
      expect(marked).toEqual(expect.arrayContaining([keep, formerOrg]));
      expect(result.affectedActorIds).toEqual(expect.arrayContaining([keep, formerOrg]));
    });

    it("moves an organisation's members and fills its organisation number", async () => {
      const keep = await actor({ kind: 'ORGANISATION', name: 'Älvdalens Trä AB' });
      const gone = await actor({
        kind: 'ORGANISATION',
        name: 'Älvdalens Trä',
        organisationNumber: '559999-0003',
        municipalityCode: '2418',
      });
      const m1 = await actor({ name: 'Olle Trä', organisationId: gone });
      const m2 = await actor({ name: 'Stina Trä', organisationId: gone });
      const stays = await actor({ name: 'Lars Trä', organisationId: keep });
      await sql(`DELETE FROM ladder_outbox`);

      const result = await merge(keep, gone);

      expect(result.moved).toMatchObject({
        members: 2,
        filledFields: ['municipalityCode', 'organisationNumber'],
      });
      expect(
        (await sql(`SELECT id FROM actor WHERE organisation_id = $1 ORDER BY id`, [keep])).map(
          (r: { id: string }) => r.id,
        ),
      ).toEqual([m1, m2, stays].sort());
      expect(
        (await sql(`SELECT organisation_number FROM actor WHERE id = $1`, [keep]))[0].organisation_number,
      ).toBe('559999-0003');
      const marked = (await sql(`SELECT actor_id FROM ladder_outbox`)).map(
        (r: { actor_id: string }) => r.actor_id,
      );
      expect(marked).toEqual(expect.arrayContaining([keep, m1, m2]));
      expect(result.affectedActorIds).toEqual(expect.arrayContaining([keep, m1, m2]));
    });

    it('keeps the history of earlier merges into the merged actor', async () => {
      const a = await actor({ name: 'Kedja Ett' });
      const b = await actor({ name: 'Kedja Två' });
      const c = await actor({ name: 'Kedja Tre' });
      await merge(b, a);
      await merge(c, b);
      expect(
        await sql(`SELECT merged_id FROM actor_merge WHERE kept_id = $1 ORDER BY merged_at, merged_id`, [c]),
      ).toEqual([{ merged_id: a }, { merged_id: b }]);
    });

    it('refuses a merge into itself, across kinds or with an unknown id, naming the field and writing nothing', async () => {
      const person = await actor({ name: 'Ensam Person' });
      const org = await actor({ kind: 'ORGANISATION', name: 'Ensam Organisation' });
      await participation(await event('Ensamt möte'), person, 'AUDIENCE', 'ATTENDED');
      const before = await counts();
      const refusal = async (keepId: string, mergeId: string) => {
        const error = await merge(keepId, mergeId).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainValidationError);
        return (error as DomainValidationError).field;
      };
      expect(await refusal(person, person)).toBe('mergeId');
      expect(await refusal(person, org)).toBe('mergeId');
      expect(await refusal(org, person)).toBe('mergeId');
      expect(await refusal('00000000-0000-4000-8000-000000000000', person)).toBe('keepId');
      expect(await refusal(person, '00000000-0000-4000-8000-000000000000')).toBe('mergeId');
      expect(await counts()).toEqual(before);
    });

    it('two opposite merges at once end with one actor; the loser hears a clean field error', async () => {
      for (let round = 0; round < 5; round += 1) {
        const a = await actor({ name: `Samtidig Ett ${round}`, email: `samtidig.${round}@a.example.se` });
        const b = await actor({ name: `Samtidig Två ${round}`, title: 'Handläggare' });
        for (let n = 0; n < 5; n += 1) {
          const e = await event(`Samtidigt ${round}.${n}`);
          await participation(e, a, 'AUDIENCE', 'ATTENDED');
          if (n % 2) await participation(e, b, 'SPEAKER', 'REGISTERED');
        }
        const results = await Promise.allSettled([merge(a, b), merge(b, a)]);
        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(1);
        expect(rejected[0].reason).toBeInstanceOf(DomainValidationError);
        expect(['keepId', 'mergeId']).toContain((rejected[0].reason as DomainValidationError).field);
        expect(
          (await sql(`SELECT count(*)::int AS n FROM actor WHERE id = ANY ($1::uuid[])`, [[a, b]]))[0].n,
        ).toBe(1);
        const [{ survivor }] = await sql(`SELECT id AS survivor FROM actor WHERE id = ANY ($1::uuid[])`, [
          [a, b],
        ]);
        expect(
          (await sql(`SELECT count(*)::int AS n FROM participation WHERE actor_id = $1`, [survivor]))[0].n,
        ).toBe(5);
        expect(
          (await sql(`SELECT count(*)::int AS n FROM actor_merge WHERE kept_id = $1`, [survivor]))[0].n,
        ).toBe(1);
      }
    });

    it('the second of two opposite merges waits for the first, then finds its actor gone', async () => {
      const a = await actor({ name: 'Väntande Ett' });
      const b = await actor({ name: 'Väntande Två' });
      const first = dataSource.createQueryRunner();
      await first.connect();
      await first.startTransaction();
      try {
        await mergeActors(first.manager, a, b, null);
        const second = merge(b, a).then(
          () => null,
          (e: unknown) => e,
        );
        // The second merge is blocked on the row locks the first one holds.
        for (let waited = 0; ; waited += 1) {
          const [{ waiting }] = await sql(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (waiting > 0) break;
          if (waited > 200) throw new Error('the second merge never waited for the first');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await first.commitTransaction();
        const error = await second;
        expect(error).toBeInstanceOf(DomainValidationError);
        expect(error).toMatchObject({ field: 'keepId', message: 'no actor has this ID' });
      } finally {
        if (first.isTransactionActive) await first.rollbackTransaction();
        await first.release();
      }
      expect(await sql(`SELECT id FROM actor WHERE id = ANY ($1::uuid[])`, [[a, b]])).toEqual([{ id: a }]);
    });
  });
});
