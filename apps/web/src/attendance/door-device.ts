// Registered when the app starts (imported by routes.tsx), so signing out clears what the door
// cached even when the door was not opened since the page loaded: the participants on the device and
// the signing-out user's queue (after the warning that counts it). Another user's queue is kept. A
// session that ends on the server clears the participants; lists not refreshed for 24 hours go at start.
import { storedUser } from '../auth/session';
import { onSessionEndClear, onSignOutClear, registerPendingWork } from '../auth/sign-out-cleanup';

/** How long an event's participant list may stay on the device without being refreshed. */
export const PARTICIPANT_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

export async function pendingCheckIns(): Promise<number> {
  const user = storedUser();
  if (!user || !hasIndexedDb()) return 0;
  // Loaded when asked (idb stays out of the app's main bundle).
  const { queuedCount } = await import('./door-db');
  return queuedCount(user.id);
}

export async function clearDoorDeviceData(): Promise<void> {
  if (!hasIndexedDb()) return;
  const user = storedUser();
  const { clearParticipantCache, clearQueue } = await import('./door-db');
  await clearParticipantCache();
  if (user) await clearQueue(user.id);
}

/** The participants on the device, not the queue (which waits for its user to sign in again). */
export async function clearCachedParticipants(): Promise<void> {
  if (!hasIndexedDb()) return;
  const { clearParticipantCache } = await import('./door-db');
  await clearParticipantCache();
}

async function purgeStaleParticipants(): Promise<void> {
  if (!hasIndexedDb()) return;
  const { purgeStaleParticipantCache } = await import('./door-db');
  await purgeStaleParticipantCache(PARTICIPANT_CACHE_MAX_AGE_MS);
}

let registered = false;

export function registerDoorDeviceData(): void {
  if (registered) return;
  registered = true;
  registerPendingWork(pendingCheckIns);
  onSignOutClear(clearDoorDeviceData);
  // A session that ended on the server (idle 8 h, password changed, user disabled) takes the cached
  // participants with it; the queue stays for the same user.
  onSessionEndClear(clearCachedParticipants);
  void purgeStaleParticipants().catch(() => undefined);
}
