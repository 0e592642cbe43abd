// The door's state, without JSX: connection, the participants cached on the device, the queue and its
// replay, search (server or device), counts (subscription, else polling) and the undo windows. The
// rules live in plain modules (door-queue, door-search, door-counts, door-undo, door-online); these
// hooks wire them to Apollo, IndexedDB and React state.
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { adjustCounts } from './door-counts';
import { codeInSearch } from './door-code';
import {
  cacheParticipants,
  cachedParticipants,
  dismissRefused,
  enqueue,
  idbQueueStore,
  queuedItems,
  refusedItems,
  removeQueued,
  updateCachedParticipant,
} from './door-db';
import { OnlineTracker } from './door-online';
import {
  classifyFailure,
  isNetworkError,
  Replayer,
  replayQueue,
  type QueueItem,
  type QueueStore,
  type RefusedItem,
  type ReplayStop,
  type WalkInPerson,
} from './door-queue';
import { localSearch, withRows } from './door-search';
import {
  toDoorParticipant,
  type DoorCounts,
  type DoorParticipant,
  type ParticipationNode,
} from './door-types';
import { UndoWindows } from './door-undo';
import type { DoorParticipantsQuery as DoorParticipantsQueryResult } from '../gql/graphql';
import {
  CheckInByCodeMutation,
  CheckInMutation,
  CheckInSearchQuery,
  CreateOrganisationMutation,
  DoorAttendanceQuery,
  DoorAttendanceSubscription,
  DoorParticipantsQuery,
  UndoCheckInMutation,
  WalkInMutation,
} from './door.operations';

type DoorParticipantsPage = DoorParticipantsQueryResult;

export const SEARCH_DEBOUNCE_MS = 150;
export const POLL_INTERVAL_MS = 5_000;
export const RETRY_INTERVAL_MS = 15_000;
export const PAGE_SIZE = 500;

const newKey = (): string => crypto.randomUUID();
const now = (): string => new Date().toISOString();

// Connection

export function useOnline(): { online: boolean; tracker: OnlineTracker } {
  const [tracker] = useState(() => new OnlineTracker(window));
  const [online, setOnline] = useState(() => tracker.online);
  useEffect(() => {
    const unsubscribe = tracker.subscribe(setOnline);
    setOnline(tracker.online);
    return () => {
      unsubscribe();
    };
  }, [tracker]);
  useEffect(() => () => tracker.dispose(), [tracker]);
  return { online, tracker };
}

// Participants on the device

export type CacheState = 'loading' | 'ready' | 'failed';

export async function fetchAllParticipants(
  client: ApolloClient,
  eventId: string,
): Promise<DoorParticipant[]> {
  const all: DoorParticipant[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: DoorParticipantsPage } = await client.query({
      query: DoorParticipantsQuery,
      variables: { id: eventId, first: PAGE_SIZE, after },
      fetchPolicy: 'no-cache',
    });
    const page = result.data?.event?.participants;
    if (!page) break;
    for (const edge of page.edges) all.push(toDoorParticipant(eventId, edge.node as ParticipationNode));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return all;
}

