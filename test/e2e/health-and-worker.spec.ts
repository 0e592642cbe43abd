import { APP_CONFIG, loadConfig } from '@crm/persistence';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { startWorker } from '../../apps/worker/src/start-worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TestApi } from '../support/api';
import { createTestDatabase } from '../support/database';

describe('readiness and the worker', () => {
  it('GET /health answers without a token when PostgreSQL and Redis are reachable', async () => {
    const api = await TestApi.start();
    try {
      const response = await fetch(`${api.baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await api.close();
    }
  });

  it('the worker starts, reaches PostgreSQL and Redis, and shuts down cleanly', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `test-${database.name}`,
    });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const worker = moduleRef;
    await worker.init();
    const dataSource = worker.get(DataSource);
    expect(dataSource.isInitialized).toBe(true);
    await worker.close();
    expect(dataSource.isInitialized).toBe(false);
    await database.drop();
  });

  it('the worker refuses to start when Redis is unreachable, before any queue connects', async () => {
    const config = loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(startWorker(config)).rejects.toThrow('the worker cannot reach Redis');
  });
});
