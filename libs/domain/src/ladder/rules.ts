import { LadderStep, LADDER_STEPS } from './steps';

/** What a piece of evidence shows; one record can show several (a speaker also attended). */
export enum EvidenceKind {
  ATTENDED_EVENT = 'ATTENDED_EVENT',
  STAGE_ROLE = 'STAGE_ROLE',
  LEADING_ROLE = 'LEADING_ROLE',
  INPUT = 'INPUT',
  WORKING_GROUP = 'WORKING_GROUP',
  CROSS_SECTOR_COLLABORATION = 'CROSS_SECTOR_COLLABORATION',
  OWN_INITIATIVE_LEAD = 'OWN_INITIATIVE_LEAD',
  POLICY_OR_IMPLEMENTATION = 'POLICY_OR_IMPLEMENTATION',
}

export interface RuleClause {
  evidence: EvidenceKind;
  /** How many distinct records of that kind must be in the window. */
  min: number;
}

/** A step holds when any of its clauses holds. The placement is the highest step that holds. */
export interface StepRule {
  step: LadderStep;
  anyOf: RuleClause[];
}

export interface RuleSet {
  version: number;
  /** Evidence counts while it is younger than this many months at the as-of date. */
  windowMonths: number;
  steps: StepRule[];
}

/** Version 1, the default rules (the same definition the migration stores as rule set 1). */
export const RULES_V1: RuleSet = {
  version: 1,
  windowMonths: 24,
  steps: [
    { step: LadderStep.AWARENESS, anyOf: [{ evidence: EvidenceKind.ATTENDED_EVENT, min: 1 }] },
    {
      step: LadderStep.INTEREST,
      anyOf: [
        { evidence: EvidenceKind.ATTENDED_EVENT, min: 2 },
        { evidence: EvidenceKind.STAGE_ROLE, min: 1 },
      ],
    },
    {
      step: LadderStep.PARTICIPATION,
      anyOf: [
        { evidence: EvidenceKind.INPUT, min: 1 },
        { evidence: EvidenceKind.WORKING_GROUP, min: 1 },
        { evidence: EvidenceKind.LEADING_ROLE, min: 1 },
      ],
    },
    {
      step: LadderStep.COLLABORATION,
      anyOf: [{ evidence: EvidenceKind.CROSS_SECTOR_COLLABORATION, min: 1 }],
    },
    {
      step: LadderStep.INFLUENCE,
      anyOf: [
        { evidence: EvidenceKind.OWN_INITIATIVE_LEAD, min: 1 },
        { evidence: EvidenceKind.POLICY_OR_IMPLEMENTATION, min: 1 },
      ],
    },
  ],
};

/** Checks a stored definition before it is applied: a broken rule set must not rewrite every placement. */
export function parseRuleSet(version: number, definition: unknown): RuleSet {
  const d = definition as Partial<RuleSet> | null;
  const fail = (why: string): never => {
    throw new Error(`ladder rule set ${version} is invalid: ${why}`);
  };
  if (!d || typeof d !== 'object') return fail('not an object');
  if (!Number.isInteger(d.windowMonths) || (d.windowMonths as number) < 1)
    return fail('windowMonths must be a positive integer');
  if (!Array.isArray(d.steps) || d.steps.length === 0) return fail('steps must be a non-empty list');
  const kinds = new Set(Object.values(EvidenceKind) as string[]);
  const seen = new Set<string>();
  for (const rule of d.steps) {
    if (!LADDER_STEPS.includes(rule?.step)) fail(`unknown step ${String(rule?.step)}`);
    if (seen.has(rule.step)) fail(`step ${rule.step} appears twice`);
    seen.add(rule.step);
    if (!Array.isArray(rule.anyOf) || rule.anyOf.length === 0) fail(`step ${rule.step} has no clauses`);
    for (const clause of rule.anyOf) {
      if (!kinds.has(clause?.evidence)) fail(`unknown evidence ${String(clause?.evidence)}`);
      if (!Number.isInteger(clause.min) || clause.min < 1)
        fail(`min must be a positive integer in ${rule.step}`);
    }
  }
  return { version, windowMonths: d.windowMonths as number, steps: d.steps as StepRule[] };
}
