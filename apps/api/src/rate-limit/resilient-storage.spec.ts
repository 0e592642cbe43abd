import { Logger } from '@nestjs/common';
import { ResilientThrottlerStorage } from './resilient-storage';

describe('ResilientThrottlerStorage with Redis unreachable', () => {
  let storage: ResilientThrottlerStorage;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    storage = new ResilientThrottlerStorage('redis://127.0.0.1:1', new Set(['anonymous', 'authFailures']));
    await storage.ready();
  });
  afterAll(() => {
    storage.close();
    jest.restoreAllMocks();
  });

  it('counts failed authentications in memory and blocks past the limit', async () => {
    const hit = () => storage.increment('test:address:192.0.2.1', 60_000, 2, 60_000, 'authFailures');
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    const blocked = await hit();
    expect(blocked.isBlocked).toBe(true);
    expect(blocked.timeToBlockExpire).toBeGreaterThanOrEqual(1);
    // Another address has its own count.
    expect(
      await storage.increment('test:address:192.0.2.2', 60_000, 2, 60_000, 'authFailures'),
    ).toMatchObject({
      isBlocked: false,
    });
  });

  it('counts each budget of an address apart: out of one, the other is still open', async () => {
    const hit = (budget: string) => storage.increment('test:address:192.0.2.3', 60_000, 1, 60_000, budget);
    expect(await hit('authFailures')).toMatchObject({ isBlocked: false });
    expect((await hit('authFailures')).isBlocked).toBe(true);
    expect(await hit('anonymous')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect((await hit('anonymous')).isBlocked).toBe(true);
  });

  it('lets every other budget through uncounted', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await storage.increment('test:user:1', 60_000, 1, 60_000, 'writes')).toEqual({
        totalHits: 0,
        timeToExpire: 0,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    }
  });
});
