import { diffDisclosedFigures, diffFigures, discloseReport, Quarter } from '@crm/domain';
import { computeReportFigures, ReportRepository } from '@crm/persistence';
import { DataSource } from 'typeorm';
import { renderReportPdf, renderReportXlsx } from './render';

/**
 * Makes one version of a quarterly report: figures computed in one consistent snapshot of the
 * data, compared with the previous ready version, rendered as PDF and XLSX, and stored together
 * in one statement, so a report is READY with everything or not at all.
 *
 * The stored figures and changes are exact (staff read them through GraphQL); the two documents
 * are the committee's and show both after disclosure control with k = `minCount`.
 */
export class ReportGenerator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly minCount: number,
  ) {}

  /** False when the report was already finished (a repeated job) or is gone. */
  async generate(reportId: string): Promise<boolean> {
    const reports = new ReportRepository(this.dataSource.manager);
    const report = await reports.claim(reportId);
    if (!report) return false;
    const quarter: Quarter = { year: report.year, quarter: report.quarter as Quarter['quarter'] };

    const figures = await this.dataSource.transaction('REPEATABLE READ', (em) =>
      computeReportFigures(em, quarter),
    );
    const previous = await reports.previousReady(quarter, report.version);
    const changes = previous?.figures ? diffFigures(previous.figures, figures) : null;
    const committeeChanges = previous?.figures
      ? diffDisclosedFigures(
          discloseReport(previous.figures, this.minCount).figures,
          discloseReport(figures, this.minCount).figures,
        )
      : null;
    const meta = {
      version: report.version,
      generatedAt: new Date(),
      minCount: this.minCount,
      changes: committeeChanges,
    };
    const [pdf, xlsx] = [await renderReportPdf(figures, meta), await renderReportXlsx(figures, meta)];
    await reports.complete(report.id, figures, changes, pdf, xlsx);
    return true;
  }
}
