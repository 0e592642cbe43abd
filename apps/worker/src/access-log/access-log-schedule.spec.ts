import { ACCESS_LOG_SUMMARY_SCHEDULE } from '@crm/persistence';
import { defaultRepeatStrategy } from 'bullmq';

/** The next fire after `from`, computed exactly as BullMQ's job scheduler computes it. */
function nextFire(from: Date): string {
  const millis = defaultRepeatStrategy(from.getTime(), { ...ACCESS_LOG_SUMMARY_SCHEDULE });
  if (millis === undefined) throw new Error('no next fire');
  return new Date(millis).toISOString();
}

describe('the weekly access-log summary schedule', () => {
  it('fires on Mondays at 06:00 Stockholm time, in winter and in summer', () => {
    expect(nextFire(new Date('2026-11-12T12:00:00Z'))).toBe('2026-11-16T05:00:00.000Z'); // CET
    expect(nextFire(new Date('2026-06-03T12:00:00Z'))).toBe('2026-06-08T04:00:00.000Z'); // CEST
    // Across the change to summer time (29 March 2026): the next Monday at 06:00 CEST.
    expect(nextFire(new Date('2026-03-28T12:00:00Z'))).toBe('2026-03-30T04:00:00.000Z');
    // The moment of a fire is not itself the next fire.
    expect(nextFire(new Date('2026-11-16T05:00:00Z'))).toBe('2026-11-23T05:00:00.000Z');
  });
});
