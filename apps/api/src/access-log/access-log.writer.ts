import { PersonalDataRead, recordStatement } from '@crm/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** At most this long between a read and its row in the database. */
export const ACCESS_LOG_FLUSH_MS = 1_000;
/** A batch this large is written at once, without waiting for the timer. */
export const ACCESS_LOG_BATCH_ROWS = 200;
/** Reads kept while the database is away; beyond it the oldest are dropped (and the loss logged). */
const MAX_PENDING_ROWS = 50_000;

/**
 * Writes the access log in batches: a request hands its reads over (`add`, no I/O) and goes on; one
 * multi-row INSERT writes what gathered, at most ACCESS_LOG_FLUSH_MS later or at once when
 * ACCESS_LOG_BATCH_ROWS are waiting. A failed write keeps the rows for the next attempt. Flushed when
 * the API shuts down.
 */
@Injectable()
export class AccessLogWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private pending: PersonalDataRead[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Queues reads to be written; never throws, never waits. */
  add(...reads: PersonalDataRead[]): void {
    for (const read of reads) if (read.actorIds.length) this.pending.push(read);
    if (this.pending.length > MAX_PENDING_ROWS) {
      const dropped = this.pending.splice(0, this.pending.length - MAX_PENDING_ROWS);
      this.logger.error(`access log: ${dropped.length} reads dropped, the database has been away too long`);
    }
    if (this.pending.length >= ACCESS_LOG_BATCH_ROWS) void this.flush();
    else if (this.pending.length && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, ACCESS_LOG_FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes everything queued so far; resolves when it is in the database (or the attempt failed). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (!this.pending.length) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    try {
      const statement = recordStatement(batch);
      // Straight on TypeORM's pool: the same connections, but not through its logger, whose statement
      // count belongs to the requests (tests prove their batching with it) and not to this batch.
      if (statement)
        await (this.dataSource.driver as PostgresDriver).master.query(statement.sql, statement.params);
    } catch (error) {
      // The error's text can quote values: the kind of error and the count only.
      const code = (error as { code?: string }).code ?? (error as Error).name;
      this.logger.warn(`access log: ${batch.length} reads not written yet (${code}); retrying`);
      this.pending = [...batch, ...this.pending];
      if (!this.timer && this.dataSource.isInitialized) {
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.flush();
        }, ACCESS_LOG_FLUSH_MS);
        this.timer.unref();
      }
    }
  }

  /** Before the database goes: what is queued is written. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** Requests that finished while the server closed. */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length && this.dataSource.isInitialized) await this.flush();
    if (this.pending.length) {
      this.logger.error(`access log: ${this.pending.length} reads could not be written before shutdown`);
    }
  }
}
