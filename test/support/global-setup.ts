import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { serverUrl, TEMPLATE_ENV, withMaintenanceClient } from './database';

/** Builds one migrated template database; every test file clones it (see createTestDatabase). */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const name = `crm_test_template_${randomBytes(4).toString('hex')}`;
  await withMaintenanceClient(async (client) => {
    // Leftovers of runs that were killed before their teardown.
    const stale = await client
      .query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'crm\\_test\\_%'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = pg_database.datname)
         AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '3 hours'`,
      )
      .catch(() => ({ rows: [] as { datname: string }[] }));
    for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname}`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const dataSource = new DataSource({
    type: 'postgres',
    url: serverUrl(name),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env[TEMPLATE_ENV] = name;
}
