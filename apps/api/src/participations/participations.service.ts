import { DomainValidationError, ParticipationSource } from '@crm/domain';
import { AuditRepository, ParticipationEntity, ParticipationRepository, UserEntity } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { CancelParticipationInput, CheckInInput, RegisterParticipationInput } from './participation.inputs';

const PARTICIPATION_CONSTRAINTS: ConstraintMessages = {
  participation_event_id_fkey: ['eventId', 'no event has this ID'],
  participation_actor_id_fkey: ['actorId', 'no actor has this ID'],
};

@Injectable()
export class ParticipationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ladder: LadderNotifier,
  ) {}

  register(input: RegisterParticipationInput, user: UserEntity): Promise<ParticipationEntity> {
    return this.write(async (em) => {
      const pair = await this.pair(em, input);
      const participation = await new ParticipationRepository(em).register(
        { ...pair, role: input.role, status: input.status ?? null, source: ParticipationSource.MANUAL },
        user.id,
      );
      const fields = ['role', ...(input.status ? ['status'] : [])];
      await new AuditRepository(em).record(user.id, 'register', 'participation', participation.id, fields);
      return participation;
    });
  }

  checkIn(input: CheckInInput, user: UserEntity): Promise<ParticipationEntity> {
    return this.write(async (em) => {
      const pair = await this.pair(em, input);
      const participation = await new ParticipationRepository(em).checkIn(
        pair.eventId,
        pair.actorId,
        user.id,
      );
      await new AuditRepository(em).record(user.id, 'check_in', 'participation', participation.id, [
        'status',
        'checkedInAt',
      ]);
      return participation;
    });
  }

  cancel(input: CancelParticipationInput, user: UserEntity): Promise<ParticipationEntity> {
    return this.write(async (em) => {
      const pair = await this.pair(em, input);
      const participation = await new ParticipationRepository(em).cancel(pair.eventId, pair.actorId, user.id);
      if (!participation) throw new DomainValidationError('actorId', 'is not registered for this event');
      await new AuditRepository(em).record(user.id, 'cancel', 'participation', participation.id, ['status']);
      return participation;
    });
  }

  /** One transaction; after it commits, the worker hears whose evidence changed. */
  private async write(
    work: (em: EntityManager) => Promise<ParticipationEntity>,
  ): Promise<ParticipationEntity> {
    let participation: ParticipationEntity;
    try {
      participation = await this.dataSource.transaction(work);
    } catch (error) {
      throw translateConstraint(error, PARTICIPATION_CONSTRAINTS);
    }
    await this.ladder.notify([participation.actorId]);
    return participation;
  }

  /** Checks both IDs in one statement so the user hears which one is wrong. */
  private async pair(em: EntityManager, input: { eventId: string; actorId: string }) {
    const eventId = parseId('eventId', input.eventId);
    const actorId = parseId('actorId', input.actorId);
    const [found] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM event WHERE id = $1) AS event, EXISTS (SELECT 1 FROM actor WHERE id = $2) AS actor`,
      [eventId, actorId],
    );
    if (!found.event) throw new DomainValidationError('eventId', 'no event has this ID');
    if (!found.actor) throw new DomainValidationError('actorId', 'no actor has this ID');
    return { eventId, actorId };
  }
}
