import { DomainValidationError, importLimitReason } from '@crm/domain';
import * as yauzl from 'yauzl';

export interface ZipLimits {
  /** Largest sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest uncompressed : compressed ratio of one entry (entries under RATIO_FLOOR_BYTES excepted). */
  maxCompressionRatio: number;
  /** Most entries in the archive. */
  maxEntries: number;
}

/**
 * Entries smaller than this when inflated may be compressed as hard as they like: a ratio means
 * nothing for a few kilobytes of repetitive XML (styles, an empty sheet), and they cost nothing.
 */
export const RATIO_FLOOR_BYTES = 1_048_576;

/** Why an archive was refused: the reason shown to staff is `error.message`. */
export type ZipRefusal =
  | 'NOT_A_ZIP'
  | 'ENTRY_COUNT'
  | 'UNCOMPRESSED_SIZE'
  | 'COMPRESSION_RATIO'
  | 'DECLARED_SIZE_EXCEEDED'
  | 'UNREADABLE_ENTRY';

export class ZipRefusedError extends DomainValidationError {
  constructor(
    readonly refusal: ZipRefusal,
    message: string,
  ) {
    super('file', message);
  }
}

export const UNREADABLE_XLSX =
  'Filen kunde inte läsas som Excel-fil (.xlsx). Spara om den i Excel och försök igen.';

/**
 * An uploaded .xlsx held in memory, whose zip central directory was read and checked before
 * anything is inflated: too many entries, too much in all once inflated, or one entry compressed
 * suspiciously hard, and the file is refused with a Swedish reason. Entries are then inflated one
 * at a time, as a stream, on demand; an entry that inflates to more than its header declared (a
 * forged header) is stopped there.
 */
export class XlsxArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Reads and checks the central directory; inflates nothing. */
  static async open(bytes: Buffer, limits: ZipLimits): Promise<XlsxArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(bytes, {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: false,
      });
    } catch {
      throw new ZipRefusedError('NOT_A_ZIP', UNREADABLE_XLSX);
    }
    try {
      // The end-of-central-directory record states the count: refuse before walking the directory.
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipRefusedError('ENTRY_COUNT', importLimitReason.zipEntries(limits.maxEntries));
      }
      const entries = new Map<string, yauzl.Entry>();
      let total = 0;
      let seen = 0;
      for await (const entry of zip.eachEntry()) {
        if (++seen > limits.maxEntries) {
          throw new ZipRefusedError('ENTRY_COUNT', importLimitReason.zipEntries(limits.maxEntries));
        }
        total += entry.uncompressedSize;
        if (total > limits.maxUncompressedBytes) {
          throw new ZipRefusedError(
            'UNCOMPRESSED_SIZE',
            importLimitReason.uncompressedSize(limits.maxUncompressedBytes),
          );
        }
        if (
          entry.uncompressedSize >= RATIO_FLOOR_BYTES &&
          entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
        ) {
          throw new ZipRefusedError(
            'COMPRESSION_RATIO',
            importLimitReason.compressionRatio(limits.maxCompressionRatio),
          );
        }
        if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      }
      return new XlsxArchive(zip, entries);
    } catch (error) {
      zip.close();
      if (error instanceof ZipRefusedError) throw error;
      // A directory yauzl cannot walk (truncated, overlapping, a bad zip64 record).
      throw new ZipRefusedError('NOT_A_ZIP', UNREADABLE_XLSX);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's name matched without regard to case (some writers vary it), or null. */
  find(name: string): string | null {
    if (this.entries.has(name)) return name;
    const lower = name.toLowerCase();
    for (const candidate of this.entries.keys()) {
      if (candidate.toLowerCase() === lower) return candidate;
    }
    return null;
  }

  /**
   * The entry's inflated bytes, chunk by chunk. Stops with DECLARED_SIZE_EXCEEDED as soon as it
   * has produced more than the directory declared (yauzl checks the same; this holds even so).
   */
  async *inflate(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) return;
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw new ZipRefusedError('UNREADABLE_ENTRY', UNREADABLE_XLSX);
    }
    let produced = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > entry.uncompressedSize) {
          throw new ZipRefusedError('DECLARED_SIZE_EXCEEDED', importLimitReason.declaredSizeExceeded());
        }
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ZipRefusedError) throw error;
      if (error instanceof Error && /too many bytes/u.test(error.message)) {
        throw new ZipRefusedError('DECLARED_SIZE_EXCEEDED', importLimitReason.declaredSizeExceeded());
      }
      if (error instanceof DomainValidationError) throw error;
      // Corrupt deflate data, a bad CRC, fewer bytes than declared.
      throw new ZipRefusedError('UNREADABLE_ENTRY', UNREADABLE_XLSX);
    } finally {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    }
  }

  close(): void {
    this.zip.close();
  }
}
