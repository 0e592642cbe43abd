// Quarter ends on the Stockholm calendar (dates as "2026-09-30"), as the API's committee rules count them.
import { stockholmToday } from '../events/period';

export { stockholmToday };

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter a date falls in. */
export function quarterOf(date: string): { year: number; quarter: number } {
  const [year, month] = date.split('-').map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** The last day of a quarter. */
export function quarterEnd(year: number, quarter: number): string {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
}

export const isQuarterEnd = (date: string): boolean => {
  const { year, quarter } = quarterOf(date);
  return quarterEnd(year, quarter) === date;
};

/** The last quarter end strictly before `date` (the day before its quarter began). */
export function previousQuarterEnd(date: string): string {
  const { year, quarter } = quarterOf(date);
  return quarter === 1 ? quarterEnd(year - 1, 4) : quarterEnd(year, quarter - 1);
}

/** The ends of the `count` quarters that have ended by `today` (Stockholm), newest first. */
export function endedQuarterEnds(today: string, count: number): string[] {
  const ends: string[] = [];
  let end = previousQuarterEnd(today);
  for (let i = 0; i < count; i++) {
    ends.push(end);
    end = previousQuarterEnd(end);
  }
  return ends;
}

/** The trend's eight quarter ends: the last eight ended quarters, oldest first. */
export const trendQuarterEnds = (today: string): string[] => endedQuarterEnds(today, 8).reverse();

/** "2026 K3", as the committee's documents write a quarter. */
export function quarterLabel(date: string): string {
  const { year, quarter } = quarterOf(date);
  return `${year} K${quarter}`;
}
