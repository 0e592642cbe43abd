/**
 * Raised when input breaks a domain rule. `field` is the GraphQL input field name so the API
 * layer can point the user at the offending field without parsing the message.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
