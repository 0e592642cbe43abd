import {
  DomainValidationError,
  normaliseCheckInCode,
  ParticipationSource,
  ParticipationStatus,
  RefusalReason,
  requireIdempotencyKey,
} from '@crm/domain';
import { AuditRepository, ParticipationEntity, ParticipationRepository, UserEntity } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { LivePublisher } from '../live/live-publisher.service';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import {
  ANONYMISED_REFUSALS,
  hiddenFrom,
  NO_ACTOR_HAS_THIS_ID,
  requireWritableActor,
  WritableActorRule,
} from '../restriction/writable-actor';
import { CancelParticipationInput, CheckInInput, RegisterParticipationInput } from './participation.inputs';
import { applyOnce, checkInTime, DoorResult } from './replay';

const PARTICIPATION_CONSTRAINTS: ConstraintMessages = {
  participation_event_id_fkey: ['eventId', 'no event has this ID'],
  participation_actor_id_fkey: ['actorId', 'no actor has this ID'],
};

/** Optional replay arguments of checkInByCode (the argument names of the mutation). */
export interface ReplayArgs {
  idempotencyKey?: string | null;
  occurredAt?: Date | null;
}

@Injectable()
export class ParticipationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ladder: LadderNotifier,
    private readonly live: LivePublisher,
  ) {}

  register(input: RegisterParticipationInput, user: UserEntity): Promise<ParticipationEntity> {
    return this.write(async (em) => {
      const pair = await this.pair(em, input, user, { anonymised: ANONYMISED_REFUSALS.register });
      const participation = await new ParticipationRepository(em).register(
        {
          eventId: pair.eventId,
          actorId: pair.actorId,
          role: input.role,
          status: input.status ?? null,
          source: ParticipationSource.MANUAL,
        },
        user.id,
      );
      const fields = ['role', ...(input.status ? ['status'] : [])];
      await new AuditRepository(em).record(user.id, 'register', 'participation', participation.id, fields);
      return { participation, changed: true };
    });
  }

  /** Checks the actor in at the event (registered or not), once per idempotency key. */
  checkIn(input: CheckInInput, user: UserEntity): Promise<ParticipationEntity> {
    const key = requireIdempotencyKey(input.idempotencyKey);
    return this.write((em) =>
      applyOnce(em, user, key, 'checkIn', async () => {
        // The door's exception (issue 12, item 2): a restricted person's existing registration is
        // checked in (answered masked); a walk-in by id is not, the id being unknown to the user.
        const pair = await this.pair(em, input, user, {
          anonymised: ANONYMISED_REFUSALS.checkIn,
          restrictedAtTheDoor: true,
        });
        if (
          hiddenFrom(user, pair.actor) &&
          !(await new ParticipationRepository(em).find(pair.eventId, pair.actorId))
        ) {
          throw new DomainValidationError('actorId', NO_ACTOR_HAS_THIS_ID);
        }
        const at = await checkInTime(em, pair.eventId, input.occurredAt);
        const outcome = await new ParticipationRepository(em).checkIn(
          pair.eventId,
          pair.actorId,
          user.id,
          at,
        );
        return this.recordCheckIn(em, user, outcome.participation, outcome.change);
      }),
    );
  }

  /**
   * Checks in the participation holding the code, which must be one of this event's and not
   * cancelled; anything else is refused naming the field `code`, and changes nothing.
   */
  checkInByCode(
    rawEventId: string,
    rawCode: string,
    replay: ReplayArgs,
    user: UserEntity,
  ): Promise<ParticipationEntity> {
    const eventId = parseId('eventId', rawEventId);
    const key = requireIdempotencyKey(replay.idempotencyKey);
    const code = normaliseCheckInCode(rawCode);
    if (!code) {
      throw new DomainValidationError('code', 'is not a check-in code (VB- and 12 letters and digits)');
    }
    return this.write((em) =>
      applyOnce(em, user, key, 'checkInByCode', async () => {
        const participations = new ParticipationRepository(em);
        const found = await participations.lockByCode(code);
        if (!found || found.eventId !== eventId) {
          const [event] = await em.query(`SELECT 1 FROM event WHERE id = $1`, [eventId]);
          if (!event) throw new DomainValidationError('eventId', 'no event has this ID');
          throw new DomainValidationError(
            'code',
            found ? 'belongs to another event' : 'no participation has this check-in code',
          );
        }
        if (found.status === ParticipationStatus.CANCELLED) {
          throw new DomainValidationError(
            'code',
            'belongs to a cancelled registration: register the person again to check them in',
          );
        }
        // A restricted person's code is taken (the door's exception, answered masked); an anonymised
        // person's is not. Read without a lock: the participation is locked first here, and a merge
        // locks actors before participations, so locking the actor now could deadlock with it.
        const [owner] = await em.query(
          `SELECT anonymised_at IS NOT NULL AS anonymised FROM actor WHERE id = $1`,
          [found.actorId],
        );
        if (owner?.anonymised) {
          throw new DomainValidationError(
            'code',
            'belongs to an anonymised person, who cannot be checked in',
            RefusalReason.ANONYMISED,
          );
        }
        const at = await checkInTime(em, eventId, replay.occurredAt);
        const outcome = await participations.checkInLocked(found, user.id, at);
        return this.recordCheckIn(em, user, outcome.participation, outcome.change);
      }),
    );
  }

  /**
   * Undoes the latest check-in of the actor at the event: its status and check-in time come back; a
   * walk-in that check-in created is cancelled (kept, so its history and code stay).
   */
  undoCheckIn(input: CheckInInput, user: UserEntity): Promise<ParticipationEntity> {
    const key = requireIdempotencyKey(input.idempotencyKey);
    return this.write((em) =>
      applyOnce(em, user, key, 'undoCheckIn', async () => {
        // Undoing a check-in only takes back what the door recorded: taken for a restricted person
        // (as their check-in is) and an anonymised one.
        const pair = await this.pair(em, input, user, { anonymised: null, restrictedAtTheDoor: true });
        const undone = await new ParticipationRepository(em).undoCheckIn(pair.eventId, pair.actorId, user.id);
        if (!undone) throw new DomainValidationError('actorId', 'is not registered for this event');
        if (undone === 'NOT_CHECKED_IN') {
          throw new DomainValidationError('actorId', 'is not checked in: there is no check-in to undo');
        }
        await new AuditRepository(em).record(user.id, 'undo_check_in', 'participation', undone.id, [
          'status',
          'checkedInAt',
        ]);
        return { participation: undone, changed: true };
      }),
    );
  }

  cancel(input: CancelParticipationInput, user: UserEntity): Promise<ParticipationEntity> {
    return this.write(async (em) => {
      // Cancelling ends a registration: taken for an anonymised person too.
      const pair = await this.pair(em, input, user, { anonymised: null });
      const participation = await new ParticipationRepository(em).cancel(pair.eventId, pair.actorId, user.id);
      if (!participation) throw new DomainValidationError('actorId', 'is not registered for this event');
      await new AuditRepository(em).record(user.id, 'cancel', 'participation', participation.id, ['status']);
      return { participation, changed: true };
    });
  }

  private async recordCheckIn(
    em: EntityManager,
    user: UserEntity,
    participation: ParticipationEntity,
    change: 'CREATED' | 'CHECKED_IN' | 'UNCHANGED',
  ): Promise<DoorResult> {
    if (change === 'UNCHANGED') return { participation, changed: false }; // a double tap: nothing to record
    const fields =
      change === 'CREATED' ? ['role', 'status', 'checkedInAt', 'source'] : ['status', 'checkedInAt'];
    await new AuditRepository(em).record(
      user.id,
      change === 'CREATED' ? 'walk_in' : 'check_in',
      'participation',
      participation.id,
      fields,
    );
    return { participation, changed: true };
  }

  /**
   * One transaction; after it commits, the worker hears whose evidence changed and every API
   * process that the event's attendance did.
   */
  private async write(work: (em: EntityManager) => Promise<DoorResult>): Promise<ParticipationEntity> {
    let result: DoorResult;
    try {
      result = await this.dataSource.transaction(work);
    } catch (error) {
      throw translateConstraint(error, PARTICIPATION_CONSTRAINTS);
    }
    if (result.changed) {
      await this.ladder.notify([result.participation.actorId]);
      await this.live.attendanceChanged([result.participation.eventId]);
    }
    return result.participation;
  }

  /**
   * The event must exist; the actor must be one the user may write to under `rule` (locked until
   * commit; see requireWritableActor).
   */
  private async pair(
    em: EntityManager,
    input: { eventId: string; actorId: string },
    user: UserEntity,
    rule: WritableActorRule,
  ) {
    const eventId = parseId('eventId', input.eventId);
    const actorId = parseId('actorId', input.actorId);
    const [event] = await em.query(`SELECT 1 FROM event WHERE id = $1`, [eventId]);
    if (!event) throw new DomainValidationError('eventId', 'no event has this ID');
    const actor = await requireWritableActor(em, actorId, 'actorId', user, rule);
    return { eventId, actorId, actor };
  }
}
