import { Workbook } from 'exceljs';
// The zip writer for hostile files is shared with the end-to-end tests and stays out of the build.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { repeated, zip } from '../../../../test/support/zip';
import { UNREADABLE_XLSX, XlsxArchive, ZipLimits, ZipRefusal, ZipRefusedError } from './xlsx-archive';

const MiB = 1_048_576;
/** About 1 MiB of sheet rows. */
const ROWS_MIB = '<row r="1"><c><v>1</v></c></row>'.repeat(32_768);
const LIMITS: ZipLimits = { maxUncompressedBytes: 100 * MiB, maxCompressionRatio: 100, maxEntries: 1_000 };

async function refusalOf(work: Promise<unknown>): Promise<ZipRefusedError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ZipRefusedError) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

async function inflateAll(archive: XlsxArchive, name: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of archive.inflate(name)) bytes += chunk.length;
  return bytes;
}

/** Bytes that compress about `ratio` times: one random byte in every `ratio`. */
function compressibleAbout(ratio: number, totalBytes: number): Iterable<Buffer> {
  const chunk = Buffer.alloc(MiB);
  for (let i = 0; i < MiB; i += ratio) chunk[i] = Math.floor(Math.random() * 256);
  // Repeats lie 1 MiB apart, beyond DEFLATE's 32 KiB window: each copy compresses as the first.
  return repeated(chunk, Math.ceil(totalBytes / MiB));
}

describe('XlsxArchive: the zip directory is checked before anything is inflated', () => {
  it('opens a workbook exceljs wrote and inflates its parts', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Deltagare').addRow(['Namn', 'E-post']);
    const archive = await XlsxArchive.open(Buffer.from(await workbook.xlsx.writeBuffer()), LIMITS);
    try {
      expect(archive.has('xl/workbook.xml')).toBe(true);
      expect(archive.find('XL/Workbook.xml')).toBe('xl/workbook.xml');
      expect(await inflateAll(archive, 'xl/worksheets/sheet1.xml')).toBeGreaterThan(100);
    } finally {
      archive.close();
    }
  });

  it('refuses more entries than the limit from the directory count, with a Swedish reason', async () => {
    const entries = Array.from({ length: 2_000 }, (_, i) => ({ name: `xl/media/bild${i}.xml`, data: 'x' }));
    const refusal = await refusalOf(XlsxArchive.open(await zip(entries), LIMITS));
    expect(refusal.refusal).toBe<ZipRefusal>('ENTRY_COUNT');
    expect(refusal.field).toBe('file');
    expect(refusal.message).toMatch(/^Excel-filen består av för många delar \(över 1 000\)/u);
  });

  it('refuses a sheet that inflates past the size limit (300 MiB of XML in a small file)', async () => {
    const bytes = await zip([{ name: 'xl/worksheets/sheet1.xml', data: repeated(ROWS_MIB, 300) }]);
    expect(bytes.length).toBeLessThan(2 * MiB);
    const refusal = await refusalOf(XlsxArchive.open(bytes, LIMITS));
    expect(refusal.refusal).toBe<ZipRefusal>('UNCOMPRESSED_SIZE');
    expect(refusal.message).toMatch(/^Filen är för stor när den packas upp \(över 100 MB\)/u);
  });

  it('refuses entries that are each modest but together over the size limit', async () => {
    const entries = [0, 1, 2].map((i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: compressibleAbout(20, 40 * MiB),
      level: 1,
    }));
    const refusal = await refusalOf(XlsxArchive.open(await zip(entries), LIMITS));
    expect(refusal.refusal).toBe<ZipRefusal>('UNCOMPRESSED_SIZE');
  });

  it('refuses one entry compressed more than 100 times, under the size limit', async () => {
    const bytes = await zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MiB, 'a') }]);
    const refusal = await refusalOf(XlsxArchive.open(bytes, LIMITS));
    expect(refusal.refusal).toBe<ZipRefusal>('COMPRESSION_RATIO');
    expect(refusal.message).toMatch(/packad ovanligt hårt \(mer än 100 gånger\)/u);
  });

  it('lets small entries compress as hard as they like', async () => {
    const bytes = await zip([{ name: 'xl/styles.xml', data: Buffer.alloc(MiB - 1, ' ') }]);
    const archive = await XlsxArchive.open(bytes, LIMITS);
    expect(await inflateAll(archive, 'xl/styles.xml')).toBe(MiB - 1);
    archive.close();
  });

  it('stops inflating an entry whose header understates its size (a forged header)', async () => {
    const bytes = await zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: repeated(ROWS_MIB, 20),
        declaredSize: 64 * 1024,
      },
    ]);
    const archive = await XlsxArchive.open(bytes, LIMITS); // the directory looks harmless
    let produced = 0;
    const refusal = await refusalOf(
      (async () => {
        for await (const chunk of archive.inflate('xl/worksheets/sheet1.xml')) produced += chunk.length;
      })(),
    );
    archive.close();
    expect(refusal.refusal).toBe<ZipRefusal>('DECLARED_SIZE_EXCEEDED');
    expect(refusal.message).toMatch(/^Excel-filen är skadad/u);
    expect(produced).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses bytes that are not a zip with the unreadable-workbook reason', async () => {
    const refusal = await refusalOf(XlsxArchive.open(Buffer.from('PK\u0003\u0004 trasig'), LIMITS));
    expect(refusal.refusal).toBe<ZipRefusal>('NOT_A_ZIP');
    expect(refusal.message).toBe(UNREADABLE_XLSX);
  });
});
