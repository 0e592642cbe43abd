import { acceptedCheckInTime, DomainValidationError } from '@crm/domain';
import {
  IdempotencyRepository,
  type IdempotentOperation,
  ParticipationEntity,
  ParticipationRepository,
  UserEntity,
} from '@crm/persistence';
import { EntityManager } from 'typeorm';

/** What a door action answers, and whether it changed anything (what to publish and notify). */
export interface DoorResult {
  participation: ParticipationEntity;
  changed: boolean;
}

/**
 * Runs a door action at most once per idempotency key, inside the caller's transaction: the key is
 * claimed first (INSERT .. ON CONFLICT DO NOTHING) and committed together with the action's effect,
 * so a crash between the two cannot apply it twice, and a second request carrying the same key,
 * even at the same moment, waits for the first and answers the participation the first answered
 * (re-read, so as it is now). A key used before for another operation is refused; without a key the
 * action just runs. Check the key with requireIdempotencyKey (libs/domain) before the transaction.
 */
export async function applyOnce(
  em: EntityManager,
  user: UserEntity,
  key: string | null,
  operation: IdempotentOperation,
  action: () => Promise<DoorResult>,
): Promise<DoorResult> {
  if (!key) return action();
  const keys = new IdempotencyRepository(em);
  const used = await keys.claim(user.id, key, operation);
  if (!used) {
    const result = await action();
    await keys.complete(user.id, key, result.participation.id);
    return result;
  }
  if (used.operation !== operation) {
    throw new DomainValidationError('idempotencyKey', `was already used for ${used.operation}`);
  }
  const [participation] = used.participationId
    ? await new ParticipationRepository(em).findByIds([used.participationId])
    : [];
  if (!participation) {
    throw new DomainValidationError('idempotencyKey', 'was used for a participation that no longer exists');
  }
  return { participation, changed: false };
}

/**
 * The time to record for a check-in: the device's `occurredAt` when it is believed (on the event's
 * day in Europe/Stockholm, not in the future), else null for the server's time. Null for an unknown
 * event as well: the action itself reports that.
 */
export async function checkInTime(
  em: EntityManager,
  eventId: string,
  occurredAt: Date | null | undefined,
): Promise<Date | null> {
  if (!occurredAt) return null;
  const [event] = (await em.query(`SELECT starts_at, ends_at FROM event WHERE id = $1`, [eventId])) as {
    starts_at: Date;
    ends_at: Date | null;
  }[];
  if (!event) return null;
  return acceptedCheckInTime({
    occurredAt,
    now: new Date(),
    startsAt: event.starts_at,
    endsAt: event.ends_at,
  });
}
