import { CalendarDate, stockholmDate } from '../ladder/calendar';
import { DomainValidationError } from '../validation';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  year: number;
  quarter: QuarterNumber;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last calendar day of a quarter. */
export function quarterPeriod({ year, quarter }: Quarter): { start: CalendarDate; end: CalendarDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** The quarter `by` quarters after (negative: before) the given one. */
export function shiftQuarter({ year, quarter }: Quarter, by: number): Quarter {
  const index = year * 4 + (quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as QuarterNumber };
}

/** "2026 K3", as the committee's documents write a quarter. */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year} K${quarter}`;
}

export function quarterOf(date: CalendarDate): Quarter {
  const [year, month] = date.split('-').map(Number);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}

/**
 * The quarter a scheduled run reports on: the one that ended before the run's day in Stockholm
 * (a run at 02:00 on 1 April reports on January–March).
 */
export function quarterEndedBefore(instant: Date): Quarter {
  return shiftQuarter(quarterOf(stockholmDate(instant)), -1);
}

/** A report can be made for a quarter that has ended, from 2000 on. */
export function requireReportableQuarter(year: number, quarter: number, today = stockholmDate()): Quarter {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new DomainValidationError('quarter', 'must be 1, 2, 3 or 4');
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new DomainValidationError('year', 'must be a year from 2000 to 2100');
  }
  const q = { year, quarter: quarter as QuarterNumber };
  if (quarterPeriod(q).end >= today) {
    throw new DomainValidationError('quarter', 'has not ended yet: a report covers a whole quarter');
  }
  return q;
}

/**
 * When the quarterly report runs: 02:00 Europe/Stockholm on the first day of each quarter, for
 * the quarter that just ended. As a cron pattern with its time zone, for BullMQ's job scheduler.
 */
export const QUARTERLY_REPORT_SCHEDULE = { pattern: '0 0 2 1 1,4,7,10 *', tz: 'Europe/Stockholm' } as const;
