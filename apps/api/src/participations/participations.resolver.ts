import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { Actor } from '../actors/actor.model';
import { Event } from '../events/event.model';
import { CancelParticipationInput, CheckInInput, RegisterParticipationInput } from './participation.inputs';
import { Participation } from './participation.model';
import { ParticipationsService } from './participations.service';

@Resolver(() => Participation)
@Requires(Permission.READ_PERSONAL_DATA)
export class ParticipationsResolver {
  constructor(private readonly service: ParticipationsService) {}

  @Mutation(() => Participation, {
    description: 'Registers an actor for an event, or updates the registration',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async registerParticipation(
    @Args('input') input: RegisterParticipationInput,
    @CurrentUser() user: UserEntity,
  ) {
    return Participation.from(await this.service.register(input, user));
  }

  @Mutation(() => Participation, {
    description: 'Marks the actor ATTENDED; the first check-in time is kept, so repeating it changes nothing',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async checkIn(@Args('input') input: CheckInInput, @CurrentUser() user: UserEntity) {
    return Participation.from(await this.service.checkIn(input, user));
  }

  @Mutation(() => Participation)
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async cancelParticipation(@Args('input') input: CancelParticipationInput, @CurrentUser() user: UserEntity) {
    return Participation.from(await this.service.cancel(input, user));
  }

  @ResolveField(() => Event)
  async event(@Parent() p: Participation, @Context() ctx: GraphqlContext): Promise<Event> {
    const event = await ctx.loaders.event.load(p.eventId);
    if (!event) throw new Error('participation without its event');
    return Event.from(event);
  }

  @ResolveField(() => Actor)
  async actor(@Parent() p: Participation, @Context() ctx: GraphqlContext): Promise<Actor> {
    const actor = await ctx.loaders.actor.load(p.actorId);
    if (!actor) throw new Error('participation without its actor');
    return Actor.from(actor);
  }
}
