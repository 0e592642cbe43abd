import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { toConnection } from '../common/connection';
import { seesRestricted, viewerSeesRestricted } from '../restriction/restriction-visibility';
import { DuplicateCandidate, DuplicateCandidateConnection } from './duplicate.models';
import { DuplicatesService } from './duplicates.service';

async function loadActor(ctx: GraphqlContext, id: string): Promise<Actor> {
  const actor = await ctx.loaders.actor.load(id);
  if (!actor) throw new Error('a duplicate candidate without its actor');
  return Actor.view(actor, viewerSeesRestricted(ctx));
}

/**
 * Likely duplicates, for staff to merge or dismiss. Reading them is reading personal data; merging
 * and dismissing need MERGE_ACTORS (event staff and administrators).
 */
@Resolver(() => DuplicateCandidate)
@Requires(Permission.READ_PERSONAL_DATA)
export class DuplicatesResolver {
  constructor(private readonly service: DuplicatesService) {}

  @Query(() => DuplicateCandidateConnection, {
    description:
      'Open (not dismissed) duplicate candidates, the likeliest first. Pairs with a person whose processing ' +
      'is restricted are shown only to those who may see restricted persons (ADMIN).',
  })
  async duplicateCandidates(
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: UserEntity,
  ) {
    return toConnection(await this.service.page(first, after, user), DuplicateCandidate.from);
  }

  @Mutation(() => Actor, {
    description:
      'Merges mergeId into keepId: participations, memberships, engagements and members move, empty ' +
      'fields are filled, the merged actor is deleted. Answers the kept actor.',
  })
  @Requires(Permission.MERGE_ACTORS)
  async mergeActors(
    @Args('keepId', { type: () => ID }) keepId: string,
    @Args('mergeId', { type: () => ID }) mergeId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Actor> {
    return Actor.view(await this.service.merge(keepId, mergeId, user), seesRestricted(user));
  }

  @Mutation(() => Boolean, { description: 'The two are not one: the candidate is not proposed again' })
  @Requires(Permission.MERGE_ACTORS)
  async dismissDuplicate(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: UserEntity,
  ): Promise<boolean> {
    return this.service.dismiss(id, user);
  }

  @ResolveField(() => Actor)
  a(@Parent() candidate: DuplicateCandidate, @Context() ctx: GraphqlContext): Promise<Actor> {
    return loadActor(ctx, candidate.actorA);
  }

  @ResolveField(() => Actor)
  b(@Parent() candidate: DuplicateCandidate, @Context() ctx: GraphqlContext): Promise<Actor> {
    return loadActor(ctx, candidate.actorB);
  }
}
