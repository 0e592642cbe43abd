import { DomainValidationError } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, Page, Where } from '../sql';
import { ACCESS_LOG_RULE, isUnusualVolume } from './unusual-volume';

/** One read of persons' personal data, as the writer hands it over: ids only. */
export interface PersonalDataRead {
  at: Date;
  userId: string;
  /** The GraphQL root field (`actors`) or the export route (`GET /exports/actors.csv`). */
  operation: string;
  /** Distinct ids of actors of kind PERSON, at least one. */
  actorIds: string[];
}

export interface AccessLogEntryRow {
  id: string;
  at: Date;
  /** `at` to the microsecond, for the cursor. */
  atKey: string;
  userId: string;
  userName: string;
  operation: string;
  personCount: number;
  actorIds: string[];
}

export interface AccessLogFilter {
  actorId?: string | null;
  userId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AccessLogWeekUser {
  userId: string;
  userName: string;
  reads: number;
  persons: number;
  baselineMedian: number | null;
  flagged: boolean;
}

export interface AccessLogWeek {
  weekStart: string;
  computedAt: Date;
  reads: number;
  users: number;
  flaggedUsers: number;
  perUser: AccessLogWeekUser[];
}

const ENTRY_KEY = ['timestamp', 'text'] as const;
const cursorOf = (row: AccessLogEntryRow) => encodeCursor('accessLog', [row.atKey, row.id]);
const DIGITS = /^\d{1,18}$/;

/**
 * The one statement that writes reads: a single INSERT of any number of rows (the arrays of the
 * batch unnested), or null when no read has ids.
 */
export function recordStatement(
  reads: readonly PersonalDataRead[],
): { sql: string; params: unknown[]; rows: number } | null {
  const rows = reads.filter((r) => r.actorIds.length > 0);
  if (!rows.length) return null;
  return {
    sql: `INSERT INTO personal_data_access (at, user_id, operation, actor_ids)
          SELECT r.at, r.user_id, r.operation, ARRAY(SELECT jsonb_array_elements_text(r.ids)::uuid)
          FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::jsonb[]) AS r(at, user_id, operation, ids)`,
    params: [
      rows.map((r) => r.at.toISOString()),
      rows.map((r) => r.userId),
      rows.map((r) => r.operation),
      rows.map((r) => JSON.stringify(r.actorIds)),
    ],
    rows: rows.length,
  };
}

/** The access log (personal_data_access) and its weekly follow-up (access_log_summary). */
export class AccessLogRepository {
  constructor(private readonly em: EntityManager) {}

  /** One multi-row INSERT for any number of reads (reads without ids are left out). */
  async record(reads: readonly PersonalDataRead[]): Promise<number> {
    const statement = recordStatement(reads);
    if (!statement) return 0;
    await this.em.query(statement.sql, statement.params);
    return statement.rows;
  }

