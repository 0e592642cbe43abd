/**
 * The Swedish reasons shown on a registration import (`registrationImport(id).error`) that a file
 * was refused for being larger than a list can be. Each says what was wrong in plain words and
 * what staff can do about it; none repeats anything from the file.
 */

/** 50000 → "50 000", as Swedish writes numbers. */
export function swedishNumber(n: number): string {
  return String(Math.floor(n)).replace(/\B(?=(\d{3})+(?!\d))/gu, ' ');
}

const megabytes = (bytes: number): string => swedishNumber(Math.floor(bytes / 1_048_576));

const SAVE_AGAIN =
  'Spara listan i en ny Excel-fil med bara bladet med deltagarna, eller som CSV, och ladda upp den igen.';

export const importLimitReason = {
  /** The zip's entries inflate to more than the limit in all. */
  uncompressedSize: (maxBytes: number): string =>
    `Filen är för stor när den packas upp (över ${megabytes(maxBytes)} MB). En deltagarlista är sällan större än några MB. ${SAVE_AGAIN}`,

  /** One entry inflates more than the limit times its compressed size. */
  compressionRatio: (maxRatio: number): string =>
    `Filen innehåller en del som är packad ovanligt hårt (mer än ${swedishNumber(maxRatio)} gånger) och läses därför inte. ${SAVE_AGAIN}`,

  /** More entries in the zip than the limit. */
  zipEntries: (maxEntries: number): string =>
    `Excel-filen består av för många delar (över ${swedishNumber(maxEntries)}). ${SAVE_AGAIN}`,

  /** An entry inflates to more than its header says: a damaged or forged file. */
  declaredSizeExceeded: (): string =>
    'Excel-filen är skadad: en del av den blir större när den packas upp än filen själv anger. Spara om den i Excel och försök igen.',

  /** More rows than the limit (blank rows a file stores count too). */
  rows: (maxRows: number): string =>
    `Listan har fler än ${swedishNumber(maxRows)} rader (tomma rader som filen innehåller räknas också). Ta bort tomma rader under listan eller dela upp den i flera filer och ladda upp dem var för sig.`,

  /** A filled cell further right than the column limit. */
  columns: (maxColumns: number): string =>
    `Listan har uppgifter i fler än ${swedishNumber(maxColumns)} kolumner. Ta bort kolumnerna som inte behövs och ladda upp den igen.`,

  /** More cells (rows × columns) than a list can have, or more text than one can hold. */
  cells: (): string =>
    'Listan innehåller mer data än en deltagarlista kan ha. Ta bort kolumnerna som inte behövs eller dela upp den i flera filer och ladda upp dem var för sig.',
} as const;
