// The door's queue of writes (check-ins, undos, walk-ins). Every tap is queued first and sent from
// the queue, in order, so a tap made offline and one made online never overtake each other. Each item
// carries a client-made idempotencyKey and the tap's time (occurredAt): the server applies a key once,
// so sending again after a lost answer is safe. The queue belongs to a user: it is sent only while that
// user is signed in, and an expired session (UNAUTHENTICATED) keeps it for the same user's next sign-in.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

interface QueueItemBase {
  /** The idempotencyKey (crypto.randomUUID()), the same on every resend. */
  key: string;
  userId: string;
  eventId: string;
  /** When the tap happened (ISO). */
  occurredAt: string;
  /** Who it is about, for the list of refused items. */
  name: string;
  /** Order in the queue (set by the store). */
  seq?: number;
}

export interface CheckInItem extends QueueItemBase {
  kind: 'checkIn';
  actorId: string;
  participationId: string;
}

export interface UndoItem extends QueueItemBase {
  kind: 'undo';
  actorId: string;
  participationId: string;
}

export interface WalkInPerson {
  name: string;
  email?: string | null;
  organisationId?: string | null;
  municipalityCode?: string | null;
  sector?: string | null;
  gender?: string | null;
}

export interface WalkInItem extends QueueItemBase {
  kind: 'walkIn';
  person: WalkInPerson;
  /** A new organisation typed in the form: created first, then its id is kept in `person`. */
  newOrganisation?: { name: string; sector: string; municipalityCode?: string | null } | null;
}

export type QueueItem = CheckInItem | UndoItem | WalkInItem;

/** What the server refused, kept for staff to resolve. */
export interface RefusedItem {
  key: string;
  userId: string;
  eventId: string;
  kind: QueueItem['kind'];
  name: string;
  /** The API's reason (English); shown through refusalReason() in Swedish. */
  reason: string;
  code: string | null;
  occurredAt: string;
}

/** Where the queue is kept (IndexedDB in the app, see door-db.ts). */
export interface QueueStore {
  list(userId: string): Promise<QueueItem[]>;
  update(item: QueueItem): Promise<void>;
  remove(key: string): Promise<void>;
  refuse(item: RefusedItem): Promise<void>;
}

export type Failure = 'network' | 'unauthenticated' | 'refused' | 'retry';

/** What a failed request means for the queue. */
export function classifyFailure(error: unknown): Failure {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'unauthenticated';
    if (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'refused';
    return 'retry';
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'unauthenticated';
    // A proxy or load balancer answering for an API that is down: as good as no connection.
    if (error.statusCode === 502 || error.statusCode === 503 || error.statusCode === 504) return 'network';
    return 'retry';
  }
  // fetch's TypeError ("Failed to fetch"), an aborted request, a socket gone: no answer at all.
  return 'network';
}

/** Whether an error means the server was not reached. */
export function isNetworkError(error: unknown): boolean {
  return classifyFailure(error) === 'network';
}

export function failureCode(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

export function failureMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? '';
  return error instanceof Error ? error.message : String(error);
}

export type ReplayStop = null | 'offline' | 'signedOut' | 'retryLater';

export interface ReplayResult {
  sent: number;
  refused: number;
  stoppedBy: ReplayStop;
}

export interface ReplayHooks<R> {
  /** Sends one item; resolves with the server's answer, rejects with the client's error. */
  send: (item: QueueItem, store: QueueStore) => Promise<R>;
  onSent?: (item: QueueItem, answer: R) => void;
  onRefused?: (item: QueueItem, refused: RefusedItem) => void;
  /** Called before each item is sent (the item is then in flight). */
  onSending?: (item: QueueItem | null) => void;
}

/**
 * Sends the user's queue in order. A sent item leaves the queue; a refused one (BAD_USER_INPUT …)
 * moves to the refused list and the next is sent; no connection, a signed-out session or a server
 * error stops, keeping that item and those after it for the next attempt.
 */
export async function replayQueue<R>(
  store: QueueStore,
  userId: string,
  hooks: ReplayHooks<R>,
): Promise<ReplayResult> {
  const result: ReplayResult = { sent: 0, refused: 0, stoppedBy: null };
  const items = await store.list(userId);
  try {
    for (const item of items) {
      if (item.userId !== userId) continue;
      hooks.onSending?.(item);
      let answer: R;
      try {
        answer = await hooks.send(item, store);
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure === 'refused') {
          const refused: RefusedItem = {
            key: item.key,
            userId: item.userId,
            eventId: item.eventId,
            kind: item.kind,
            name: item.name,
            reason: failureMessage(error),
            code: failureCode(error),
            occurredAt: item.occurredAt,
          };
          await store.refuse(refused);
          await store.remove(item.key);
          result.refused += 1;
          hooks.onRefused?.(item, refused);
          continue;
        }
        result.stoppedBy =
          failure === 'network' ? 'offline' : failure === 'unauthenticated' ? 'signedOut' : 'retryLater';
        return result;
      }
      await store.remove(item.key);
      result.sent += 1;
      hooks.onSent?.(item, answer);
    }
  } finally {
    hooks.onSending?.(null);
  }
  return result;
}

/**
 * One replay at a time: a request while one runs makes it run once more afterwards, so a tap made
 * during a replay is sent in its turn and never twice at once.
 */
export class Replayer {
  private running: Promise<ReplayResult> | null = null;
  private again = false;

  constructor(private readonly run: () => Promise<ReplayResult>) {}

  request(): Promise<ReplayResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const loop = async (): Promise<ReplayResult> => {
      let last: ReplayResult;
      do {
        this.again = false;
        last = await this.run();
      } while (this.again && last.stoppedBy === null);
      return last;
    };
    this.running = loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  get busy(): boolean {
    return this.running !== null;
  }
}

/** The Swedish reason a refused item is shown with. */
export type ReasonKey =
  | 'attendance.reason.cancelled'
  | 'attendance.reason.noEvent'
  | 'attendance.reason.notParticipant'
  | 'attendance.reason.emailTaken'
  | 'attendance.reason.forbidden'
  | 'attendance.reason.other';

export function refusalReason(refused: Pick<RefusedItem, 'reason' | 'code'>): ReasonKey {
  const reason = refused.reason.toLowerCase();
  if (refused.code === 'FORBIDDEN') return 'attendance.reason.forbidden';
  if (/cancel/.test(reason)) return 'attendance.reason.cancelled';
  if (/no event|event.*(not found|does not exist)/.test(reason)) return 'attendance.reason.noEvent';
  if (/already registered for another|email.*(taken|in use)/.test(reason))
    return 'attendance.reason.emailTaken';
  if (/not (a )?(participant|registered)|no participation/.test(reason))
    return 'attendance.reason.notParticipant';
  return 'attendance.reason.other';
}
