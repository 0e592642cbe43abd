import { computeReportFigures } from '@crm/persistence';
import { discloseReport, exactReport, ReportFigures } from '@crm/domain';
import { TestApi } from '../support/api';

/**
 * A small, known world for 2026 Q3 (with 2026 Q2 before it and 2025 Q3 a year earlier), written
 * straight into the tables so every figure of the report can be worked out by hand below.
 *
 * Ladder timelines (step, from → to):
 *   P1 woman, Umeå, academia:            1 from 2026-01-10, 3 from 2026-07-15
 *   P2 man, Lycksele, public sector:     2 from 2026-07-01, the quarter's first day (new in Q3)
 *   P3 no gender, Stockholm, business:   4 from 2025-05-01, 2 from 2026-08-20     (moved down)
 *   P4 woman, no municipality, civil:    1 from 2025-08-01 to 2025-12-01
 *   O1 Skellefteå kommun (organisation): 5 from 2026-09-01                       (new, reached 5)
 *   P5 non-binary, Utvecklingschef at O1: 2 from 2025-07-01, 5 from 2026-09-10   (reached 5)
 * Events (Stockholm time):
 *   E1 Mötesplats Lycksele 2026-08-10: P1 audience, P2 speaker, P5 moderator attended; P3 only registered
 *   E2 Grand Hôtel 2026-09-05: P1 panelist, O1 audience attended
 *   E3 Grand Hôtel 2026-06-15 (Q2): P1 audience, P3 speaker attended
 *   E4 Almedalen 2025-07-01 00:30 (30 June 22:30 UTC, so 2025 Q3): P4 attended
 *   E5 Digitala Västerbotten 2026-09-30 23:30 (21:30 UTC, so Q3): nobody
 * Initiatives: I1 collaboration with P1 (from 2026-05-01) and O1 (from 2026-08-01): two sectors;
 *   I2 working group of P2 and P5 (one sector); I3 with P1 and P3, P3 left 2026-06-01.
 */
