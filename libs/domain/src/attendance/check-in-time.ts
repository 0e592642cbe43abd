import { stockholmDate } from '../ladder/calendar';

/**
 * When a check-in happened. A device that lost its connection at the door queues its check-ins and
 * replays them later with the time they happened (`occurredAt`); that time is believed only when it
 * is plausible: on the event's day(s) and not in the future.
 */

/** The time zone of every event. */
export const EVENT_TIME_ZONE = 'Europe/Stockholm';

/** How far ahead of the server's clock a device's clock may be. */
export const CHECK_IN_CLOCK_SKEW_MS = 5 * 60_000;

export interface CheckInTimeInput {
  /** The time the device says the check-in happened; null or absent when it says nothing. */
  occurredAt: Date | null | undefined;
  /** The server's time now. */
  now: Date;
  /** The event's start and end (no end: a one-day event). */
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * The device's time when it is to be recorded as the check-in time: from 00:00 of the event's start
 * date to 24:00 of its end date in Europe/Stockholm, and no later than the server's time (a device's
 * clock up to {@link CHECK_IN_CLOCK_SKEW_MS} ahead counts as now). Null otherwise: the server's time
 * is recorded.
 */
export function acceptedCheckInTime({ occurredAt, now, startsAt, endsAt }: CheckInTimeInput): Date | null {
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) return null;
  if (occurredAt.getTime() > now.getTime() + CHECK_IN_CLOCK_SKEW_MS) return null;
  const day = stockholmDate(occurredAt);
  if (day < stockholmDate(startsAt) || day > stockholmDate(endsAt ?? startsAt)) return null;
  // Within the skew: the check-in happened now, not in the future.
  return occurredAt.getTime() > now.getTime() ? null : occurredAt;
}
