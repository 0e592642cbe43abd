import {
  DomainValidationError,
  EngagementKind,
  InitiativeKind,
  InitiativeRole,
  isCalendarDate,
  MeetingPlaceCode,
  Sector,
} from '@crm/domain';
import { EntityManager } from 'typeorm';
import { EngagementEntity, InitiativeEntity, InitiativeMembershipEntity } from '../entities';
import { decodeCursor, encodeCursor, hydrate, likeContains, Page, Where } from '../sql';
import { groupPages, visibleActorSql } from './actor.repository';

// Every statement names its columns and casts calendar dates to text, so they stay 'YYYY-MM-DD'.
const INITIATIVE_COLUMNS = `id, name, kind, topics, started_on::text AS started_on, meeting_place, created_at,
  updated_at, created_by, updated_by`;
const MEMBERSHIP_COLUMNS = `id, initiative_id, actor_id, role, joined_on::text AS joined_on,
  left_on::text AS left_on, created_at, updated_at, created_by, updated_by`;
const ENGAGEMENT_COLUMNS = `id, actor_id, kind, occurred_on::text AS occurred_on, event_id, initiative_id, note,
  created_at, created_by`;
const prefixed = (columns: string, alias: string) =>
  columns
    .split(',')
    .map((c) => `${alias}.${c.trim()}`)
    .join(', ');

export interface InitiativeFilter {
  kind?: InitiativeKind | null;
  meetingPlace?: MeetingPlaceCode | null;
  search?: string | null;
}

export interface InitiativeValues {
  name: string;
  kind: InitiativeKind;
  topics: string[];
  startedOn: string;
  meetingPlace: MeetingPlaceCode | null;
}

export interface MembershipValues {
  initiativeId: string;
  actorId: string;
  role: InitiativeRole;
  joinedOn: string;
}

export interface EngagementValues {
  actorId: string;
  kind: EngagementKind;
  occurredOn: string;
  eventId: string | null;
  initiativeId: string | null;
  note: string | null;
}

const initiativeCursor = (i: InitiativeEntity) => encodeCursor('initiatives', [i.startedOn, i.id]);

