// Registered when the app starts (imported by routes.tsx), so signing out clears what the door
// cached even when the door was not opened since the page loaded: the participants on the device and
// the signing-out user's queue (after the warning that counts it). Another user's queue is kept.
import { storedUser } from '../auth/session';
import { onSignOutClear, registerPendingWork } from '../auth/sign-out-cleanup';

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

let registered = false;

export function registerDoorDeviceData(): void {
  if (registered) return;
  registered = true;
  registerPendingWork(pendingCheckIns);
  onSignOutClear(clearDoorDeviceData);
}
