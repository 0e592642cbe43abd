import { LadderStep, Permission, stockholmDate } from '@crm/domain';
import { Page, pageSize, ParticipationEntity, UserEntity } from '@crm/persistence';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { toConnection } from '../common/connection';
import { GraphQLDate } from '../common/date.scalar';
import { LadderFilterInput } from '../ladder/ladder.models';
import { Participation, ParticipationConnection } from '../participations/participation.model';
import { Municipality } from '../reference/reference.models';
import { toMunicipality } from '../reference/reference.resolver';
import { seesRestricted, viewerSeesRestricted } from '../restriction/restriction-visibility';
import {
  ActorFilterInput,
  CreateOrganisationInput,
  CreatePersonInput,
  UpdateActorInput,
} from './actor.inputs';
import { Actor, ActorConnection } from './actor.model';
import { ActorsService } from './actors.service';

/** What a masked restricted person's lists show: nothing. */
const EMPTY_PAGE: Page<ParticipationEntity> = {
  items: [],
  hasNextPage: false,
  totalCount: 0,
  cursorOf: () => '',
};

@Resolver(() => Actor)
@Requires(Permission.READ_PERSONAL_DATA)
export class ActorsResolver {
  constructor(
    private readonly service: ActorsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => Actor, {
    nullable: true,
    description: 'Null for an unknown id, and for a restricted person unless RESTRICT_PROCESSING (ADMIN)',
  })
  async actor(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Actor | null> {
    const sees = seesRestricted(user);
    const actor = await this.service.get(id, sees);
    return actor && Actor.view(actor, sees);
  }

  @Query(() => ActorConnection, {
    description: 'By name; restricted persons only for RESTRICT_PROCESSING (ADMIN), never when invitable',
  })
  async actors(
    @Args('filter', { type: () => ActorFilterInput, nullable: true }) filter: ActorFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: UserEntity,
  ) {
    const sees = seesRestricted(user);
    return toConnection(await this.service.page(filter ?? {}, first, after, sees), Actor.viewFor(sees));
  }

  @Mutation(() => Actor)
  @Requires(Permission.WRITE_ACTORS)
  async createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentUser() user: UserEntity) {
    return Actor.view(await this.service.createOrganisation(input, user), seesRestricted(user));
  }

  @Mutation(() => Actor)
  @Requires(Permission.WRITE_ACTORS)
  async createPerson(@Args('input') input: CreatePersonInput, @CurrentUser() user: UserEntity) {
    return Actor.view(await this.service.createPerson(input, user), seesRestricted(user));
  }

  @Mutation(() => Actor)
  @Requires(Permission.WRITE_ACTORS)
  async updateActor(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateActorInput,
    @CurrentUser() user: UserEntity,
  ) {
    return Actor.view(await this.service.updateActor(id, input, user), seesRestricted(user));
  }

  @Query(() => ActorConnection, {
    description:
      'The actors behind one cell of ladderTransitions: on fromStep on `from` and on toStep on `to` (null: ' +
      'not engaged), by name. Not for the committee (READ_PERSONAL_DATA)',
  })
  async ladderTransitionActors(
    @Args('from', { type: () => GraphQLDate }) from: string,
    @Args('to', { type: () => GraphQLDate }) to: string,
    @Args('fromStep', { type: () => LadderStep, nullable: true }) fromStep: LadderStep | null,
    @Args('toStep', { type: () => LadderStep, nullable: true }) toStep: LadderStep | null,
    @Args('filter', { type: () => LadderFilterInput, nullable: true }) filter: LadderFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: UserEntity,
  ) {
    const sees = seesRestricted(user);
    const page = await this.service.transitionPage(
      { from, to, fromStep, toStep },
      filter ?? {},
      first,
      after,
      sees,
    );
    return toConnection(page, Actor.viewFor(sees));
  }

  @ResolveField(() => GraphQLDate, {
    nullable: true,
    description:
      'The latest day with recorded evidence about the actor: an event attended, an engagement, or joining ' +
      'or leaving an initiative; null if none',
  })
  async lastActivityOn(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<string | null> {
    if (actor.masked) return null;
    return ctx.loaders.lastActivity(stockholmDate()).load(actor.id);
  }

  @ResolveField(() => Actor, { nullable: true })
  async organisation(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<Actor | null> {
    if (!actor.organisationId) return null;
    const organisation = await ctx.loaders.actor.load(actor.organisationId);
    return organisation && Actor.view(organisation, viewerSeesRestricted(ctx));
  }

  @ResolveField(() => Municipality, { nullable: true })
  async municipality(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<Municipality | null> {
    if (!actor.municipalityCode) return null;
    const municipality = await ctx.loaders.municipality.load(actor.municipalityCode);
    return municipality && toMunicipality(municipality);
  }

  @ResolveField(() => ActorConnection, {
    description: "An organisation's people; restricted persons only for RESTRICT_PROCESSING (ADMIN)",
  })
  async members(
    @Parent() actor: Actor,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = await ctx.loaders.members(pageSize(first), after).load(actor.id);
    return toConnection(page, Actor.viewFor(viewerSeesRestricted(ctx)));
  }

  @ResolveField(() => ParticipationConnection, { description: 'Newest event first' })
  async participations(
    @Parent() actor: Actor,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    if (actor.masked) return toConnection(EMPTY_PAGE, Participation.from);
    const page = await ctx.loaders.participationsOfActor(pageSize(first), after).load(actor.id);
    return toConnection(page, Participation.from);
  }
}
