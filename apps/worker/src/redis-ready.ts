import Redis from 'ioredis';

/**
 * Proves Redis answers before any BullMQ worker or queue is created: a worker that booted without
 * Redis would otherwise sit reconnecting forever instead of failing its start.
 */
export async function assertRedisReachable(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined); // the failure is thrown below with its cause
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error('the worker cannot reach Redis', { cause: error });
  } finally {
    client.disconnect();
  }
}
