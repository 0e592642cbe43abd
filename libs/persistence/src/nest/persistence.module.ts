import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from '../config';
import { dataSourceOptions } from '../data-source';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The validated environment, read once. Inject APP_CONFIG; never read process.env. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}

/** Configuration plus the TypeORM DataSource, shared by the API and the worker. */
@Module({})
export class PersistenceModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        ConfigModule,
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            dataSourceOptions({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              logSql: config.LOG_SQL,
              applicationName,
            }),
        }),
      ],
    };
  }
}
