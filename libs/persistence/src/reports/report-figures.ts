import {
  ActorKind,
  Compared,
  COUNTY_MUNICIPALITIES,
  describeReason,
  Gender,
  GenderCount,
  InitiativeKind,
  initiativeKindLabelSv,
  LADDER_STEPS,
  LadderStep,
  LadderReasonRef,
  largestChanges,
  MEETING_PLACES,
  MeetingPlaceCode,
  MovementCell,
  Quarter,
  ReachedInfluencePersons,
  REPORT_FIGURES_FORMAT,
  reportChangeCandidates,
  reportCounts,
  quarterLabel,
  quarterPeriod,
  ReachedInfluence,
  ReportFigures,
  Sector,
  sectorLabelSv,
  shiftQuarter,
  stepOf,
  StepCount,
  SUB_REGIONS,
  subRegionOf,
} from '@crm/domain';
import { EntityManager } from 'typeorm';

/** Offsets of the quarters a report looks at: the quarter, the four before (a year earlier is −4). */
const OFFSETS = [0, -1, -2, -3, -4] as const;
const CURRENT = 0;
const PREVIOUS = -1;
const YEAR_EARLIER = -4;
const ON_STAGE = ['SPEAKER', 'MODERATOR', 'PANELIST'];
const GENDERS = [Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.NOT_STATED];
/** The committee document names at most this many organisations that reached step 5. */
export const MAX_REACHED_INFLUENCE = 200;

interface SnapshotRow {
  idx: number;
  kind: ActorKind;
  sector: Sector;
  municipality_code: string | null;
  country: string;
  step: number;
  count: number;
}

type ByOffset<T> = Map<number, T>;

const zeroSteps = (): StepCount[] => LADDER_STEPS.map((step) => ({ step, count: 0 }));
const compared = (values: ByOffset<number>): Compared => ({
  current: values.get(CURRENT) ?? 0,
  previousQuarter: values.get(PREVIOUS) ?? 0,
  yearEarlier: values.get(YEAR_EARLIER) ?? 0,
});

