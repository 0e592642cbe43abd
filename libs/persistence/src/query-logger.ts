import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'typeorm';

/**
 * Counts every SQL statement (tests use it to prove that nested fields are batched) and, when asked,
 * logs statements. Parameters are never logged: they hold personal data.
 */
export class CountingQueryLogger implements Logger {
  private readonly logger = new NestLogger('SQL');
  queryCount = 0;

  constructor(private readonly logStatements = false) {}

  logQuery(query: string): void {
    this.queryCount += 1;
    if (this.logStatements) this.logger.debug(query.replace(/\s+/g, ' '));
  }

  logQueryError(error: string | Error, query: string): void {
    const message = error instanceof Error ? error.message : error;
    this.logger.warn(`${message} — in: ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
