// What the device keeps for a signed-in user (the door's cached participants, say) registers its
// clean-up here; signing out runs them all. Pending work (the door's unsent check-ins) reports its
// size first, so the user is warned before it is discarded.
type Cleanup = () => Promise<void> | void;
type PendingCount = () => Promise<number>;

const cleanups = new Set<Cleanup>();
const sessionEndCleanups = new Set<Cleanup>();
const pendingCounters = new Set<PendingCount>();

export function onSignOutClear(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** What to forget when the server says the session has ended (not the user's unsent work). */
export function onSessionEndClear(cleanup: Cleanup): () => void {
  sessionEndCleanups.add(cleanup);
  return () => sessionEndCleanups.delete(cleanup);
}

export async function clearOnSessionEnd(): Promise<void> {
  await Promise.all([...sessionEndCleanups].map(async (cleanup) => cleanup()));
}

export function registerPendingWork(counter: PendingCount): () => void {
  pendingCounters.add(counter);
  return () => pendingCounters.delete(counter);
}

export async function pendingWorkCount(): Promise<number> {
  const counts = await Promise.all([...pendingCounters].map((count) => count().catch(() => 0)));
  return counts.reduce((sum, n) => sum + n, 0);
}

export async function clearDeviceData(): Promise<void> {
  await Promise.all([...cleanups].map(async (cleanup) => cleanup()));
}
