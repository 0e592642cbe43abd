import { EntityManager } from 'typeorm';
import { ParticipationEntity } from '../entities';
import { hydrate, likeContains } from '../sql';
import { visibleActorSql } from './actor.repository';

export interface GroupCountRow {
  group: string;
  count: number;
}

/** One event's attendance: the totals and who is in the room (the ATTENDED), split four ways. */
export interface EventAttendanceRow {
  registered: number;
  attended: number;
  noShows: number;
  walkIns: number;
  byRole: GroupCountRow[];
  bySector: GroupCountRow[];
  byMunicipality: GroupCountRow[];
  byGender: GroupCountRow[];
}

export const CHECK_IN_SEARCH_LIMIT = 20;

type Dimension = 'TOTAL' | 'ROLE' | 'SECTOR' | 'MUNICIPALITY' | 'GENDER';

/** At the door: finding a participant while typing, and the event's head count. */
export class AttendanceRepository {
  constructor(private readonly em: EntityManager) {}

  async eventExists(eventId: string): Promise<boolean> {
    const [row] = await this.em.query(`SELECT EXISTS (SELECT 1 FROM event WHERE id = $1) AS found`, [
      eventId,
    ]);
    return row.found;
  }

  /**
   * The event's participations (any status) whose person has every token as a substring of the
   * folded name, email or organisation name; accents and case ignored through search_fold(), LIKE
   * wildcards in the tokens taken literally. Ranked: the name starts with the query, then a word of
   * the name starts with a token, then the rest; then by name.
   *
   * The event's participants are collected first (a materialised CTE, by the event's index) and
   * only then filtered: the planner cannot estimate a LIKE over typed text and would otherwise start
   * from all actors. Restricted persons are found only by a viewer who may see them.
   */
  async checkInSearch(
    eventId: string,
    tokens: readonly string[],
    limit = CHECK_IN_SEARCH_LIMIT,
    seesRestricted = false,
  ): Promise<ParticipationEntity[]> {
    const rows = await this.em.query(
      `WITH candidates AS MATERIALIZED (
         SELECT p.*, a.name AS actor_name,
           CASE WHEN a.kind = 'PERSON' THEN a.match_key ELSE person_name_key(a.name) END AS name_key,
           a.search_text || ' ' || coalesce(o.search_text, '') AS haystack
         FROM participation p
         JOIN actor a ON a.id = p.actor_id
         LEFT JOIN actor o ON o.id = a.organisation_id
         WHERE p.event_id = $1 AND ${visibleActorSql('a', seesRestricted)}
       )
       SELECT c.* FROM candidates c
       WHERE c.haystack LIKE ALL (ARRAY(SELECT search_fold(pattern) FROM unnest($2::text[]) AS pattern))
       ORDER BY
         CASE
           WHEN c.name_key LIKE (SELECT nullif(person_name_key($3), '')) || '%' THEN 0
           WHEN ' ' || c.name_key LIKE ANY (
             ARRAY(SELECT '% ' || word.key || '%'
                   FROM (SELECT person_name_key(token) AS key FROM unnest($4::text[]) AS token) word
                   WHERE word.key <> '')) THEN 1
           ELSE 2
         END,
         c.actor_name, c.id
       LIMIT $5`,
      [eventId, tokens.map(likeContains), tokens.join(' '), tokens, limit],
    );
    return hydrate(this.em, ParticipationEntity, rows);
  }

  /**
   * The totals and the splits of the attended in one statement (grouping sets); null when there is
   * no such event. Splits are stable codes: enum values, 4-digit municipality codes, OUTSIDE_SWEDEN,
   * UNKNOWN (a Swedish actor without municipality) and NOT_STATED (no gender).
   */
  async eventAttendance(eventId: string): Promise<EventAttendanceRow | null> {
    const rows: {
      dimension: Dimension;
      group: string | null;
      participants: number;
      attended: number;
      registered: number;
      no_shows: number;
      walk_ins: number;
    }[] = await this.em.query(
      `WITH attendance AS (
         SELECT p.role, p.status, p.source, a.sector,
           CASE WHEN a.country <> 'SE' THEN 'OUTSIDE_SWEDEN'
                ELSE coalesce(a.municipality_code::text, 'UNKNOWN') END AS municipality,
           coalesce(a.gender, 'NOT_STATED') AS gender
         FROM event e
         LEFT JOIN participation p ON p.event_id = e.id
         LEFT JOIN actor a ON a.id = p.actor_id
         WHERE e.id = $1
       )
       SELECT
         CASE WHEN GROUPING(role) = 0 THEN 'ROLE'
              WHEN GROUPING(sector) = 0 THEN 'SECTOR'
              WHEN GROUPING(municipality) = 0 THEN 'MUNICIPALITY'
              WHEN GROUPING(gender) = 0 THEN 'GENDER'
              ELSE 'TOTAL' END AS dimension,
         coalesce(role, sector, municipality, gender) AS "group",
         count(*)::int AS participants,
         count(*) FILTER (WHERE status = 'ATTENDED')::int AS attended,
         count(*) FILTER (WHERE source <> 'WALK_IN' AND status <> 'CANCELLED')::int AS registered,
         count(*) FILTER (WHERE source <> 'WALK_IN' AND status IN ('REGISTERED', 'NO_SHOW'))::int AS no_shows,
         count(*) FILTER (WHERE source = 'WALK_IN' AND status <> 'CANCELLED')::int AS walk_ins
       FROM attendance
       GROUP BY GROUPING SETS ((), (role), (sector), (municipality), (gender))
       HAVING GROUPING(role, sector, municipality, gender) = 15 OR count(*) FILTER (WHERE status = 'ATTENDED') > 0`,
      [eventId],
    );
    const total = rows.find((r) => r.dimension === 'TOTAL');
    // Without the event the grand total still answers, over no rows at all.
    if (!total || total.participants === 0) return null;
    const split = (dimension: Dimension): GroupCountRow[] =>
      rows
        .filter((r) => r.dimension === dimension)
        .map((r) => ({ group: r.group as string, count: r.attended }))
        .sort((a, b) => b.count - a.count || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    return {
      registered: total.registered,
      attended: total.attended,
      noShows: total.no_shows,
      walkIns: total.walk_ins,
      byRole: split('ROLE'),
      bySector: split('SECTOR'),
      byMunicipality: split('MUNICIPALITY'),
      byGender: split('GENDER'),
    };
  }
}
