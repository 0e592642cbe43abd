import { stockholmDate } from '../ladder/calendar';
import { acceptedCheckInTime, CHECK_IN_CLOCK_SKEW_MS } from './check-in-time';

const at = (iso: string) => new Date(iso);

describe('check-in time', () => {
  // A one-day event on 14 March 2026 (CET, UTC+1), 09:00–16:00 local.
  const event = { startsAt: at('2026-03-14T08:00:00Z'), endsAt: at('2026-03-14T15:00:00Z') };
  const now = at('2026-03-14T17:00:00Z');

  it('reads calendar dates in Europe/Stockholm, summer time included', () => {
    expect(stockholmDate(at('2026-03-13T23:30:00Z'))).toBe('2026-03-14'); // 00:30 CET
    expect(stockholmDate(at('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 CEST
    expect(stockholmDate(at('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
  });

  it('believes a time on the event day that is not in the future', () => {
    for (const iso of ['2026-03-13T23:00:00Z', '2026-03-14T07:00:00Z', '2026-03-14T16:59:59Z']) {
      expect(acceptedCheckInTime({ occurredAt: at(iso), now, ...event })).toEqual(at(iso));
    }
  });

  it('ignores a time before or after the event day', () => {
    for (const iso of ['2026-03-13T22:59:59Z', '2026-03-14T23:00:00Z', '2025-03-14T10:00:00Z']) {
      const late = { occurredAt: at(iso), now: at('2026-03-20T12:00:00Z'), ...event };
      expect(acceptedCheckInTime(late)).toBeNull();
    }
  });

  it('spans every day of a multi-day event', () => {
    const twoDays = { startsAt: at('2026-06-10T07:00:00Z'), endsAt: at('2026-06-11T14:00:00Z') };
    const later = at('2026-06-12T12:00:00Z');
    expect(acceptedCheckInTime({ occurredAt: at('2026-06-11T21:59:00Z'), now: later, ...twoDays })).toEqual(
      at('2026-06-11T21:59:00Z'),
    );
    expect(
      acceptedCheckInTime({ occurredAt: at('2026-06-11T22:00:00Z'), now: later, ...twoDays }),
    ).toBeNull();
    expect(
      acceptedCheckInTime({ occurredAt: at('2026-06-10T10:00:00Z'), now: later, ...twoDays, endsAt: null }),
    ).toEqual(at('2026-06-10T10:00:00Z'));
  });

  it('uses the server time for a time in the future, within the clock skew or beyond it', () => {
    const midday = at('2026-03-14T11:00:00Z');
    const ahead = (ms: number) => new Date(midday.getTime() + ms);
    expect(acceptedCheckInTime({ occurredAt: ahead(60_000), now: midday, ...event })).toBeNull();
    expect(
      acceptedCheckInTime({ occurredAt: ahead(CHECK_IN_CLOCK_SKEW_MS + 1), now: midday, ...event }),
    ).toBeNull();
    expect(acceptedCheckInTime({ occurredAt: midday, now: midday, ...event })).toEqual(midday);
  });

  it('uses the server time without a time or with an invalid one', () => {
    expect(acceptedCheckInTime({ occurredAt: null, now, ...event })).toBeNull();
    expect(acceptedCheckInTime({ occurredAt: undefined, now, ...event })).toBeNull();
    expect(acceptedCheckInTime({ occurredAt: new Date(NaN), now, ...event })).toBeNull();
  });
});
