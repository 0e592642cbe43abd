import { quarterEndedBefore, quarterLabel, QUARTERLY_REPORT_SCHEDULE } from '@crm/domain';
import { defaultRepeatStrategy } from 'bullmq';

/** The next fire after `from`, computed exactly as BullMQ's job scheduler computes it. */
function nextFire(from: Date): Date {
  const millis = defaultRepeatStrategy(from.getTime(), {
    pattern: QUARTERLY_REPORT_SCHEDULE.pattern,
    tz: QUARTERLY_REPORT_SCHEDULE.tz,
  });
  if (millis === undefined) throw new Error('no next fire');
  return new Date(millis);
}

describe('the quarterly report schedule', () => {
  it('fires at 02:00 Stockholm time on the first day of every quarter, across a year and both clock changes', () => {
    const fires: string[] = [];
    let at = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 5; i += 1) {
      at = nextFire(at);
      fires.push(at.toISOString());
    }
    expect(fires).toEqual([
      '2026-01-01T01:00:00.000Z', // 02:00 CET (UTC+1)
      '2026-04-01T00:00:00.000Z', // 02:00 CEST (UTC+2): summer time began on 29 March
      '2026-07-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z', // still summer time: it ends on 25 October
      '2027-01-01T01:00:00.000Z',
    ]);
  });

  it('each fire reports on the quarter that just ended', () => {
    const reported = [
      '2026-01-01T01:00:00Z',
      '2026-04-01T00:00:00Z',
      '2026-07-01T00:00:00Z',
      '2026-10-01T00:00:00Z',
    ].map((fire) => quarterLabel(quarterEndedBefore(new Date(fire))));
    expect(reported).toEqual(['2025 K4', '2026 K1', '2026 K2', '2026 K3']);
  });

  it('is not thrown off by a start inside the clock changes', () => {
    // 02:30 on 29 March 2026 does not exist in Stockholm; 02:30 on 25 October happens twice.
    expect(nextFire(new Date('2026-03-29T01:30:00Z')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(nextFire(new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2027-01-01T01:00:00.000Z');
    expect(nextFire(new Date('2026-10-25T01:30:00Z')).toISOString()).toBe('2027-01-01T01:00:00.000Z');
    // The moment of a fire is not itself the next fire.
    expect(nextFire(new Date('2026-04-01T00:00:00Z')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    // One second before it is.
    expect(nextFire(new Date('2026-03-31T23:59:59Z')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});
