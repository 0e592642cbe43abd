// Swedish number and date formatting for the committee's report. Intl's sv-SE rules give what a
// Swedish reader expects: a (non-breaking) space between thousands ("12 345"), a real minus sign
// ("−12") and a space before the percent sign ("48 %"). The non-breaking spaces keep a number
// from being split across two lines in the PDF.

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
