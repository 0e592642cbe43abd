import { FigureChange } from '@crm/domain';

/** What the rendered document says about itself, beside the frozen figures. */
export interface ReportDocumentMeta {
  /** 1 for the first report of a quarter; a corrected report of the same quarter gets 2, 3, … */
  version: number;
  generatedAt: Date;
  /** The figures that differ from version − 1; null for version 1 (nothing to compare with). */
  changes: FigureChange[] | null;
}
