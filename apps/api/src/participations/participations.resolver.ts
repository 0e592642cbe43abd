import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { Actor } from '../actors/actor.model';
import { Event } from '../events/event.model';
import { viewerSeesRestricted } from '../restriction/restriction-visibility';
import {
  CancelParticipationInput,
  CheckInInput,
  IDEMPOTENCY_KEY_DESCRIPTION,
  OCCURRED_AT_DESCRIPTION,
  RegisterParticipationInput,
} from './participation.inputs';
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
    description:
      'Marks the actor ATTENDED (someone not registered becomes a WALK_IN in the audience); the first ' +
      'check-in time is kept, so repeating it changes nothing. undoCheckIn takes it back.',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async checkIn(@Args('input') input: CheckInInput, @CurrentUser() user: UserEntity) {
    return Participation.from(await this.service.checkIn(input, user));
  }

  @Mutation(() => Participation, {
    description:
      'Checks in the participation whose checkInCode was scanned or typed (case, spaces, missing dashes ' +
      'and O/I/L for 0/1/1 are forgiven). A code that is not one, unknown, of another event or of a ' +
      'cancelled registration is refused with BAD_USER_INPUT, field code, and checks nobody in. ' +
      'Repeating it changes nothing; undoCheckIn takes it back.',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async checkInByCode(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('code', { description: 'The check-in code, e.g. VB-7K3M-9QXD-2HTR' }) code: string,
    @CurrentUser() user: UserEntity,
    @Args('idempotencyKey', { type: () => ID, nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    idempotencyKey?: string | null,
    @Args('occurredAt', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: OCCURRED_AT_DESCRIPTION,
    })
    occurredAt?: Date | null,
  ) {
    return Participation.from(
      await this.service.checkInByCode(eventId, code, { idempotencyKey, occurredAt }, user),
    );
  }

  @Mutation(() => Participation, {
    description:
      "Takes back the actor's latest check-in at the event: the status and check-in time it had before " +
      'come back (REGISTERED and no time, or the earlier check-in time); a walk-in that check-in created ' +
      'is CANCELLED, not deleted. Someone not checked in (or changed since the check-in) is refused with ' +
      'BAD_USER_INPUT, field actorId.',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS)
  async undoCheckIn(@Args('input') input: CheckInInput, @CurrentUser() user: UserEntity) {
    return Participation.from(await this.service.undoCheckIn(input, user));
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
    // A door check-in answers with a restricted person's participation: masked for all but ADMIN.
    return Actor.view(actor, viewerSeesRestricted(ctx));
  }
}
