import {
  APP_CONFIG,
  type AppConfig,
  AttendanceRepository,
  attendanceChannel,
  closeRedis,
  eventIdOfAttendanceMessage,
  redisOptions,
} from '@crm/persistence';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { EventAttendance } from '../attendance/attendance.models';

/** At most one recomputation of an event's counts per this many milliseconds, whatever the burst. */
export const RECOMPUTE_INTERVAL_MS = 250;

/** One subscriber's stream: the latest counts not yet taken (a slow client never piles them up). */
class AttendanceStream implements AsyncIterableIterator<EventAttendance> {
  private pending: EventAttendance | null = null;
  private waiting: ((result: IteratorResult<EventAttendance>) => void) | null = null;
  private done = false;
  /** The sequence number of the computation that made the last counts offered (older ones are dropped). */
  private latest = -1;

  constructor(private readonly onClose: () => void) {}

  offer(counts: EventAttendance, sequence: number): void {
    if (this.done || sequence <= this.latest) return;
    this.latest = sequence;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: counts, done: false });
    } else {
      this.pending = counts;
    }
  }

  next(): Promise<IteratorResult<EventAttendance>> {
    if (this.pending) {
      const value = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<EventAttendance>> {
    if (!this.done) {
      this.done = true;
      this.pending = null;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<EventAttendance>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<EventAttendance> {
    return this;
  }
}

interface EventState {
  streams: Set<AttendanceStream>;
  timer: NodeJS.Timeout | null;
  lastRun: number;
}

/**
 * Live attendance counts for this API process's subscribers. It owns one Redis subscriber
 * connection (ioredis reconnects and subscribes again by itself) on the channel every process and
 * the worker publish to (see AttendanceChangePublisher). On a notice for an event somebody here
 * follows, the counts are recomputed once, at most every {@link RECOMPUTE_INTERVAL_MS} per event
 * (a burst of check-ins is one recomputation; the last change is always followed by one), and
 * pushed to each of the event's subscribers. Notices for events nobody here follows cost nothing.
 */
@Injectable()
export class LiveAttendance implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveAttendance');
  private readonly events = new Map<string, EventState>();
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private sequence = 0;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    this.channel = attendanceChannel(config.QUEUE_PREFIX);
  }

  onModuleInit(): void {
    const subscriber = new Redis(
      redisOptions(this.config.REDIS_URL, {
        connectionName: 'crm-live-subscriber',
        // A subscriber waits for messages: never give up reconnecting, at most 2 s apart.
        retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
        maxRetriesPerRequest: null,
      }),
    );
    let reported = false;
    subscriber.on('error', (error: Error) => {
      if (!reported) this.logger.warn(`Redis subscriber: ${error.message} (reconnecting)`);
      reported = true;
    });
    subscriber.on('ready', () => {
      if (reported) this.logger.log('Redis subscriber connected again');
      reported = false;
      // Notices published while the connection was down are lost: recompute whatever is followed.
      for (const eventId of this.events.keys()) this.changed(eventId);
    });
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const eventId = eventIdOfAttendanceMessage(message);
      if (eventId) this.changed(eventId);
    });
    subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn(`could not subscribe to attendance changes: ${error.message}`);
    });
    this.subscriber = subscriber;
  }

  /** Resolves once the subscriber listens (tests wait for it before publishing). */
  async ready(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber) return;
    for (let i = 0; i < 100; i += 1) {
      const [, count] = (await subscriber.call('PUBSUB', 'NUMSUB', this.channel)) as [string, number];
      if (subscriber.status === 'ready' && Number(count) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const state of this.events.values()) {
      if (state.timer) clearTimeout(state.timer);
      for (const stream of state.streams) void stream.return();
    }
    this.events.clear();
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  /** How many subscriptions this process serves (all events). */
  get subscriptionCount(): number {
    let count = 0;
    for (const state of this.events.values()) count += state.streams.size;
    return count;
  }

  /**
   * A stream of the event's counts: the current counts first, then new counts after every change.
   * Null when there is no such event.
   */
  async follow(eventId: string): Promise<AsyncIterableIterator<EventAttendance> | null> {
    let state = this.events.get(eventId);
    if (!state) this.events.set(eventId, (state = { streams: new Set(), timer: null, lastRun: 0 }));
    const stream: AttendanceStream = new AttendanceStream(() => this.unfollow(eventId, stream));
    // Followed before the first counts are read, so no change between the two is missed.
    state.streams.add(stream);
    try {
      const sequence = (this.sequence += 1);
      const counts = await this.counts(eventId);
      if (!counts) {
        void stream.return();
        return null;
      }
      stream.offer(counts, sequence);
      return stream;
    } catch (error) {
      void stream.return();
      throw error;
    }
  }

  /** An event's participations changed: recompute its counts soon, if anyone here follows it. */
  changed(eventId: string): void {
    const state = this.events.get(eventId);
    if (!state || state.timer || this.closed) return;
    const delay = Math.max(0, state.lastRun + RECOMPUTE_INTERVAL_MS - Date.now());
    state.timer = setTimeout(() => void this.recompute(eventId, state), delay);
  }

  private async recompute(eventId: string, state: EventState): Promise<void> {
    state.lastRun = Date.now();
    state.timer = null;
    if (!state.streams.size) return;
    const sequence = (this.sequence += 1);
    try {
      const counts = await this.counts(eventId);
      if (counts) for (const stream of state.streams) stream.offer(counts, sequence);
    } catch (error) {
      // Database errors can quote values: the code only.
      const code = (error as { code?: string }).code ?? (error as Error).name;
      this.logger.warn(`could not recompute an event's attendance (${code})`);
    }
  }

  private unfollow(eventId: string, stream: AttendanceStream): void {
    const state = this.events.get(eventId);
    if (!state) return;
    state.streams.delete(stream);
    if (!state.streams.size) {
      if (state.timer) clearTimeout(state.timer);
      this.events.delete(eventId);
    }
  }

  private counts(eventId: string): Promise<EventAttendance | null> {
    return new AttendanceRepository(this.dataSource.manager).eventAttendance(eventId);
  }
}