describe('quarterly report figures from a known data set', () => {
  let api: TestApi;
  let figures: ReportFigures;

  beforeAll(async () => {
    api = await TestApi.start();
    const sql = (text: string, params: unknown[] = []) => api.dataSource.query(text, params);
    const actor = async (values: Record<string, unknown>): Promise<string> => {
      const [{ id }] = await sql(
        `INSERT INTO actor (kind, name, title, organisation_id, gender, sector, municipality_code, country)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'SE') RETURNING id`,
        [
          values.kind ?? 'PERSON',
          values.name,
          values.title ?? null,
          values.organisationId ?? null,
          values.gender ?? null,
          values.sector,
          values.municipality ?? null,
        ],
      );
      return id;
    };
    const p1 = await actor({ name: 'Person Ett', gender: 'WOMAN', sector: 'ACADEMIA', municipality: '2480' });
    const p2 = await actor({
      name: 'Person Två',
      gender: 'MAN',
      sector: 'PUBLIC_SECTOR',
      municipality: '2481',
    });
    const p3 = await actor({ name: 'Person Tre', sector: 'BUSINESS', municipality: '0180' });
    const p4 = await actor({ name: 'Person Fyra', gender: 'WOMAN', sector: 'CIVIL_SOCIETY' });
    const o1 = await actor({
      kind: 'ORGANISATION',
      name: 'Skellefteå kommun',
      sector: 'PUBLIC_SECTOR',
      municipality: '2482',
    });
    const p5 = await actor({
      name: 'Person Fem',
      title: 'Utvecklingschef',
      organisationId: o1,
      gender: 'NON_BINARY',
      sector: 'PUBLIC_SECTOR',
      municipality: '2482',
    });

    const influence = (actorId: string, detail: string, on: string) =>
      JSON.stringify([
        {
          rule: 'INFLUENCE',
          evidence: 'POLICY_OR_IMPLEMENTATION',
          detail,
          occurredOn: on,
          actorId,
          source: 'ENGAGEMENT',
        },
      ]);
    const period = (
      actorId: string,
      from: string,
      to: string | null,
      step: number,
      fromStep: number | null,
      reasons = '[]',
    ) =>
      sql(
        `INSERT INTO ladder_period (actor_id, valid_from, valid_to, step, from_step, rules_version, reasons)
         VALUES ($1, $2, $3, $4, $5, 1, $6::jsonb)`,
        [actorId, from, to, step, fromStep, reasons],
      );
    await period(p1, '2026-01-10', '2026-07-15', 1, null);
    await period(p1, '2026-07-15', null, 3, 1);
    await period(p2, '2026-07-01', null, 2, null);
    await period(p3, '2025-05-01', '2026-08-20', 4, null);
    await period(p3, '2026-08-20', null, 2, 4);
    await period(p4, '2025-08-01', '2025-12-01', 1, null);
    await period(o1, '2026-09-01', null, 5, null, influence(p5, 'POLICY_INFLUENCE', '2026-09-01'));
    await period(p5, '2025-07-01', '2026-09-10', 2, null);
    await period(p5, '2026-09-10', null, 5, 2, influence(p5, 'IMPLEMENTATION', '2026-09-10'));

    const event = async (place: string, startsAt: string): Promise<string> =>
      (
        await sql(
          `INSERT INTO event (meeting_place, title, starts_at) VALUES ($1, 'Evenemang', $2) RETURNING id`,
          [place, startsAt],
        )
      )[0].id;
    const e1 = await event('MOTESPLATS_LYCKSELE', '2026-08-10T08:00:00Z');
    const e2 = await event('GRAND_HOTEL', '2026-09-05T08:00:00Z');
    const e3 = await event('GRAND_HOTEL', '2026-06-15T08:00:00Z');
    const e4 = await event('ALMEDALEN', '2025-06-30T22:30:00Z');
    await event('DIGITALA_VASTERBOTTEN', '2026-09-30T21:30:00Z');
    const attend = (eventId: string, actorId: string, role: string, status = 'ATTENDED') =>
      sql(
        `INSERT INTO participation (event_id, actor_id, role, status, checked_in_at, source)
         VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'ATTENDED' THEN now() END, 'MANUAL')`,
        [eventId, actorId, role, status],
      );
    await attend(e1, p1, 'AUDIENCE');
    await attend(e1, p2, 'SPEAKER');
    await attend(e1, p3, 'AUDIENCE', 'REGISTERED');
    await attend(e1, p5, 'MODERATOR');
    await attend(e2, p1, 'PANELIST');
    await attend(e2, o1, 'AUDIENCE');
    await attend(e3, p1, 'AUDIENCE');
    await attend(e3, p3, 'SPEAKER');
    await attend(e4, p4, 'AUDIENCE');

    const initiative = async (name: string, kind: string): Promise<string> =>
      (
        await sql(
          `INSERT INTO initiative (name, kind, started_on) VALUES ($1, $2, '2026-01-01') RETURNING id`,
          [name, kind],
        )
      )[0].id;
    const member = (initiativeId: string, actorId: string, joined: string, left: string | null = null) =>
      sql(
        `INSERT INTO initiative_membership (initiative_id, actor_id, role, joined_on, left_on) VALUES ($1, $2, 'MEMBER', $3, $4)`,
        [initiativeId, actorId, joined, left],
      );
    const i1 = await initiative('Skogsnäringens framtid', 'COLLABORATION');
    await member(i1, p1, '2026-05-01');
    await member(i1, o1, '2026-08-01');
    const i2 = await initiative('Arbetsgrupp kollektivtrafik', 'WORKING_GROUP');
    await member(i2, p2, '2026-07-01');
    await member(i2, p5, '2026-07-01');
    const i3 = await initiative('Avslutad dialog', 'COLLABORATION');
    await member(i3, p1, '2026-01-01');
    await member(i3, p3, '2026-01-01', '2026-06-01');

    figures = await api.dataSource.transaction('REPEATABLE READ', (em) =>
      computeReportFigures(em, { year: 2026, quarter: 3 }),
    );
  });
  afterAll(() => api.close());

  const steps = (counts: { count: number }[]) => counts.map((c) => c.count);

  it('summarises the quarter against the one before and a year earlier', () => {
    expect(figures).toMatchObject({
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      previousLabel: '2026 K2',
      yearEarlierLabel: '2025 K3',
    });
    expect(figures.summary).toMatchObject({
      engagedActors: { current: 5, previousQuarter: 3, yearEarlier: 3 },
      newActors: { current: 2, previousQuarter: 0, yearEarlier: 2 },
      movedUp: { current: 2, previousQuarter: 0, yearEarlier: 0 },
      movedDown: { current: 1, previousQuarter: 0, yearEarlier: 0 },
      passiveToActive: { current: 2, previousQuarter: 0, yearEarlier: 0 },
    });
    expect(figures.summary.largestChanges.map((c) => [c.subjectSv, c.change])).toEqual([
      ['Mötesplats Lycksele, unika aktörer', 3],
      ['Engagerade aktörer', 2],
      ['Offentlig sektor, engagerade', 2],
    ]);
  });

  it('counts the ladder at each quarter’s end and the movement through the quarter', () => {
    expect(steps(figures.ladder.atEnd)).toEqual([0, 2, 1, 0, 2]);
    expect(steps(figures.ladder.atEndPreviousQuarter)).toEqual([1, 1, 0, 1, 0]);
    expect(steps(figures.ladder.atEndYearEarlier)).toEqual([1, 1, 0, 1, 0]);
    expect(figures.ladder.movement).toEqual([
      { from: null, to: 'INTEREST', count: 1 },
      { from: null, to: 'INFLUENCE', count: 1 },
      { from: 'AWARENESS', to: 'PARTICIPATION', count: 1 },
      { from: 'INTEREST', to: 'INFLUENCE', count: 1 },
      { from: 'COLLABORATION', to: 'INTEREST', count: 1 },
    ]);
    expect(figures.ladder.history.map((h) => [h.label, steps(h.steps)])).toEqual([
      ['2025 K3', [1, 1, 0, 1, 0]],
      ['2025 K4', [0, 1, 0, 1, 0]],
      ['2026 K1', [1, 1, 0, 1, 0]],
      ['2026 K2', [1, 1, 0, 1, 0]],
      ['2026 K3', [0, 2, 1, 0, 2]],
    ]);
  });

  it('reports each meeting place, its new actors and the synergy between them', () => {
    const place = (code: string) => figures.meetingPlaces.find((p) => p.code === code)!;
    expect(figures.meetingPlaces.map((p) => p.code)).toEqual([
      'GRAND_HOTEL',
      'MOTESPLATS_LYCKSELE',
      'ALMEDALEN',
      'DIGITALA_VASTERBOTTEN',
    ]);
    expect(place('MOTESPLATS_LYCKSELE')).toMatchObject({
      eventsHeld: { current: 1, previousQuarter: 0, yearEarlier: 0 },
      attendance: { current: 3, previousQuarter: 0, yearEarlier: 0 },
      uniqueActors: { current: 3, previousQuarter: 0, yearEarlier: 0 },
      newActors: { current: 2, previousQuarter: 0, yearEarlier: 0 },
    });
    expect(steps(place('MOTESPLATS_LYCKSELE').ladderMix)).toEqual([0, 1, 1, 0, 1]);
    expect(place('GRAND_HOTEL')).toMatchObject({
      eventsHeld: { current: 1, previousQuarter: 1, yearEarlier: 0 },
      attendance: { current: 2, previousQuarter: 2, yearEarlier: 0 },
      uniqueActors: { current: 2, previousQuarter: 2, yearEarlier: 0 },
      newActors: { current: 1, previousQuarter: 2, yearEarlier: 0 },
    });
    expect(steps(place('GRAND_HOTEL').ladderMix)).toEqual([0, 0, 1, 0, 1]);
    // Half past midnight on 1 July in Stockholm belongs to Q3, though it is still 30 June in UTC.
    expect(place('ALMEDALEN')).toMatchObject({
      eventsHeld: { current: 0, previousQuarter: 0, yearEarlier: 1 },
      attendance: { current: 0, previousQuarter: 0, yearEarlier: 1 },
      newActors: { current: 0, previousQuarter: 0, yearEarlier: 1 },
    });
    expect(place('DIGITALA_VASTERBOTTEN')).toMatchObject({
      eventsHeld: { current: 1, previousQuarter: 0, yearEarlier: 0 },
      attendance: { current: 0, previousQuarter: 0, yearEarlier: 0 },
    });
    expect(figures.synergy).toEqual({ current: 1, previousQuarter: 0, yearEarlier: 0 });
  });

  it('splits by sector and lists only initiatives spanning sectors in the quarter', () => {
    const sector = (code: string) => figures.sectors.find((s) => s.sector === code)!;
    expect(sector('PUBLIC_SECTOR').engaged).toEqual({ current: 3, previousQuarter: 1, yearEarlier: 1 });
    expect(steps(sector('PUBLIC_SECTOR').ladderMix)).toEqual([0, 1, 0, 0, 2]);
    expect(sector('ACADEMIA').engaged.current).toBe(1);
    expect(sector('BUSINESS').engaged).toEqual({ current: 1, previousQuarter: 1, yearEarlier: 1 });
    expect(sector('CIVIL_SOCIETY').engaged).toEqual({ current: 0, previousQuarter: 0, yearEarlier: 1 });
    expect(figures.crossSectorInitiatives).toEqual([
      {
        name: 'Skogsnäringens framtid',
        kind: 'COLLABORATION',
        kindSv: expect.any(String),
        sectors: ['ACADEMIA', 'PUBLIC_SECTOR'],
        members: 2,
      },
    ]);
  });

  it('lists all 15 municipalities of the county, zeros included, and the rest apart', () => {
    expect(figures.municipalities).toHaveLength(15);
    const municipality = (code: string) => figures.municipalities.find((m) => m.code === code)!;
    expect(municipality('2480')).toMatchObject({
      nameSv: 'Umeå',
      subRegion: 'UMEA_REGION',
      engaged: { current: 1, previousQuarter: 1, yearEarlier: 0 },
      participants: { current: 1, previousQuarter: 1, yearEarlier: 0 },
    });
    expect(municipality('2482')).toMatchObject({
      engaged: { current: 2, previousQuarter: 1, yearEarlier: 1 },
      participants: { current: 2, previousQuarter: 0, yearEarlier: 0 },
    });
    expect(municipality('2463')).toMatchObject({
      nameSv: 'Åsele',
      engaged: { current: 0, previousQuarter: 0, yearEarlier: 0 },
    });
    const region = (code: string) => figures.subRegions.find((r) => r.code === code)!;
    expect(region('INLAND').engaged.current).toBe(1);
    expect(region('SKELLEFTEA').engaged.current).toBe(2);
    expect(figures.outsideCounty).toEqual({
      engaged: { current: 1, previousQuarter: 1, yearEarlier: 1 },
      participants: { current: 0, previousQuarter: 1, yearEarlier: 0 },
    });
    expect(figures.unknownLocation).toEqual({
      engaged: { current: 0, previousQuarter: 0, yearEarlier: 1 },
      participants: { current: 0, previousQuarter: 0, yearEarlier: 1 },
    });
  });

  it('follows gender balance among participants and on stage, per place and over four quarters', () => {
    const split = (counts: { count: number }[]) => steps(counts); // WOMAN, MAN, NON_BINARY, NOT_STATED
    expect(split(figures.gender.participants)).toEqual([1, 1, 1, 0]);
    expect(split(figures.gender.onStage)).toEqual([1, 1, 1, 0]);
    const lycksele = figures.gender.perMeetingPlace.find((p) => p.code === 'MOTESPLATS_LYCKSELE')!;
    expect(split(lycksele.participants)).toEqual([1, 1, 1, 0]);
    expect(split(lycksele.onStage)).toEqual([0, 1, 1, 0]);
    const grand = figures.gender.perMeetingPlace.find((p) => p.code === 'GRAND_HOTEL')!;
    expect(split(grand.participants)).toEqual([1, 0, 0, 0]); // the organisation is not a person
    expect(split(grand.onStage)).toEqual([1, 0, 0, 0]);
    expect(
      figures.gender.lastFourQuarters.map((q) => [q.label, split(q.participants), split(q.onStage)]),
    ).toEqual([
      ['2025 K4', [0, 0, 0, 0], [0, 0, 0, 0]],
      ['2026 K1', [0, 0, 0, 0], [0, 0, 0, 0]],
      ['2026 K2', [1, 0, 0, 1], [0, 0, 0, 1]],
      ['2026 K3', [1, 1, 1, 0], [1, 1, 1, 0]],
    ]);
  });

  it('names organisations that reached step 5 and only counts persons, per sector and meeting place', () => {
    expect(figures.formatVersion).toBe(2);
    expect(figures.reachedInfluence).toEqual([
      {
        kind: 'ORGANISATION',
        descriptionSv: 'Skellefteå kommun',
        reachedOn: '2026-09-01',
        reasonSv: 'Påverkan och handling: en medarbetare påverkade policy 2026-09-01',
      },
    ]);
    // P5 (public sector) reached step 5 and attended Mötesplats Lycksele in the quarter.
    expect(figures.reachedInfluencePersons).toMatchObject({
      total: 1,
      perSector: expect.arrayContaining([
        { sector: 'PUBLIC_SECTOR', labelSv: 'Offentlig sektor', count: 1 },
        { sector: 'ACADEMIA', labelSv: 'Akademi', count: 0 },
      ]),
    });
    const places = Object.fromEntries(
      figures.reachedInfluencePersons!.perMeetingPlace.map((p) => [p.code ?? 'NONE', p.count]),
    );
    expect(places).toEqual({
      GRAND_HOTEL: 0,
      MOTESPLATS_LYCKSELE: 1,
      ALMEDALEN: 0,
      DIGITALA_VASTERBOTTEN: 0,
      NONE: 0,
    });
    expect(JSON.stringify(figures)).not.toMatch(/Person (Ett|Två|Tre|Fyra|Fem)|Utvecklingschef/);
  });

  it('keeps the persons behind every count, for disclosure control', () => {
    const persons = figures.personCounts!;
    // Engaged at the quarter's end: 5 actors, 4 persons (Skellefteå kommun is an organisation).
    expect(persons['engaged@2026 K3']).toBe(4);
    expect(persons['engagedIn:2482@2026 K3']).toBe(1); // Skellefteå: the kommun and P5
    expect(persons['step@2026 K3:INFLUENCE']).toBe(1);
    expect(persons['unique:GRAND_HOTEL@2026 K3']).toBe(1); // P1 and the organisation O1
    expect(persons['move:NONE>INFLUENCE']).toBe(0); // O1 came onto the ladder at step 5
    expect(persons['initiative:0']).toBe(1); // Skogsnäringens framtid: P1 and O1
    expect(persons['reached']).toBe(1);
  });

  it('gives the committee no count of 1 or 2 persons, and staff every number', () => {
    const committee = discloseReport(figures, 3).figures;
    expect(committee.summary.engagedActors.current).toBe(5);
    expect(committee.ladder.atEnd.map((s) => s.count)).toEqual([0, null, null, 0, null]);
    expect(committee.municipalities.find((m) => m.code === '2482')!.engaged.current).toBeNull();
    expect(committee.reachedInfluencePersons!.total).toBeNull();
    expect(exactReport(figures).figures.ladder.atEnd.map((s) => s.count)).toEqual([0, 2, 1, 0, 2]);
  });
});
