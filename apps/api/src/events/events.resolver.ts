import { Permission } from '@crm/domain';
import { pageSize, UserEntity } from '@crm/persistence';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { toConnection } from '../common/connection';
import { Participation, ParticipationConnection } from '../participations/participation.model';
import { CreateEventInput, EventFilterInput, UpdateEventInput } from './event.inputs';
import { Event, EventConnection } from './event.model';
import { EventsService } from './events.service';

/** Events hold no personal data, so the committee may list them; their participants are personal data. */
@Resolver(() => Event)
@Requires(Permission.READ_AGGREGATES)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => Event, { nullable: true })
  async event(@Args('id', { type: () => ID }) id: string): Promise<Event | null> {
    const event = await this.service.get(id);
    return event && Event.from(event);
  }

  @Query(() => EventConnection, { description: 'Newest first' })
  async events(
    @Args('filter', { type: () => EventFilterInput, nullable: true }) filter: EventFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return toConnection(await this.service.page(filter ?? {}, first, after), Event.from);
  }

  @Mutation(() => Event)
  @Requires(Permission.WRITE_EVENTS)
  async createEvent(@Args('input') input: CreateEventInput, @CurrentUser() user: UserEntity) {
    return Event.from(await this.service.create(input, user));
  }

  @Mutation(() => Event)
  @Requires(Permission.WRITE_EVENTS)
  async updateEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
    @CurrentUser() user: UserEntity,
  ) {
    return Event.from(await this.service.update(id, input, user));
  }

  @ResolveField(() => ParticipationConnection, {
    description: "By participant's name; restricted persons only for ADMIN (RESTRICT_PROCESSING)",
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  async participants(
    @Parent() event: Event,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = await ctx.loaders.participantsOfEvent(pageSize(first), after).load(event.id);
    return toConnection(page, Participation.from);
  }
}
