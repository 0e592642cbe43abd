import {
  DomainValidationError,
  normaliseNote,
  normaliseTopics,
  requireCalendarDate,
  requireName,
  validateMembershipDates,
} from '@crm/domain';
import {
  AuditRepository,
  constraintOf,
  EngagementEntity,
  EngagementRepository,
  InitiativeEntity,
  InitiativeFilter,
  InitiativeMembershipEntity,
  InitiativeMembershipRepository,
  InitiativeRepository,
  isDatabaseError,
  Page,
  pageSize,
  PG_CHECK_VIOLATION,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { ANONYMISED_REFUSALS, requireWritableActor } from '../restriction/writable-actor';
import {
  CreateInitiativeInput,
  JoinInitiativeInput,
  LeaveInitiativeInput,
  RecordEngagementInput,
} from './initiative.inputs';

/** The last word on concurrent writes is the database's; these are its answers in the user's terms. */
const CONSTRAINTS: ConstraintMessages = {
  initiative_meeting_place_fkey: ['meetingPlace', 'is not a meeting place'],
  initiative_membership_initiative_id_fkey: ['initiativeId', 'no initiative has this ID'],
  initiative_membership_actor_id_fkey: ['actorId', 'no actor has this ID'],
  engagement_actor_id_fkey: ['actorId', 'no actor has this ID'],
  engagement_event_id_fkey: ['eventId', 'no event has this ID'],
  engagement_initiative_id_fkey: ['initiativeId', 'no initiative has this ID'],
};
const CHECKS: ConstraintMessages = {
  initiative_membership_dates_check: ['leftOn', 'must not be before joinedOn'],
};

/**
 * Initiatives, memberships and recorded engagements: the ladder's evidence beyond attendance. Every
 * write is one transaction with its audit row; database triggers mark the actors in the ladder outbox
 * in that transaction, and after the commit the worker is told which actors changed.
 */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: LadderNotifier,
  ) {}

  get(id: string): Promise<InitiativeEntity | null> {
    return new InitiativeRepository(this.dataSource.manager).findById(parseId('id', id));
  }

  page(
    filter: InitiativeFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<InitiativeEntity>> {
    return new InitiativeRepository(this.dataSource.manager).page(filter, pageSize(first), after);
  }

  async create(input: CreateInitiativeInput, user: UserEntity): Promise<InitiativeEntity> {
    // No actor's evidence changes until someone joins, so there is no one to notify.
    return this.write(async (em) => {
      const initiative = await new InitiativeRepository(em).insert(
        {
          name: requireName('name', input.name),
          kind: input.kind,
          topics: normaliseTopics(input.topics),
          startedOn: requireCalendarDate('startedOn', input.startedOn),
          meetingPlace: input.meetingPlace ?? null,
        },
        user.id,
      );
      const fields = Object.keys(input).filter((k) => input[k as keyof CreateInitiativeInput] != null);
      await new AuditRepository(em).record(user.id, 'create', 'initiative', initiative.id, fields);
      return initiative;
    });
  }

  /** Joins, or joins again (new role and date, membership open again); concurrent joins leave one row. */
  async join(input: JoinInitiativeInput, user: UserEntity): Promise<InitiativeMembershipEntity> {
    validateMembershipDates(input.joinedOn, null);
    const membership = await this.write(async (em) => {
      const { initiativeId, actorId } = await this.pair(em, input, user, ANONYMISED_REFUSALS.join);
      const joined = await new InitiativeMembershipRepository(em).join(
        { initiativeId, actorId, role: input.role, joinedOn: input.joinedOn },
        user.id,
      );
      await new AuditRepository(em).record(user.id, 'join', 'initiative_membership', joined.id, [
        'role',
        'joinedOn',
        'leftOn',
      ]);
      return joined;
    });
    await this.notifier.notify([membership.actorId]);
    return membership;
  }

  async leave(input: LeaveInitiativeInput, user: UserEntity): Promise<InitiativeMembershipEntity> {
    requireCalendarDate('leftOn', input.leftOn);
    const membership = await this.write(async (em) => {
      // Leaving ends a membership: taken for an anonymised person too, so their membership can end.
      const { initiativeId, actorId } = await this.pair(em, input, user, null);
      const memberships = new InitiativeMembershipRepository(em);
      const current = await memberships.find(initiativeId, actorId, true);
      if (!current) throw new DomainValidationError('actorId', 'is not a member of this initiative');
      // Repeating the same leave (a retry) changes nothing; leaving twice on different days is refused.
      if (current.leftOn === input.leftOn) return current;
      if (current.leftOn !== null) {
        throw new DomainValidationError('actorId', `left this initiative on ${current.leftOn}`);
      }
      validateMembershipDates(current.joinedOn, input.leftOn);
      const left = await memberships.leave(current.id, input.leftOn, user.id);
      await new AuditRepository(em).record(user.id, 'leave', 'initiative_membership', left.id, ['leftOn']);
      return left;
    });
    await this.notifier.notify([membership.actorId]);
    return membership;
  }

  async recordEngagement(input: RecordEngagementInput, user: UserEntity): Promise<EngagementEntity> {
    const occurredOn = requireCalendarDate('occurredOn', input.occurredOn);
    const note = normaliseNote(input.note);
    const engagement = await this.write(async (em) => {
      const actorId = parseId('actorId', input.actorId);
      const eventId = input.eventId ? parseId('eventId', input.eventId) : null;
      const initiativeId = input.initiativeId ? parseId('initiativeId', input.initiativeId) : null;
      await requireWritableActor(em, actorId, 'actorId', user, {
        anonymised: ANONYMISED_REFUSALS.engagement,
      });
      const [found] = await em.query(
        `SELECT $1::uuid IS NULL OR EXISTS (SELECT 1 FROM event WHERE id = $1) AS event,
           $2::uuid IS NULL OR EXISTS (SELECT 1 FROM initiative WHERE id = $2) AS initiative`,
        [eventId, initiativeId],
      );
      if (!found.event) throw new DomainValidationError('eventId', 'no event has this ID');
      if (!found.initiative) throw new DomainValidationError('initiativeId', 'no initiative has this ID');
      const recorded = await new EngagementRepository(em).insert(
        { actorId, kind: input.kind, occurredOn, eventId, initiativeId, note },
        user.id,
      );
      const fields = Object.keys(input).filter((k) => input[k as keyof RecordEngagementInput] != null);
      await new AuditRepository(em).record(user.id, 'create', 'engagement', recorded.id, fields);
      return recorded;
    });
    await this.notifier.notify([engagement.actorId]);
    return engagement;
  }

  /** Removes a wrongly recorded engagement. */
  async removeEngagement(id: string, user: UserEntity): Promise<EngagementEntity> {
    const engagementId = parseId('id', id);
    const removed = await this.write(async (em) => {
      const deleted = await new EngagementRepository(em).delete(engagementId);
      if (!deleted) throw new DomainValidationError('id', 'no engagement has this ID');
      await new AuditRepository(em).record(user.id, 'delete', 'engagement', deleted.id);
      return deleted;
    });
    await this.notifier.notify([removed.actorId]);
    return removed;
  }

  /** One transaction per user action; a constraint the database raises becomes a field error. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const check = isDatabaseError(error, PG_CHECK_VIOLATION) && CHECKS[constraintOf(error) ?? ''];
      if (check) throw new DomainValidationError(check[0], check[1]);
      throw translateConstraint(error, CONSTRAINTS);
    }
  }

  /**
   * The initiative must exist; the actor must be one the user may write to (locked until commit; see
   * requireWritableActor), `anonymised` being the refusal for an anonymised person or null.
   */
  private async pair(
    em: EntityManager,
    input: { initiativeId: string; actorId: string },
    user: UserEntity,
    anonymised: string | null,
  ) {
    const initiativeId = parseId('initiativeId', input.initiativeId);
    const actorId = parseId('actorId', input.actorId);
    const [found] = await em.query(`SELECT EXISTS (SELECT 1 FROM initiative WHERE id = $1) AS initiative`, [
      initiativeId,
    ]);
    if (!found.initiative) throw new DomainValidationError('initiativeId', 'no initiative has this ID');
    await requireWritableActor(em, actorId, 'actorId', user, { anonymised });
    return { initiativeId, actorId };
  }
}
