import {
  calendarDate,
  formatCalendarDate,
  formatChange,
  formatCount,
  formatGeneratedAt,
  formatPeriod,
  formatShare,
  shareOf,
} from './format';

const NBSP = '\u00a0';

describe('Swedish formatting', () => {
  it('separates thousands with a (non-breaking) space', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(412)).toBe('412');
    expect(formatCount(12345)).toBe(`12${NBSP}345`);
    expect(formatCount(1234567)).toBe(`1${NBSP}234${NBSP}567`);
  });

  it('signs changes with plus, a real minus sign, and ±0', () => {
    expect(formatChange(57)).toBe('+57');
    expect(formatChange(-1234)).toBe(`\u22121${NBSP}234`);
    expect(formatChange(0)).toBe('±0');
  });

  it('writes shares as whole percent with a space before the sign, and a dash when there is no whole', () => {
    expect(formatShare(131, 271)).toBe(`48${NBSP}%`);
    expect(formatShare(0, 0)).toBe('–');
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(1, 0)).toBeNull();
  });

  it('writes dates the Swedish way, generated times in Stockholm time', () => {
    expect(formatCalendarDate('2026-09-04')).toBe('4 september 2026');
    expect(formatPeriod('2026-07-01', '2026-09-30')).toBe('1 juli – 30 september 2026');
    expect(formatPeriod('2026-12-01', '2027-02-28')).toBe('1 december 2026 – 28 februari 2027');
    expect(formatGeneratedAt(new Date('2026-10-05T07:12:00Z'))).toBe('5 oktober 2026 kl. 09:12');
    expect(formatGeneratedAt(new Date('2026-01-15T23:30:00Z'))).toBe('16 januari 2026 kl. 00:30');
    expect(calendarDate('2026-08-19')).toEqual(new Date(Date.UTC(2026, 7, 19)));
    expect(() => calendarDate('19/8/2026')).toThrow('YYYY-MM-DD');
  });
});
