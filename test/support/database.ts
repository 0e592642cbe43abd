import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the tests use (scripts/test.mjs points DATABASE_URL at its maintenance database). */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withMaintenanceClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const TEMPLATE_ENV = 'CRM_TEST_TEMPLATE_DB';

/**
 * A fresh database for one test file, cloned from the migrated template made by global-setup, so
 * files run in parallel and never see each other's rows.
 */
export async function createTestDatabase(): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through jest's global setup`);
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await withMaintenanceClient(async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        // Another file cloning the template at the same moment: PostgreSQL refuses, so wait and retry.
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: serverUrl(name),
    drop: () =>
      withMaintenanceClient(
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      ),
  };
}
