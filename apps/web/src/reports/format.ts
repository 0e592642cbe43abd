// Figures as the committee's PDF shows them (apps/worker/src/reports/render/format.ts): Swedish
// numbers, "<k" for a count withheld by disclosure control, ".." for a change or sum that would need
// a withheld count.
import type { LadderStep, ReportStatus } from '../gql/graphql';
import { formatNumber, isoToStockholm, t } from '../i18n/i18n';

/** What the documents show for a figure that would take a withheld count to work out. */
export const WITHHELD_DERIVED = '..';

/** "<3" for k = 3: a count of fewer than k persons, not shown. */
export const withheldLabel = (minCount: number | null): string => (minCount === null ? '–' : `<${minCount}`);

/** A disclosed count: "12 345", or "<k" when withheld. */
export function formatCount(n: number | null, minCount: number | null): string {
  return n === null ? withheldLabel(minCount) : formatNumber(n);
}

/** "+57", "−12", "±0". */
export function formatChange(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${formatNumber(n)}` : `−${formatNumber(-n)}`;
}

/** The difference of two disclosed counts; ".." when either is withheld. */
export function formatChangeOf(current: number | null, before: number | null): string {
  return current === null || before === null ? WITHHELD_DERIVED : formatChange(current - before);
}

/** A sum of disclosed counts; null (shown "..") when any of them is withheld. */
export function sumOf(counts: readonly (number | null)[]): number | null {
  let total = 0;
  for (const n of counts) {
    if (n === null) return null;
    total += n;
  }
  return total;
}

/** A share "48 %"; ".." when withheld, "–" when the whole is zero. */
export function formatShareOf(part: number | null, whole: number | null): string {
  if (part === null || whole === null) return WITHHELD_DERIVED;
  if (whole <= 0) return '–';
  return `${formatNumber(Math.round((part / whole) * 100))} %`;
}

/** "1. Medvetenhet" */
export const stepLabel = (step: LadderStep): string => t(`reports.step.${step}`);

export const statusLabel = (status: ReportStatus): string => t(`reports.status.${status}`);

export const isUnfinished = (status: ReportStatus): boolean => status === 'PENDING' || status === 'RUNNING';

/** "2026-07-01" as "1 juli 2026" (a calendar date: no time zone shift). */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export interface Quarter {
  year: number;
  quarter: number;
}

/** The newest quarter that has ended on Stockholm's calendar (reports are made for ended quarters). */
export function lastEndedQuarter(now: Date): Quarter {
  const [year, month] = isoToStockholm(now.toISOString()).date.split('-').map(Number);
  const current = Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

export function hasEnded(q: Quarter, now: Date): boolean {
  const last = lastEndedQuarter(now);
  return q.year < last.year || (q.year === last.year && q.quarter <= last.quarter);
}

/** This year on Stockholm's calendar. */
export function stockholmYear(now: Date): number {
  return Number(isoToStockholm(now.toISOString()).date.slice(0, 4));
}
