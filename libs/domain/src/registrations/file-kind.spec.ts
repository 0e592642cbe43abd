import { sniffRegistrationFile } from './file-kind';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A minimal stored (uncompressed) ZIP: local headers, central directory, end record. CRCs are not checked. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number): number[] => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = [...text(name)];
    const data = [...text(content)];
    const offset = parts.length;
    parts.push(0x50, 0x4b, 0x03, 0x04, ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    parts.push(...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0));
    parts.push(...nameBytes, ...data);
    central.push(0x50, 0x4b, 0x01, 0x02, ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    central.push(...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0));
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const count = Object.keys(entries).length;
  const end = [0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(count), ...u16(count)];
  end.push(...u32(central.length), ...u32(parts.length), ...u16(0));
  return Uint8Array.from([...parts, ...central, ...end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types/>';

describe('sniffRegistrationFile', () => {
  it('recognises an xlsx by its xl/ parts, whatever the file is called', () => {
    const xlsx = zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': '<Relationships/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': '<worksheet/>',
    });
    expect(sniffRegistrationFile(xlsx)).toBe('XLSX');
  });

  it('recognises an xlsx whose entry names are only in the central directory', () => {
    const xlsx = zip({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>' });
    // Blank the local header's name (as if a data descriptor writer had mangled it): the directory still names it.
    const index = new TextDecoder('latin1').decode(xlsx).indexOf('xl/workbook.xml');
    xlsx.set(text('zz/workbook.xml'), index);
    expect(sniffRegistrationFile(xlsx)).toBe('XLSX');
  });

  it.each([
    ['a .docx', { '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>' }],
    ['an .odt', { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office/>' }],
    ['a plain zip', { 'lista.csv': 'Namn,E-post\nAnna,anna@x.se\n' }],
    ['an .xlsb', { '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.bin': '\u0001\u0002' }],
  ])('refuses %s', (_label, entries) => {
    expect(sniffRegistrationFile(zip(entries))).toBeNull();
  });

  it('does not take the bytes "xl/" inside a .docx for a workbook part', () => {
    const docx = zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': 'see xl/workbook.xml' });
    expect(sniffRegistrationFile(docx)).toBeNull();
  });

  it.each([
    ['a comma CSV', 'Namn,E-post\nAnna Berg,anna@x.se\n'],
    ['a semicolon CSV', 'Förnamn;Efternamn;E-post\r\nÅsa;Öberg;asa@x.se\r\n'],
    ['a tab-separated file', 'Namn\tE-post\nAnna\tanna@x.se\n'],
    ['a single column', 'Namn\n'],
    ['a CSV whose first header starts with PK', 'PK-nummer;Namn\n1;Anna\n'],
  ])('recognises %s as CSV', (_label, content) => {
    expect(sniffRegistrationFile(text(content))).toBe('CSV');
  });

  it('recognises a UTF-8 CSV with BOM and a Windows-1252 CSV as CSV', () => {
    expect(sniffRegistrationFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...text('Namn\nÅsa\n')]))).toBe('CSV');
    // "Förnamn;Åsa" in Windows-1252: ö = F6, Å = C5.
    const win1252 = Uint8Array.from([0x46, 0xf6, 0x72, 0x6e, 0x61, 0x6d, 0x6e, 0x3b, 0xc5, 0x73, 0x61, 0x0a]);
    expect(sniffRegistrationFile(win1252)).toBe('CSV');
  });

  it('accepts UTF-16 text with a byte-order mark (Excel "Unicode text") despite its NUL bytes', () => {
    const utf16le = Uint8Array.from([
      0xff,
      0xfe,
      ...[...'Namn\tE-post\r\n'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(sniffRegistrationFile(utf16le)).toBe('CSV');
    const utf16be = Uint8Array.from([0xfe, 0xff, ...[...'Namn\n'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(sniffRegistrationFile(utf16be)).toBe('CSV');
  });

  it.each([
    ['an empty file', []],
    ['a PDF', [...text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')]],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]],
    ['a GIF', [...text('GIF89a'), 1, 0, 1, 0]],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text('JFIF')]],
    ['an old .xls (OLE2)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['a gzip', [0x1f, 0x8b, 0x08, 0x00]],
    ['an RTF document', [...text('{\\rtf1\\ansi Namn')]],
    ['an empty ZIP', [0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]],
    ['text with a NUL byte', [...text('Namn\n'), 0, ...text('Anna\n')]],
    ['a lone UTF-16 byte-order mark', [0xff, 0xfe]],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffRegistrationFile(Uint8Array.from(bytes))).toBeNull();
  });

  it('only looks for NUL bytes in the first 64 KiB', () => {
    const bytes = new Uint8Array(70 * 1024).fill(0x61);
    bytes[65 * 1024] = 0;
    expect(sniffRegistrationFile(bytes)).toBe('CSV');
    bytes[1000] = 0;
    expect(sniffRegistrationFile(bytes)).toBeNull();
  });
});
