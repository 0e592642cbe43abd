import { LadderStep, Permission, stepOf } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { GraphQLDate } from '../common/date.scalar';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import {
  LadderBucket,
  LadderChange,
  LadderFilterInput,
  LadderGrouping,
  LadderMovement,
  LadderPosition,
  LadderStatus,
  LadderTransition,
} from './ladder.models';
import { LadderService } from './ladder.service';

/** An actor's place on the ladder: personal data, like the actor (none for a masked restricted person). */
@Resolver(() => Actor)
@Requires(Permission.READ_PERSONAL_DATA)
export class ActorLadderResolver {
  constructor(private readonly service: LadderService) {}

  @ResolveField(() => LadderPosition, {
    nullable: true,
    description: 'Where the actor stands today; null when not engaged',
  })
  async ladder(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<LadderPosition | null> {
    if (actor.masked) return null;
    const period = await ctx.loaders.ladderOn(this.service.today()).load(actor.id);
    return period && this.service.position(period, ctx);
  }

  @ResolveField(() => LadderPosition, { nullable: true, description: 'Where the actor stood on a past date' })
  async ladderAt(
    @Parent() actor: Actor,
    @Context() ctx: GraphqlContext,
    @Args('asOf', { type: () => GraphQLDate }) asOf: string,
  ): Promise<LadderPosition | null> {
    if (actor.masked) return null;
    const period = await ctx.loaders.ladderOn(asOf).load(actor.id);
    return period && this.service.position(period, ctx);
  }

  @ResolveField(() => LadderStep, { nullable: true, description: 'The highest step the actor has reached' })
  async highestStep(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<LadderStep | null> {
    if (actor.masked) return null;
    const periods = await ctx.loaders.ladderPeriods(this.service.today()).load(actor.id);
    return periods.length ? stepOf(Math.max(...periods.map((p) => p.step))) : null;
  }

  @ResolveField(() => [LadderChange], { description: 'Every change of step up to today, oldest first' })
  async ladderHistory(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<LadderChange[]> {
    if (actor.masked) return [];
    const periods = await ctx.loaders.ladderPeriods(this.service.today()).load(actor.id);
    return this.service.history(periods, ctx);
  }
}

/** Aggregates over the ladder: the committee may read these, they hold no personal data. */
@Resolver()
@Requires(Permission.READ_AGGREGATES)
export class LadderResolver {
  constructor(private readonly service: LadderService) {}

  @Query(() => [LadderBucket], {
    description:
      'Actors on each step on a date, per group. Staff: any date, default today. The committee: the last ' +
      'day of a quarter that has ended (asOf), default the last one, with counts of fewer than ' +
      'DISCLOSURE_MIN_COUNT persons suppressed (null, suppressed: true), and further counts where totals ' +
      'would give them away; one grouping or one filter at a time besides kind, no sub-region',
  })
  @RateLimit('aggregates')
  ladderDistribution(
    @CurrentUser() user: UserEntity,
    @Args('asOf', { type: () => GraphQLDate, nullable: true }) asOf: string | null,
    @Args('groupBy', { type: () => LadderGrouping, defaultValue: LadderGrouping.NONE })
    groupBy: LadderGrouping,
    @Args('filter', { type: () => LadderFilterInput, nullable: true }) filter: LadderFilterInput | null,
  ): Promise<LadderBucket[]> {
    return this.service.distribution(asOf, groupBy, filter ?? {}, user);
  }

  @Query(() => [LadderTransition], {
    description:
      'How many actors went from each step (null: not engaged) to each step. For the committee from and ' +
      'to are ends of quarters that have ended (to later than from), the filter is by kind only, and counts are ' +
      'suppressed as in ladderDistribution',
  })
  @RateLimit('aggregates')
  ladderTransitions(
    @CurrentUser() user: UserEntity,
    @Args('from', { type: () => GraphQLDate }) from: string,
    @Args('to', { type: () => GraphQLDate }) to: string,
    @Args('filter', { type: () => LadderFilterInput, nullable: true }) filter: LadderFilterInput | null,
  ): Promise<LadderTransition[]> {
    return this.service.transitions(from, to, filter ?? {}, user);
  }

  @Query(() => LadderMovement, {
    description:
      'Moved up, down, newly engaged and passive-to-active between two dates. For the committee from and ' +
      'to are ends of quarters that have ended, and figures are suppressed as in ladderTransitions',
  })
  @RateLimit('aggregates')
  ladderMovement(
    @CurrentUser() user: UserEntity,
    @Args('from', { type: () => GraphQLDate }) from: string,
    @Args('to', { type: () => GraphQLDate }) to: string,
    @Args('filter', { type: () => LadderFilterInput, nullable: true }) filter: LadderFilterInput | null,
  ): Promise<LadderMovement> {
    return this.service.movement(from, to, filter ?? {}, user);
  }

  @Query(() => LadderStatus)
  ladderStatus(): Promise<LadderStatus> {
    return this.service.status();
  }

  @Mutation(() => LadderStatus, {
    description: 'Places every actor again with the current rules (runs in the worker)',
  })
  @Requires(Permission.ADMINISTER_LADDER)
  recomputeLadder(@CurrentUser() user: UserEntity): Promise<LadderStatus> {
    return this.service.requestFullRecompute(user.id);
  }
}