export function useParticipantCache(eventId: string, online: boolean, tracker: OnlineTracker) {
  const client = useApolloClient();
  const [participants, setParticipants] = useState<readonly DoorParticipant[]>([]);
  const [state, setState] = useState<CacheState>('loading');
  // A list saved by an earlier visit, read from IndexedDB (once; kept in memory from then on).
  const [stored, setStored] = useState(false);
  const fetched = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void cachedParticipants(eventId)
      .then((list) => {
        if (cancelled || fetched.current) return;
        setParticipants(list);
        setStored(list.length > 0);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [eventId]);

  useEffect(() => {
    if (!online || fetched.current) return;
    let cancelled = false;
    setState('loading');
    fetchAllParticipants(client, eventId)
      .then(async (all) => {
        fetched.current = true;
        tracker.reached();
        await cacheParticipants(eventId, all).catch(() => undefined);
        if (!cancelled) {
          setParticipants(all);
          setState('ready');
        }
      })
      .catch((error: unknown) => {
        if (isNetworkError(error)) tracker.networkFailed();
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [client, eventId, online, tracker]);

  const update = useCallback((participant: DoorParticipant) => {
    setParticipants((list) => withRows(list, [participant]).list);
    void updateCachedParticipant(participant).catch(() => undefined);
  }, []);

  /** The server's fresher rows (a search's answer) into the list in memory and on the device. */
  const absorb = useCallback(
    (rows: readonly DoorParticipant[]) => {
      const { changed } = withRows(participants, rows);
      if (!changed.length) return;
      setParticipants((list) => withRows(list, changed).list);
      for (const row of changed) void updateCachedParticipant(row).catch(() => undefined);
    },
    [participants],
  );

  // Searchable on the device: the list was fetched now, or saved by an earlier visit.
  const ready = state === 'ready' || stored;

  return { participants, state, ready, update, absorb };
}

// Search

export interface SearchState {
  /** The query the results answer (the one before, while a new answer is awaited with no list on the device). */
  query: string;
  results: DoorParticipant[];
  /** server: the API's answer; cache: the device's list while the API is asked; device: offline. */
  source: 'server' | 'cache' | 'device';
  /** The API's answer for the query is awaited. */
  loading: boolean;
  failed: boolean;
}

const EMPTY_SEARCH: SearchState = { query: '', results: [], source: 'server', loading: false, failed: false };

interface ServerAnswer {
  query: string;
  results: DoorParticipant[];
  outcome: 'answered' | 'network' | 'failed';
}

/**
 * Answers as the query is typed. Once the event's list is on the device (fetched, or saved by an
 * earlier visit) every keystroke is answered at once from it, in the same render; online the API's
 * checkInSearch is also asked after a short pause (older answers dropped) and its rows replace the
 * device's answer — fresher statuses, people registered since the list was saved — and are handed to
 * `onAnswer` (with the time the request was sent) to be folded into the list. Before the list is
 * there: the API's answer, the previous one shown meanwhile. Offline, or when the request gets no
 * answer: the device's list. A code is not searched.
 */
export function useDoorSearch(
  eventId: string,
  query: string,
  online: boolean,
  local: readonly DoorParticipant[],
  tracker: OnlineTracker,
  ready = false,
  onAnswer?: (rows: DoorParticipant[], sentAt: number) => void,
): SearchState {
  const client = useApolloClient();
  const [answer, setAnswer] = useState<ServerAnswer | null>(null);
  const onAnswerRef = useRef(onAnswer);
  useEffect(() => {
    onAnswerRef.current = onAnswer;
  });
  const text = query.trim();
  const searchable = text !== '' && !codeInSearch(text);

  // The device's answer, computed in the render the keystroke causes.
  const onDevice = useMemo(
    () => (searchable && (ready || !online) ? localSearch(local, text) : null),
    [local, online, ready, searchable, text],
  );

  useEffect(() => {
    // Emptied: the next query starts afresh (nothing of an earlier one shown while it is awaited).
    if (!searchable) setAnswer(null);
    if (!searchable || !online) return;
    let stale = false;
    const timer = setTimeout(() => {
      const sentAt = performance.now();
      client
        .query({
          query: CheckInSearchQuery,
          variables: { eventId, query: text.slice(0, 100) },
          fetchPolicy: 'network-only',
        })
        .then(({ data }) => {
          if (stale) return;
          tracker.reached();
          const results = (data?.checkInSearch ?? []).map((node) =>
            toDoorParticipant(eventId, node as ParticipationNode),
          );
          onAnswerRef.current?.(results, sentAt);
          setAnswer({ query: text, results, outcome: 'answered' });
        })
        .catch((error: unknown) => {
          if (stale) return;
          const network = isNetworkError(error);
          if (network) tracker.networkFailed();
          setAnswer({ query: text, results: [], outcome: network ? 'network' : 'failed' });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, eventId, online, searchable, text, tracker]);

  return useMemo((): SearchState => {
    if (!searchable) return EMPTY_SEARCH;
    const device = (): SearchState => ({
      query: text,
      results: onDevice ?? localSearch(local, text),
      source: 'device',
      loading: false,
      failed: false,
    });
    if (!online) return device();
    if (answer?.query === text) {
      if (answer.outcome === 'answered') {
        return { query: text, results: answer.results, source: 'server', loading: false, failed: false };
      }
      if (answer.outcome === 'network') return device();
      return { query: text, results: [], source: 'server', loading: false, failed: true };
    }
    if (onDevice) return { query: text, results: onDevice, source: 'cache', loading: true, failed: false };
    if (!answer || answer.outcome !== 'answered') return { ...EMPTY_SEARCH, loading: true };
    return { query: answer.query, results: answer.results, source: 'server', loading: true, failed: false };
  }, [answer, local, onDevice, online, searchable, text]);
}

// Counts

/**
 * The server's counts from the subscription; while it has not answered since the connection came
 * (socket not connected), eventAttendance every five seconds. The device's queued taps are added.
 */
export function useDoorCounts(
  eventId: string,
  online: boolean,
  pending: readonly QueueItem[],
  local: readonly DoorParticipant[],
): { counts: DoorCounts | null; local: boolean } {
  const client = useApolloClient();
  const [base, setBase] = useState<DoorCounts | null>(null);
  const [live, setLive] = useState(false);

  // The subscription (graphql-ws); its first message is the current counts.
  useEffect(() => {
    if (!online) return;
    const subscription = client
      .subscribe({ query: DoorAttendanceSubscription, variables: { eventId } })
      .subscribe({
        next: ({ data }) => {
          const counts = data?.eventAttendanceChanged;
          if (!counts) return;
          setBase({ registered: counts.registered, attended: counts.attended, walkIns: counts.walkIns });
          setLive(true);
        },
        error: () => setLive(false),
        complete: () => setLive(false),
      });
    return () => subscription.unsubscribe();
  }, [client, eventId, online]);

  useEffect(() => {
    if (!online) setLive(false);
  }, [online]);

  useEffect(() => {
    if (live || !online) return;
    let stopped = false;
    const poll = () => {
      client
        .query({ query: DoorAttendanceQuery, variables: { eventId }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const counts = data?.eventAttendance;
          if (!stopped && counts) {
            setBase({ registered: counts.registered, attended: counts.attended, walkIns: counts.walkIns });
          }
        })
        .catch(() => undefined);
    };
    poll();
    const timer = setInterval(poll, POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, eventId, live, online]);

  return useMemo(() => {
    if (base) return { counts: adjustCounts(base, pending, eventId), local: !online && pending.length > 0 };
    if (!local.length) return { counts: null, local: false };
    // Opened without a connection: counted from the list on the device (taps already in it).
    const fromDevice: DoorCounts = {
      registered: local.filter((p) => p.status !== 'CANCELLED').length,
      attended: local.filter((p) => p.status === 'ATTENDED').length,
      walkIns: 0,
    };
    const walkIns = pending.filter((item) => item.kind === 'walkIn' && item.eventId === eventId);
    return {
      counts: { ...fromDevice, attended: fromDevice.attended + walkIns.length, walkIns: walkIns.length },
      local: true,
    };
  }, [base, eventId, local, online, pending]);
}

// Undo windows

export function useUndoWindows() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [windows] = useState(() => new UndoWindows(setOpen));
  useEffect(() => () => windows.dispose(), [windows]);
  return {
    open,
    openWindow: useCallback((id: string) => windows.open(id), [windows]),
    closeWindow: useCallback((id: string) => windows.close(id), [windows]),
  };
}

// Queue

/** Sends one queued item with the client (a walk-in's new organisation is created first). */
export function sendItem(client: ApolloClient) {
  return async (item: QueueItem, store: QueueStore): Promise<ParticipationNode | null> => {
    if (item.kind === 'checkIn' || item.kind === 'undo') {
      const input = {
        eventId: item.eventId,
        actorId: item.actorId,
        idempotencyKey: item.key,
        occurredAt: item.occurredAt,
      };
      if (item.kind === 'checkIn') {
        const { data } = await client.mutate({ mutation: CheckInMutation, variables: { input } });
        return (data?.checkIn as ParticipationNode | undefined) ?? null;
      }
      const { data } = await client.mutate({ mutation: UndoCheckInMutation, variables: { input } });
      return (data?.undoCheckIn as ParticipationNode | undefined) ?? null;
    }
    let person = item.person;
    if (item.newOrganisation && !person.organisationId) {
      const { data } = await client.mutate({
        mutation: CreateOrganisationMutation,
        variables: {
          input: {
            name: item.newOrganisation.name,
            sector: item.newOrganisation.sector as never,
            municipalityCode: item.newOrganisation.municipalityCode ?? undefined,
          },
        },
      });
      const organisationId = data?.createOrganisation.id;
      if (organisationId) {
        person = { ...person, organisationId };
        // Kept, so a resend after a lost answer does not create the organisation twice.
        await store.update({ ...item, person, newOrganisation: null });
      }
    }
    const { data } = await client.mutate({
      mutation: WalkInMutation,
      variables: {
        eventId: item.eventId,
        input: personInput(person),
        idempotencyKey: item.key,
        occurredAt: item.occurredAt,
      },
    });
    return (data?.walkIn as ParticipationNode | undefined) ?? null;
  };
}

export function personInput(person: WalkInPerson) {
  return {
    name: person.name,
    email: person.email || undefined,
    organisationId: person.organisationId || undefined,
    municipalityCode: person.municipalityCode || undefined,
    sector: (person.sector || undefined) as never,
    gender: (person.gender || undefined) as never,
  };
}

export interface DoorQueueEvents {
  onSent: (item: QueueItem, answer: ParticipationNode | null) => void;
  onRefused: (item: QueueItem, refused: RefusedItem) => void;
}

export function useDoorQueue(
  userId: string,
  tracker: OnlineTracker,
  online: boolean,
  events: DoorQueueEvents,
) {
  const client = useApolloClient();
  const [pending, setPending] = useState<QueueItem[]>([]);
  const [refused, setRefused] = useState<RefusedItem[]>([]);
  const [stoppedBy, setStoppedBy] = useState<ReplayStop>(null);
  const inFlight = useRef<string | null>(null);
  const eventsRef = useRef(events);
  eventsRef.current = events;

  const reload = useCallback(async () => {
    const [items, refusals] = await Promise.all([queuedItems(userId), refusedItems(userId)]);
    setPending(items);
    setRefused(refusals);
  }, [userId]);

  const [replayer] = useState(
    () =>
      new Replayer(async () => {
        const result = await replayQueue(idbQueueStore, userId, {
          send: sendItem(client),
          onSending: (item) => {
            inFlight.current = item?.key ?? null;
          },
          onSent: (item, answer) => {
            tracker.reached();
            eventsRef.current.onSent(item, answer);
            void reload();
          },
          onRefused: (item, refusal) => {
            tracker.reached();
            eventsRef.current.onRefused(item, refusal);
            void reload();
          },
        });
        if (result.stoppedBy === 'offline') tracker.networkFailed();
        setStoppedBy(result.stoppedBy);
        await reload();
        return result;
      }),
  );

  const flush = useCallback(() => replayer.request(), [replayer]);

  useEffect(() => {
    void reload().then(() => flush());
  }, [flush, reload]);

  // Back online: send at once; and try again now and then (navigator.onLine is not always told).
  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (pending.length) void flush();
    }, RETRY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [flush, pending.length]);

  const add = useCallback(
    async (item: QueueItem) => {
      const stored = await enqueue(item);
      await reload();
      if (tracker.online) void flush();
      return stored;
    },
    [flush, reload, tracker],
  );

  /** Takes an unsent item out of the queue; false when it is being sent or already sent. */
  const withdraw = useCallback(
    async (key: string) => {
      if (inFlight.current === key) return false;
      const items = await queuedItems(userId);
      if (!items.some((item) => item.key === key) || inFlight.current === key) return false;
      await removeQueued(key);
      await reload();
      return true;
    },
    [reload, userId],
  );

  const dismiss = useCallback(
    async (key: string) => {
      await dismissRefused(key);
      await reload();
    },
    [reload],
  );

  return { pending, refused, stoppedBy, add, withdraw, dismiss, flush, client };
}

// The door

export type Announcement = { text: string; id: number } | null;

export interface TapRecord {
  key: string;
  previous: Pick<DoorParticipant, 'status' | 'checkedInAt'>;
  /** When the server's answer to this tap came (performance.now()); unset while it is awaited. */
  settledAt?: number;
}

export type CodeOutcome =
  | { kind: 'checkedIn'; participant: DoorParticipant }
  | { kind: 'unknown' }
  | { kind: 'unknownOffline' }
  | { kind: 'failed' };

export type WalkInOutcome =
  | { kind: 'checkedIn'; participant: DoorParticipant }
  | { kind: 'queued' }
  | { kind: 'fieldErrors'; error: unknown }
  | { kind: 'failed' };

/** Everything the door page needs, for one event and the signed-in user. */
export function useDoor(eventId: string, userId: string) {
  const { online, tracker } = useOnline();
  const cache = useParticipantCache(eventId, online, tracker);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, DoorParticipant>>(new Map());
  const undo = useUndoWindows();
  const taps = useRef(new Map<string, TapRecord>());

  const updateCache = cache.update;
  const apply = useCallback(
    (participant: DoorParticipant) => {
      setOverrides((map) => new Map(map).set(participant.id, participant));
      updateCache(participant);
    },
    [updateCache],
  );

  const current = useCallback(
    (participant: DoorParticipant): DoorParticipant => overrides.get(participant.id) ?? participant,
    [overrides],
  );

  const queue = useDoorQueue(userId, tracker, online, {
    onSent: (item, answer) => {
      if (!answer || item.kind === 'walkIn') return;
      // An answer for an older tap than the latest on that row is not shown over it.
      const tap = taps.current.get(item.participationId);
      if (tap?.key !== item.key) return;
      tap.settledAt = performance.now();
      apply(toDoorParticipant(eventId, answer));
    },
    onRefused: (item) => {
      if (item.kind === 'walkIn') return;
      const tap = taps.current.get(item.participationId);
      if (tap?.key === item.key) tap.settledAt = performance.now();
      const known =
        overrides.get(item.participationId) ?? cache.participants.find((p) => p.id === item.participationId);
      if (item.kind === 'checkIn' && tap?.key === item.key && known) {
        apply({ ...known, ...tap.previous });
        undo.closeWindow(item.participationId);
      }
    },
  });

  const counts = useDoorCounts(eventId, online, queue.pending, cache.participants);

  // A search's answer is fresher than the device for a row unless a tap on it is still unanswered
  // (queued or in flight) or was answered after the search was sent.
  const cacheAbsorb = cache.absorb;
  const pending = queue.pending;
  const absorb = useCallback(
    (rows: readonly DoorParticipant[], sentAt: number) => {
      const waiting = new Set(pending.map((item) => (item.kind === 'walkIn' ? '' : item.participationId)));
      const fresh = rows.filter((row) => {
        if (waiting.has(row.id)) return false;
        const tap = taps.current.get(row.id);
        return !tap || (tap.settledAt !== undefined && tap.settledAt <= sentAt);
      });
      if (!fresh.length) return;
      cacheAbsorb(fresh);
      setOverrides((map) => {
        if (!fresh.some((row) => map.has(row.id))) return map;
        const next = new Map(map);
        for (const row of fresh) next.delete(row.id);
        return next;
      });
    },
    [cacheAbsorb, pending],
  );

  const checkIn = useCallback(
    async (participant: DoorParticipant) => {
      const occurredAt = now();
      const key = newKey();
      taps.current.set(participant.id, {
        key,
        previous: { status: participant.status, checkedInAt: participant.checkedInAt },
      });
      const updated: DoorParticipant = { ...participant, status: 'ATTENDED', checkedInAt: occurredAt };
      apply(updated);
      undo.openWindow(participant.id);
      await queue.add({
        kind: 'checkIn',
        key,
        userId,
        eventId,
        occurredAt,
        name: participant.name,
        actorId: participant.actorId,
        participationId: participant.id,
      });
      return updated;
    },
    [apply, eventId, queue, undo, userId],
  );

  const undoCheckIn = useCallback(
    async (participant: DoorParticipant) => {
      undo.closeWindow(participant.id);
      const tap = taps.current.get(participant.id);
      const previous = tap?.previous ?? { status: 'REGISTERED' as const, checkedInAt: null };
      const restored: DoorParticipant = { ...participant, ...previous };
      if (tap && (await queue.withdraw(tap.key))) {
        taps.current.delete(participant.id);
        apply(restored);
        return restored;
      }
      const key = newKey();
      taps.current.set(participant.id, { key, previous });
      apply(restored);
      await queue.add({
        kind: 'undo',
        key,
        userId,
        eventId,
        occurredAt: now(),
        name: participant.name,
        actorId: participant.actorId,
        participationId: participant.id,
      });
      return restored;
    },
    [apply, eventId, queue, undo, userId],
  );

  const checkInByCode = useCallback(
    async (code: string): Promise<CodeOutcome> => {
      const cached = cache.participants.find((p) => p.checkInCode === code);
      // Offline, or taps still waiting to be sent (order kept): the device's list knows the code.
      if (!tracker.online || queue.pending.length > 0) {
        if (!cached) return { kind: tracker.online ? 'unknown' : 'unknownOffline' };
        return { kind: 'checkedIn', participant: await checkIn(current(cached)) };
      }
      const key = newKey();
      const occurredAt = now();
      try {
        const { data } = await queue.client.mutate({
          mutation: CheckInByCodeMutation,
          variables: { eventId, code, idempotencyKey: key, occurredAt },
        });
        tracker.reached();
        if (!data) return { kind: 'failed' };
        const participant = toDoorParticipant(eventId, data.checkInByCode as ParticipationNode);
        const before = cached ? current(cached) : null;
        taps.current.set(participant.id, {
          key,
          previous: before
            ? { status: before.status, checkedInAt: before.checkedInAt }
            : { status: 'REGISTERED', checkedInAt: null },
          settledAt: performance.now(),
        });
        apply(participant);
        undo.openWindow(participant.id);
        return { kind: 'checkedIn', participant };
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure === 'refused') return { kind: 'unknown' };
        if (failure === 'network') {
          tracker.networkFailed();
          if (!cached) return { kind: 'unknownOffline' };
          return { kind: 'checkedIn', participant: await checkIn(current(cached)) };
        }
        return { kind: 'failed' };
      }
    },
    [apply, cache.participants, checkIn, current, eventId, queue, tracker, undo],
  );

  const walkIn = useCallback(
    async (
      person: WalkInPerson,
      newOrganisation: { name: string; sector: string; municipalityCode?: string | null } | null,
    ): Promise<WalkInOutcome> => {
      const key = newKey();
      const occurredAt = now();
      const item: QueueItem = {
        kind: 'walkIn',
        key,
        userId,
        eventId,
        occurredAt,
        name: person.name,
        person,
        newOrganisation,
      };
      if (!tracker.online) {
        await queue.add(item);
        return { kind: 'queued' };
      }
      const memory: QueueStore = {
        list: async () => [item],
        update: async (updated) => {
          Object.assign(item, updated);
        },
        remove: async () => undefined,
        refuse: async () => undefined,
      };
      try {
        const answer = await sendItem(queue.client)(item, memory);
        tracker.reached();
        if (!answer) return { kind: 'failed' };
        const participant = toDoorParticipant(eventId, answer);
        taps.current.set(participant.id, {
          key,
          previous: { status: 'CANCELLED', checkedInAt: null },
          settledAt: performance.now(),
        });
        apply(participant);
        undo.openWindow(participant.id);
        return { kind: 'checkedIn', participant };
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure === 'refused') return { kind: 'fieldErrors', error };
        if (failure === 'network') {
          tracker.networkFailed();
          // The same key: if the lost answer was in fact applied, the server applies it once.
          await queue.add(item);
          return { kind: 'queued' };
        }
        return { kind: 'failed' };
      }
    },
    [apply, eventId, queue, tracker, undo, userId],
  );

  return {
    eventId,
    online,
    tracker,
    cache,
    absorb,
    counts,
    queue,
    undoOpen: undo.open,
    current,
    checkIn,
    undoCheckIn,
    checkInByCode,
    walkIn,
    dismissRefused: queue.dismiss,
  };
}

export type Door = ReturnType<typeof useDoor>;
