export type RegistrationFileKind = 'CSV' | 'XLSX';

/** How far into a file we look for NUL bytes when deciding whether it is text. */
const TEXT_PROBE_BYTES = 64 * 1024;

// Formats event staff upload by mistake: a PDF of the list, a screenshot, an old .xls, a Word file.
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2 compound file: .xls, .doc, .msg
  [0x50, 0x4b, 0x03, 0x04], // ZIP (.docx, .odt, .zip): an xlsx is recognised before this list is consulted
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x1f, 0x8b], // gzip
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf: "Save as RTF" is text but not a table
];

const LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
const CENTRAL_DIRECTORY_HEADER = [0x50, 0x4b, 0x01, 0x02] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[at + i] !== prefix[i]) return false;
  }
  return true;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let text = '';
  const end = Math.min(bytes.length, from + length);
  for (let i = from; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/**
 * The entry names of a ZIP archive, read from its local file headers and its central directory.
 * Scanning for the signatures (rather than walking the archive) also copes with entries whose sizes
 * sit in a trailing data descriptor, as streaming writers produce them.
 */
function zipEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    if (startsWith(bytes, LOCAL_FILE_HEADER, i)) {
      names.add(ascii(bytes, i + 30, u16(bytes, i + 26)));
    } else if (startsWith(bytes, CENTRAL_DIRECTORY_HEADER, i)) {
      names.add(ascii(bytes, i + 46, u16(bytes, i + 28)));
    }
  }
  return names;
}

/**
 * An Office Open XML workbook: a ZIP with parts under xl/. A binary workbook (.xlsb) has them too,
 * but its xl/workbook.bin cannot be read as a table, so it is not accepted.
 */
function isXlsx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, LOCAL_FILE_HEADER)) return false;
  const names = zipEntryNames(bytes);
  if (names.has('xl/workbook.bin')) return false;
  for (const name of names) {
    if (name.startsWith('xl/')) return true;
  }
  return false;
}

/**
 * Sniffs the bytes (not the name, which staff rename freely) of an uploaded registration list.
 *
 * - XLSX: a ZIP holding parts under xl/ (a .docx holds word/, an .odt neither).
 * - CSV: text, i.e. no NUL byte in the first 64 KiB and none of the binary signatures above. UTF-16
 *   text with a byte-order mark (Excel's "Unicode text" export) is accepted too, although it is full
 *   of NUL bytes.
 * - null: anything else, including an empty file.
 */
export function sniffRegistrationFile(bytes: Uint8Array): RegistrationFileKind | null {
  if (bytes.length === 0) return null;
  if (isXlsx(bytes)) return 'XLSX';
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    return bytes.length > 2 && bytes.length % 2 === 0 ? 'CSV' : null;
  }
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) return null;
  const probe = Math.min(bytes.length, TEXT_PROBE_BYTES);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return null;
  }
  return 'CSV';
}
