import { DomainValidationError, ParticipationSource } from '@crm/domain';
import {
  AuditRepository,
  ActorMatcher,
  DuplicateRepository,
  ParticipationEntity,
  ParticipationRepository,
  RegistrationImportRecord,
  RegistrationImportRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActorsService } from '../actors/actors.service';
import { parseId } from '../common/ids';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { LivePublisher } from '../live/live-publisher.service';
import { ANONYMISED_REFUSALS, requireWritableActor } from '../restriction/writable-actor';
import { ParticipationItem } from './registration.models';

/** More than this in one call is a file: upload it to the import endpoint instead. */
export const MAX_ITEMS_PER_CALL = 1_000;

/** registrationImports(first:) at most: a page of an event's history, each with its rejected rows. */
export const MAX_IMPORTS_LISTED = 100;

const CONSTRAINTS: ConstraintMessages = {
  participation_event_id_fkey: ['eventId', 'no event has this ID'],
  participation_actor_id_fkey: ['items', 'an actor was deleted while registering'],
};

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
    private readonly ladder: LadderNotifier,
    private readonly live: LivePublisher,
  ) {}

  async findImport(rawId: string): Promise<RegistrationImportRecord | null> {
    return new RegistrationImportRepository(this.dataSource.manager).findById(parseId('id', rawId));
  }

  /** An event's imports, newest first; an unknown event has none. */
  async importsOf(rawEventId: string, first: number): Promise<RegistrationImportRecord[]> {
    const eventId = parseId('eventId', rawEventId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_IMPORTS_LISTED) {
      throw new DomainValidationError('first', `must be between 1 and ${MAX_IMPORTS_LISTED}`);
    }
    return new RegistrationImportRepository(this.dataSource.manager).forEvent(eventId, first);
  }

  /**
   * The API client's registration list: every item in one transaction, matched exactly like a row
   * of an uploaded file, so a bad item (its field named as items[3].person.email) writes nothing.
   */
  async registerMany(
    rawEventId: string,
    items: readonly ParticipationItem[],
    user: UserEntity,
  ): Promise<ParticipationEntity[]> {
    const eventId = parseId('eventId', rawEventId);
    if (items.length > MAX_ITEMS_PER_CALL) {
      throw new DomainValidationError(
        'items',
        `at most ${MAX_ITEMS_PER_CALL} per call; upload a file instead`,
      );
    }
    let result: { participations: ParticipationEntity[]; touched: string[] };
    try {
      result = await this.dataSource.transaction((em) =>
        this.registerInTransaction(em, eventId, items, user),
      );
    } catch (error) {
      throw translateConstraint(error, CONSTRAINTS);
    }
    await this.ladder.notify(result.touched);
    if (result.touched.length) await this.live.attendanceChanged([eventId]);
    return result.participations;
  }

  private async registerInTransaction(
    em: EntityManager,
    eventId: string,
    items: readonly ParticipationItem[],
    user: UserEntity,
  ): Promise<{ participations: ParticipationEntity[]; touched: string[] }> {
    const [event] = await em.query(`SELECT id FROM event WHERE id = $1 FOR KEY SHARE`, [eventId]);
    if (!event) throw new DomainValidationError('eventId', 'no event has this ID');
    const matcher = new ActorMatcher(em, user.id);
    const participations = new ParticipationRepository(em);
    const audit = new AuditRepository(em);
    const actorIds: string[] = [];
    const touched: string[] = [];
    /** Registrations the call changed, audited once their rows are read back. */
    const changes: { actorId: string; fields: string[] }[] = [];

    for (const [index, item] of items.entries()) {
      const at = `items[${index}]`;
      if (Boolean(item.actorId) === Boolean(item.person)) {
        throw new DomainValidationError(at, 'give either actorId or person, not both or neither');
      }
      let actorId: string;
      if (item.actorId) {
        actorId = parseId(`${at}.actorId`, item.actorId);
        // By id, as any write: hidden (restricted) persons are unknown to staff, anonymised ones refused.
        await requireWritableActor(em, actorId, `${at}.actorId`, user, {
          anonymised: ANONYMISED_REFUSALS.register,
        });
      } else {
        const values = await prefixed(`${at}.person`, () => this.actors.personValues(em, item.person!));
        const match = await matcher.person(values, { eventId });
        actorId = match.actor.id;
        if (match.created) {
          await audit.record(user.id, 'create', 'actor', actorId, Object.keys(item.person!));
          await new DuplicateRepository(em).scanFor([actorId]);
          touched.push(match.actor.organisationId ?? '');
        }
      }
      const written = await participations.registerManyFromList(
        eventId,
        [{ actorId, role: item.role, status: item.status ?? null }],
        ParticipationSource.IMPORT,
        user.id,
      );
      if (written.size) {
        changes.push({ actorId, fields: ['role', ...(item.status ? ['status'] : [])] });
        touched.push(actorId);
      }
      actorIds.push(actorId);
    }

    const byActor = new Map(
      (await participations.findForEvent(eventId, actorIds)).map((p) => [p.actorId, p]),
    );
    for (const { actorId, fields } of changes) {
      await audit.record(user.id, 'register', 'participation', byActor.get(actorId)!.id, fields);
    }
    return { participations: actorIds.map((id) => byActor.get(id)!), touched: touched.filter(Boolean) };
  }
}

/** Runs validation for a nested input, naming the field by its path (items[2].person.email). */
async function prefixed<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainValidationError)
      throw new DomainValidationError(`${path}.${error.field}`, error.message);
    throw error;
  }
}
