// What the door keeps on the device, in IndexedDB: the event's participants (for searching offline),
// the queue of unsent writes and what the server refused, both per user. Signing out clears the
// participants and the signing-out user's queue; another user's queue stays (see door-device.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DoorParticipant } from './door-types';
import type { QueueItem, QueueStore, RefusedItem } from './door-queue';

export const DOOR_DB = 'crm-door';

interface DoorDb extends DBSchema {
  participants: { key: string; value: DoorParticipant; indexes: { byEvent: string } };
  events: { key: string; value: { eventId: string; cachedAt: string; count: number } };
  queue: { key: number; value: QueueItem; indexes: { byUser: string; byKey: string } };
  refused: { key: string; value: RefusedItem; indexes: { byUser: string } };
}

let opening: Promise<IDBPDatabase<DoorDb>> | null = null;

export function doorDb(): Promise<IDBPDatabase<DoorDb>> {
  opening ??= openDB<DoorDb>(DOOR_DB, 1, {
    upgrade(db) {
      db.createObjectStore('participants', { keyPath: 'id' }).createIndex('byEvent', 'eventId');
      db.createObjectStore('events', { keyPath: 'eventId' });
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('byUser', 'userId');
      queue.createIndex('byKey', 'key', { unique: true });
      db.createObjectStore('refused', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
    blocking() {
      // Another tab upgrades or deletes the database: let it.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** Closes the connection (tests delete the database between cases). */
export async function closeDoorDb(): Promise<void> {
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
}

// Participants

/** Replaces the event's cached participants with these. */
export async function cacheParticipants(
  eventId: string,
  participants: readonly DoorParticipant[],
): Promise<void> {
  const db = await doorDb();
  const tx = db.transaction(['participants', 'events'], 'readwrite');
  const store = tx.objectStore('participants');
  const old = await store.index('byEvent').getAllKeys(eventId);
  const keep = new Set(participants.map((p) => p.id));
  await Promise.all([
    ...old.filter((id) => !keep.has(id)).map((id) => store.delete(id)),
    ...participants.map((p) => store.put(p)),
    tx.objectStore('events').put({ eventId, cachedAt: new Date().toISOString(), count: participants.length }),
  ]);
  await tx.done;
}

export async function cachedParticipants(eventId: string): Promise<DoorParticipant[]> {
  return (await doorDb()).getAllFromIndex('participants', 'byEvent', eventId);
}

/** Stores one participant's new state (after a check-in or an undo), if the event is cached. */
export async function updateCachedParticipant(participant: DoorParticipant): Promise<void> {
  await (await doorDb()).put('participants', participant);
}

/**
 * Forgets the participant lists not refreshed within `maxAgeMs` (the door refreshes its event's list
 * whenever it is opened online): personal data stays on a device only while it is of use.
 */
export async function purgeStaleParticipantCache(maxAgeMs: number, now = Date.now()): Promise<number> {
  const db = await doorDb();
  const tx = db.transaction(['participants', 'events'], 'readwrite');
  const events = tx.objectStore('events');
  const participants = tx.objectStore('participants');
  let purged = 0;
  for (const event of await events.getAll()) {
    if (now - Date.parse(event.cachedAt) <= maxAgeMs) continue;
    purged += 1;
    const ids = await participants.index('byEvent').getAllKeys(event.eventId);
    await Promise.all([...ids.map((id) => participants.delete(id)), events.delete(event.eventId)]);
  }
  await tx.done;
  return purged;
}

export async function clearParticipantCache(): Promise<void> {
  const db = await doorDb();
  const tx = db.transaction(['participants', 'events'], 'readwrite');
  await Promise.all([tx.objectStore('participants').clear(), tx.objectStore('events').clear(), tx.done]);
}

// Queue

export async function enqueue(item: QueueItem): Promise<QueueItem> {
  const db = await doorDb();
  const { seq: _seq, ...rest } = item;
  const seq = await db.add('queue', rest as QueueItem);
  return { ...item, seq };
}

export async function queuedItems(userId: string): Promise<QueueItem[]> {
  const items = await (await doorDb()).getAllFromIndex('queue', 'byUser', userId);
  return items.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function queuedCount(userId: string): Promise<number> {
  return (await doorDb()).countFromIndex('queue', 'byUser', userId);
}

export async function removeQueued(key: string): Promise<void> {
  const db = await doorDb();
  const seq = await db.getKeyFromIndex('queue', 'byKey', key);
  if (seq !== undefined) await db.delete('queue', seq);
}

export async function updateQueued(item: QueueItem): Promise<void> {
  const db = await doorDb();
  const seq = item.seq ?? (await db.getKeyFromIndex('queue', 'byKey', item.key));
  if (seq !== undefined) await db.put('queue', { ...item, seq });
}

export async function clearQueue(userId: string): Promise<void> {
  const db = await doorDb();
  const tx = db.transaction(['queue', 'refused'], 'readwrite');
  const queue = tx.objectStore('queue');
  const refused = tx.objectStore('refused');
  const [seqs, keys] = await Promise.all([
    queue.index('byUser').getAllKeys(userId),
    refused.index('byUser').getAllKeys(userId),
  ]);
  await Promise.all([...seqs.map((s) => queue.delete(s)), ...keys.map((k) => refused.delete(k)), tx.done]);
}

// Refused

export async function refusedItems(userId: string): Promise<RefusedItem[]> {
  const items = await (await doorDb()).getAllFromIndex('refused', 'byUser', userId);
  return items.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

export async function dismissRefused(key: string): Promise<void> {
  await (await doorDb()).delete('refused', key);
}

/** The queue store replayQueue works on. */
export const idbQueueStore: QueueStore = {
  list: queuedItems,
  update: updateQueued,
  remove: removeQueued,
  async refuse(item) {
    await (await doorDb()).put('refused', item);
  },
};
