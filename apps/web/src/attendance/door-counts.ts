// The counts the door shows: the server's (subscription or polling) plus what this device has queued
// and the server has not yet counted — so a door without connection still counts its own taps.
import type { DoorCounts } from './door-types';
import type { QueueItem } from './door-queue';

export const EMPTY_COUNTS: DoorCounts = { registered: 0, attended: 0, walkIns: 0 };

export function adjustCounts(base: DoorCounts, pending: readonly QueueItem[], eventId: string): DoorCounts {
  const counts = { ...base };
  for (const item of pending) {
    if (item.eventId !== eventId) continue;
    if (item.kind === 'checkIn') counts.attended += 1;
    else if (item.kind === 'undo') counts.attended -= 1;
    else {
      counts.attended += 1;
      counts.walkIns += 1;
    }
  }
  counts.attended = Math.max(0, counts.attended);
  return counts;
}
