import { can, DomainValidationError, Permission } from '@crm/domain';
import {
  ActorEntity,
  ActorRepository,
  AuditRepository,
  DuplicateCandidateRow,
  DuplicateRepository,
  mergeActors,
  MergeResult,
  Page,
  pageSize,
  ParticipationRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { LivePublisher } from '../live/live-publisher.service';
import { requireWritableActor } from '../restriction/writable-actor';

/** The database's answers in the user's terms (a dismissal by a user deleted meanwhile, say). */
const CONSTRAINTS: ConstraintMessages = {
  actor_merge_merged_key: ['mergeId', 'has already been merged'],
};

/**
 * Duplicate candidates and merges. Each mutation is one transaction with its audit row (field
 * names only); after a merge commits, the worker hears of the kept actor and its organisations,
 * whose ladder placement now includes the merged actor's evidence.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: LadderNotifier,
    private readonly live: LivePublisher,
  ) {}

  /** Pairs with a restricted person only for a viewer who may see restricted persons (RESTRICT_PROCESSING). */
  page(
    first: number | null | undefined,
    after: string | null | undefined,
    user: UserEntity,
  ): Promise<Page<DuplicateCandidateRow>> {
    return new DuplicateRepository(this.dataSource.manager).page(pageSize(first), after, {
      seesRestricted: can(user.role, Permission.RESTRICT_PROCESSING),
    });
  }

  /** Merges `mergeId` into `keepId`; answers the kept actor as it is after the merge. */
  async merge(keepId: string, mergeId: string, user: UserEntity): Promise<ActorEntity> {
    const keep = parseId('keepId', keepId);
    const merge = parseId('mergeId', mergeId);
    const { result, kept, eventIds } = await this.write(async (em) => {
      // Both rows locked in id order (as mergeActors locks them), so merges of one pair never
      // deadlock; a restricted person hidden from this user is, to them, an id that names no actor.
      // mergeActors answers for an anonymised one itself.
      const fields = new Map([
        [keep, 'keepId'],
        [merge, 'mergeId'],
      ]);
      for (const id of [...fields.keys()].sort()) {
        await requireWritableActor(em, id, fields.get(id)!, user, { anonymised: null, lock: 'FOR UPDATE' });
      }
      // The events either actor takes part in: their counts (and splits) may change with the merge.
      const eventIds = await new ParticipationRepository(em).eventIdsOf([keep, merge]);
      const merged: MergeResult = await mergeActors(em, keep, merge, user.id);
      await new AuditRepository(em).record(user.id, 'merge', 'actor', keep, merged.moved.filledFields);
      const actor = await new ActorRepository(em).findById(keep);
      if (!actor) throw new Error('the kept actor is gone after its merge');
      return { result: merged, kept: actor, eventIds };
    });
    await this.notifier.notify(result.affectedActorIds);
    await this.live.attendanceChanged(eventIds);
    return kept;
  }

  /** Marks a candidate as not a duplicate; it is not proposed again. */
  async dismiss(id: string, user: UserEntity): Promise<boolean> {
    const candidateId = parseId('id', id);
    return this.write(async (em) => {
      const seesRestricted = can(user.role, Permission.RESTRICT_PROCESSING);
      if (!(await new DuplicateRepository(em).dismiss(candidateId, user.id, { seesRestricted }))) {
        throw new DomainValidationError('id', 'no open duplicate candidate has this ID');
      }
      await new AuditRepository(em).record(user.id, 'dismiss', 'duplicate_candidate', candidateId, [
        'dismissedAt',
        'dismissedBy',
      ]);
      return true;
    });
  }

  /** One transaction per user action; a constraint the database raises becomes a field error. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw translateConstraint(error, CONSTRAINTS);
    }
  }
}
