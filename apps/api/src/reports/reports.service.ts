import { DomainValidationError, Quarter, requireReportableQuarter } from '@crm/domain';
import { AuditRepository, QuarterlyReportRecord, ReportRepository, UserEntity } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportQueue } from './report-queue.service';

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ReportQueue,
  ) {}

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
