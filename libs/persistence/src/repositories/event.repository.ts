import { AttendanceMode, EventFormat, MeetingPlaceCode, RusPriority } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { EventEntity } from '../entities';
import { decodeCursor, encodeCursor, hydrate, likeContains, Page, Where } from '../sql';

export interface EventFilter {
  meetingPlace?: MeetingPlaceCode | null;
  from?: Date | null;
  to?: Date | null;
  search?: string | null;
}

export interface EventValues {
  meetingPlace: MeetingPlaceCode;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  format: EventFormat | null;
  topics: string[];
  rusPriorities: RusPriority[];
  attendanceMode: AttendanceMode;
}

const cursorOf = (e: EventEntity) => encodeCursor('events', [e.startsAt.toISOString(), e.id]);

/** Events, newest first. */
export class EventRepository {
  constructor(private readonly em: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<EventEntity[]> {
    if (!ids.length) return [];
    return hydrate(
      this.em,
      EventEntity,
      await this.em.query(`SELECT * FROM event WHERE id = ANY($1::uuid[])`, [ids]),
    );
  }

  async findById(id: string): Promise<EventEntity | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async page(
    filter: EventFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<EventEntity>> {
    const where = new Where();
    if (filter.meetingPlace) where.and(`e.meeting_place = ${where.param(filter.meetingPlace)}`);
    // An event is in the range when it overlaps it.
    if (filter.from) where.and(`coalesce(e.ends_at, e.starts_at) >= ${where.param(filter.from)}`);
    if (filter.to) where.and(`e.starts_at <= ${where.param(filter.to)}`);
    if (filter.search?.trim()) {
      where.and(`e.search_text LIKE search_fold(${where.param(likeContains(filter.search.trim()))})`);
    }
    const countWhere = where.toSql();
    const countParams = [...where.params];
    const key = decodeCursor(after, 'events', ['timestamp', 'uuid']);
    if (key)
      where.and(`(e.starts_at, e.id) < (${where.param(key[0])}::timestamptz, ${where.param(key[1])}::uuid)`);
    const rows = await this.em.query(
      `SELECT e.* FROM event e ${where.toSql()} ORDER BY e.starts_at DESC, e.id DESC LIMIT ${where.param(first + 1)}`,
      where.params,
    );
    const [{ count }] = await this.em.query(
      `SELECT count(*)::int AS count FROM event e ${countWhere}`,
      countParams,
    );
    const items = hydrate(this.em, EventEntity, rows);
    return { items: items.slice(0, first), hasNextPage: items.length > first, totalCount: count, cursorOf };
  }

  async insert(values: EventValues, userId: string | null): Promise<EventEntity> {
    const rows = await this.em.query(
      `INSERT INTO event (meeting_place, title, description, starts_at, ends_at, format, topics, rus_priorities,
         attendance_mode, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
      [...eventParams(values), userId],
    );
    return hydrate(this.em, EventEntity, rows)[0];
  }

  async update(id: string, values: EventValues, userId: string | null): Promise<EventEntity> {
    const rows = await this.em.query(
      `UPDATE event SET meeting_place = $1, title = $2, description = $3, starts_at = $4, ends_at = $5, format = $6,
         topics = $7, rus_priorities = $8, attendance_mode = $9, updated_by = $10, updated_at = now()
       WHERE id = $11 RETURNING *`,
      [...eventParams(values), userId, id],
    );
    return hydrate(this.em, EventEntity, rows)[0];
  }
}

function eventParams(v: EventValues): unknown[] {
  return [
    v.meetingPlace,
    v.title,
    v.description,
    v.startsAt,
    v.endsAt,
    v.format,
    v.topics,
    v.rusPriorities,
    v.attendanceMode,
  ];
}
