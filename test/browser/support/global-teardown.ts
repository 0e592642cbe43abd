import type { ChildProcess } from 'node:child_process';
import { withMaintenanceClient } from '../../support/database';
import { STARTED } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<symbol, unknown>)[STARTED] as
    { processes: ChildProcess[]; database: string } | undefined;
  if (!started) return;
  await Promise.all(
    started.processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await withMaintenanceClient(
    async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${started.database} WITH (FORCE)`)),
  );
}
