// Every text the app shows comes from a message catalogue (one file a feature, *.messages.ts, joined
// in catalogue.ts), so another language can follow by giving every key a translation. Dates, times
// and numbers are Swedish (sv-SE) and times are Stockholm's, whatever the device's own settings.
import { messageOf, type MessageKey } from './catalogue';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const LOCALE = 'sv-SE';
export const TIME_ZONE = 'Europe/Stockholm';

/** The message for `key`, with `{name}` placeholders filled from `params` (numbers in Swedish form). */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = messageOf(key);
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

/** Stockholm's wall clock, as parts (24-hour, two digits). */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClockParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = wallClock.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** A Stockholm wall-clock date and time ("2026-12-03", "09:00") as an instant (ISO string, UTC). */
export function stockholmToIso(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The offset Stockholm has at that moment (+1 h or +2 h), found by reading the guess on its clock.
  const shown = wallClockParts(new Date(guess));
  const shownUtc = Date.UTC(+shown.year, +shown.month - 1, +shown.day, +shown.hour, +shown.minute);
  return new Date(guess - (shownUtc - guess)).toISOString();
}

/** An instant as Stockholm's wall-clock date and time: { date: "2026-12-03", time: "09:00" }. */
export function isoToStockholm(iso: string): { date: string; time: string } {
  const { year, month, day, hour, minute } = wallClockParts(new Date(iso));
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}` };
}
