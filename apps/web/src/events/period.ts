// Calendar arithmetic on Stockholm dates ("2026-12-03"), for filters that the API takes as instants.
import { isoToStockholm, stockholmToIso } from '../i18n/i18n';

/** Today's date in Stockholm. */
export function stockholmToday(now: Date = new Date()): string {
  return isoToStockholm(now.toISOString()).date;
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a Stockholm day begins. */
export const startOfDay = (date: string): string => stockholmToIso(date, '00:00');

/** The last millisecond of a Stockholm day (the next day's start, less one millisecond). */
export const endOfDay = (date: string): string =>
  new Date(new Date(startOfDay(addDays(date, 1))).getTime() - 1).toISOString();

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isDate = (value: string): boolean =>
  DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
export const isTime = (value: string): boolean => TIME.test(value);
