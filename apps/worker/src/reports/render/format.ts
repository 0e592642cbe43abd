// Swedish number and date formatting for the committee's report. Intl's sv-SE rules give what a
// Swedish reader expects: a (non-breaking) space between thousands ("12 345"), a real minus sign
// ("−12") and a space before the percent sign ("48 %"). The non-breaking spaces keep a number
// from being split across two lines in the PDF.
import { suppressedLabel } from '@crm/domain';

const integer = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const signed = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/** "12 345" */
export function formatCount(n: number): string {
  return integer.format(n);
}

/**
 * What a document shows for a figure it may not publish because it would take a withheld count to
 * work out (a change, a share): "..", as Swedish official statistics mark a figure not shown.
 */
export const WITHHELD_SV = '..';

/** A disclosed count: "12 345", or "<3" when withheld (fewer than k persons, or giving one away). */
export function formatDisclosed(n: number | null, minCount: number): string {
  return n === null ? suppressedLabel(minCount) : formatCount(n);
}

/** The difference of two disclosed counts, ".." when either is withheld. */
export function formatChangeOf(current: number | null, before: number | null): string {
  return current === null || before === null ? WITHHELD_SV : formatChange(current - before);
}

/** A share of two disclosed counts, ".." when either is withheld. */
export function formatShareOf(part: number | null, whole: number | null): string {
  return part === null || whole === null ? WITHHELD_SV : formatShare(part, whole);
}

/** A difference: "+57", "−12", "±0". */
export function formatChange(n: number): string {
  return n === 0 ? '±0' : signed.format(n);
}

/** A share of a whole, "48 %"; "–" when the whole is zero (nothing to divide). */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? percent.format(part / whole) : '–';
}

/** part / whole, or null when the whole is zero (the spreadsheet leaves such a cell empty). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A calendar date "YYYY-MM-DD" as "3 september 2026". */
export function formatCalendarDate(isoDate: string): string {
  return longDate.format(calendarDate(isoDate));
}

/** A calendar date "YYYY-MM-DD" as a Date at midnight UTC (what a spreadsheet date cell wants). */
export function calendarDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The first and last day of a period: "1 juli – 30 september 2026". */
export function formatPeriod(start: string, end: string): string {
  const from = formatCalendarDate(start);
  const to = formatCalendarDate(end);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${sameYear ? from.replace(/\s\d{4}$/, '') : from} – ${to}`;
}

/** When the document was made, in Stockholm time: "5 oktober 2026 kl. 09:12". */
export function formatGeneratedAt(at: Date): string {
  return dateTime.format(at);
}
