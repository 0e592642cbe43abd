import { FigureChange } from '@crm/domain';

/** What the rendered document says about itself, beside the frozen figures. */
export interface ReportDocumentMeta {
  /** 1 for the first report of a quarter; a corrected report of the same quarter gets 2, 3, … */
  version: number;
  generatedAt: Date;
  /**
   * k of disclosure control (DISCLOSURE_MIN_COUNT): the documents are the committee's, so a count of
   * 1..k−1 persons is never shown, nor one that would give such a count away.
   */
  minCount: number;
  /**
   * The figures that differ from version − 1, as the committee sees them (diffDisclosedFigures of
   * the two versions' disclosed figures); null for version 1 (nothing to compare with).
   */
  changes: FigureChange<number | null>[] | null;
}
