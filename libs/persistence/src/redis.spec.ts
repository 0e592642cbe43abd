import { redisOptions } from './redis';

describe('redisOptions', () => {
  it('turns REDIS_URL into the options ioredis and BullMQ honour', () => {
    expect(redisOptions('redis://127.0.0.1:6380')).toEqual({ host: '127.0.0.1', port: 6380 });
    expect(redisOptions('rediss://user:p%40ss@cache.example:6390/2', { maxRetriesPerRequest: null })).toEqual(
      {
        host: 'cache.example',
        port: 6390,
        username: 'user',
        password: 'p@ss',
        db: 2,
        tls: {},
        maxRetriesPerRequest: null,
      },
    );
    expect(redisOptions('redis://localhost')).toMatchObject({ host: 'localhost', port: 6379 });
  });
});
