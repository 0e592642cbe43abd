import { DomainValidationError, Permission } from '@crm/domain';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Requires } from '../auth/decorators';
import { EventAttendance } from '../attendance/attendance.models';
import { parseId } from '../common/ids';
import { LiveAttendance } from './live-attendance.service';

@Resolver()
export class LiveAttendanceResolver {
  constructor(private readonly live: LiveAttendance) {}

  @Subscription(() => EventAttendance, {
    description:
      "The event's attendance, live: the current counts at once, then new counts after every change to " +
      "the event's participations (registrations, check-ins and their undoing, walk-ins, cancellations, " +
      'merges, a finished import), at most four times a second. Over WebSocket (graphql-transport-ws) ' +
      'on /graphql; the eventAttendance query is the fallback.',
    resolve: (counts: EventAttendance) => counts,
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  async eventAttendanceChanged(
    @Args('eventId', { type: () => ID }) rawEventId: string,
  ): Promise<AsyncIterableIterator<EventAttendance>> {
    const stream = await this.live.follow(parseId('eventId', rawEventId));
    if (!stream) throw new DomainValidationError('eventId', 'no event has this ID');
    return stream;
  }
}
