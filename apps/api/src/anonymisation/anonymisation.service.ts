import { ActorKind, DomainValidationError, RefusalReason } from '@crm/domain';
import {
  ActorEntity,
  ActorRepository,
  anonymisePersons,
  deletePersonWithoutEvidence,
  ErasureContext,
  ParticipationRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { requireReason } from '../common/reason';
import { LivePublisher } from '../live/live-publisher.service';

/** The longest case reference an ADMIN may give (erasure_ledger.decision_reference). */
export const MAX_REASON_LENGTH = 200;

/**
 * Anonymisation and deletion of persons (issue 12, item 3), each one transaction with its audit row
 * (field names only) and its erasure-ledger row (ids, the date and the case reference).
 * Anonymisation keeps every piece of evidence, so every figure stays what it was; deletion is only
 * for a person with no recorded evidence at all.
 */
@Injectable()
export class AnonymisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  async anonymise(actorId: string, reason: string, user: UserEntity): Promise<ActorEntity> {
    const id = parseId('actorId', actorId);
    const context = this.context(reason, user);
    const { actor, eventIds } = await this.dataSource.transaction(async (em) => {
      await this.erasablePerson(em, id);
      const [erased] = await anonymisePersons(em, [id], context);
      if (!erased) throw alreadyAnonymised();
      const anonymised = await new ActorRepository(em).findById(id);
      if (!anonymised) throw new Error('the anonymised actor is gone');
      return { actor: anonymised, eventIds: await new ParticipationRepository(em).eventIdsOf([id]) };
    });
    // Open attendance lists (the door) show the person by name: they fetch the list again.
    await this.live.attendanceChanged(eventIds);
    return actor;
  }

  async delete(actorId: string, reason: string, user: UserEntity): Promise<string> {
    const id = parseId('actorId', actorId);
    const context = this.context(reason, user);
    return this.dataSource.transaction(async (em) => {
      const outcome = await deletePersonWithoutEvidence(em, id, context);
      switch (outcome) {
        case 'DELETED':
          return id;
        case 'NOT_FOUND':
          throw new DomainValidationError('actorId', 'no actor has this ID', RefusalReason.NOT_FOUND);
        case 'NOT_A_PERSON':
          throw notAPerson();
        case 'ANONYMISED':
          throw alreadyAnonymised();
        case 'HAS_EVIDENCE':
          throw new DomainValidationError(
            'actorId',
            'the person has recorded participations, memberships, engagements or ladder history; anonymise instead',
            RefusalReason.HAS_EVIDENCE,
          );
      }
    });
  }

  private context(reason: string, user: UserEntity): ErasureContext {
    return { userId: user.id, retentionRunId: null, reference: requireReason(reason, MAX_REASON_LENGTH) };
  }

  private async erasablePerson(em: EntityManager, id: string): Promise<void> {
    const actor = await new ActorRepository(em).findById(id, true);
    if (!actor) throw new DomainValidationError('actorId', 'no actor has this ID', RefusalReason.NOT_FOUND);
    if (actor.kind !== ActorKind.PERSON) throw notAPerson();
    if (actor.anonymisedAt) throw alreadyAnonymised();
  }
}

function notAPerson(): DomainValidationError {
  return new DomainValidationError(
    'actorId',
    'is an organisation; anonymisation and deletion apply to persons',
    RefusalReason.NOT_A_PERSON,
  );
}

function alreadyAnonymised(): DomainValidationError {
  return new DomainValidationError('actorId', 'is already anonymised', RefusalReason.ANONYMISED);
}
