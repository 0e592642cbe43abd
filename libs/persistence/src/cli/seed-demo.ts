import { Logger } from '@nestjs/common';
import { loadConfig } from '../config';
import { createDataSource } from '../data-source';
import { loadDemoData } from '../demo-data';

/** Loads the demo data set into an empty database: `npm run seed:demo`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'crm-seed' });
  await dataSource.initialize();
  try {
    const loaded = await dataSource.transaction((em) => loadDemoData(em));
    new Logger('DemoData').log(
      loaded ? 'demo data loaded' : 'database already has actors: demo data not loaded',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  new Logger('DemoData').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
