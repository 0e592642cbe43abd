import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startWorker } from './start-worker';

startWorker().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  new Logger('Worker').error(`${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exit(1);
});
