import { ParticipationRole, ParticipationSource, ParticipationStatus } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ParticipationEntity } from '../entities';
import { CursorPart, decodeCursor, encodeCursor, hydrate, Page, rowsOf } from '../sql';
import { groupPages } from './actor.repository';

export interface Registration {
  eventId: string;
  actorId: string;
  role: ParticipationRole;
  /** Absent: a new row is REGISTERED and an existing row keeps its status. */
  status: ParticipationStatus | null;
  source: ParticipationSource;
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
   */
  async checkIn(eventId: string, actorId: string, userId: string | null): Promise<ParticipationEntity> {
    const rows = await this.em.query(
      `INSERT INTO participation AS p (event_id, actor_id, role, status, checked_in_at, source, created_by, updated_by)
       VALUES ($1, $2, 'AUDIENCE', 'ATTENDED', now(), 'WALK_IN', $3, $3)
       ON CONFLICT (event_id, actor_id) DO UPDATE SET
         status = 'ATTENDED',
         checked_in_at = coalesce(p.checked_in_at, now()),
         updated_at = CASE WHEN p.status = 'ATTENDED' THEN p.updated_at ELSE now() END,
         updated_by = CASE WHEN p.status = 'ATTENDED' THEN p.updated_by ELSE $3 END
       RETURNING *`,
      [eventId, actorId, userId],
    );
    return hydrate(this.em, ParticipationEntity, rows)[0];
  }

  async cancel(eventId: string, actorId: string, userId: string | null): Promise<ParticipationEntity | null> {
    const rows = await this.em.query(
      `UPDATE participation SET status = 'CANCELLED', checked_in_at = NULL, updated_at = now(), updated_by = $3
       WHERE event_id = $1 AND actor_id = $2 RETURNING *`,
      [eventId, actorId, userId],
    );
    return hydrate(this.em, ParticipationEntity, rows)[0] ?? null;
  }

  /** Each event's participants, by the participant's name. Two statements for any number of events. */
  pagesByEvent(eventIds: readonly string[], first: number, after: string | null | undefined) {
    return this.pages('event_id', 'a.name', 'text', 'ASC', eventIds, first, after);
  }

  /** Each actor's participations, newest event first. Two statements for any number of actors. */
  pagesByActor(actorIds: readonly string[], first: number, after: string | null | undefined) {
    // The ISO text of the start time sorts like the time itself and survives the round trip exactly.
    const startsAt = `to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    return this.pages('actor_id', startsAt, 'timestamp', 'DESC', actorIds, first, after);
  }

  private async pages(
    parentColumn: 'event_id' | 'actor_id',
    sortExpression: string,
    sortPart: CursorPart,
    direction: 'ASC' | 'DESC',
    parentIds: readonly string[],
    first: number,
    after: string | null | undefined,
  ): Promise<Map<string, Page<ParticipationEntity>>> {
    const list = `participations-by-${parentColumn}`;
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
         WHERE p.${parentColumn} = ANY($1::uuid[]) ${afterSql}
       ) ranked WHERE page_row <= $2 ORDER BY page_row`,
      params,
    );
    const counts: { parent_id: string; count: number }[] = await this.em.query(
      `SELECT ${parentColumn} AS parent_id, count(*)::int AS count FROM participation
       WHERE ${parentColumn} = ANY($1::uuid[]) GROUP BY ${parentColumn}`,
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
