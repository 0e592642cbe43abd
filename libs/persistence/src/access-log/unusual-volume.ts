/**
 * When a user's week of reads is unusual enough for the data protection officer to look at it. Counts
 * are distinct persons read in a week (Monday to Monday, Europe/Stockholm).
 *
 * Flagged when the week is above the absolute ceiling, or when it is both more than
 * UNUSUAL_FACTOR times the user's own median of the previous BASELINE_WEEKS weeks (weeks without
 * reads count as 0) and more than UNUSUAL_MINIMUM persons. The minimum keeps a user who usually reads
 * 5 persons and now reads 20 off the list; the ceiling catches a user who always reads a lot.
 */
export const ACCESS_LOG_RULE = {
  baselineWeeks: 8,
  factor: 3,
  minimum: 200,
  ceiling: 2_000,
} as const;

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `previous`: the distinct persons of each of the previous weeks (missing weeks as 0 or left out). */
export function isUnusualVolume(
  persons: number,
  previous: readonly number[],
  rule: { baselineWeeks: number; factor: number; minimum: number; ceiling: number } = ACCESS_LOG_RULE,
): { flagged: boolean; baselineMedian: number } {
  const weeks = [...previous.slice(0, rule.baselineWeeks)];
  while (weeks.length < rule.baselineWeeks) weeks.push(0);
  const baselineMedian = median(weeks);
  const flagged =
    persons > rule.ceiling || (persons > rule.factor * baselineMedian && persons > rule.minimum);
  return { flagged, baselineMedian };
}
