import { Logger } from '@nestjs/common';
import { createDataSource } from '../data-source';
import { loadConfig } from '../config';

/** Applies pending migrations: `npm run migrate` (after `npm run build`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    applicationName: 'crm-migrate',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    new Logger('Migrations').log(
      applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'up to date',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  new Logger('Migrations').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
