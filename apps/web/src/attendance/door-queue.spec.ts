import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { enqueue, idbQueueStore, queuedItems, refusedItems } from './door-db';
import { classifyFailure, Replayer, replayQueue, refusalReason, type QueueItem } from './door-queue';
import { resetDoorDb } from './door-test-utils';

function checkIn(n: number, userId = 'u1'): QueueItem {
  return {
    kind: 'checkIn',
    key: `key-${n}`,
    userId,
    eventId: 'e1',
    occurredAt: `2026-03-05T08:1${n}:00.000Z`,
    name: `Person ${n}`,
    actorId: `a${n}`,
    participationId: `p${n}`,
  };
}

function graphQLError(code: string, message = 'refused'): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });
}

const networkError = () => new TypeError('Failed to fetch');

beforeEach(resetDoorDb);

describe('the door queue', () => {
  it('sends queued check-ins in the order they were tapped', async () => {
    for (const n of [1, 2, 3]) await enqueue(checkIn(n));
    const sent: string[] = [];
    const result = await replayQueue(idbQueueStore, 'u1', {
      send: async (item) => {
        sent.push(item.key);
        return null;
      },
    });
    expect(sent).toEqual(['key-1', 'key-2', 'key-3']);
    expect(result).toEqual({ sent: 3, refused: 0, stoppedBy: null });
    expect(await queuedItems('u1')).toEqual([]);
  });

  it('keeps an item whose answer was lost and resends it with the same idempotencyKey', async () => {
    await enqueue(checkIn(1));
    await enqueue(checkIn(2));
    const keys: string[] = [];
    let first = true;
    const send = async (item: QueueItem) => {
      keys.push(item.key);
      if (first) {
        first = false;
        // The server applied it, but the answer never came back.
        throw networkError();
      }
      return null;
    };
    const lost = await replayQueue(idbQueueStore, 'u1', { send });
    expect(lost.stoppedBy).toBe('offline');
    expect((await queuedItems('u1')).map((i) => i.key)).toEqual(['key-1', 'key-2']);

    const again = await replayQueue(idbQueueStore, 'u1', { send });
    expect(again.stoppedBy).toBeNull();
    expect(keys).toEqual(['key-1', 'key-1', 'key-2']);
    expect(await queuedItems('u1')).toEqual([]);
  });

  it('lists what the server refused, with the name and a Swedish reason, and sends the rest', async () => {
    await enqueue(checkIn(1));
    await enqueue(checkIn(2));
    const result = await replayQueue(idbQueueStore, 'u1', {
      send: async (item) => {
        if (item.key === 'key-1') throw graphQLError('BAD_USER_INPUT', 'the participation is cancelled');
        return null;
      },
    });
    expect(result).toEqual({ sent: 1, refused: 1, stoppedBy: null });
    const refused = await refusedItems('u1');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ key: 'key-1', name: 'Person 1', code: 'BAD_USER_INPUT' });
    expect(refusalReason(refused[0])).toBe('attendance.reason.cancelled');
    expect(await queuedItems('u1')).toEqual([]);
  });

  it('keeps the queue when the session has expired, and sends it when the same user is back', async () => {
    await enqueue(checkIn(1));
    const expired = await replayQueue(idbQueueStore, 'u1', {
      send: async () => {
        throw graphQLError('UNAUTHENTICATED');
      },
    });
    expect(expired.stoppedBy).toBe('signedOut');
    expect(await queuedItems('u1')).toHaveLength(1);

    const sent: string[] = [];
    await replayQueue(idbQueueStore, 'u1', {
      send: async (item) => {
        sent.push(item.key);
        return null;
      },
    });
    expect(sent).toEqual(['key-1']);
  });

  it('never sends another user’s queue', async () => {
    await enqueue(checkIn(1, 'u1'));
    await enqueue(checkIn(2, 'u2'));
    const sent: string[] = [];
    await replayQueue(idbQueueStore, 'u2', {
      send: async (item) => {
        sent.push(item.key);
        return null;
      },
    });
    expect(sent).toEqual(['key-2']);
    expect((await queuedItems('u1')).map((i) => i.key)).toEqual(['key-1']);
  });

  it('stops on a server error and keeps the item for the next attempt', async () => {
    await enqueue(checkIn(1));
    const result = await replayQueue(idbQueueStore, 'u1', {
      send: async () => {
        throw graphQLError('INTERNAL_SERVER_ERROR');
      },
    });
    expect(result.stoppedBy).toBe('retryLater');
    expect(await queuedItems('u1')).toHaveLength(1);
  });

  it('runs one replay at a time and once more for a tap made meanwhile', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const replayer = new Replayer(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      return { sent: 0, refused: 0, stoppedBy: null };
    });
    const first = replayer.request();
    void replayer.request();
    void replayer.request();
    release();
    await first;
    expect(runs).toBe(2);
  });

  it('tells a lost connection from a refusal and an expired session', () => {
    expect(classifyFailure(networkError())).toBe('network');
    expect(classifyFailure(graphQLError('BAD_USER_INPUT'))).toBe('refused');
    expect(classifyFailure(graphQLError('UNAUTHENTICATED'))).toBe('unauthenticated');
    expect(classifyFailure(graphQLError('INTERNAL_SERVER_ERROR'))).toBe('retry');
  });
});
