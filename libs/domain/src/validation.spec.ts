import { DomainValidationError, RefusalReason } from './validation';

describe('DomainValidationError', () => {
  it('carries the field, message and name and is an Error', () => {
    const error = new DomainValidationError('email', 'is not a valid email address');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.name).toBe('DomainValidationError');
    expect(error.field).toBe('email');
    expect(error.message).toBe('is not a valid email address');
    expect(error.reason).toBeUndefined();
  });

  it('carries a stable reason code when one is given', () => {
    const error = new DomainValidationError('actorId', 'is already restricted', 'ALREADY_RESTRICTED');
    expect(error.field).toBe('actorId');
    expect(error.message).toBe('is already restricted');
    expect(error.reason).toBe('ALREADY_RESTRICTED');
  });
});

describe('RefusalReason', () => {
  it('names each code by itself, so the codes are exactly the strings clients match', () => {
    for (const [key, value] of Object.entries(RefusalReason)) expect(value).toBe(key);
    expect(Object.keys(RefusalReason).sort()).toEqual([
      'ALREADY_RESTRICTED',
      'ANONYMISED',
      'BELOW_FLOOR',
      'DECISION_REQUIRED',
      'EMAIL_NOT_USABLE',
      'HAS_EVIDENCE',
      'NOT_A_PERSON',
      'NOT_FOUND',
      'NOT_RESTRICTED',
      'OUT_OF_RANGE',
      'REQUIRED',
      'TOO_LONG',
    ]);
  });
});
