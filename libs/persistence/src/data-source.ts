import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { CountingQueryLogger } from './query-logger';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logSql?: boolean;
  applicationName?: string;
}

export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new CountingQueryLogger(settings.logSql ?? false),
    maxQueryExecutionTime: 1000,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'engagement-crm',
      // Short queries on indexes: JIT compilation costs more than it saves here (measured on the
      // national data set, it added hundreds of milliseconds to the ladder aggregates).
      options: '-c jit=off',
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/** The logger of a data source made by dataSourceOptions(). */
export function queryLoggerOf(dataSource: DataSource): CountingQueryLogger {
  const logger = dataSource.logger;
  if (!(logger instanceof CountingQueryLogger))
    throw new Error('data source was not made by dataSourceOptions()');
  return logger;
}
