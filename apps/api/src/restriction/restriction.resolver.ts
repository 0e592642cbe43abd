import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, ActorRestriction } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { viewerSeesRestricted } from './restriction-visibility';
import { MAX_RESTRICTION_REASON_LENGTH, RestrictionService } from './restriction.service';

/** Restriction of processing (GDPR art. 18): restricted and lifted by ADMIN (RESTRICT_PROCESSING). */
@Resolver(() => Actor)
@Requires(Permission.READ_PERSONAL_DATA)
export class RestrictionResolver {
  constructor(private readonly service: RestrictionService) {}

  @Mutation(() => Actor, {
    description:
      'Restricts a person’s processing (GDPR art. 18): hidden from everyone but ADMIN (actor, lists, ' +
      'door search, exports), never proposed for an invitation, still counted; a door check-in is still ' +
      'recorded and answered masked. The reason (1–' +
      `${MAX_RESTRICTION_REASON_LENGTH} characters) is shown to ADMIN only. A person only; restricting ` +
      'twice is refused (BAD_USER_INPUT, field actorId). extensions.reason: NOT_FOUND, NOT_A_PERSON, ' +
      'ANONYMISED, ALREADY_RESTRICTED (actorId); REQUIRED, TOO_LONG (reason)',
  })
  @Requires(Permission.RESTRICT_PROCESSING)
  async restrictProcessing(
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Actor> {
    return Actor.view(await this.service.restrict(actorId, reason, user), true);
  }

  @Mutation(() => Actor, {
    description:
      'Lifts the restriction of a person’s processing: visible again to everyone who reads personal ' +
      'data. A person not restricted is refused (BAD_USER_INPUT, field actorId). extensions.reason: ' +
      'NOT_FOUND, NOT_A_PERSON, NOT_RESTRICTED',
  })
  @Requires(Permission.RESTRICT_PROCESSING)
  async liftRestriction(
    @Args('actorId', { type: () => ID }) actorId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Actor> {
    return Actor.view(await this.service.lift(actorId, user), true);
  }

  @ResolveField(() => ActorRestriction, {
    nullable: true,
    description:
      'Since when and why processing is restricted: null unless restricted and the viewer is ADMIN',
  })
  restriction(@Parent() actor: Actor, @Context() ctx: GraphqlContext): ActorRestriction | null {
    return viewerSeesRestricted(ctx) ? actor.restriction : null;
  }
}
