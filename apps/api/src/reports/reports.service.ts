import { DomainValidationError, Quarter, requireReportableQuarter, Role } from '@crm/domain';
import {
  APP_CONFIG,
  type AppConfig,
  AuditRepository,
  QuarterlyReportRecord,
  ReportRepository,
  UserEntity,
} from '@crm/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportView, reportView } from './report.models';
import { ReportQueue } from './report-queue.service';

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ReportQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * How `user` reads `report`: the COMMITTEE after disclosure control, with the previous READY
   * version among `others` (versions of the same year) to list the changes as it may see them.
   */
  view(
    user: UserEntity,
    report: QuarterlyReportRecord,
    others: readonly QuarterlyReportRecord[],
  ): ReportView {
    const view = reportView(user.role, this.config.DISCLOSURE_MIN_COUNT);
    if (view.minCount === null || report.changes === null) return view;
    const previous = others
      .filter(
        (o) =>
          o.year === report.year &&
          o.quarter === report.quarter &&
          o.version < report.version &&
          o.status === 'READY',
      )
      .sort((a, b) => b.version - a.version)[0];
    return { ...view, previous: previous ?? null };
  }

  /** As `view`, looking up the previous READY version when the committee needs it. */
  async viewOf(user: UserEntity, report: QuarterlyReportRecord): Promise<ReportView> {
    const view = reportView(user.role, this.config.DISCLOSURE_MIN_COUNT);
    if (user.role !== Role.COMMITTEE || report.changes === null) return view;
    const previous = await new ReportRepository(this.dataSource.manager).previousReady(
      { year: report.year, quarter: report.quarter as Quarter['quarter'] },
      report.version,
    );
    return { ...view, previous };
  }

  /** A new version of the quarter's report; earlier versions stay as they were. */
  async generate(year: number, quarter: number, user: UserEntity): Promise<QuarterlyReportRecord> {
    const q = requireReportableQuarter(year, quarter);
    const report = await this.dataSource.transaction(async (em) => {
      const created = await new ReportRepository(em).createVersion(q, user.id);
      await new AuditRepository(em).record(user.id, 'generate', 'quarterly_report', created.id, [
        'year',
        'quarter',
      ]);
      return created;
    });
    await this.queue.enqueue(report.id);
    return report;
  }

  list(year: number): Promise<QuarterlyReportRecord[]> {
    requireYear(year);
    return new ReportRepository(this.dataSource.manager).listYear(year);
  }

  find(
    year: number,
    quarter: number,
    version: number | null | undefined,
  ): Promise<QuarterlyReportRecord | null> {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw new DomainValidationError('quarter', 'must be 1, 2, 3 or 4');
    }
    if (version !== null && version !== undefined && version < 1) {
      throw new DomainValidationError('version', 'must be 1 or more');
    }
    const q = { year, quarter } as Quarter;
    return new ReportRepository(this.dataSource.manager).find(q, version ?? null);
  }
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new DomainValidationError('year', 'must be a year from 2000 to 2100');
  }
}
