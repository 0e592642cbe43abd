import { ActorKind, DomainValidationError } from '@crm/domain';
import {
  ActorEntity,
  ActorRepository,
  AuditRepository,
  RestrictionRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';

export const MAX_RESTRICTION_REASON_LENGTH = 500;

/** What the audit trail records of a restriction or its lifting: field names only, never the reason. */
const RESTRICTION_FIELDS = ['restricted_at', 'restriction_reason'];

/**
 * Restriction of processing (GDPR art. 18): a restricted person is hidden from everyone but ADMIN and
 * never proposed for an invitation, but still counted. One transaction and one audit row per action.
 */
@Injectable()
export class RestrictionService {
  constructor(private readonly dataSource: DataSource) {}

  restrict(rawActorId: string, rawReason: string, user: UserEntity): Promise<ActorEntity> {
    const actorId = parseId('actorId', rawActorId);
    const reason = requireReason(rawReason);
    return this.dataSource.transaction(async (em) => {
      await this.person(em, actorId);
      const restricted = await new RestrictionRepository(em).restrict(actorId, reason, user.id);
      if (!restricted) throw new DomainValidationError('actorId', 'is already restricted');
      await new AuditRepository(em).record(user.id, 'restrict', 'actor', actorId, RESTRICTION_FIELDS);
      return restricted;
    });
  }

  lift(rawActorId: string, user: UserEntity): Promise<ActorEntity> {
    const actorId = parseId('actorId', rawActorId);
    return this.dataSource.transaction(async (em) => {
      await this.person(em, actorId);
      const lifted = await new RestrictionRepository(em).lift(actorId, user.id);
      if (!lifted) throw new DomainValidationError('actorId', 'is not restricted');
      await new AuditRepository(em).record(user.id, 'lift_restriction', 'actor', actorId, RESTRICTION_FIELDS);
      return lifted;
    });
  }

  /** The actor, locked for the transaction; a person, else a field error. */
  private async person(em: EntityManager, actorId: string): Promise<ActorEntity> {
    const actor = await new ActorRepository(em).findById(actorId, true);
    if (!actor) throw new DomainValidationError('actorId', 'no actor has this ID');
    if (actor.kind !== ActorKind.PERSON) {
      throw new DomainValidationError('actorId', 'only a person’s processing can be restricted');
    }
    return actor;
  }
}

function requireReason(raw: string): string {
  const reason = (raw ?? '').trim();
  if (!reason) throw new DomainValidationError('reason', 'must not be blank');
  if ([...reason].length > MAX_RESTRICTION_REASON_LENGTH) {
    throw new DomainValidationError('reason', `must be at most ${MAX_RESTRICTION_REASON_LENGTH} characters`);
  }
  return reason;
}
