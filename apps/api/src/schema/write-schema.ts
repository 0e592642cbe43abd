// `npm run schema`: boots the API without listening and writes its SDL to apps/api/schema.graphql.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { schemaSdl, SCHEMA_FILE } from './print-schema';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
  await app.init();
  writeFileSync(SCHEMA_FILE, schemaSdl(app));
  await app.close();
  console.log(`[schema] wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
