import Redis from 'ioredis';
import { redisOptions } from '../redis';

/**
 * "An event's participations changed": the Redis pub/sub channel every API process listens on to
 * push new attendance counts to its WebSocket subscribers (apps/api/src/live). A message is
 * `{"eventId":"<uuid>"}` and nothing else: ids only, never anything personal. The channel is under
 * QUEUE_PREFIX, as every other Redis key, so installations (and test files) sharing a Redis stay
 * apart; Redis channels are not per database.
 */
export function attendanceChannel(queuePrefix: string): string {
  return `${queuePrefix}:live:event-attendance`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function attendanceMessage(eventId: string): string {
  return JSON.stringify({ eventId });
}

/** The event id of a channel message, or null for anything that is not one. */
export function eventIdOfAttendanceMessage(message: string): string | null {
  if (message.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    const eventId = (parsed as { eventId?: unknown } | null)?.eventId;
    return typeof eventId === 'string' && UUID.test(eventId) ? eventId : null;
  } catch {
    return null;
  }
}

/** How long a publish may wait for Redis: a user's write never waits on the live counts. */
const PUBLISH_TIMEOUT_MS = 500;

/**
 * Publishes attendance changes, after the transaction that made them has committed. Best effort:
 * with Redis down the notice is lost and subscribers see the change at the next one (or by the web
 * app's polling); `publish` rejects then, and the caller decides whether to say so.
 */
export class AttendanceChangePublisher {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly queuePrefix: string,
  ) {
    this.redis = new Redis(
      redisOptions(redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectionName: 'crm-live-publisher',
      }),
    );
    this.redis.on('error', () => undefined); // reconnects by itself; publishes fail meanwhile
  }

  async publish(eventIds: Iterable<string | null | undefined>): Promise<void> {
    const ids = [...new Set([...eventIds].filter((id): id is string => Boolean(id)))];
    if (!ids.length) return;
    const channel = attendanceChannel(this.queuePrefix);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis within ${PUBLISH_TIMEOUT_MS} ms`)),
        PUBLISH_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.ready().then(() => this.send(channel, ids)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Not connected (Redis down, or still connecting at start-up): refuse at once rather than queue. */
  private async ready(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.status})`);
  }

  private async send(channel: string, ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.redis.publish(channel, attendanceMessage(id))));
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/**
 * Closes a connection without waiting on a Redis that is not there: QUIT when connected (at most
 * `ms`), else (or then) the socket is simply dropped.
 */
export async function closeRedis(redis: Redis, ms = 1_000): Promise<void> {
  if (redis.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, ms))),
    ]);
    clearTimeout(timer);
  }
  redis.disconnect();
}
