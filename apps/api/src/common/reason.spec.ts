import { DomainValidationError } from '@crm/domain';
import { requireReason } from './reason';

describe('requireReason', () => {
  const refusal = (raw: string, max: number, field?: string): DomainValidationError | null => {
    try {
      requireReason(raw, max, field);
      return null;
    } catch (error) {
      return error as DomainValidationError;
    }
  };

  it('answers the reason trimmed', () => {
    expect(requireReason('  Dnr 2026/42 \n', 200)).toBe('Dnr 2026/42');
  });

  it('refuses a blank reason, naming the field', () => {
    expect(refusal('   ', 500)).toMatchObject({ field: 'reason', message: 'must not be blank' });
    expect(refusal('', 500, 'decision')).toMatchObject({ field: 'decision', message: 'must not be blank' });
  });

  it('counts characters, not UTF-16 units, against the limit it is given', () => {
    expect(requireReason('å'.repeat(200), 200)).toHaveLength(200);
    expect(requireReason('😀'.repeat(5), 5)).toBe('😀'.repeat(5));
    expect(refusal('😀'.repeat(6), 5)).toMatchObject({
      field: 'reason',
      message: 'must be at most 5 characters',
    });
    expect(refusal('x'.repeat(501), 500)).toMatchObject({ message: 'must be at most 500 characters' });
  });
});
