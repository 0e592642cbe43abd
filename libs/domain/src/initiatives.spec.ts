import { isCalendarDate } from './ladder/calendar';
import {
  EngagementKind,
  engagementKindLabelSv,
  InitiativeKind,
  initiativeKindLabelSv,
  InitiativeRole,
  initiativeRoleLabelSv,
  MAX_NOTE_LENGTH,
  normaliseNote,
  requireCalendarDate,
  validateMembershipDates,
} from './initiatives';
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

describe('isCalendarDate', () => {
  it('accepts real dates as YYYY-MM-DD, leap days included', () => {
    for (const d of ['2025-01-14', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(isCalendarDate(d)).toBe(true);
    }
  });

  it('refuses other shapes, impossible days and non-strings', () => {
    for (const d of [
      '2025-1-14',
      '2025-01-14T00:00:00Z',
      ' 2025-01-14',
      '20250114',
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '0000-01-01',
      '',
    ]) {
      expect(isCalendarDate(d)).toBe(false);
    }
    expect(isCalendarDate(new Date())).toBe(false);
    expect(isCalendarDate(20250114)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('names the field when it refuses', () => {
    expect(requireCalendarDate('startedOn', '2025-03-01')).toBe('2025-03-01');
    const error = errorOf(() => requireCalendarDate('startedOn', '2025-02-30'));
    expect(error.field).toBe('startedOn');
  });
});

describe('validateMembershipDates', () => {
  it('accepts an open membership and one that ends on or after its start', () => {
    expect(() => validateMembershipDates('2025-03-01', null)).not.toThrow();
    expect(() => validateMembershipDates('2025-03-01', undefined)).not.toThrow();
    expect(() => validateMembershipDates('2025-03-01', '2025-03-01')).not.toThrow();
    expect(() => validateMembershipDates('2025-03-01', '2026-01-01')).not.toThrow();
  });

  it('refuses leaving before joining, on leftOn', () => {
    const error = errorOf(() => validateMembershipDates('2025-03-01', '2025-02-28'));
    expect(error.field).toBe('leftOn');
    expect(error.message).toBe('must not be before joinedOn');
  });

  it('refuses malformed dates on their own field', () => {
    expect(errorOf(() => validateMembershipDates('2025-3-1', null)).field).toBe('joinedOn');
    expect(errorOf(() => validateMembershipDates('2025-03-01', 'tomorrow')).field).toBe('leftOn');
  });
});

describe('normaliseNote', () => {
  it('trims and treats blank as no note', () => {
    expect(normaliseNote('  Lämnade inspel om  bredband \n')).toBe('Lämnade inspel om  bredband');
    expect(normaliseNote('   ')).toBeNull();
    expect(normaliseNote(null)).toBeNull();
    expect(normaliseNote(undefined)).toBeNull();
  });

  it(`allows ${MAX_NOTE_LENGTH} characters, counting code points`, () => {
    expect(normaliseNote('å'.repeat(MAX_NOTE_LENGTH))).toHaveLength(MAX_NOTE_LENGTH);
    expect(normaliseNote(` ${'😀'.repeat(MAX_NOTE_LENGTH)} `)).not.toBeNull();
    const error = errorOf(() => normaliseNote('x'.repeat(MAX_NOTE_LENGTH + 1)));
    expect(error.field).toBe('note');
  });
});

describe('labels', () => {
  it('has a Swedish label for every kind and role', () => {
    for (const kind of Object.values(InitiativeKind)) expect(initiativeKindLabelSv[kind]).toBeTruthy();
    for (const role of Object.values(InitiativeRole)) expect(initiativeRoleLabelSv[role]).toBeTruthy();
    for (const kind of Object.values(EngagementKind)) expect(engagementKindLabelSv[kind]).toBeTruthy();
  });
});
