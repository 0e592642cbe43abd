import { TEMPLATE_ENV, withMaintenanceClient } from './database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) {
    await withMaintenanceClient(
      async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)),
    );
  }
}
