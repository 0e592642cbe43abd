// Shared by the door's specs: a fresh IndexedDB per test and participants to search.
import { closeDoorDb, DOOR_DB } from './door-db';
import type { DoorParticipant } from './door-types';

export async function resetDoorDb(): Promise<void> {
  await closeDoorDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DOOR_DB);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

export function participant(
  overrides: Partial<DoorParticipant> & { id: string; name: string },
): DoorParticipant {
  return {
    eventId: 'e1',
    actorId: `a-${overrides.id}`,
    email: null,
    organisation: null,
    role: 'AUDIENCE',
    status: 'REGISTERED',
    checkedInAt: null,
    checkInCode: null,
    ...overrides,
  };
}
