import { AppConfig, loadConfig } from '@crm/persistence';

/** How large an uploaded registration list may be once it is read (its bytes are capped at upload). */
export interface ImportLimits {
  /** IMPORT_MAX_UNCOMPRESSED_BYTES: an .xlsx's entries inflated, in all. */
  maxUncompressedBytes: number;
  /** IMPORT_MAX_COMPRESSION_RATIO: one .xlsx entry's uncompressed : compressed size. */
  maxCompressionRatio: number;
  /** IMPORT_MAX_ZIP_ENTRIES: entries in an .xlsx. */
  maxZipEntries: number;
  /** IMPORT_MAX_ROWS: data rows of a list, CSV or .xlsx. */
  maxRows: number;
}

export function importLimitsOf(config: AppConfig): ImportLimits {
  return {
    maxUncompressedBytes: config.IMPORT_MAX_UNCOMPRESSED_BYTES,
    maxCompressionRatio: config.IMPORT_MAX_COMPRESSION_RATIO,
    maxZipEntries: config.IMPORT_MAX_ZIP_ENTRIES,
    maxRows: config.IMPORT_MAX_ROWS,
  };
}

/** The configuration's defaults (an empty environment: nothing is read from process.env here). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = importLimitsOf(loadConfig({}));
