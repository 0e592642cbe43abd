import { validateSchedule } from './event-schedule';
import { DomainValidationError } from './validation';

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

const start = new Date('2025-01-14T08:00:00Z');

describe('validateSchedule', () => {
  it('accepts an open-ended event', () => {
    expect(() => validateSchedule(start, null)).not.toThrow();
    expect(() => validateSchedule(start, undefined)).not.toThrow();
  });

  it('accepts an end at or after the start', () => {
    expect(() => validateSchedule(start, new Date(start))).not.toThrow();
    expect(() => validateSchedule(start, new Date('2025-01-14T16:00:00Z'))).not.toThrow();
  });

  it('rejects an end before the start on endsAt', () => {
    const error = errorOf(() => validateSchedule(start, new Date('2025-01-14T07:59:59Z')));
    expect(error.field).toBe('endsAt');
    expect(error.message).toBe('must not be before startsAt');
  });

  it('rejects invalid dates on the right field', () => {
    expect(errorOf(() => validateSchedule(new Date('nonsense'), null)).field).toBe('startsAt');
    expect(errorOf(() => validateSchedule(start, new Date('nonsense'))).field).toBe('endsAt');
  });
});
