import { clearOnSessionEnd } from '../auth/sign-out-cleanup';
import {
  cacheParticipants,
  cachedParticipants,
  enqueue,
  purgeStaleParticipantCache,
  queuedItems,
} from './door-db';
import { registerDoorDeviceData } from './door-device';
import type { QueueItem } from './door-queue';
import { resetDoorDb } from './door-test-utils';
import type { DoorParticipant } from './door-types';

const participant = (id: string, eventId: string): DoorParticipant => ({
  id,
  eventId,
  actorId: `actor-${id}`,
  name: `Person ${id}`,
  email: null,
  organisation: null,
  role: 'AUDIENCE',
  status: 'REGISTERED',
  checkedInAt: null,
  checkInCode: null,
});

beforeEach(resetDoorDb);

describe("the door's data on the device", () => {
  it('forgets the event lists not refreshed for 24 hours, and keeps them within the day', async () => {
    const t0 = Date.now();
    await cacheParticipants('almedalen', [participant('1', 'almedalen'), participant('2', 'almedalen')]);
    await cacheParticipants('lycksele', [participant('3', 'lycksele')]);
    const day = 24 * 3_600_000;
    expect(await purgeStaleParticipantCache(day, t0 + 23 * 3_600_000)).toBe(0);
    expect(await cachedParticipants('almedalen')).toHaveLength(2);
    expect(await purgeStaleParticipantCache(day, t0 + day + 60_000)).toBe(2);
    expect(await cachedParticipants('almedalen')).toEqual([]);
    expect(await cachedParticipants('lycksele')).toEqual([]);
  });

  it('clears the participants when the server ends the session, but keeps the unsent check-ins for the same user', async () => {
    registerDoorDeviceData();
    await cacheParticipants('event', [participant('1', 'event')]);
    const item: QueueItem = {
      kind: 'checkIn',
      key: 'k1',
      userId: 'user-1',
      eventId: 'event',
      occurredAt: new Date().toISOString(),
      name: 'Person 1',
      actorId: 'actor-1',
      participationId: '1',
    };
    await enqueue(item);
    await clearOnSessionEnd();
    expect(await cachedParticipants('event')).toEqual([]);
    expect(await queuedItems('user-1')).toHaveLength(1);
  });
});
