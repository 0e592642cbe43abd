import {
  endedQuarterEnds,
  isQuarterEnd,
  previousQuarterEnd,
  quarterLabel,
  stockholmToday,
  trendQuarterEnds,
} from './quarters';

describe('quarter ends on the Stockholm calendar', () => {
  it('gives the last eight ended quarters, oldest first, for the trend', () => {
    expect(trendQuarterEnds('2026-12-04')).toEqual([
      '2024-12-31',
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
    ]);
  });

  it('counts a quarter as ended only from the day after its last day', () => {
    // On 31 December the fourth quarter is still running; on 1 January it has ended.
    expect(endedQuarterEnds('2026-12-31', 1)).toEqual(['2026-09-30']);
    expect(endedQuarterEnds('2027-01-01', 2)).toEqual(['2026-12-31', '2026-09-30']);
  });

  it('finds the quarter end before a date, across years and in a leap year', () => {
    expect(previousQuarterEnd('2026-01-15')).toBe('2025-12-31');
    expect(previousQuarterEnd('2024-04-01')).toBe('2024-03-31');
    expect(previousQuarterEnd('2026-09-30')).toBe('2026-06-30');
    expect(isQuarterEnd('2024-06-30')).toBe(true);
    expect(isQuarterEnd('2024-02-29')).toBe(false);
    expect(quarterLabel('2026-09-30')).toBe('2026 K3');
  });

  it("reads today's date on Stockholm's clock, not UTC's", () => {
    // 23:30 UTC on 31 March is already 1 April in Stockholm (summer time, UTC+2).
    expect(stockholmToday(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(endedQuarterEnds(stockholmToday(new Date('2026-03-31T23:30:00Z')), 1)).toEqual(['2026-03-31']);
    // 22:30 UTC on 31 December is 23:30 in Stockholm (winter time, UTC+1): still the old year.
    expect(stockholmToday(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
});
