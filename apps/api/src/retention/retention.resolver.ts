import { Permission } from '@crm/domain';
import { RetentionPreviewTimeoutError, UserEntity } from '@crm/persistence';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import {
  RetentionPreviewItem,
  RetentionRule,
  RetentionRun,
  UpdateRetentionRuleInput,
} from './retention.models';
import { RetentionService } from './retention.service';

/** Retention rules (gallring), their preview and their runs: ADMIN only (MANAGE_RETENTION). */
@Resolver()
@Requires(Permission.MANAGE_RETENTION)
export class RetentionResolver {
  constructor(private readonly service: RetentionService) {}

  @Query(() => [RetentionRule], {
    description:
      'The retention rules, each with the decision that allows it. Quarterly reports are never culled: ' +
      'no rule names them. Rules that cull public records (requiresDecision) run only with a decision reference.',
  })
  async retentionRules(): Promise<RetentionRule[]> {
    return (await this.service.rules()).map(RetentionRule.from);
  }

  @Mutation(() => RetentionRule, {
    description:
      'Changes a retention rule (audited with field names). BAD_USER_INPUT names input.keepAmount (1–1200; ' +
      'at least 12 months for INACTIVE_PERSONS and ACCESS_LOG) or input.decisionReference (required to ' +
      'enable a rule with requiresDecision; at most 100 characters). extensions.reason: OUT_OF_RANGE, ' +
      'BELOW_FLOOR (keepAmount); DECISION_REQUIRED, TOO_LONG (decisionReference).',
  })
  async updateRetentionRule(
    @Args('input') input: UpdateRetentionRuleInput,
    @CurrentUser() user: UserEntity,
  ): Promise<RetentionRule> {
    return RetentionRule.from(await this.service.update(input, user));
  }

  @Query(() => [RetentionPreviewItem], {
    description:
      'Per rule, how many records a run now would touch (for a disabled rule: what it would touch if enabled). ' +
      'The counts get 10 seconds in all; slower, the query fails with the error code PREVIEW_TIMEOUT and a ' +
      'Swedish message to show (ask it apart from retentionRules, so the rules still show).',
  })
  async retentionPreview(): Promise<RetentionPreviewItem[]> {
    try {
      return (await this.service.preview()).map(RetentionPreviewItem.from);
    } catch (error) {
      if (!(error instanceof RetentionPreviewTimeoutError)) throw error;
      throw new GraphQLError(
        'Förhandsvisningen tog för lång tid och avbröts. Försök igen senare; gallringen kan köras ändå.',
        { extensions: { code: 'PREVIEW_TIMEOUT' } },
      );
    }
  }

  @Query(() => [RetentionRun], { description: 'Retention runs, newest first; first 1–100, default 20' })
  async retentionRuns(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<RetentionRun[]> {
    return (await this.service.runs(first ?? 20)).map(RetentionRun.from);
  }

  @Mutation(() => RetentionRun, {
    description:
      'Starts a retention run as of now (MANUAL), executed by the worker; while a run is waiting or ' +
      'running, answers that run instead of starting another',
  })
  async runRetention(@CurrentUser() user: UserEntity): Promise<RetentionRun> {
    return RetentionRun.from(await this.service.start(user));
  }
}
