/**
 * Raised when input breaks a domain rule. `field` is the GraphQL input field name so the API
 * layer can point the user at the offending field without parsing the message. `reason`, when
 * given, is a stable code for the refusal (the API answers it as `extensions.reason`), so a client
 * can tell refusals apart without matching the English message.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';

  constructor(
    readonly field: string,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/**
 * The stable codes of the data-protection refusals (`DomainValidationError.reason`, answered as
 * `extensions.reason`). Clients map these, never the English message.
 */
export const RefusalReason = {
  /** No actor has this ID, or a restricted person the user may not see. */
  NOT_FOUND: 'NOT_FOUND',
  /** An organisation given where only a person can be (restrict, anonymise, delete, export). */
  NOT_A_PERSON: 'NOT_A_PERSON',
  ALREADY_RESTRICTED: 'ALREADY_RESTRICTED',
  NOT_RESTRICTED: 'NOT_RESTRICTED',
  /** The person is anonymised: the write is refused, or the person is already anonymised. */
  ANONYMISED: 'ANONYMISED',
  /** A person with recorded evidence cannot be deleted (anonymise instead). */
  HAS_EVIDENCE: 'HAS_EVIDENCE',
  /** A required text (a reason, a case reference) is blank. */
  REQUIRED: 'REQUIRED',
  /** A text is longer than allowed. */
  TOO_LONG: 'TOO_LONG',
  /** A retention rule that culls public records cannot be enabled without a decision reference. */
  DECISION_REQUIRED: 'DECISION_REQUIRED',
  /** A retention period shorter than its rule's floor (12 months). */
  BELOW_FLOOR: 'BELOW_FLOOR',
  /** A number outside its allowed range. */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /** The neutral refusal of an email held by someone the user may not see. */
  EMAIL_NOT_USABLE: 'EMAIL_NOT_USABLE',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];
