import type { RedisOptions } from 'ioredis';

/**
 * ioredis takes a URL only as a string argument; inside an options object (as BullMQ passes its
 * `connection`) a `url` key is silently ignored and 127.0.0.1:6379 is used. So REDIS_URL is turned
 * into explicit options here, once.
 */
/**
 * ioredis options, narrowed so that BullMQ 6 accepts them as a `connection` as well: its own
 * `RedisOptions` type does not allow ioredis's `retryStrategy: null`.
 */
export type RedisConnectionOptions = Omit<RedisOptions, 'retryStrategy'> & {
  retryStrategy?: NonNullable<RedisOptions['retryStrategy']>;
};

export function redisOptions(url: string, extra: RedisConnectionOptions = {}): RedisConnectionOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    ...extra,
  };
}
