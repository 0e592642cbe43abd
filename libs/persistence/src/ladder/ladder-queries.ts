import { CalendarDate, requireSubRegion } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { Where } from '../sql';

export interface LadderFilter {
  sector?: string | null;
  municipalityCode?: string | null;
  subRegion?: string | null;
  meetingPlace?: string | null;
  kind?: string | null;
}

export type Grouping = 'NONE' | 'SECTOR' | 'MUNICIPALITY' | 'MEETING_PLACE' | 'KIND' | 'GENDER';

export interface DistributionRow {
  group: string;
  step: number;
  count: number;
  /** Of `count`, how many are persons (only when asked for: `withPersons`). */
  persons?: number;
}

export interface TransitionRow {
  from: number | null;
  to: number | null;
  count: number;
  /** Of `count`, how many are persons (only when asked for: `withPersons`). */
  persons?: number;
}

/** Ask the aggregates to count persons apart (disclosure control needs them; it costs a join). */
export interface AggregateOptions {
  withPersons?: boolean;
}

const PERSONS = `, count(*) FILTER (WHERE a.kind = 'PERSON')::int AS persons`;

/** The conditions a ladder filter puts on actor `a` (as of `day` for the meeting place). */
export function ladderFilterConditions(where: Where, filter: LadderFilter, day: CalendarDate | null): void {
  if (filter.sector) where.and(`a.sector = ${where.param(filter.sector)}`);
  if (filter.kind) where.and(`a.kind = ${where.param(filter.kind)}`);
  if (filter.municipalityCode) where.and(`a.municipality_code = ${where.param(filter.municipalityCode)}`);
  if (filter.subRegion) {
    const region = requireSubRegion(filter.subRegion);
    where.and(`a.municipality_code = ANY (${where.param(region.municipalityCodes)}::text[])`);
  }
  if (filter.meetingPlace) {
    const until = day
      ? `AND (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date <= ${where.param(day)}::date`
      : '';
    where.and(`EXISTS (SELECT 1 FROM participation p JOIN event e ON e.id = p.event_id
      WHERE p.actor_id = a.id AND p.status = 'ATTENDED' AND e.meeting_place = ${where.param(filter.meetingPlace)} ${until})`);
  }
}

const GROUP_EXPRESSIONS: Record<Exclude<Grouping, 'MEETING_PLACE'>, string> = {
  NONE: `'ALL'`,
  SECTOR: 'a.sector',
  KIND: 'a.kind',
  GENDER: `coalesce(a.gender, CASE WHEN a.kind = 'ORGANISATION' THEN 'ORGANISATION' ELSE 'UNKNOWN' END)`,
  MUNICIPALITY: `coalesce(a.municipality_code::text, a.country::text)`,
};

/** Aggregates only: no personal data leaves these queries. */
export class LadderQueries {
  constructor(private readonly em: EntityManager) {}

  /** How many actors stood on each step on `day`, per group. */
  async distribution(
    day: CalendarDate,
    grouping: Grouping,
    filter: LadderFilter,
    options: AggregateOptions = {},
  ): Promise<DistributionRow[]> {
    const persons = options.withPersons ? PERSONS : '';
    const where = new Where();
    where.and(
      `lp.valid_from <= ${where.param(day)}::date AND (lp.valid_to IS NULL OR lp.valid_to > $1::date)`,
    );
    ladderFilterConditions(where, filter, day);
    if (grouping === 'MEETING_PLACE') {
      // An actor counts at every meeting place where they attended an event by that day.
      return this.em.query(
        `SELECT mp.meeting_place AS "group", lp.step, count(*)::int AS count${persons}
         FROM ladder_period lp JOIN actor a ON a.id = lp.actor_id
         JOIN LATERAL (SELECT DISTINCT e.meeting_place FROM participation p JOIN event e ON e.id = p.event_id
                       WHERE p.actor_id = a.id AND p.status = 'ATTENDED'
                         AND (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date <= $1::date) mp ON true
         ${where.toSql()} GROUP BY 1, 2`,
        where.params,
      );
    }
    const needsActor = grouping !== 'NONE' || where.params.length > 1 || options.withPersons;
    return this.em.query(
      `SELECT ${GROUP_EXPRESSIONS[grouping]} AS "group", lp.step, count(*)::int AS count${persons}
       FROM ladder_period lp ${needsActor ? 'JOIN actor a ON a.id = lp.actor_id' : ''}
       ${where.toSql()} GROUP BY 1, 2`,
      where.params,
    );
  }

  /** How many actors went from each step (or not engaged) on `from` to each step on `to`. */
  async transitions(
    from: CalendarDate,
    to: CalendarDate,
    filter: LadderFilter,
    options: AggregateOptions = {},
  ): Promise<TransitionRow[]> {
    const where = new Where();
    where.param(from);
    where.param(to);
    ladderFilterConditions(where, filter, to);
    const filtered = where.params.length > 2 || options.withPersons;
    return this.em.query(
      `WITH f AS (SELECT actor_id, step FROM ladder_period WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)),
            t AS (SELECT actor_id, step FROM ladder_period WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date))
       SELECT f.step AS "from", t.step AS "to", count(*)::int AS count${options.withPersons ? PERSONS : ''}
       FROM f FULL JOIN t USING (actor_id)
       ${filtered ? `JOIN actor a ON a.id = coalesce(f.actor_id, t.actor_id) ${where.toSql()}` : ''}
       GROUP BY 1, 2`,
      where.params,
    );
  }
}
