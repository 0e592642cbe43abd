import { formatNumber, isoToStockholm, stockholmToIso, t } from './i18n';

describe('Stockholm wall-clock times', () => {
  it('turns a winter time into UTC one hour earlier and a summer time two hours earlier', () => {
    expect(stockholmToIso('2026-12-03', '09:00')).toBe('2026-12-03T08:00:00.000Z');
    expect(stockholmToIso('2026-07-01', '09:00')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('reads an instant back as the same Stockholm date and time, across midnight UTC', () => {
    expect(isoToStockholm('2026-07-01T22:30:00.000Z')).toEqual({ date: '2026-07-02', time: '00:30' });
    for (const [date, time] of [
      ['2026-03-28', '23:15'],
      ['2026-10-26', '07:05'],
    ]) {
      expect(isoToStockholm(stockholmToIso(date, time))).toEqual({ date, time });
    }
  });
});

describe('The message catalogue', () => {
  it('fills placeholders and writes numbers the Swedish way', () => {
    expect(t('attendance.counts.registered', { count: 2000 })).toBe(`Anmälda: ${formatNumber(2000)}`);
    expect(formatNumber(2000)).toMatch(/^2\s000$/);
  });
});
