import { FigureChange, Quarter, ReportFigures } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { rowsOf } from '../sql';

export type ReportStatus = 'PENDING' | 'RUNNING' | 'READY' | 'FAILED';

export interface QuarterlyReportRecord {
  id: string;
  year: number;
  quarter: number;
  version: number;
  status: ReportStatus;
  error: string | null;
  figures: ReportFigures | null;
  changes: FigureChange[] | null;
  requestedBy: string | null;
  createdAt: Date;
  generatedAt: Date | null;
}

/** Attempts (jobs, retries and recoveries together) after which a report is given up. */
export const MAX_REPORT_ATTEMPTS = 8;

const COLUMNS = `id, year, quarter, version, status, error, figures, changes, requested_by, created_at, generated_at`;

function toRecord(row: Record<string, unknown>): QuarterlyReportRecord {
  return {
    id: row.id as string,
    year: row.year as number,
    quarter: row.quarter as number,
    version: row.version as number,
    status: row.status as ReportStatus,
    error: row.error as string | null,
    figures: row.figures as ReportFigures | null,
    changes: row.changes as FigureChange[] | null,
    requestedBy: row.requested_by as string | null,
    createdAt: row.created_at as Date,
    generatedAt: row.generated_at as Date | null,
  };
}

/** Quarterly reports and their frozen figures and documents. */
export class ReportRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * A new version of the quarter's report, PENDING. Versions are numbered under a lock on the
   * quarter, so two requests at once get versions n and n+1, never the same one.
   */
  async createVersion(q: Quarter, requestedBy: string | null): Promise<QuarterlyReportRecord> {
    await this.lockQuarter(q);
    return this.insertVersion(q, requestedBy);
  }

  /**
   * The scheduler's report for a quarter: made only when the quarter has none yet, so a fire that
   * is retried or delivered twice makes one report. Null when one exists.
   */
  async createScheduled(q: Quarter): Promise<QuarterlyReportRecord | null> {
    await this.lockQuarter(q);
    const [existing] = await this.em.query(
      `SELECT 1 FROM quarterly_report WHERE year = $1 AND quarter = $2`,
      [q.year, q.quarter],
    );
    return existing ? null : this.insertVersion(q, null);
  }

  private async lockQuarter(q: Quarter): Promise<void> {
    await this.em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('quarterly-report:' || $1 || ':' || $2, 0))`,
      [q.year, q.quarter],
    );
  }

  private async insertVersion(q: Quarter, requestedBy: string | null): Promise<QuarterlyReportRecord> {
    const rows = await this.em.query(
      `INSERT INTO quarterly_report (year, quarter, version, requested_by)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3 FROM quarterly_report WHERE year = $1 AND quarter = $2
       RETURNING ${COLUMNS}`,
      [q.year, q.quarter, requestedBy],
    );
    return toRecord(rows[0]);
  }

  async findById(id: string): Promise<QuarterlyReportRecord | null> {
    const rows = await this.em.query(`SELECT ${COLUMNS} FROM quarterly_report WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** A given version, or the newest one when `version` is null. */
  async find(q: Quarter, version: number | null): Promise<QuarterlyReportRecord | null> {
    const rows = await this.em.query(
      `SELECT ${COLUMNS} FROM quarterly_report WHERE year = $1 AND quarter = $2 AND ($3::int IS NULL OR version = $3)
       ORDER BY version DESC LIMIT 1`,
      [q.year, q.quarter, version],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listYear(year: number): Promise<QuarterlyReportRecord[]> {
    const rows = await this.em.query(
      `SELECT ${COLUMNS} FROM quarterly_report WHERE year = $1 ORDER BY quarter, version`,
      [year],
    );
    return rows.map(toRecord);
  }

  /** The newest READY version before `version`, to compare a new version with. */
  async previousReady(q: Quarter, version: number): Promise<QuarterlyReportRecord | null> {
    const rows = await this.em.query(
      `SELECT ${COLUMNS} FROM quarterly_report
       WHERE year = $1 AND quarter = $2 AND version < $3 AND status = 'READY' ORDER BY version DESC LIMIT 1`,
      [q.year, q.quarter, version],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Takes a report for generation; null when it is finished (a repeated job) or gone. */
  async claim(id: string): Promise<QuarterlyReportRecord | null> {
    // A report that keeps taking its worker down (each attempt counted here) is given up.
    await this.em.query(
      `UPDATE quarterly_report SET status = 'FAILED', error = $2
       WHERE id = $1 AND status IN ('PENDING', 'RUNNING') AND attempts >= $3`,
      [
        id,
        'Rapporten kunde inte tas fram: arbetet avbröts upprepade gånger. Beställ en ny version eller kontakta support.',
        MAX_REPORT_ATTEMPTS,
      ],
    );
    const rows = rowsOf(
      await this.em.query(
        `UPDATE quarterly_report SET status = 'RUNNING', attempts = attempts + 1, started_at = now()
         WHERE id = $1 AND status IN ('PENDING', 'RUNNING') RETURNING ${COLUMNS}`,
        [id],
      ),
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Figures and both documents in one statement: the report is READY with all of them or not at all. */
  async complete(
    id: string,
    figures: ReportFigures,
    changes: FigureChange[] | null,
    pdf: Buffer,
    xlsx: Buffer,
  ): Promise<void> {
    await this.em.query(
      `UPDATE quarterly_report SET status = 'READY', figures = $2, changes = $3, pdf = $4, xlsx = $5,
         generated_at = now(), error = NULL
       WHERE id = $1 AND status = 'RUNNING'`,
      [id, JSON.stringify(figures), changes ? JSON.stringify(changes) : null, pdf, xlsx],
    );
  }

  /** Back to PENDING for the next attempt, or FAILED with the reason when attempts are spent. */
  async failAttempt(id: string, error: string, final: boolean): Promise<void> {
    if (final) {
      await this.em.query(
        `UPDATE quarterly_report SET status = 'FAILED', error = $2 WHERE id = $1 AND status <> 'READY'`,
        [id, error],
      );
    } else {
      await this.em.query(
        `UPDATE quarterly_report SET status = 'PENDING' WHERE id = $1 AND status = 'RUNNING'`,
        [id],
      );
    }
  }

  async document(
    id: string,
    format: 'pdf' | 'xlsx',
  ): Promise<{ bytes: Buffer; record: QuarterlyReportRecord } | null> {
    const rows = await this.em.query(
      `SELECT ${COLUMNS}, ${format === 'pdf' ? 'pdf' : 'xlsx'} AS bytes FROM quarterly_report
       WHERE id = $1 AND status = 'READY'`,
      [id],
    );
    return rows[0] ? { bytes: rows[0].bytes as Buffer, record: toRecord(rows[0]) } : null;
  }

  /** Reports the queue may have lost (Redis down at request time, a worker that died). */
  async unfinishedIds(olderThanMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM quarterly_report
       WHERE status IN ('PENDING', 'RUNNING') AND created_at < now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY created_at LIMIT 20`,
      [olderThanMs],
    );
    return rows.map((r) => r.id);
  }
}