  /** The ids of the persons (not organisations) among an event's participants, as the export filters them. */
  async participantPersonIds(
    eventId: string,
    filter: { status?: string | null; role?: string | null },
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT DISTINCT a.id FROM participation p JOIN actor a ON a.id = p.actor_id
       WHERE p.event_id = $1 AND a.kind = 'PERSON'
         AND ($2::text IS NULL OR p.status = $2::text)
         AND ($3::text IS NULL OR p.role = $3::text)`,
      [eventId, filter.status ?? null, filter.role ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Newest first (time, then id), with the total; the filter's fields already checked. */
  async page(
    filter: AccessLogFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<AccessLogEntryRow>> {
    const where = new Where();
    if (filter.actorId) where.and(`r.actor_ids @> ARRAY[${where.param(filter.actorId)}::uuid]`);
    if (filter.userId) where.and(`r.user_id = ${where.param(filter.userId)}::uuid`);
    if (filter.from) where.and(`r.at >= ${where.param(filter.from.toISOString())}::timestamptz`);
    if (filter.to) where.and(`r.at <= ${where.param(filter.to.toISOString())}::timestamptz`);
    const countWhere = where.toSql();
    const countParams = [...where.params];
    const key = decodeCursor(after, 'accessLog', ENTRY_KEY);
    if (key) {
      if (!DIGITS.test(key[1]))
        throw new DomainValidationError('after', 'is not a cursor this list produced');
      where.and(
        `(r.at, r.id) < (${where.param(key[0])}::timestamp AT TIME ZONE 'UTC', ${where.param(key[1])}::bigint)`,
      );
    }
    const rows: AccessLogEntryRow[] = await this.em.query(
      `SELECT r.id::text AS id, r.at,
              to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "atKey",
              r.user_id AS "userId", u.name AS "userName", r.operation,
              cardinality(r.actor_ids) AS "personCount", r.actor_ids::text[] AS "actorIds"
       FROM personal_data_access r JOIN app_user u ON u.id = r.user_id
       ${where.toSql()}
       ORDER BY r.at DESC, r.id DESC LIMIT ${where.param(first + 1)}`,
      where.params,
    );
    const [{ count }] = await this.em.query(
      `SELECT count(*)::int AS count FROM personal_data_access r ${countWhere}`,
      countParams,
    );
    return { items: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: count, cursorOf };
  }

  /**
   * Summarises the week from `weekStart` (a Monday) to the next Monday, Europe/Stockholm: per user the
   * reads, the distinct persons, and the flag of ACCESS_LOG_RULE against the user's previous weeks.
   * Replaces an earlier summary of the same week (a retried job changes nothing).
   */
  async summariseWeek(weekStart: string): Promise<AccessLogWeek> {
    const weeks = ACCESS_LOG_RULE.baselineWeeks;
    // back: 0 for the week summarised, 1 the week before, ... `weeks` the earliest of the baseline.
    const counts: { userId: string; back: number; reads: number; persons: number }[] = await this.em.query(
      `WITH bounds AS (
         SELECT (($1::date - 7 * $2::int)::timestamp AT TIME ZONE 'Europe/Stockholm') AS first_at,
                (($1::date + 7)::timestamp AT TIME ZONE 'Europe/Stockholm') AS end_at
       )
       SELECT r.user_id AS "userId",
              ((($1::date + 7) - (r.at AT TIME ZONE 'Europe/Stockholm')::date - 1) / 7)::int AS back,
              count(DISTINCT r.id)::int AS reads, count(DISTINCT x.actor_id)::int AS persons
       FROM bounds, personal_data_access r CROSS JOIN LATERAL unnest(r.actor_ids) AS x(actor_id)
       WHERE r.at >= bounds.first_at AND r.at < bounds.end_at
       GROUP BY 1, 2`,
      [weekStart, weeks],
    );
    const current = counts.filter((c) => c.back === 0);
    const perUser = current.map((c) => {
      const previous = Array.from(
        { length: weeks },
        (_, i) => counts.find((p) => p.userId === c.userId && p.back === i + 1)?.persons ?? 0,
      );
      const { flagged, baselineMedian } = isUnusualVolume(c.persons, previous);
      return { userId: c.userId, reads: c.reads, persons: c.persons, baselineMedian, flagged };
    });
    await this.em.query(`DELETE FROM access_log_summary WHERE week_start = $1`, [weekStart]);
    await this.em.query(
      `INSERT INTO access_log_summary (week_start, reads, users, flagged_users) VALUES ($1, $2, $3, $4)`,
      [
        weekStart,
        perUser.reduce((sum, u) => sum + u.reads, 0),
        perUser.length,
        perUser.filter((u) => u.flagged).length,
      ],
    );
    if (perUser.length) {
      await this.em.query(
        `INSERT INTO access_log_summary_user (week_start, user_id, reads, persons, baseline_median, flagged)
         SELECT $1::date, * FROM unnest($2::uuid[], $3::int[], $4::int[], $5::numeric[], $6::boolean[])`,
        [
          weekStart,
          perUser.map((u) => u.userId),
          perUser.map((u) => u.reads),
          perUser.map((u) => u.persons),
          perUser.map((u) => u.baselineMedian),
          perUser.map((u) => u.flagged),
        ],
      );
    }
    const [week] = await this.summaries(1, weekStart);
    return week;
  }

  /** The weekly summaries, newest week first (or the one week `only`), users by persons read. */
  async summaries(first: number, only: string | null = null): Promise<AccessLogWeek[]> {
    const weeks: {
      weekStart: string;
      computedAt: Date;
      reads: number;
      users: number;
      flaggedUsers: number;
    }[] = await this.em.query(
      `SELECT week_start::text AS "weekStart", computed_at AS "computedAt", reads, users,
              flagged_users AS "flaggedUsers"
       FROM access_log_summary WHERE ($2::date IS NULL OR week_start = $2::date)
       ORDER BY week_start DESC LIMIT $1`,
      [first, only],
    );
    if (!weeks.length) return [];
    const users: (AccessLogWeekUser & { weekStart: string })[] = await this.em.query(
      `SELECT s.week_start::text AS "weekStart", s.user_id AS "userId", u.name AS "userName", s.reads,
              s.persons, s.baseline_median::float8 AS "baselineMedian", s.flagged
       FROM access_log_summary_user s JOIN app_user u ON u.id = s.user_id
       WHERE s.week_start = ANY($1::date[])
       ORDER BY s.flagged DESC, s.persons DESC, s.user_id`,
      [weeks.map((w) => w.weekStart)],
    );
    return weeks.map((w) => ({
      ...w,
      perUser: users.filter((u) => u.weekStart === w.weekStart).map(({ weekStart: _week, ...u }) => u),
    }));
  }
}

/**
 * The Monday (Europe/Stockholm) that starts the last whole week before `now`: the week the
 * Monday-morning job summarises.
 */
export async function lastWholeWeekStart(em: EntityManager, now: Date): Promise<string> {
  const [{ week }] = await em.query(
    `SELECT (date_trunc('week', $1::timestamptz AT TIME ZONE 'Europe/Stockholm')::date - 7)::text AS week`,
    [now.toISOString()],
  );
  return week;
}
