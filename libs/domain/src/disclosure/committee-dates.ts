import { CalendarDate } from '../ladder/calendar';
import { quarterEndedBefore, quarterOf, quarterPeriod } from '../reports/quarters';
import { DomainValidationError } from '../validation';

/**
 * The committee sees the ladder only at quarter ends, so that figures of neighbouring days cannot
 * be subtracted from one another to pin down one person's change.
 */
export function isQuarterEnd(date: CalendarDate): boolean {
  return quarterPeriod(quarterOf(date)).end === date;
}

/** The last day of the last quarter that has ended (in Europe/Stockholm). */
export function lastEndedQuarterEnd(instant: Date = new Date()): CalendarDate {
  return quarterPeriod(quarterEndedBefore(instant)).end;
}

/**
 * A date the committee may ask for: the last day of a quarter, and (given `latest`) of a quarter that
 * has ended, since figures of a quarter still running change from day to day. `field` names the argument.
 */
export function requireQuarterEnd(field: string, date: CalendarDate, latest?: CalendarDate): CalendarDate {
  if (!isQuarterEnd(date)) {
    throw new DomainValidationError(
      field,
      `måste vara sista dagen i ett kvartal (31 mars, 30 juni, 30 september eller 31 december) / ` +
        `must be the last day of a quarter`,
    );
  }
  if (latest !== undefined && date > latest) {
    throw new DomainValidationError(
      field,
      `måste vara slutet av ett kvartal som har passerat (senast ${latest}) / ` +
        `must be the end of a quarter that has ended (${latest} at the latest)`,
    );
  }
  return date;
}

/** A period the committee may ask for: whole quarters, from one quarter end to a later one. */
export function requireWholeQuarters(
  from: CalendarDate,
  to: CalendarDate,
  latest?: CalendarDate,
): { from: CalendarDate; to: CalendarDate } {
  requireQuarterEnd('from', from, latest);
  requireQuarterEnd('to', to, latest);
  if (to <= from) {
    throw new DomainValidationError(
      'to',
      'måste vara ett senare kvartalsslut än from / must be a later quarter end than from',
    );
  }
  return { from, to };
}
