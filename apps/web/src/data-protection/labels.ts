// Swedish labels for the data-protection pages (the API's refusals: refusals.ts).
import type { RetentionRuleCode, RetentionRunStatus, RetentionTrigger, RetentionUnit } from '../gql/graphql';
import { t, type MessageKey } from '../i18n/i18n';

export const ruleLabel = (code: RetentionRuleCode): string => t(`dataProtection.rule.${code}`);
export const triggerLabel = (trigger: RetentionTrigger): string => t(`dataProtection.trigger.${trigger}`);
export const runStatusLabel = (status: RetentionRunStatus): string => t(`dataProtection.status.${status}`);
export const unitLabel = (unit: RetentionUnit): string => t(`dataProtection.unit.${unit}`);

/** "36 månader", "1 dag". */
export const keepLabel = (amount: number, unit: RetentionUnit): string =>
  t('dataProtection.amount', {
    amount,
    unit: amount === 1 ? t(`dataProtection.unit.${unit}.one`) : unitLabel(unit),
  });

/**
 * The access log's operation (a GraphQL root field, or an export route) in Swedish where the
 * mapping is plain; anything else as the API gives it.
 */
const OPERATIONS: Record<string, MessageKey> = {
  actor: 'dataProtection.operation.actor',
  actors: 'dataProtection.operation.actors',
  updateActor: 'dataProtection.operation.updateActor',
  createPerson: 'dataProtection.operation.createPerson',
  checkInSearch: 'dataProtection.operation.checkInSearch',
  restrictProcessing: 'dataProtection.operation.restrictProcessing',
  liftRestriction: 'dataProtection.operation.liftRestriction',
  anonymiseActor: 'dataProtection.operation.anonymiseActor',
  personalDataExport: 'dataProtection.operation.personalDataExport',
  'personalDataExport.pdf': 'dataProtection.operation.personalDataExport.pdf',
  'personalDataExport.json': 'dataProtection.operation.personalDataExport.json',
};

export function operationLabel(operation: string): string {
  const key = OPERATIONS[operation];
  if (key) return t(key);
  if (/^GET \/exports\/actors\./.test(operation)) return t('dataProtection.operation.actorsExport');
  if (/^GET \/exports\/events\/[^/]+\/participants\./.test(operation)) {
    return t('dataProtection.operation.participantsExport');
  }
  return operation;
}
