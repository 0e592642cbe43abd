import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * A small zip writer for hostile test files: STORE or DEFLATE entries whose content is given as
 * chunks (so 300 MiB of XML is deflated without ever being in memory at once), and headers that
 * may lie about an entry's uncompressed size. No zip64: entries stay under 4 GiB.
 */
export interface ZipEntrySpec {
  name: string;
  /** The content, chunk by chunk; a Buffer or string is one chunk. */
  data: string | Buffer | Iterable<Buffer>;
  /** DEFLATE unless told to STORE. */
  method?: 'store' | 'deflate';
  /** The uncompressed size the headers declare, when it should differ from the truth. */
  declaredSize?: number;
  /** zlib level for DEFLATE (default 9). */
  level?: number;
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  declaredSize: number;
  offset: number;
}

function chunksOf(data: ZipEntrySpec['data']): Iterable<Buffer> {
  if (typeof data === 'string') return [Buffer.from(data, 'utf8')];
  if (Buffer.isBuffer(data)) return [data];
  return data;
}

async function compress(
  spec: ZipEntrySpec,
): Promise<{ crc: number; size: number; compressed: Buffer; method: number }> {
  let crc = 0;
  let size = 0;
  if (spec.method === 'store') {
    const parts: Buffer[] = [];
    for (const chunk of chunksOf(spec.data)) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      parts.push(chunk);
    }
    return { crc, size, compressed: Buffer.concat(parts), method: 0 };
  }
  const deflate = createDeflateRaw({ level: spec.level ?? 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = once(deflate, 'end');
  for (const chunk of chunksOf(spec.data)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { crc, size, compressed: Buffer.concat(out), method: 8 };
}

/** The zip archive holding the entries, in order. */
export async function zip(entries: readonly ZipEntrySpec[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const spec of entries) {
    const { crc, size, compressed, method } = await compress(spec);
    const name = Buffer.from(spec.name, 'utf8');
    const declaredSize = spec.declaredSize ?? size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(0x21, 12); // date: 1980-01-01
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(declaredSize, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    parts.push(header, name, compressed);
    written.push({ name, method, crc, compressed, declaredSize, offset });
    offset += header.length + name.length + compressed.length;
  }
  const directoryStart = offset;
  for (const entry of written) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    header.writeUInt16LE(20, 6); // version needed
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.compressed.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(entry.name.length, 28);
    // extra, comment, disk, internal and external attributes: zero
    header.writeUInt32LE(entry.offset, 42);
    parts.push(header, entry.name);
    offset += header.length + entry.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(written.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(written.length, 0xffff), 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** `times` copies of `chunk`, lazily: content of any size without holding it. */
export function* repeated(chunk: string | Buffer, times: number): Iterable<Buffer> {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  for (let i = 0; i < times; i++) yield bytes;
}

// --- Minimal .xlsx parts ---------------------------------------------------------------------------

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

export const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_END = `</sheetData></worksheet>`;

/** A row of inline-string cells, as a streaming writer produces them. */
export function inlineRow(rowNumber: number, values: readonly string[]): string {
  const cells = values
    .map((value, i) => {
      const ref = `${String.fromCharCode(65 + i)}${rowNumber}`;
      return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    })
    .join('');
  return `<row r="${rowNumber}">${cells}</row>`;
}

/**
 * The parts of a one-sheet workbook around the sheet's XML (given as chunks), plus any extra
 * entries: the sheet entry's options (method, declared size) pass through.
 */
export function xlsxEntries(
  sheet: Omit<ZipEntrySpec, 'name'>,
  extra: readonly ZipEntrySpec[] = [],
): ZipEntrySpec[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
    ...extra,
  ];
}