function add<K>(map: Map<K, number>, key: K, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** How one group of counts reads across the report's quarters: group key → offset → count. */
class Tally {
  private readonly counts = new Map<string, Map<number, number>>();

  add(key: string, offset: number, count: number): void {
    let byOffset = this.counts.get(key);
    if (!byOffset) this.counts.set(key, (byOffset = new Map()));
    add(byOffset, offset, count);
  }

  get(key: string, offset: number): number {
    return this.counts.get(key)?.get(offset) ?? 0;
  }

  compared(key: string): Compared {
    return compared(this.counts.get(key) ?? new Map());
  }
}

/**
 * Computes a quarter's report figures from the ladder timeline and the participations, as they
 * stand now. Run it in one REPEATABLE READ transaction so every figure sees the same data; the
 * caller freezes the result with the report.
 *
 * Aggregates only, except the step-5 list, which names organisations; persons who reached step 5
 * are only counted (per sector and meeting place). Every count is computed twice over the same
 * rows, for all actors and for persons alone: the persons behind each count (`personCounts`) are
 * what disclosure control must not let fall to 1..k−1.
 */
export async function computeReportFigures(em: EntityManager, q: Quarter): Promise<ReportFigures> {
  const quarters = new Map<number, Quarter>(OFFSETS.map((o) => [o, shiftQuarter(q, o)]));
  const period = (o: number) => quarterPeriod(quarters.get(o)!);
  const offsets = [...OFFSETS];
  const starts = offsets.map((o) => period(o).start);
  const ends = offsets.map((o) => period(o).end);

  // 1. Who stood on which step at each quarter's end, grouped by what the sections split by.
  const snapshot: SnapshotRow[] = await em.query(
    `SELECT q.idx, a.kind, a.sector, a.municipality_code, a.country, lp.step, count(*)::int AS count
     FROM unnest($1::int[], $2::date[]) AS q(idx, day)
     JOIN ladder_period lp ON lp.valid_from <= q.day AND (lp.valid_to IS NULL OR lp.valid_to > q.day)
     JOIN actor a ON a.id = lp.actor_id
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [offsets, ends],
  );

  // 2. Movement through each quarter: from where actors stood when it began (the day before its
  // first day) to where they stand on its last, for the quarter, the one before and a year
  // earlier; the full matrix for the quarter itself. A change dated on the 1st is this quarter's.
  const compareOffsets = [CURRENT, PREVIOUS, YEAR_EARLIER];
  const movementRows: {
    idx: number;
    kind: ActorKind;
    from: number | null;
    to: number | null;
    count: number;
  }[] = await em.query(
    `SELECT q.idx, a.kind, m.from_step AS "from", m.to_step AS "to", count(*)::int AS count
     FROM unnest($1::int[], $2::date[], $3::date[]) AS q(idx, start_day, end_day)
     CROSS JOIN LATERAL (
       SELECT actor_id, f.step AS from_step, t.step AS to_step
       FROM (SELECT actor_id, step FROM ladder_period
             WHERE valid_from < q.start_day AND (valid_to IS NULL OR valid_to >= q.start_day)) f
       FULL JOIN (SELECT actor_id, step FROM ladder_period
                  WHERE valid_from <= q.end_day AND (valid_to IS NULL OR valid_to > q.end_day)) t
         USING (actor_id)
     ) m
     JOIN actor a ON a.id = m.actor_id
     GROUP BY 1, 2, 3, 4`,
    [compareOffsets, compareOffsets.map((o) => period(o).start), compareOffsets.map((o) => period(o).end)],
  );

  // 3. New on the ladder: engaged at the quarter's end, never on the ladder before it began.
  const newRows: { idx: number; kind: ActorKind; count: number }[] = await em.query(
    `WITH first AS (SELECT actor_id, min(valid_from) AS first_on FROM ladder_period GROUP BY actor_id)
     SELECT q.idx, a.kind, count(*)::int AS count
     FROM unnest($1::int[], $2::date[], $3::date[]) AS q(idx, start_day, end_day)
     JOIN ladder_period lp ON lp.valid_from <= q.end_day AND (lp.valid_to IS NULL OR lp.valid_to > q.end_day)
     JOIN first f ON f.actor_id = lp.actor_id AND f.first_on >= q.start_day
     JOIN actor a ON a.id = lp.actor_id
     GROUP BY 1, 2`,
    [offsets, starts, ends],
  );

  // 4. Who attended where in each of the five quarters, once per (quarter, actor, meeting place)
  // with how often: one pass over the participations for the transaction, then every attendance
  // figure reads this small table.
  await em.query(`DROP TABLE IF EXISTS report_presence`);
  await em.query(
    `CREATE TEMP TABLE report_presence ON COMMIT DROP AS
     SELECT q.idx, p.actor_id, e.meeting_place, count(*)::int AS attendances,
            bool_or(p.role = ANY ($4::text[])) AS on_stage,
            min(a.kind) AS kind, min(a.gender) AS gender, min(a.municipality_code) AS municipality_code,
            min(a.country) AS country
     FROM unnest($1::int[], $2::date[], $3::date[]) AS q(idx, start_day, end_day)
     JOIN event e ON e.starts_at >= (q.start_day::timestamp AT TIME ZONE 'Europe/Stockholm')
                 AND e.starts_at < ((q.end_day + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')
     JOIN participation p ON p.event_id = e.id AND p.status = 'ATTENDED'
     JOIN actor a ON a.id = p.actor_id
     GROUP BY q.idx, p.actor_id, e.meeting_place`,
    [offsets, starts, ends, ON_STAGE],
  );
  await em.query(`ANALYZE report_presence`);

  const eventsHeld: { idx: number; meeting_place: MeetingPlaceCode; count: number }[] = await em.query(
    `SELECT q.idx, e.meeting_place, count(*)::int AS count
     FROM unnest($1::int[], $2::date[], $3::date[]) AS q(idx, start_day, end_day)
     JOIN event e ON e.starts_at >= (q.start_day::timestamp AT TIME ZONE 'Europe/Stockholm')
                 AND e.starts_at < ((q.end_day + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')
     GROUP BY 1, 2`,
    [offsets, starts, ends],
  );

  const placeRows: {
    idx: number;
    kind: ActorKind;
    meeting_place: MeetingPlaceCode;
    attendance: number;
    unique: number;
    new: number;
  }[] = await em.query(
    // Everyone's first attendance in one hash aggregate: at national scale three times faster than
    // looking up the history of each of the quarters' participants.
    `WITH first AS MATERIALIZED (
         SELECT p.actor_id, min(e.starts_at) AS first_at
         FROM participation p JOIN event e ON e.id = p.event_id
         WHERE p.status = 'ATTENDED'
         GROUP BY p.actor_id)
       SELECT r.idx, r.kind, r.meeting_place, sum(r.attendances)::int AS attendance, count(*)::int AS unique,
              count(*) FILTER (
                WHERE f.first_at >= (q.start_day::timestamp AT TIME ZONE 'Europe/Stockholm'))::int AS new
       FROM report_presence r
       JOIN first f ON f.actor_id = r.actor_id
       JOIN unnest($1::int[], $2::date[]) AS q(idx, start_day) ON q.idx = r.idx
       GROUP BY 1, 2, 3`,
    [offsets, starts],
  );

  const synergyRows: { idx: number; kind: ActorKind; count: number }[] = await em.query(
    `SELECT idx, kind, count(*)::int AS count FROM (
       SELECT idx, actor_id, min(kind) AS kind FROM report_presence GROUP BY 1, 2 HAVING count(*) >= 2) s
     GROUP BY 1, 2`,
  );

  const placeMix: { kind: ActorKind; meeting_place: MeetingPlaceCode; step: number | null; count: number }[] =
    await em.query(
      `SELECT r.kind, r.meeting_place, lp.step, count(*)::int AS count
     FROM (SELECT meeting_place, actor_id, kind FROM report_presence WHERE idx = 0) r
     LEFT JOIN ladder_period lp ON lp.actor_id = r.actor_id
       AND lp.valid_from <= $1::date AND (lp.valid_to IS NULL OR lp.valid_to > $1::date)
     GROUP BY 1, 2, 3`,
      [period(CURRENT).end],
    );

  const participantRows: {
    idx: number;
    kind: ActorKind;
    municipality_code: string | null;
    country: string;
    count: number;
  }[] = await em.query(
    `SELECT idx, kind, municipality_code, country, count(DISTINCT actor_id)::int AS count
       FROM report_presence GROUP BY 1, 2, 3, 4`,
  );

  const genderRows: {
    idx: number;
    meeting_place: MeetingPlaceCode | null;
    gender: Gender;
    participants: number;
    on_stage: number;
  }[] = await em.query(
    `SELECT idx, meeting_place, coalesce(gender, 'NOT_STATED') AS gender,
            count(DISTINCT actor_id)::int AS participants,
            count(DISTINCT actor_id) FILTER (WHERE on_stage)::int AS on_stage
     FROM report_presence WHERE kind = 'PERSON' AND idx >= -3
     GROUP BY GROUPING SETS ((idx, gender), (idx, meeting_place, gender))`,
  );

  // 5. Initiatives active in the quarter whose members span two or more sectors.
  const initiatives: {
    name: string;
    kind: InitiativeKind;
    sectors: Sector[];
    members: number;
    person_members: number;
  }[] = await em.query(
    `SELECT i.name, i.kind, array_agg(DISTINCT a.sector ORDER BY a.sector) AS sectors,
              count(DISTINCT m.actor_id)::int AS members,
              count(DISTINCT m.actor_id) FILTER (WHERE a.kind = 'PERSON')::int AS person_members
       FROM initiative i
       JOIN initiative_membership m ON m.initiative_id = i.id
         AND m.joined_on <= $2::date AND (m.left_on IS NULL OR m.left_on >= $1::date)
       JOIN actor a ON a.id = m.actor_id
       GROUP BY i.id HAVING count(DISTINCT a.sector) >= 2
       ORDER BY members DESC, i.name, i.id`,
    [period(CURRENT).start, period(CURRENT).end],
  );

  // 6. Who reached step 5 in the quarter: organisations by name with the rule's evidence; persons
  // only counted, per sector and per meeting place where they attended in the quarter.
  const reachedInfluence = await organisationsReachingStepFive(em, period(CURRENT));
  const reachedInfluencePersons = await personsReachingStepFive(em, period(CURRENT));

  const label = (o: number) => quarterLabel(quarters.get(o)!);
  const genderCounts = (idx: number, place: MeetingPlaceCode | null, field: 'participants' | 'on_stage') =>
    GENDERS.map((gender): GenderCount => ({
      gender,
      count: genderRows
        .filter((r) => r.idx === idx && r.meeting_place === place && r.gender === gender)
        .reduce((sum, r) => sum + r[field], 0),
    }));

  /** Every count from the rows, of all actors or (`personsOnly`) of persons alone. */
  const assemble = (personsOnly: boolean): ReportFigures => {
    const counted = (kind: ActorKind) => !personsOnly || kind === ActorKind.PERSON;
    const engaged = new Map<number, number>();
    const steps = new Tally();
    const sectorSteps = new Tally();
    const areas = new Tally(); // engaged per municipality code / 'OUTSIDE' / 'UNKNOWN'
    for (const row of snapshot) {
      if (!counted(row.kind)) continue;
      add(engaged, row.idx, row.count);
      steps.add(String(row.step), row.idx, row.count);
      sectorSteps.add(`${row.sector}:${row.step}`, row.idx, row.count);
      sectorSteps.add(row.sector, row.idx, row.count);
      areas.add(areaOf(row.municipality_code, row.country), row.idx, row.count);
    }
    const stepCounts = (offset: number): StepCount[] =>
      LADDER_STEPS.map((step, i) => ({ step, count: steps.get(String(i + 1), offset) }));

    const movedUp = new Map<number, number>();
    const movedDown = new Map<number, number>();
    const passiveToActive = new Map<number, number>();
    const cells = new Map<string, MovementCell>();
    for (const row of movementRows) {
      if (!counted(row.kind)) continue;
      if (row.from !== null && row.to !== null && row.to > row.from) add(movedUp, row.idx, row.count);
      if (row.from !== null && row.to !== null && row.to < row.from) add(movedDown, row.idx, row.count);
      if (row.from !== null && row.from <= 2 && row.to !== null && row.to >= 3)
        add(passiveToActive, row.idx, row.count);
      if (row.idx === CURRENT && (row.from !== null || row.to !== null)) {
        const key = `${row.from}:${row.to}`;
        const cell = cells.get(key);
        if (cell) cell.count += row.count;
        else cells.set(key, { from: stepOf(row.from ?? 0), to: stepOf(row.to ?? 0), count: row.count });
      }
    }
    const movement = [...cells.values()].sort(
      (a, b) => level(a.from) - level(b.from) || level(a.to) - level(b.to),
    );

    const newActors = new Map<number, number>();
    for (const r of newRows) if (counted(r.kind)) add(newActors, r.idx, r.count);

    const places = new Tally(); // `${code}:events|attendance|unique|new`
    // Events are not actors: the same in both.
    for (const r of eventsHeld) places.add(`${r.meeting_place}:events`, r.idx, r.count);
    for (const r of placeRows) {
      if (!counted(r.kind)) continue;
      places.add(`${r.meeting_place}:attendance`, r.idx, r.attendance);
      places.add(`${r.meeting_place}:unique`, r.idx, r.unique);
      places.add(`${r.meeting_place}:new`, r.idx, r.new);
    }
    const synergy = new Map<number, number>();
    for (const r of synergyRows) if (counted(r.kind)) add(synergy, r.idx, r.count);
    const participants = new Tally();
    for (const r of participantRows) {
      if (counted(r.kind)) participants.add(areaOf(r.municipality_code, r.country), r.idx, r.count);
    }

    const meetingPlaces = MEETING_PLACES.map((place) => {
      const mix = zeroSteps();
      for (const r of placeMix) {
        if (r.meeting_place === place.code && r.step && counted(r.kind)) mix[r.step - 1].count += r.count;
      }
      return {
        code: place.code,
        nameSv: place.name,
        eventsHeld: places.compared(`${place.code}:events`),
        attendance: places.compared(`${place.code}:attendance`),
        uniqueActors: places.compared(`${place.code}:unique`),
        newActors: places.compared(`${place.code}:new`),
        ladderMix: mix,
      };
    });
    const sectors = Object.values(Sector).map((sector) => ({
      sector,
      labelSv: sectorLabelSv[sector],
      ladderMix: LADDER_STEPS.map((step, i) => ({
        step,
        count: sectorSteps.get(`${sector}:${i + 1}`, CURRENT),
      })),
      engaged: sectorSteps.compared(sector),
    }));
    const area = (key: string) => ({
      engaged: areas.compared(key),
      participants: participants.compared(key),
    });
    const municipalities = COUNTY_MUNICIPALITIES.map((m) => ({
      code: m.code,
      nameSv: m.nameSv,
      subRegion: subRegionOf(m.code)!,
      ...area(m.code),
    }));
    const sumAreas = (codes: readonly string[], pick: 'engaged' | 'participants'): Compared => {
      const total: Compared = { current: 0, previousQuarter: 0, yearEarlier: 0 };
      for (const code of codes) {
        const value = area(code)[pick];
        total.current += value.current;
        total.previousQuarter += value.previousQuarter;
        total.yearEarlier += value.yearEarlier;
      }
      return total;
    };

    const figures: ReportFigures = {
      formatVersion: REPORT_FIGURES_FORMAT,
      year: q.year,
      quarter: q.quarter,
      periodStart: period(CURRENT).start,
      periodEnd: period(CURRENT).end,
      previousLabel: label(PREVIOUS),
      yearEarlierLabel: label(YEAR_EARLIER),
      summary: {
        engagedActors: compared(engaged),
        newActors: compared(newActors),
        movedUp: compared(movedUp),
        movedDown: compared(movedDown),
        passiveToActive: compared(passiveToActive),
        largestChanges: [],
      },
      ladder: {
        atEnd: stepCounts(CURRENT),
        atEndPreviousQuarter: stepCounts(PREVIOUS),
        atEndYearEarlier: stepCounts(YEAR_EARLIER),
        movement,
        history: [...OFFSETS].reverse().map((o) => ({ label: label(o), steps: stepCounts(o) })),
      },
      meetingPlaces,
      synergy: compared(synergy),
      sectors,
      crossSectorInitiatives: initiatives.map((i) => ({
        name: i.name,
        kind: i.kind,
        kindSv: initiativeKindLabelSv[i.kind],
        sectors: i.sectors,
        members: personsOnly ? i.person_members : i.members,
      })),
      municipalities,
      subRegions: SUB_REGIONS.map((r) => ({
        code: r.code,
        nameSv: r.nameSv,
        engaged: sumAreas(r.municipalityCodes, 'engaged'),
        participants: sumAreas(r.municipalityCodes, 'participants'),
      })),
      outsideCounty: area('OUTSIDE'),
      unknownLocation: area('UNKNOWN'),
      // Persons only already.
      gender: {
        participants: genderCounts(CURRENT, null, 'participants'),
        onStage: genderCounts(CURRENT, null, 'on_stage'),
        perMeetingPlace: MEETING_PLACES.map((place) => ({
          code: place.code,
          nameSv: place.name,
          participants: genderCounts(CURRENT, place.code, 'participants'),
          onStage: genderCounts(CURRENT, place.code, 'on_stage'),
        })),
        lastFourQuarters: [-3, -2, -1, 0].map((o) => ({
          label: label(o),
          participants: genderCounts(o, null, 'participants'),
          onStage: genderCounts(o, null, 'on_stage'),
        })),
      },
      reachedInfluence: personsOnly ? [] : reachedInfluence,
      reachedInfluencePersons,
    };
    figures.summary.largestChanges = largestChanges(reportChangeCandidates(figures), label(PREVIOUS));
    return figures;
  };

  const figures = assemble(false);
  figures.personCounts = Object.fromEntries(reportCounts(assemble(true)));
  return figures;
}

function level(step: string | null): number {
  return step ? LADDER_STEPS.indexOf(step as (typeof LADDER_STEPS)[number]) + 1 : 0;
}

/** A county municipality by its code; anything else is outside the county, or of unknown place. */
function areaOf(municipalityCode: string | null, country: string): string {
  if (municipalityCode && subRegionOf(municipalityCode)) return municipalityCode;
  if (municipalityCode || country !== 'SE') return 'OUTSIDE';
  return 'UNKNOWN';
}

async function personsReachingStepFive(
  em: EntityManager,
  period: { start: string; end: string },
): Promise<ReachedInfluencePersons> {
  const rows: { by: 'sector' | 'place'; key: string; count: number }[] = await em.query(
    `WITH reached AS (
       SELECT DISTINCT lp.actor_id, a.sector FROM ladder_period lp JOIN actor a ON a.id = lp.actor_id
       WHERE lp.step = 5 AND lp.valid_from BETWEEN $1::date AND $2::date AND a.kind = 'PERSON')
     SELECT 'sector' AS by, sector::text AS key, count(*)::int AS count FROM reached GROUP BY 2
     UNION ALL
     SELECT 'place', coalesce(p.meeting_place::text, 'NONE'), count(DISTINCT r.actor_id)::int
     FROM reached r LEFT JOIN report_presence p ON p.actor_id = r.actor_id AND p.idx = 0
     GROUP BY 2`,
    [period.start, period.end],
  );
  const count = (by: string, key: string) => rows.find((r) => r.by === by && r.key === key)?.count ?? 0;
  const perSector = Object.values(Sector).map((sector) => ({
    sector,
    labelSv: sectorLabelSv[sector],
    count: count('sector', sector),
  }));
  return {
    total: perSector.reduce((sum, s) => sum + s.count, 0),
    perSector,
    perMeetingPlace: [
      ...MEETING_PLACES.map((place) => ({
        code: place.code,
        nameSv: place.name,
        count: count('place', place.code),
      })),
      { code: null, nameSv: 'Ingen mötesplats under kvartalet', count: count('place', 'NONE') },
    ],
  };
}

async function organisationsReachingStepFive(
  em: EntityManager,
  period: { start: string; end: string },
): Promise<ReachedInfluence[]> {
  const rows: {
    kind: ActorKind;
    actor_id: string;
    name: string;
    valid_from: string;
    reasons: LadderReasonRef[];
  }[] = await em.query(
    `SELECT DISTINCT ON (lp.actor_id) lp.actor_id, a.kind, a.name,
            to_char(lp.valid_from, 'YYYY-MM-DD') AS valid_from, lp.reasons
     FROM ladder_period lp
     JOIN actor a ON a.id = lp.actor_id
     WHERE lp.step = 5 AND lp.valid_from BETWEEN $1::date AND $2::date AND a.kind = 'ORGANISATION'
     ORDER BY lp.actor_id, lp.valid_from`,
    [period.start, period.end],
  );
  rows.sort((a, b) => a.valid_from.localeCompare(b.valid_from) || a.actor_id.localeCompare(b.actor_id));
  const shown = rows.slice(0, MAX_REACHED_INFLUENCE);
  const reasons = shown.map(
    (r) => r.reasons.find((reason) => reason.rule === LadderStep.INFLUENCE) ?? r.reasons[0],
  );
  const eventIds = [...new Set(reasons.map((r) => r?.eventId).filter(Boolean))];
  const initiativeIds = [...new Set(reasons.map((r) => r?.initiativeId).filter(Boolean))];
  const events = new Map<string, string>(
    (await em.query(`SELECT id, title FROM event WHERE id = ANY ($1::uuid[])`, [eventIds])).map(
      (e: { id: string; title: string }) => [e.id, e.title],
    ),
  );
  const initiatives = new Map<string, string>(
    (await em.query(`SELECT id, name FROM initiative WHERE id = ANY ($1::uuid[])`, [initiativeIds])).map(
      (i: { id: string; name: string }) => [i.id, i.name],
    ),
  );
  return shown.map((row, i) => {
    const reason = reasons[i];
    const described = reason
      ? describeReason(reason, {
          eventTitle: reason.eventId ? events.get(reason.eventId) : null,
          initiativeName: reason.initiativeId ? initiatives.get(reason.initiativeId) : null,
          // One of an organisation's people: never by name in the committee's document.
          viaPersonName: reason.actorId && reason.actorId !== row.actor_id ? 'en medarbetare' : null,
        }).textSv
      : 'Påverkan och handling';
    return { kind: row.kind, descriptionSv: row.name, reachedOn: row.valid_from, reasonSv: described };
  });
}
