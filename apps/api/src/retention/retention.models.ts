import {
  RETENTION_RULE_ORDER,
  RetentionPreviewRow,
  RetentionRuleCode,
  RetentionRuleOutcome,
  RetentionRuleRow,
  RetentionRunRow,
  RetentionRunStatus,
  RetentionTrigger,
  RetentionUnit,
} from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(RetentionRuleCode, {
  name: 'RetentionRuleCode',
  description: 'A retention rule. Quarterly reports are never culled: no rule can name them.',
  valuesMap: {
    INACTIVE_PERSONS: { description: 'Persons without activity within the period are anonymised' },
    REJECTED_IMPORT_ROWS: {
      description:
        'Rejected rows of imports finished before the period: values quoted from the file are removed',
    },
    ACCESS_LOG: { description: 'Reads of personal data (the access log) older than the period are deleted' },
    SESSIONS: { description: 'Sign-in sessions that expired before the period are deleted' },
    INVITATIONS: { description: 'User invitations used or expired before the period are deleted' },
    IDEMPOTENCY_KEYS: { description: "The door's idempotency keys older than the period are deleted" },
    PERSONAL_DATA_EXPORTS: { description: 'Register extracts older than the period are deleted' },
  },
});
registerEnumType(RetentionUnit, {
  name: 'RetentionUnit',
  description: 'Calendar days or months (Europe/Stockholm)',
});
registerEnumType(RetentionTrigger, {
  name: 'RetentionTrigger',
  description: 'SCHEDULE: the nightly run (02:30 Europe/Stockholm); MANUAL: started by an ADMIN',
});
registerEnumType(RetentionRunStatus, { name: 'RetentionRunStatus' });

@ObjectType({
  description: 'A retention rule (gallring): what it culls, how long records are kept, on what decision',
})
export class RetentionRule {
  @Field(() => RetentionRuleCode) code!: RetentionRuleCode;
  @Field({ description: 'What the rule does, in Swedish' }) description!: string;
  @Field(() => Int, { description: 'How long records are kept, in keepUnit' }) keepAmount!: number;
  @Field(() => RetentionUnit) keepUnit!: RetentionUnit;
  @Field({
    description:
      'The rule culls public records (allmänna handlingar): it runs only with the reference of a retention decision',
  })
  requiresDecision!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The reference of the decision (gallringsbeslut) that allows the rule, e.g. "RS 2026/123"',
  })
  decisionReference!: string | null;
  @Field({ description: 'Whether runs apply the rule' }) enabled!: boolean;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;

  static from(row: RetentionRuleRow): RetentionRule {
    return Object.assign(new RetentionRule(), {
      code: row.code,
      description: row.description,
      keepAmount: row.keepAmount,
      keepUnit: row.keepUnit,
      requiresDecision: row.requiresDecision,
      decisionReference: row.decisionReference,
      enabled: row.enabled,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType()
export class RetentionPreviewItem {
  @Field(() => RetentionRule) rule!: RetentionRule;
  @Field(() => Int, {
    description: 'Records the next run would touch under this rule (for a disabled rule: if it were enabled)',
  })
  count!: number;

  static from(row: RetentionPreviewRow): RetentionPreviewItem {
    return Object.assign(new RetentionPreviewItem(), {
      rule: RetentionRule.from(row.rule),
      count: row.count,
    });
  }
}

@ObjectType({
  description:
    'Records one rule touched in a run, and under what: the decision and the window as they were when the run applied the rule',
})
export class RetentionCount {
  @Field(() => RetentionRuleCode) code!: RetentionRuleCode;
  @Field(() => Int, { description: 'Over every attempt of a retried nightly run' }) count!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The reference of the decision the rule ran under (null for a rule that needs none)',
  })
  decisionReference!: string | null;
  @Field(() => GraphQLISODateTime, {
    description:
      'The start of the rule’s window in this run: older records (or persons without evidence since) were due',
  })
  windowStart!: Date;
}

@ObjectType({
  description: 'A retention run: when, as of when, and how many records each rule touched (never whose)',
})
export class RetentionRun {
  @Field(() => ID) id!: string;
  @Field(() => RetentionTrigger) trigger!: RetentionTrigger;
  @Field(() => GraphQLISODateTime, { description: 'The moment the rules were applied as of' }) asOf!: Date;
  @Field(() => RetentionRunStatus) status!: RetentionRunStatus;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => [RetentionCount], {
    description:
      'Per rule that ran, in the rules’ order; while RUNNING empty (or, for a nightly run being retried, what its earlier attempts did)',
  })
  counts!: RetentionCount[];
  @Field(() => String, {
    nullable: true,
    description:
      'Why the run failed, in Swedish: the rule it stopped at and the error class, never a value or a person (null unless FAILED)',
  })
  error!: string | null;

  static from(row: RetentionRunRow): RetentionRun {
    return Object.assign(new RetentionRun(), {
      id: row.id,
      trigger: row.trigger,
      asOf: row.asOf,
      status: row.status,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      counts: countsOf(row.rules),
      error: row.status === RetentionRunStatus.FAILED ? row.error : null,
    });
  }
}

function countsOf(rules: readonly RetentionRuleOutcome[]): RetentionCount[] {
  return [...rules]
    .sort((a, b) => RETENTION_RULE_ORDER.indexOf(a.code) - RETENTION_RULE_ORDER.indexOf(b.code))
    .map((rule) =>
      Object.assign(new RetentionCount(), {
        code: rule.code,
        count: rule.count,
        decisionReference: rule.decisionReference,
        windowStart: rule.windowStart,
      }),
    );
}

@InputType()
export class UpdateRetentionRuleInput {
  @Field(() => RetentionRuleCode) code!: RetentionRuleCode;
  @Field(() => Int, {
    description: '1–1200; INACTIVE_PERSONS and ACCESS_LOG keep at least 12 months (or 366 days)',
  })
  keepAmount!: number;
  @Field(() => RetentionUnit) keepUnit!: RetentionUnit;
  @Field(() => String, {
    nullable: true,
    description:
      'The decision that allows the rule, 1–100 characters; required to enable a rule with requiresDecision. Blank or null clears it.',
  })
  decisionReference?: string | null;
  @Field() enabled!: boolean;
}
