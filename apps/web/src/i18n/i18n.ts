// Every text the app shows comes from a message catalogue (one file a feature, *.messages.ts, joined
// in catalogue.ts), so another language can follow by giving every key a translation. Dates, times
// and numbers are Swedish (sv-SE) and times are Stockholm's, whatever the device's own settings.
import { catalogue, type MessageKey } from './catalogue';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const LOCALE = 'sv-SE';
export const TIME_ZONE = 'Europe/Stockholm';

/** The message for `key`, with `{name}` placeholders filled from `params` (numbers in Swedish form). */
export function t(key: MessageKey, params?: MessageParams): string {
  const text: string = catalogue[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

const numberFormat = new Intl.NumberFormat(LOCALE);
const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'long' });
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});

const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

export const formatNumber = (value: number): string => numberFormat.format(value);
/** "3 december 2026" */
export const formatDate = (value: string | Date): string => dateFormat.format(toDate(value));
/** "tors 3 dec." */
export const formatShortDate = (value: string | Date): string => shortDateFormat.format(toDate(value));
/** "09:14", Stockholm time */
export const formatTime = (value: string | Date): string => timeFormat.format(toDate(value));
/** "3 dec. 2026 09:14", Stockholm time */
export const formatDateTime = (value: string | Date): string => dateTimeFormat.format(toDate(value));

/** A Stockholm wall-clock date and time ("2026-12-03", "09:00") as an instant (ISO string, UTC). */
export function stockholmToIso(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The offset Stockholm has at that moment (+1 h or +2 h), found by formatting the guess there.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (shown - guess)).toISOString();
}

/** An instant as Stockholm's wall-clock date and time: { date: "2026-12-03", time: "09:00" }. */
export function isoToStockholm(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
