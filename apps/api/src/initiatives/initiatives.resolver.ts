import { Permission, Sector } from '@crm/domain';
import { pageSize, UserEntity } from '@crm/persistence';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Actor } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import { viewerSeesRestricted } from '../restriction/restriction-visibility';
import type { GraphqlContext } from '../auth/request-context';
import { toConnection } from '../common/connection';
import '../common/enums';
import { Event } from '../events/event.model';
import {
  CreateInitiativeInput,
  InitiativeFilterInput,
  JoinInitiativeInput,
  LeaveInitiativeInput,
  RecordEngagementInput,
} from './initiative.inputs';
import { initiativeLoaders } from './initiative.loaders';
import {
  Engagement,
  Initiative,
  InitiativeConnection,
  InitiativeMembership,
  InitiativeMembershipConnection,
} from './initiative.models';
import { InitiativesService } from './initiatives.service';

async function loadInitiative(ctx: GraphqlContext, dataSource: DataSource, id: string): Promise<Initiative> {
  const initiative = await initiativeLoaders(ctx, dataSource).initiative.load(id);
  if (!initiative) throw new Error('a record without its initiative');
  return Initiative.from(initiative);
}

/**
 * An initiative (name, kind, topics, dates, meeting place, the sectors it spans) holds no personal
 * data, so the committee may list initiatives as it lists events; who the members are is personal data.
 * Writes (WRITE_INITIATIVES) are record keeping next to participations: event staff, strategists and
 * administrators.
 */
@Resolver(() => Initiative)
@Requires(Permission.READ_AGGREGATES)
export class InitiativesResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => Initiative, { nullable: true })
  async initiative(@Args('id', { type: () => ID }) id: string): Promise<Initiative | null> {
    const initiative = await this.service.get(id);
    return initiative && Initiative.from(initiative);
  }

  @Query(() => InitiativeConnection, { description: 'Most recently started first' })
  async initiatives(
    @Args('filter', { type: () => InitiativeFilterInput, nullable: true })
    filter: InitiativeFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return toConnection(await this.service.page(filter ?? {}, first, after), Initiative.from);
  }

  @Mutation(() => Initiative)
  @Requires(Permission.WRITE_INITIATIVES)
  async createInitiative(@Args('input') input: CreateInitiativeInput, @CurrentUser() user: UserEntity) {
    return Initiative.from(await this.service.create(input, user));
  }

  @ResolveField(() => InitiativeMembershipConnection, {
    description: "Everyone who has been a member, by the member's name; leftOn tells who left",
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  async members(
    @Parent() initiative: Initiative,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = await initiativeLoaders(ctx, this.dataSource)
      .members(pageSize(first), after)
      .load(initiative.id);
    return toConnection(page, InitiativeMembership.from);
  }

  @ResolveField(() => [Sector], {
    description: 'The distinct sectors of everyone who has been a member (the span the ladder counts)',
  })
  async sectors(@Parent() initiative: Initiative, @Context() ctx: GraphqlContext): Promise<Sector[]> {
    return initiativeLoaders(ctx, this.dataSource).sectorsOfInitiative.load(initiative.id);
  }
}

@Resolver(() => InitiativeMembership)
@Requires(Permission.READ_PERSONAL_DATA)
export class InitiativeMembershipsResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => InitiativeMembership, {
    description:
      'Joins an actor to an initiative, or joins again: role and joinedOn are replaced, leftOn cleared',
  })
  @Requires(Permission.WRITE_INITIATIVES)
  async joinInitiative(@Args('input') input: JoinInitiativeInput, @CurrentUser() user: UserEntity) {
    return InitiativeMembership.from(await this.service.join(input, user));
  }

  @Mutation(() => InitiativeMembership)
  @Requires(Permission.WRITE_INITIATIVES)
  async leaveInitiative(@Args('input') input: LeaveInitiativeInput, @CurrentUser() user: UserEntity) {
    return InitiativeMembership.from(await this.service.leave(input, user));
  }

  @ResolveField(() => Initiative)
  initiative(@Parent() m: InitiativeMembership, @Context() ctx: GraphqlContext): Promise<Initiative> {
    return loadInitiative(ctx, this.dataSource, m.initiativeId);
  }

  @ResolveField(() => Actor)
  async actor(@Parent() m: InitiativeMembership, @Context() ctx: GraphqlContext): Promise<Actor> {
    const actor = await ctx.loaders.actor.load(m.actorId);
    if (!actor) throw new Error('membership without its actor');
    return Actor.view(actor, viewerSeesRestricted(ctx));
  }
}

@Resolver(() => Engagement)
@Requires(Permission.READ_PERSONAL_DATA)
export class EngagementsResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => Engagement)
  @Requires(Permission.WRITE_INITIATIVES)
  async recordEngagement(@Args('input') input: RecordEngagementInput, @CurrentUser() user: UserEntity) {
    return Engagement.from(await this.service.recordEngagement(input, user));
  }

  @Mutation(() => Boolean, { description: 'Removes a wrongly recorded engagement' })
  @Requires(Permission.WRITE_INITIATIVES)
  async removeEngagement(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: UserEntity,
  ): Promise<boolean> {
    await this.service.removeEngagement(id, user);
    return true;
  }

  @ResolveField(() => Actor)
  async actor(@Parent() e: Engagement, @Context() ctx: GraphqlContext): Promise<Actor> {
    const actor = await ctx.loaders.actor.load(e.actorId);
    if (!actor) throw new Error('engagement without its actor');
    return Actor.view(actor, viewerSeesRestricted(ctx));
  }

  @ResolveField(() => Event, { nullable: true })
  async event(@Parent() e: Engagement, @Context() ctx: GraphqlContext): Promise<Event | null> {
    if (!e.eventId) return null;
    const event = await ctx.loaders.event.load(e.eventId);
    return event && Event.from(event);
  }

  @ResolveField(() => Initiative, { nullable: true })
  async initiative(@Parent() e: Engagement, @Context() ctx: GraphqlContext): Promise<Initiative | null> {
    return e.initiativeId ? loadInitiative(ctx, this.dataSource, e.initiativeId) : null;
  }
}

/** An actor's memberships and engagements, batched per request. */
@Resolver(() => Actor)
@Requires(Permission.READ_PERSONAL_DATA)
export class ActorInitiativesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => [InitiativeMembership], {
    description: 'Most recently joined first, including left ones',
  })
  async initiatives(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<InitiativeMembership[]> {
    if (actor.masked) return [];
    const memberships = await initiativeLoaders(ctx, this.dataSource).membershipsOfActor.load(actor.id);
    return memberships.map(InitiativeMembership.from);
  }

  @ResolveField(() => [Engagement], { description: 'Most recent first' })
  async engagements(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<Engagement[]> {
    if (actor.masked) return [];
    const engagements = await initiativeLoaders(ctx, this.dataSource).engagementsOfActor.load(actor.id);
    return engagements.map(Engagement.from);
  }
}
