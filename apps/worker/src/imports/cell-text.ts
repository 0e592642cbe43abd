import { CellValue } from 'exceljs';

// How a cell shows as text, the same whether the workbook was read whole (exceljs) or streamed.

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel's day zero: a cell formatted as a time of day only comes back on this date. */
const EXCEL_EPOCH = '1899-12-30';

/** Excel dates come back from exceljs as UTC instants of the wall-clock time in the cell. */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  // To the second (a serial day fraction is rarely exact), then seconds dropped as a hh:mm format shows them.
  const seconds = Math.round(value.getTime() / 1000);
  const rounded = new Date((seconds - (((seconds % 60) + 60) % 60)) * 1000);
  const date = `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`;
  if (date === EXCEL_EPOCH) return time;
  return time === '00:00' ? date : `${date} ${time}`;
}

/** 42 not 42.0, and 0.1 + 0.2 as Excel shows it (15 significant digits), not 0.30000000000000004. */
export function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
}

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(value: CellValue | { richText: { text: string }[] }): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) {
    // The text of a hyperlink cell may itself be rich text; a bare link shows its address.
    const text = cellText(value.text as CellValue);
    return text !== '' ? text : value.hyperlink.replace(/^mailto:/iu, '');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

/** Excel's serial day number (1900 or 1904 date system) as the UTC instant exceljs would give. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Whether a number format shows a date or time (as exceljs decides it: y m d h s or b outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, '');
  return /[ymdhMsb]+/u.test(bare);
}
