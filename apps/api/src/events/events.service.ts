import {
  AttendanceMode,
  DomainValidationError,
  EventFormat,
  normaliseTopics,
  requireName,
  validateSchedule,
} from '@crm/domain';
import {
  AuditRepository,
  EventEntity,
  EventFilter,
  EventRepository,
  EventValues,
  Page,
  pageSize,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseId } from '../common/ids';
import { CreateEventInput, UpdateEventInput } from './event.inputs';

@Injectable()
export class EventsService {
  constructor(private readonly dataSource: DataSource) {}

  get(id: string): Promise<EventEntity | null> {
    return new EventRepository(this.dataSource.manager).findById(parseId('id', id));
  }

  page(
    filter: EventFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<EventEntity>> {
    if (filter.from && filter.to && filter.to < filter.from)
      throw new DomainValidationError('to', 'must not be before from');
    return new EventRepository(this.dataSource.manager).page(filter, pageSize(first), after);
  }

  create(input: CreateEventInput, user: UserEntity): Promise<EventEntity> {
    return this.dataSource.transaction(async (em) => {
      const values = eventValues({
        meetingPlace: input.meetingPlace,
        title: input.title,
        description: input.description ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        format: input.format ?? null,
        topics: input.topics ?? [],
        rusPriorities: input.rusPriorities ?? [],
        attendanceMode: input.attendanceMode ?? AttendanceMode.PHYSICAL,
      });
      const event = await new EventRepository(em).insert(values, user.id);
      await new AuditRepository(em).record(user.id, 'create', 'event', event.id, Object.keys(input));
      return event;
    });
  }

  update(id: string, input: UpdateEventInput, user: UserEntity): Promise<EventEntity> {
    return this.dataSource.transaction(async (em) => {
      const events = new EventRepository(em);
      const [current] = await em.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [parseId('id', id)]);
      const existing = current && (await events.findById(current.id));
      if (!existing) throw new DomainValidationError('id', 'no event has this ID');
      for (const field of ['meetingPlace', 'title', 'startsAt'] as const) {
        if (input[field] === null) throw new DomainValidationError(field, 'cannot be cleared');
      }
      const pick = <K extends keyof UpdateEventInput & keyof EventValues>(k: K, fallback: EventValues[K]) =>
        input[k] === undefined ? fallback : (input[k] as EventValues[K]);
      const values = eventValues({
        meetingPlace: input.meetingPlace ?? existing.meetingPlace,
        title: input.title ?? existing.title,
        description: pick('description', existing.description),
        startsAt: input.startsAt ?? existing.startsAt,
        endsAt: pick('endsAt', existing.endsAt),
        format: input.format === undefined ? existing.format : input.format,
        topics: input.topics === undefined ? existing.topics : (input.topics ?? []),
        rusPriorities:
          input.rusPriorities === undefined ? existing.rusPriorities : (input.rusPriorities ?? []),
        attendanceMode: input.attendanceMode ?? existing.attendanceMode,
      });
      const event = await events.update(existing.id, values, user.id);
      const changed = Object.keys(input).filter((k) => input[k as keyof UpdateEventInput] !== undefined);
      await new AuditRepository(em).record(user.id, 'update', 'event', event.id, changed);
      return event;
    });
  }
}

interface RawEvent extends Omit<EventValues, 'format'> {
  format: string | null;
}

function eventValues(raw: RawEvent): EventValues {
  validateSchedule(raw.startsAt, raw.endsAt);
  const format = raw.format?.trim().toUpperCase() || null;
  if (format !== null && !(format in EventFormat)) {
    throw new DomainValidationError('format', `must be one of ${Object.keys(EventFormat).join(', ')}`);
  }
  const description = raw.description?.trim() || null;
  return {
    ...raw,
    title: requireName('title', raw.title),
    description,
    format: format as EventFormat | null,
    topics: normaliseTopics(raw.topics),
    rusPriorities: [...new Set(raw.rusPriorities)],
  };
}
