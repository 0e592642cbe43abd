import { DomainValidationError } from './validation';

describe('DomainValidationError', () => {
  it('carries the field, message and name and is an Error', () => {
    const error = new DomainValidationError('email', 'is not a valid email address');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.name).toBe('DomainValidationError');
    expect(error.field).toBe('email');
    expect(error.message).toBe('is not a valid email address');
  });
});
