import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { APP_CONFIG, AppConfig } from '@crm/persistence';
import { hardenHttp } from './security/http-hardening';
import { webAppDirectory } from './web-app/serve-web-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  const webApp = webAppDirectory();
  hardenHttp(app, config, { webApp });
  await app.listen(config.PORT);
  const logger = new Logger('Api');
  if (webApp) logger.log(`Web app at http://localhost:${config.PORT}/`);
  else logger.warn('No web app build in dist/apps/web: run `npm run build:web` to serve it');
  logger.log(`GraphQL at http://localhost:${config.PORT}/graphql, readiness at /health`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Api').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
