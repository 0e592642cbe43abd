import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreatePersonInput } from '../actors/actor.inputs';
import { CurrentUser, Requires } from '../auth/decorators';
import { IDEMPOTENCY_KEY_DESCRIPTION, OCCURRED_AT_DESCRIPTION } from '../participations/participation.inputs';
import { Participation } from '../participations/participation.model';
import { seesRestricted } from '../restriction/restriction-visibility';
import { EventAttendance } from './attendance.models';
import { AttendanceService, MAX_QUERY_LENGTH } from './attendance.service';

@Resolver()
export class AttendanceResolver {
  constructor(private readonly service: AttendanceService) {}

  @Query(() => [Participation], {
    description:
      "The event's participations (any status) whose person has every word of the query in their name, " +
      `email or organisation, ignoring case and accents; the name starting with the query first, then a ` +
      `word of the name starting with one of the words, then by name; at most 20. At most ` +
      `${MAX_QUERY_LENGTH} characters. Restricted persons are found only by ADMIN.`,
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  async checkInSearch(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('query') query: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Participation[]> {
    return (await this.service.checkInSearch(eventId, query, seesRestricted(user))).map(Participation.from);
  }

  @Query(() => EventAttendance, {
    description:
      "The event's attendance now; the eventAttendanceChanged subscription follows it live (this query " +
      'is its fallback, polled)',
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  eventAttendance(@Args('eventId', { type: () => ID }) eventId: string): Promise<EventAttendance> {
    return this.service.eventAttendance(eventId);
  }

  @Mutation(() => Participation, {
    description:
      'Checks in someone at the door: the person is found by email, else by name among the ' +
      "event's participants, else created; a registered person keeps role and source, anyone else " +
      'becomes a WALK_IN in the audience. Repeating it changes nothing.',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS, Permission.WRITE_ACTORS)
  async walkIn(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: CreatePersonInput,
    @CurrentUser() user: UserEntity,
    @Args('idempotencyKey', { type: () => ID, nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    idempotencyKey?: string | null,
    @Args('occurredAt', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: OCCURRED_AT_DESCRIPTION,
    })
    occurredAt?: Date | null,
  ): Promise<Participation> {
    return Participation.from(
      await this.service.walkIn(eventId, input, user, { idempotencyKey, occurredAt }),
    );
  }
}
