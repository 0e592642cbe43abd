/**
 * The comparison key for column headers and cell vocabularies: accents dropped (å → a, é → e),
 * lower-case, and everything but letters and digits removed, so "E-post", "e post" and "EPOST" all
 * fold to "epost" and "No-show" to "noshow".
 */
export function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Text in a spreadsheet cell: NFC, trimmed, inner whitespace (line breaks too) collapsed to one space. */
export function cleanText(raw: string | undefined): string {
  return (raw ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');
}