/** Initiatives (working groups, collaborations, own initiatives), most recently started first. */
export class InitiativeRepository {
  constructor(private readonly em: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<InitiativeEntity[]> {
    if (!ids.length) return [];
    const rows = await this.em.query(
      `SELECT ${INITIATIVE_COLUMNS} FROM initiative WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return hydrate(this.em, InitiativeEntity, rows);
  }

  async findById(id: string): Promise<InitiativeEntity | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async page(
    filter: InitiativeFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<InitiativeEntity>> {
    const where = new Where();
    if (filter.kind) where.and(`i.kind = ${where.param(filter.kind)}`);
    if (filter.meetingPlace) where.and(`i.meeting_place = ${where.param(filter.meetingPlace)}`);
    if (filter.search?.trim()) {
      where.and(`search_fold(i.name) LIKE search_fold(${where.param(likeContains(filter.search.trim()))})`);
    }
    const countWhere = where.toSql();
    const countParams = [...where.params];
    const key = decodeCursor(after, 'initiatives', ['text', 'uuid']);
    if (key) {
      if (!isCalendarDate(key[0])) {
        throw new DomainValidationError('after', 'is not a cursor this list produced');
      }
      where.and(`(i.started_on, i.id) < (${where.param(key[0])}::date, ${where.param(key[1])}::uuid)`);
    }
    const rows = await this.em.query(
      `SELECT ${prefixed(INITIATIVE_COLUMNS, 'i')} FROM initiative i ${where.toSql()}
       ORDER BY i.started_on DESC, i.id DESC LIMIT ${where.param(first + 1)}`,
      where.params,
    );
    const [{ count }] = await this.em.query(
      `SELECT count(*)::int AS count FROM initiative i ${countWhere}`,
      countParams,
    );
    const items = hydrate(this.em, InitiativeEntity, rows);
    return {
      items: items.slice(0, first),
      hasNextPage: items.length > first,
      totalCount: count,
      cursorOf: initiativeCursor,
    };
  }

  async insert(values: InitiativeValues, userId: string | null): Promise<InitiativeEntity> {
    const rows = await this.em.query(
      `INSERT INTO initiative (name, kind, topics, started_on, meeting_place, created_by, updated_by)
       VALUES ($1, $2, $3, $4::date, $5, $6, $6) RETURNING ${INITIATIVE_COLUMNS}`,
      [values.name, values.kind, values.topics, values.startedOn, values.meetingPlace, userId],
    );
    return hydrate(this.em, InitiativeEntity, rows)[0];
  }

  /**
   * The distinct sectors of everyone who has been a member of each initiative (the same span the
   * ladder counts for cross-sector collaboration). One statement for any number of initiatives.
   */
  async sectorsByInitiatives(initiativeIds: readonly string[]): Promise<Map<string, Sector[]>> {
    const sectors = new Map<string, Sector[]>(initiativeIds.map((id) => [id, []]));
    if (!initiativeIds.length) return sectors;
    const rows: { initiative_id: string; sectors: Sector[] }[] = await this.em.query(
      `SELECT m.initiative_id, array_agg(DISTINCT a.sector ORDER BY a.sector) AS sectors
       FROM initiative_membership m JOIN actor a ON a.id = m.actor_id
       WHERE m.initiative_id = ANY($1::uuid[]) GROUP BY m.initiative_id`,
      [initiativeIds],
    );
    for (const row of rows) sectors.set(row.initiative_id, row.sectors);
    return sectors;
  }
}

/** A membership row with the sort key of the page it was read for. */
type Ranked = InitiativeMembershipEntity & { sortKey: string };

/**
 * Memberships: one row per (initiative, actor), enforced by a unique constraint. Joining is a single
 * INSERT .. ON CONFLICT, so concurrent joins meet in the database and leave one row.
 */
export class InitiativeMembershipRepository {
  constructor(private readonly em: EntityManager) {}

  async find(
    initiativeId: string,
    actorId: string,
    lock = false,
  ): Promise<InitiativeMembershipEntity | null> {
    const rows = await this.em.query(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM initiative_membership WHERE initiative_id = $1 AND actor_id = $2
       ${lock ? 'FOR UPDATE' : ''}`,
      [initiativeId, actorId],
    );
    return hydrate(this.em, InitiativeMembershipEntity, rows)[0] ?? null;
  }

  /** Joins, or joins again: an existing membership takes the new role and date and is open again. */
  async join(values: MembershipValues, userId: string | null): Promise<InitiativeMembershipEntity> {
    const rows = await this.em.query(
      `INSERT INTO initiative_membership AS m (initiative_id, actor_id, role, joined_on, created_by, updated_by)
       VALUES ($1, $2, $3, $4::date, $5, $5)
       ON CONFLICT (initiative_id, actor_id) DO UPDATE SET
         role = excluded.role,
         joined_on = excluded.joined_on,
         left_on = NULL,
         updated_at = now(),
         updated_by = excluded.updated_by
       RETURNING ${MEMBERSHIP_COLUMNS}`,
      [values.initiativeId, values.actorId, values.role, values.joinedOn, userId],
    );
    return hydrate(this.em, InitiativeMembershipEntity, rows)[0];
  }

  async leave(id: string, leftOn: string, userId: string | null): Promise<InitiativeMembershipEntity> {
    const rows = await this.em.query(
      `UPDATE initiative_membership SET left_on = $2::date, updated_at = now(), updated_by = $3
       WHERE id = $1 RETURNING ${MEMBERSHIP_COLUMNS}`,
      [id, leftOn, userId],
    );
    return hydrate(this.em, InitiativeMembershipEntity, rows)[0];
  }

  /** Each actor's memberships, most recently joined first. One statement for any number of actors. */
  async byActors(actorIds: readonly string[]): Promise<Map<string, InitiativeMembershipEntity[]>> {
    const rows = await this.em.query(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM initiative_membership WHERE actor_id = ANY($1::uuid[])
       ORDER BY joined_on DESC, id DESC`,
      [actorIds],
    );
    return groupBy(actorIds, hydrate(this.em, InitiativeMembershipEntity, rows), (m) => m.actorId);
  }

  /**
   * Each initiative's memberships, by the member's name; restricted persons only for a viewer who may
   * see them. Two statements for any number of initiatives.
   */
  async pagesByInitiative(
    initiativeIds: readonly string[],
    first: number,
    after: string | null | undefined,
    seesRestricted = false,
  ): Promise<Map<string, Page<InitiativeMembershipEntity>>> {
    const list = 'initiative-members';
    const visible = visibleActorSql('a', seesRestricted);
    const key = decodeCursor(after, list, ['text', 'uuid']);
    const params: unknown[] = [initiativeIds, first + 1];
    const afterSql = key ? `AND (a.name, m.id) > ($3::text, $4::uuid)` : '';
    if (key) params.push(key[0], key[1]);
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT * FROM (
         SELECT ${prefixed(MEMBERSHIP_COLUMNS, 'm')}, a.name AS sort_key,
           row_number() OVER (PARTITION BY m.initiative_id ORDER BY a.name, m.id) AS page_row
         FROM initiative_membership m JOIN actor a ON a.id = m.actor_id
         WHERE m.initiative_id = ANY($1::uuid[]) AND ${visible} ${afterSql}
       ) ranked WHERE page_row <= $2 ORDER BY page_row`,
      params,
    );
    const counts: { parent_id: string; count: number }[] = await this.em.query(
      `SELECT m.initiative_id AS parent_id, count(*)::int AS count
       FROM initiative_membership m JOIN actor a ON a.id = m.actor_id
       WHERE m.initiative_id = ANY($1::uuid[]) AND ${visible} GROUP BY m.initiative_id`,
      [initiativeIds],
    );
    const entities = hydrate(this.em, InitiativeMembershipEntity, rows).map((entity, i) =>
      Object.assign(entity, { sortKey: String(rows[i].sort_key) }),
    ) as Ranked[];
    return groupPages<InitiativeMembershipEntity>(
      initiativeIds,
      entities,
      (m) => m.initiativeId,
      counts.map((c) => [c.parent_id, c.count]),
      first,
      (m) => encodeCursor(list, [(m as Ranked).sortKey, m.id]),
    );
  }
}

/** Engagements beyond attendance (input, policy influence, implementation), recorded by staff. */
export class EngagementRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(values: EngagementValues, userId: string | null): Promise<EngagementEntity> {
    const rows = await this.em.query(
      `INSERT INTO engagement (actor_id, kind, occurred_on, event_id, initiative_id, note, created_by)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7) RETURNING ${ENGAGEMENT_COLUMNS}`,
      [
        values.actorId,
        values.kind,
        values.occurredOn,
        values.eventId,
        values.initiativeId,
        values.note,
        userId,
      ],
    );
    return hydrate(this.em, EngagementEntity, rows)[0];
  }

  /** Deletes a wrongly recorded engagement; answers the deleted row, or null when there was none. */
  async delete(id: string): Promise<EngagementEntity | null> {
    const rows = await this.em.query(`DELETE FROM engagement WHERE id = $1 RETURNING ${ENGAGEMENT_COLUMNS}`, [
      id,
    ]);
    return hydrate(this.em, EngagementEntity, rows)[0] ?? null;
  }

  /** Each actor's engagements, most recent first. One statement for any number of actors. */
  async byActors(actorIds: readonly string[]): Promise<Map<string, EngagementEntity[]>> {
    const rows = await this.em.query(
      `SELECT ${ENGAGEMENT_COLUMNS} FROM engagement WHERE actor_id = ANY($1::uuid[])
       ORDER BY occurred_on DESC, created_at DESC, id DESC`,
      [actorIds],
    );
    return groupBy(actorIds, hydrate(this.em, EngagementEntity, rows), (e) => e.actorId);
  }
}

function groupBy<T>(parentIds: readonly string[], rows: T[], parentOf: (row: T) => string): Map<string, T[]> {
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(parentOf(row))?.push(row);
  return byParent;
}
