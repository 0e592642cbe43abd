import { ParticipationRole, ParticipationSource, ParticipationStatus } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ParticipationEntity } from '../entities';
import { CursorPart, decodeCursor, encodeCursor, hydrate, Page, rowsOf } from '../sql';
import { groupPages, visibleActorSql } from './actor.repository';

export interface Registration {
  eventId: string;
  actorId: string;
  role: ParticipationRole;
  /** Absent: a new row is REGISTERED and an existing row keeps its status. */
  status: ParticipationStatus | null;
  source: ParticipationSource;
}

/**
 * What a check-in did: CREATED a participation (a walk-in), CHECKED_IN an existing one (or moved
 * its time earlier), or left it UNCHANGED (already in: a double tap).
 */
export interface CheckInOutcome {
  participation: ParticipationEntity;
  change: 'CREATED' | 'CHECKED_IN' | 'UNCHANGED';
}

/** A participation row with the sort key of the list it was read for. */
type Ranked = ParticipationEntity & { sortKey: string };

/**
 * Participations: one row per (event, actor), enforced by a unique constraint. Every write is a
 * single INSERT .. ON CONFLICT, so concurrent requests for the same pair meet in the database and
 * leave one row.
 */
export class ParticipationRepository {
  constructor(private readonly em: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<ParticipationEntity[]> {
    if (!ids.length) return [];
    const rows = await this.em.query(`SELECT * FROM participation WHERE id = ANY($1::uuid[])`, [ids]);
    return hydrate(this.em, ParticipationEntity, rows);
  }

  /**
   * The events these actors take part in (any status): the open attendance lists that show them, and
   * whose counts a change to them may move.
   */
  async eventIdsOf(actorIds: readonly string[]): Promise<string[]> {
    if (!actorIds.length) return [];
    const rows: { event_id: string }[] = await this.em.query(
      `SELECT DISTINCT event_id FROM participation WHERE actor_id = ANY ($1::uuid[])`,
      [actorIds],
    );
    return rows.map((row) => row.event_id);
  }

  async findForEvent(eventId: string, actorIds: readonly string[]): Promise<ParticipationEntity[]> {
    const rows = await this.em.query(
      `SELECT * FROM participation WHERE event_id = $1 AND actor_id = ANY($2::uuid[])`,
      [eventId, actorIds],
    );
    return hydrate(this.em, ParticipationEntity, rows);
  }

  async find(eventId: string, actorId: string): Promise<ParticipationEntity | null> {
    const rows = await this.em.query(`SELECT * FROM participation WHERE event_id = $1 AND actor_id = $2`, [
      eventId,
      actorId,
    ]);
    return hydrate(this.em, ParticipationEntity, rows)[0] ?? null;
  }

  async register(r: Registration, userId: string | null): Promise<ParticipationEntity> {
    const rows = await this.em.query(
      `INSERT INTO participation AS p (event_id, actor_id, role, status, checked_in_at, source, created_by, updated_by)
       VALUES ($1, $2, $3, coalesce($4, 'REGISTERED'), CASE WHEN $4 = 'ATTENDED' THEN now() END, $5, $6, $6)
       ON CONFLICT (event_id, actor_id) DO UPDATE SET
         role = excluded.role,
         status = coalesce($4, p.status),
         checked_in_at = CASE WHEN coalesce($4, p.status) = 'ATTENDED' THEN coalesce(p.checked_in_at, now()) END,
         updated_at = now(),
         updated_by = $6
       RETURNING *`,
      [r.eventId, r.actorId, r.role, r.status, r.source, userId],
    );
    return hydrate(this.em, ParticipationEntity, rows)[0];
  }

  /**
   * Registrations from a list (an uploaded file or an API client's batch), for many actors of one
   * event in two statements (each actor at most once). Unlike a correction a list never undoes a
   * check-in: a list made before the day says "registered" about someone who has since come in. A
   * role or status left out keeps what is there (a new row: AUDIENCE, REGISTERED). Nothing is
   * written when nothing would change, so importing the same list again changes nothing. Answers,
   * per actor whose row was written, whether it was created or updated.
   */
  async registerManyFromList(
    eventId: string,
    items: readonly { actorId: string; role: ParticipationRole | null; status: ParticipationStatus | null }[],
    source: ParticipationSource,
    userId: string | null,
  ): Promise<Map<string, 'CREATED' | 'UPDATED'>> {
    if (!items.length) return new Map();
    const params = [
      eventId,
      items.map((i) => i.actorId),
      items.map((i) => i.role),
      items.map((i) => i.status),
    ];
    const item = `unnest($2::uuid[], $3::text[], $4::text[]) AS i(actor_id, role, status)`;
    // New registrations first; then the existing ones the list changes.
    const created: { actor_id: string }[] = await this.em.query(
      `INSERT INTO participation (event_id, actor_id, role, status, checked_in_at, source, created_by, updated_by)
       SELECT $1, i.actor_id, coalesce(i.role, 'AUDIENCE'), coalesce(i.status, 'REGISTERED'),
              CASE WHEN i.status = 'ATTENDED' THEN now() END, $5, $6, $6
       FROM ${item} ORDER BY i.actor_id
       ON CONFLICT (event_id, actor_id) DO NOTHING
       RETURNING actor_id`,
      [...params, source, userId],
    );
    const kept = `CASE WHEN i.status IS NULL OR (i.status = 'REGISTERED' AND p.status = 'ATTENDED')`;
    const updated = rowsOf(
      await this.em.query(
        `UPDATE participation p SET
           role = coalesce(i.role, p.role),
           status = ${kept} THEN p.status ELSE i.status END,
           checked_in_at = ${kept} THEN p.checked_in_at
                           WHEN i.status = 'ATTENDED' THEN coalesce(p.checked_in_at, now()) END,
           updated_at = now(),
           updated_by = $6
         FROM ${item}
         WHERE p.event_id = $1 AND p.actor_id = i.actor_id AND NOT (p.actor_id = ANY ($5::uuid[]))
           AND (coalesce(i.role, p.role), ${kept} THEN p.status ELSE i.status END) IS DISTINCT FROM (p.role, p.status)
         RETURNING p.actor_id`,
        [...params, created.map((r) => r.actor_id), userId],
      ),
    ) as { actor_id: string }[];
    return new Map([
      ...created.map((r): [string, 'CREATED'] => [r.actor_id, 'CREATED']),
      ...updated.map((r): [string, 'UPDATED'] => [r.actor_id, 'UPDATED']),
    ]);
  }

  /**
   * Marks the actor as attended, keeping the first check-in time, so a second device scanning the
   * same person changes nothing. A person without a registration is let in as audience (a walk-in).
   * `at` is the time to record (a believed offline time, see acceptedCheckInTime); null: now. An
   * earlier `at` than the recorded time moves it earlier (the device that was offline saw the
   * person first); a later one changes nothing. Every check-in that changes the row is kept in
   * `check_in` with what it replaced, for {@link undoCheckIn}.
   */
  async checkIn(
    eventId: string,
    actorId: string,
    userId: string | null,
    at: Date | null = null,
  ): Promise<CheckInOutcome> {
    const created = await this.em.query(
      `WITH created AS (
         INSERT INTO participation (event_id, actor_id, role, status, checked_in_at, source, created_by, updated_by)
         VALUES ($1, $2, 'AUDIENCE', 'ATTENDED', coalesce($4::timestamptz, now()), 'WALK_IN', $3, $3)
         ON CONFLICT (event_id, actor_id) DO NOTHING
         RETURNING *
       ), recorded AS (
         INSERT INTO check_in (participation_id, previous_status, previous_checked_in_at, checked_in_at, user_id)
         SELECT id, NULL, NULL, checked_in_at, $3 FROM created
       )
       SELECT * FROM created`,
      [eventId, actorId, userId, at],
    );
    const participation = hydrate(this.em, ParticipationEntity, created)[0];
    if (participation) return { participation, change: 'CREATED' };
    // The row exists (committed: ON CONFLICT waited for a concurrent insert to finish).
    const existing = await this.lock(`event_id = $1 AND actor_id = $2`, [eventId, actorId]);
    if (!existing) throw new Error('a participation vanished while it was checked in');
    return this.checkInLocked(existing, userId, at);
  }

  /** The participation holding a check-in code, locked for this transaction; null for an unknown code. */
  async lockByCode(code: string): Promise<ParticipationEntity | null> {
    return this.lock(`check_in_code = $1`, [code]);
  }

  /**
   * Checks in a participation this transaction has locked (see {@link lockByCode}): as
   * {@link checkIn} does for an existing row.
   */
  async checkInLocked(
    before: ParticipationEntity,
    userId: string | null,
    at: Date | null = null,
  ): Promise<CheckInOutcome> {
    const attended = before.status === ParticipationStatus.ATTENDED;
    if (attended && !(at && before.checkedInAt && at.getTime() < before.checkedInAt.getTime())) {
      return { participation: before, change: 'UNCHANGED' };
    }
    // The row is locked: `old` is what this UPDATE replaces, to the microsecond.
    const rows = await this.em.query(
      `WITH old AS (
         SELECT id, status, checked_in_at FROM participation WHERE id = $1
       ), changed AS (
         UPDATE participation p SET status = 'ATTENDED', checked_in_at = coalesce($2::timestamptz, now()),
           updated_at = now(), updated_by = $3
         FROM old WHERE p.id = old.id
         RETURNING p.*, old.status AS previous_status, old.checked_in_at AS previous_checked_in_at
       ), recorded AS (
         INSERT INTO check_in (participation_id, previous_status, previous_checked_in_at, checked_in_at, user_id)
         SELECT id, previous_status, previous_checked_in_at, checked_in_at, $3 FROM changed
       )
       SELECT * FROM changed`,
      [before.id, at, userId],
    );
    return { participation: hydrate(this.em, ParticipationEntity, rows)[0], change: 'CHECKED_IN' };
  }

  /**
   * Undoes the latest check-in of the actor at the event: the status and check-in time it replaced
   * come back, and a participation that check-in created (a walk-in) is cancelled, never deleted.
   * Null when there is no participation; NOT_CHECKED_IN when it is not checked in, or was changed
   * since its latest check-in (cancelled, registered again, merged) so that there is nothing to undo.
   */
  async undoCheckIn(
    eventId: string,
    actorId: string,
    userId: string | null,
  ): Promise<ParticipationEntity | 'NOT_CHECKED_IN' | null> {
    const participation = await this.lock(`event_id = $1 AND actor_id = $2`, [eventId, actorId]);
    if (!participation) return null;
    // The latest check-in, if the row still shows what it left (compared in SQL, to the microsecond).
    const rows = await this.em.query(
      `WITH latest AS (
         SELECT c.* FROM participation p
         JOIN LATERAL (SELECT * FROM check_in WHERE participation_id = p.id ORDER BY id DESC LIMIT 1) c ON true
         WHERE p.id = $1 AND p.status = 'ATTENDED' AND p.checked_in_at = c.checked_in_at
       ), undone AS (
         DELETE FROM check_in USING latest WHERE check_in.id = latest.id
       )
       UPDATE participation p SET status = coalesce(latest.previous_status, 'CANCELLED'),
         checked_in_at = latest.previous_checked_in_at, updated_at = now(), updated_by = $2
       FROM latest WHERE p.id = latest.participation_id
       RETURNING p.*`,
      [participation.id, userId],
    );
    return hydrate(this.em, ParticipationEntity, rows)[0] ?? 'NOT_CHECKED_IN';
  }

  private async lock(where: string, params: unknown[]): Promise<ParticipationEntity | null> {
    const rows = await this.em.query(`SELECT * FROM participation WHERE ${where} FOR UPDATE`, params);
    return hydrate(this.em, ParticipationEntity, rows)[0] ?? null;
  }

  async cancel(eventId: string, actorId: string, userId: string | null): Promise<ParticipationEntity | null> {
    const rows = await this.em.query(
      `UPDATE participation SET status = 'CANCELLED', checked_in_at = NULL, updated_at = now(), updated_by = $3
       WHERE event_id = $1 AND actor_id = $2 RETURNING *`,
      [eventId, actorId, userId],
    );
    return hydrate(this.em, ParticipationEntity, rows)[0] ?? null;
  }

  /**
   * Each event's participants, by the participant's name; restricted persons only for a viewer who
   * may see them. Two statements for any number of events.
   */
  pagesByEvent(
    eventIds: readonly string[],
    first: number,
    after: string | null | undefined,
    seesRestricted = false,
  ) {
    return this.pages('event_id', 'a.name', 'text', 'ASC', eventIds, first, after, seesRestricted);
  }

  /** Each actor's participations, newest event first. Two statements for any number of actors. */
  pagesByActor(actorIds: readonly string[], first: number, after: string | null | undefined) {
    // The ISO text of the start time sorts like the time itself and survives the round trip exactly.
    const startsAt = `to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    // The actor is the parent: whoever may see the actor may see their participations.
    return this.pages('actor_id', startsAt, 'timestamp', 'DESC', actorIds, first, after, true);
  }

  private async pages(
    parentColumn: 'event_id' | 'actor_id',
    sortExpression: string,
    sortPart: CursorPart,
    direction: 'ASC' | 'DESC',
    parentIds: readonly string[],
    first: number,
    after: string | null | undefined,
    seesRestricted: boolean,
  ): Promise<Map<string, Page<ParticipationEntity>>> {
    const list = `participations-by-${parentColumn}`;
    const visible = visibleActorSql('a', seesRestricted);
    const key = decodeCursor(after, list, [sortPart, 'uuid']);
    const params: unknown[] = [parentIds, first + 1];
    const comparator = direction === 'ASC' ? '>' : '<';
    const afterSql = key ? `AND (${sortExpression}, p.id) ${comparator} ($3::text, $4::uuid)` : '';
    if (key) params.push(key[0], key[1]);
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT * FROM (
         SELECT p.*, ${sortExpression} AS sort_key,
           row_number() OVER (PARTITION BY p.${parentColumn} ORDER BY ${sortExpression} ${direction}, p.id ${direction}) AS page_row
         FROM participation p JOIN actor a ON a.id = p.actor_id JOIN event e ON e.id = p.event_id
         WHERE p.${parentColumn} = ANY($1::uuid[]) AND ${visible} ${afterSql}
       ) ranked WHERE page_row <= $2 ORDER BY page_row`,
      params,
    );
    const counts: { parent_id: string; count: number }[] = await this.em.query(
      `SELECT p.${parentColumn} AS parent_id, count(*)::int AS count
       FROM participation p JOIN actor a ON a.id = p.actor_id
       WHERE p.${parentColumn} = ANY($1::uuid[]) AND ${visible} GROUP BY p.${parentColumn}`,
      [parentIds],
    );
    const entities = hydrate(this.em, ParticipationEntity, rows).map((entity, i) =>
      Object.assign(entity, { sortKey: String(rows[i].sort_key) }),
    ) as Ranked[];
    return groupPages<ParticipationEntity>(
      parentIds,
      entities,
      (p) => (parentColumn === 'event_id' ? p.eventId : p.actorId),
      counts.map((c) => [c.parent_id, c.count]),
      first,
      (p) => encodeCursor(list, [(p as Ranked).sortKey, p.id]),
    );
  }
}
