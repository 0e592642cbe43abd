import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { hardenHttp } from './security/http-hardening';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  hardenHttp(app, config);
  await app.listen(config.PORT);
  new Logger('Api').log(`GraphQL at http://localhost:${config.PORT}/graphql, readiness at /health`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Api').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
