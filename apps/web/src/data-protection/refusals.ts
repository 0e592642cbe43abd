// The API's refusals of the data-protection operations, in Swedish: keyed on the stable code the API
// puts in `extensions.reason`, never on its (English) message.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { t, type MessageKey } from '../i18n/i18n';

/** The codes the API gives in `extensions.reason` for these operations' BAD_USER_INPUT refusals. */
export const REFUSAL_REASONS = [
  'NOT_FOUND',
  'NOT_A_PERSON',
  'ALREADY_RESTRICTED',
  'NOT_RESTRICTED',
  'ANONYMISED',
  'HAS_EVIDENCE',
  'REQUIRED',
  'TOO_LONG',
  'DECISION_REQUIRED',
  'BELOW_FLOOR',
  'OUT_OF_RANGE',
  'EMAIL_NOT_USABLE',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const TEXTS: Record<RefusalReason, MessageKey> = {
  NOT_FOUND: 'dataProtection.reason.notFound',
  NOT_A_PERSON: 'dataProtection.reason.notPerson',
  ALREADY_RESTRICTED: 'dataProtection.reason.alreadyRestricted',
  NOT_RESTRICTED: 'dataProtection.reason.notRestricted',
  ANONYMISED: 'dataProtection.reason.anonymised',
  HAS_EVIDENCE: 'dataProtection.delete.hasEvidence',
  REQUIRED: 'dataProtection.reason.empty',
  TOO_LONG: 'dataProtection.reason.tooLong',
  DECISION_REQUIRED: 'dataProtection.ruleDialog.decisionRequired',
  BELOW_FLOOR: 'dataProtection.ruleDialog.amountFloor',
  OUT_OF_RANGE: 'dataProtection.ruleDialog.amountRange',
  EMAIL_NOT_USABLE: 'dataProtection.reason.emailNotUsable',
};

/** Without a known code: what can still be said from the field alone. */
const BY_FIELD: Record<string, MessageKey> = {
  keepAmount: 'dataProtection.ruleDialog.amountRange',
};

const isReason = (value: unknown): value is RefusalReason =>
  typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value);

/** The Swedish text for a refusal: by its code, else by its field, else a general one. */
export function refusalText(reason: string | null | undefined, field?: string): string {
  if (isReason(reason)) return t(TEXTS[reason]);
  const byField = field === undefined ? undefined : BY_FIELD[field];
  return t(byField ?? 'dataProtection.reason.other');
}

/**
 * The fields a BAD_USER_INPUT error names (without an `input.` prefix), each with its Swedish text.
 * Empty for any other error.
 */
export function refusals(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return fields;
  for (const e of error.errors) {
    const ext = e.extensions as { code?: unknown; field?: unknown; reason?: unknown } | undefined;
    if (ext?.code !== 'BAD_USER_INPUT' || typeof ext.field !== 'string') continue;
    const field = ext.field.replace(/^input\./, '');
    fields[field] = refusalText(typeof ext.reason === 'string' ? ext.reason : null, field);
  }
  return fields;
}
