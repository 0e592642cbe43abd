import { DomainValidationError, requireIdempotencyKey } from '@crm/domain';
import {
  ActorEntity,
  ActorMatcher,
  AttendanceRepository,
  AuditRepository,
  DuplicateRepository,
  ParticipationEntity,
  ParticipationRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreatePersonInput } from '../actors/actor.inputs';
import { ActorsService } from '../actors/actors.service';
import { parseId } from '../common/ids';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { LivePublisher } from '../live/live-publisher.service';
import { applyOnce, checkInTime } from '../participations/replay';
import { EventAttendance } from './attendance.models';

export const MAX_QUERY_LENGTH = 100;

const WALK_IN_CONSTRAINTS: ConstraintMessages = {
  participation_event_id_fkey: ['eventId', 'no event has this ID'],
  actor_organisation_fkey: ['organisationId', 'is not an organisation'],
  actor_email_key: ['email', 'is already registered for another person'],
};

@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
    private readonly ladder: LadderNotifier,
    private readonly live: LivePublisher,
  ) {}

  /** `seesRestricted`: whether restricted persons may be found (ADMIN only). */
  async checkInSearch(
    rawEventId: string,
    query: string,
    seesRestricted = false,
  ): Promise<ParticipationEntity[]> {
    const eventId = parseId('eventId', rawEventId);
    if ([...query].length > MAX_QUERY_LENGTH) {
      throw new DomainValidationError('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
    }
    const tokens = query.split(/\s+/u).filter(Boolean);
    if (!tokens.length) throw new DomainValidationError('query', 'must not be blank');
    const attendance = new AttendanceRepository(this.dataSource.manager);
    const found = await attendance.checkInSearch(eventId, tokens, undefined, seesRestricted);
    // Only an empty answer costs the look-up that tells an unknown event from no match.
    if (!found.length && !(await attendance.eventExists(eventId))) throw noSuchEvent();
    return found;
  }

  async eventAttendance(rawEventId: string): Promise<EventAttendance> {
    const eventId = parseId('eventId', rawEventId);
    const attendance = await new AttendanceRepository(this.dataSource.manager).eventAttendance(eventId);
    if (!attendance) throw noSuchEvent();
    return attendance;
  }

  /**
   * One transaction: the person is validated as createPerson validates, matched (by email, else
   * confidently by name among the event's participants) or created, then checked in. The email's
   * unique index, the name's advisory lock and the (event, actor) constraint make a double tap, or
   * two desks at once, end in one person and one participation. With an idempotency key a replay
   * applies once; `occurredAt` is the check-in time when it is believed (see checkInTime).
   */
  async walkIn(
    rawEventId: string,
    input: CreatePersonInput,
    user: UserEntity,
    replay: { idempotencyKey?: string | null; occurredAt?: Date | null } = {},
  ): Promise<ParticipationEntity> {
    const eventId = parseId('eventId', rawEventId);
    const key = requireIdempotencyKey(replay.idempotencyKey);
    let result: { participation: ParticipationEntity; changed: boolean; actor: ActorEntity | null };
    try {
      result = await this.dataSource.transaction(async (em) => {
        let actor: ActorEntity | null = null;
        const done = await applyOnce(em, user, key, 'walkIn', async () => {
          const attendance = new AttendanceRepository(em);
          if (!(await attendance.eventExists(eventId))) throw noSuchEvent();
          const values = await this.actors.personValues(em, input);
          const match = await new ActorMatcher(em, user.id).person(values, { eventId });
          actor = match.actor;
          const at = await checkInTime(em, eventId, replay.occurredAt);
          const outcome = await new ParticipationRepository(em).checkIn(eventId, match.actor.id, user.id, at);
          const audit = new AuditRepository(em);
          if (match.created) {
            await audit.record(user.id, 'create', 'actor', match.actor.id, Object.keys(input));
            await new DuplicateRepository(em).scanFor([match.actor.id]);
          }
          if (outcome.change === 'CREATED') {
            await audit.record(user.id, 'walk_in', 'participation', outcome.participation.id, [
              'role',
              'status',
              'checkedInAt',
              'source',
            ]);
          } else if (outcome.change === 'CHECKED_IN') {
            await audit.record(user.id, 'check_in', 'participation', outcome.participation.id, [
              'status',
              'checkedInAt',
            ]);
          } // else already in: a double tap changes nothing, so there is nothing to record
          return {
            participation: outcome.participation,
            changed: match.created || outcome.change !== 'UNCHANGED',
          };
        });
        return { ...done, actor };
      });
    } catch (error) {
      throw translateConstraint(error, WALK_IN_CONSTRAINTS);
    }
    const actor = result.actor as ActorEntity | null;
    if (actor) await this.ladder.notify([actor.id, actor.organisationId]);
    if (result.changed) await this.live.attendanceChanged([eventId]);
    return result.participation;
  }
}

function noSuchEvent(): DomainValidationError {
  return new DomainValidationError('eventId', 'no event has this ID');
}
