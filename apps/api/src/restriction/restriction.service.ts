import { ActorKind, DomainValidationError, RefusalReason } from '@crm/domain';
import {
  ActorEntity,
  AuditRepository,
  ParticipationRepository,
  RestrictionRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { requireReason } from '../common/reason';
import { LivePublisher } from '../live/live-publisher.service';
import { ANONYMISED_REFUSALS, requireWritableActor } from './writable-actor';

export const MAX_RESTRICTION_REASON_LENGTH = 500;

/** What the audit trail records of a restriction or its lifting: field names only, never the reason. */
const RESTRICTION_FIELDS = ['restricted_at', 'restriction_reason'];

/**
 * Restriction of processing (GDPR art. 18): a restricted person is hidden from everyone but ADMIN and
 * never proposed for an invitation, but still counted. One transaction and one audit row per action;
 * after commit, the open attendance lists (the door) of the person's events are told to fetch again,
 * so the person leaves them (or, when the restriction is lifted, comes back).
 */
@Injectable()
export class RestrictionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  async restrict(rawActorId: string, rawReason: string, user: UserEntity): Promise<ActorEntity> {
    const actorId = parseId('actorId', rawActorId);
    const reason = requireReason(rawReason, MAX_RESTRICTION_REASON_LENGTH);
    const { actor, eventIds } = await this.dataSource.transaction(async (em) => {
      await this.person(em, actorId, user, ANONYMISED_REFUSALS.restrict);
      const restricted = await new RestrictionRepository(em).restrict(actorId, reason, user.id);
      if (!restricted) {
        throw new DomainValidationError('actorId', 'is already restricted', RefusalReason.ALREADY_RESTRICTED);
      }
      await new AuditRepository(em).record(user.id, 'restrict', 'actor', actorId, RESTRICTION_FIELDS);
      return { actor: restricted, eventIds: await new ParticipationRepository(em).eventIdsOf([actorId]) };
    });
    await this.live.attendanceChanged(eventIds);
    return actor;
  }

  async lift(rawActorId: string, user: UserEntity): Promise<ActorEntity> {
    const actorId = parseId('actorId', rawActorId);
    const { actor, eventIds } = await this.dataSource.transaction(async (em) => {
      // Anonymisation lifts a restriction itself; lifting is refused below as "is not restricted".
      await this.person(em, actorId, user, null);
      const lifted = await new RestrictionRepository(em).lift(actorId, user.id);
      if (!lifted) {
        throw new DomainValidationError('actorId', 'is not restricted', RefusalReason.NOT_RESTRICTED);
      }
      await new AuditRepository(em).record(user.id, 'lift_restriction', 'actor', actorId, RESTRICTION_FIELDS);
      return { actor: lifted, eventIds: await new ParticipationRepository(em).eventIdsOf([actorId]) };
    });
    await this.live.attendanceChanged(eventIds);
    return actor;
  }

  /** The actor, locked for the transaction; a person, else a field error. */
  private async person(
    em: EntityManager,
    actorId: string,
    user: UserEntity,
    anonymised: string | null,
  ): Promise<ActorEntity> {
    const actor = await requireWritableActor(em, actorId, 'actorId', user, {
      anonymised,
      lock: 'FOR UPDATE',
    });
    if (actor.kind !== ActorKind.PERSON) {
      throw new DomainValidationError(
        'actorId',
        'only a person’s processing can be restricted',
        RefusalReason.NOT_A_PERSON,
      );
    }
    return actor;
  }
}
